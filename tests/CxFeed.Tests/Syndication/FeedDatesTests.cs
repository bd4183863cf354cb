using CxFeed.Core.Syndication;

namespace CxFeed.Tests.Syndication;

public class FeedDatesTests
{
    private static readonly FeedDates Chicago = new(TimeZoneInfo.FindSystemTimeZoneById("America/Chicago"));

    [Fact]
    public void A_summer_date_is_written_with_daylight_saving_time()
    {
        var instant = new DateTimeOffset(2021, 6, 8, 13, 30, 0, TimeSpan.Zero);

        Assert.Equal("Tue, 08 Jun 2021 08:30:00 -0500", Chicago.Rfc822(instant));
        Assert.Equal("2021-06-08T08:30:00-05:00", Chicago.Rfc3339(instant));
    }

    [Fact]
    public void A_winter_date_is_written_with_standard_time()
    {
        var instant = new DateTimeOffset(2020, 12, 1, 16, 30, 0, TimeSpan.Zero);

        Assert.Equal("Tue, 01 Dec 2020 10:30:00 -0600", Chicago.Rfc822(instant));
        Assert.Equal("2020-12-01T10:30:00-06:00", Chicago.Rfc3339(instant));
    }

    [Fact]
    public void The_offset_changes_at_the_instant_clocks_spring_forward()
    {
        var lastStandardSecond = new DateTimeOffset(2021, 3, 14, 7, 59, 59, TimeSpan.Zero);

        Assert.Equal("Sun, 14 Mar 2021 01:59:59 -0600", Chicago.Rfc822(lastStandardSecond));
        Assert.Equal("2021-03-14T03:00:00-05:00", Chicago.Rfc3339(lastStandardSecond.AddSeconds(1)));
    }

    [Fact]
    public void The_hour_repeated_in_autumn_is_told_apart_by_its_offset()
    {
        var first = new DateTimeOffset(2021, 11, 7, 6, 30, 0, TimeSpan.Zero);

        Assert.Equal("2021-11-07T01:30:00-05:00", Chicago.Rfc3339(first));
        Assert.Equal("2021-11-07T01:30:00-06:00", Chicago.Rfc3339(first.AddHours(1)));
    }

    [Fact]
    public void A_date_given_in_another_offset_is_written_in_the_site_zone()
    {
        var yoastUtc = new DateTimeOffset(2021, 6, 8, 13, 30, 0, TimeSpan.Zero);
        var pageOffset = new DateTimeOffset(2021, 6, 8, 8, 30, 0, TimeSpan.FromHours(-5));

        Assert.Equal(Chicago.Rfc822(pageOffset), Chicago.Rfc822(yoastUtc));
    }

    [Fact]
    public void Utc_is_written_as_a_numeric_zero_offset_and_fractions_of_a_second_are_dropped()
    {
        var utc = new FeedDates(TimeZoneInfo.Utc);
        var instant = new DateTimeOffset(2019, 3, 5, 0, 20, 0, 999, TimeSpan.Zero);

        Assert.Equal("Tue, 05 Mar 2019 00:20:00 +0000", utc.Rfc822(instant));
        Assert.Equal("2019-03-05T00:20:00+00:00", utc.Rfc3339(instant));
    }

    [Fact]
    public void A_half_hour_offset_keeps_its_minutes()
    {
        var kolkata = new FeedDates(TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata"));

        Assert.Equal("Tue, 08 Jun 2021 19:00:00 +0530", kolkata.Rfc822(new DateTimeOffset(2021, 6, 8, 13, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Dates_do_not_depend_on_the_current_culture()
    {
        var saved = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("fr-FR");
            Assert.Equal("Tue, 08 Jun 2021 08:30:00 -0500", Chicago.Rfc822(new DateTimeOffset(2021, 6, 8, 13, 30, 0, TimeSpan.Zero)));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = saved;
        }
    }
}
