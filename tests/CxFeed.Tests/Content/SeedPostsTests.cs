using System.Collections.Immutable;
using CxFeed.Core.Content;

namespace CxFeed.Tests.Content;

/// <summary>
/// The 20 seed posts read as the lead's table (/work/wt/SEEDS-TABLE.md) fixes them: exact titles of
/// the seed documents, ids, canonical URLs, and the published and modified instants.
/// </summary>
public class SeedPostsTests
{
    private const string Site = "https://www.heartofthecustomer.com/";

    /// <summary>slug, title, shortlink id (null: none), published, modified (null: none).</summary>
    public static readonly TheoryData<string, string, int?, string, string?> Table = new()
    {
        { "your-next-cx-hire-shouldnt-be-a-cx-hire", "Your Next CX Hire…Shouldn’t Be a CX Hire", 4687, "2021-06-08T08:30:00-05:00", "2021-06-10T11:02:00-05:00" },
        { "cx-needs-change-management", "CX Needs Change Management", 4603, "2021-05-11T09:15:00-05:00", null },
        { "dont-go-the-extra-mile-in-the-wrong-direction", "Don’t “Go the Extra Mile” in the Wrong Direction!", null, "2021-04-13T07:45:00-05:00", null },
        { "journey-mapping-mistakes-to-avoid", "Journey Mapping Mistakes to Avoid", 4452, "2021-03-16T10:00:00-05:00", "2021-09-02T16:20:00-05:00" },
        { "backorder-issues-the-high-cost-of-reduced-inventory", "Backorder Issues: The High Cost of Reduced Inventory", 4377, "2021-02-23T09:00:00-06:00", null },
        { "five-questions-to-answer-for-customer-journey-mapping-success", "Five Questions To Answer for Customer Journey Mapping Success", 4301, "2021-02-02T08:00:00-06:00", null },
        { "2021-the-year-of-cx-data", "2021: The Year of CX Data", 4215, "2021-01-12T09:30:00-06:00", "2021-01-13T08:05:00-06:00" },
        { "unmask-the-power-of-social-proof", "Unmask the Power of Social Proof", null, "2020-12-01T10:30:00-06:00", null },
        { "for-b2c-cleanliness-is-the-new-black", "For B2C, Cleanliness Is the New Black", 4012, "2020-10-27T09:00:00-05:00", null },
        { "cx-day-topic-how-to-become-a-trusted-advisor", "CX Day Topic: How to Become a Trusted Advisor", 3954, "2020-10-06T07:00:00-05:00", null },
        { "the-why-behind-cx-pros-failure-to-prove-business-results", "The “Why” Behind CX Pros’ Failure to Prove Business Results", 2702, "2019-04-09T09:00:00-05:00", "2019-04-11T13:40:00-05:00" },
        { "the-bots-are-coming", "The Bots are Coming!", null, "2019-03-05T18:20:00-06:00", null },
        { "stop-playing-cx-whack-a-mole", "Stop Playing CX Whack-A-Mole", 2580, "2019-02-12T09:00:00-06:00", null },
        { "four-ideas-for-navigating-backorders-with-b2b-customers", "Four Ideas for Navigating Backorders with B2B Customers", 2533, "2019-01-15T08:45:00-06:00", null },
        { "interview-building-a-world-class-cx-capability", "Interview: Building a World-Class CX Capability", null, "2018-03-20T11:00:00-05:00", null },
        { "5-reasons-why-cx-should-focus-on-the-b2b-pre-sales-journey", "5 reasons why CX should focus on the B2B Pre-Sales Journey", 1630, "2017-09-12T09:00:00-05:00", null },
        { "why-your-ceo-isnt-impressed-with-your-work", "Why Your CEO Isn’t Impressed with Your Work", 1412, "2017-05-16T06:30:00-05:00", null },
        { "your-cx-scorecard-is-probably-measuring-the-wrong-thing", "Your CX Scorecard is Probably Measuring the Wrong Thing", 1395, "2017-05-09T09:10:00-05:00", "2018-01-04T15:00:00-06:00" },
        { "cxos-three-ways-to-help-save-your-cmos-job", "CXOs: Three Ways to Help Save Your CMO’s Job", 1287, "2017-02-14T09:00:00-06:00", null },
        { "what-is-the-most-important-contact-center-metric", "What is the Most Important Contact Center Metric?", 1204, "2017-01-17T08:00:00-06:00", null },
    };

    private static readonly Lazy<Task<ContentReading>> Reading = new(async () =>
        new PostReader(new ContentOptions(), SeedPages.Site).ReadAll(await SeedPages.ReadAsync()));

    [Fact]
    public async Task All_twenty_seed_pages_read_without_a_problem()
    {
        var reading = await Reading.Value;

        Assert.Empty(reading.Problems);
        Assert.Equal(20, reading.Posts.Length);
    }

    [Theory]
    [MemberData(nameof(Table))]
    public async Task Each_seed_post_has_the_title_id_url_and_dates_of_the_table(string slug, string title, int? shortlink, string published, string? modified)
    {
        var post = await Post(slug);
        var canonical = $"{Site}{slug}/";

        Assert.Equal(title, post.Title);
        Assert.Equal(shortlink is { } id ? $"{Site}?p={id}" : canonical, post.Id);
        Assert.Equal(canonical, post.CanonicalUrl.AbsoluteUri);
        Assert.Equal(DateTimeOffset.Parse(published).UtcDateTime, post.Published.UtcDateTime);
        Assert.Equal(modified is null ? null : DateTimeOffset.Parse(modified).UtcDateTime, post.Updated?.UtcDateTime);
    }

    [Fact]
    public async Task The_seed_posts_come_in_the_folder_order_of_their_file_names()
    {
        var reading = await Reading.Value;

        var expected = Table.Select(row => (string)row[0] + ".html").Order(StringComparer.Ordinal);
        Assert.Equal(expected, reading.Posts.Select(post => post.Source));
    }

    /// <summary>The sets of the seeds' README, compared case-insensitively as it says.</summary>
    [Theory]
    [InlineData("your-next-cx-hire-shouldnt-be-a-cx-hire", "CX Strategy, Change Management", "hiring, CX team, change management")]
    [InlineData("cx-needs-change-management", "Change Management", "change management, CX program, silos")]
    [InlineData("dont-go-the-extra-mile-in-the-wrong-direction", "Customer Experience", "customer expectations, B2B, tradeoffs")]
    [InlineData("journey-mapping-mistakes-to-avoid", "Journey Mapping", "journey mapping, living journey maps, CX strategy")]
    [InlineData("backorder-issues-the-high-cost-of-reduced-inventory", "B2B, Journey Mapping", "backorders, supply chain, B2B")]
    [InlineData("five-questions-to-answer-for-customer-journey-mapping-success", "Journey Mapping", "Journey Mapping, CX Strategy")]
    [InlineData("2021-the-year-of-cx-data", "CX Data", "CX data, data hygiene, digital transformation")]
    [InlineData("unmask-the-power-of-social-proof", "B2B", "social proof, pre-sales journey, b2b")]
    [InlineData("for-b2c-cleanliness-is-the-new-black", "Customer Experience", "COVID-19, B2C, journey mapping")]
    [InlineData("cx-day-topic-how-to-become-a-trusted-advisor", "B2B, Customer Experience", "CX Day, trusted advisor, B2B")]
    [InlineData("the-why-behind-cx-pros-failure-to-prove-business-results", "CX Strategy", "business results, ROI, Forrester")]
    [InlineData("the-bots-are-coming", "Contact Center", "chatbots, contact center, AI")]
    [InlineData("stop-playing-cx-whack-a-mole", "Voice of the Customer", "root cause, Journey Mapping")]
    [InlineData("four-ideas-for-navigating-backorders-with-b2b-customers", "B2B", "backorders, B2B journey mapping")]
    [InlineData("interview-building-a-world-class-cx-capability", "CX Strategy", "interview, CEM, CX capability")]
    [InlineData("5-reasons-why-cx-should-focus-on-the-b2b-pre-sales-journey", "B2B, Journey Mapping", "pre-sales journey, B2B buying")]
    [InlineData("why-your-ceo-isnt-impressed-with-your-work", "CX Strategy", "executives, ROI, CX scorecard")]
    [InlineData("your-cx-scorecard-is-probably-measuring-the-wrong-thing", "CX Data", "metrics, CX scorecard, retention")]
    [InlineData("cxos-three-ways-to-help-save-your-cmos-job", "CX Strategy", "CMO, marketing, customer journey")]
    [InlineData("what-is-the-most-important-contact-center-metric", "Contact Center", "metrics, contact center, ICMI")]
    public async Task Each_seed_post_has_the_categories_and_tags_of_the_seeds_readme(string slug, string categories, string tags)
    {
        var post = await Post(slug);

        Assert.Equal(Set(categories), post.Categories.Select(Lower).Order());
        Assert.Equal(Set(tags), post.Tags.Select(Lower).Order());
    }

    [Fact]
    public async Task Every_seed_post_names_Jim_Tincher_the_one_without_metadata_by_its_hCard_byline()
    {
        var reading = await Reading.Value;

        Assert.All(reading.Posts, post => Assert.Equal<string>(["Jim Tincher"], post.Authors));
    }

    [Theory]
    [InlineData("cx-needs-change-management", "<!--more-->")]
    [InlineData("journey-mapping-mistakes-to-avoid", "<span id=\"more-4452\"></span>")]
    [InlineData("five-questions-to-answer-for-customer-journey-mapping-success", "<span id=\"more-4301\"></span>")]
    [InlineData("cx-day-topic-how-to-become-a-trusted-advisor", "<!--more-->")]
    [InlineData("stop-playing-cx-whack-a-mole", "<span id=\"more-2580\"></span>")]
    [InlineData("your-cx-scorecard-is-probably-measuring-the-wrong-thing", "<!--more-->")]
    public async Task The_six_seed_posts_with_a_more_marker_say_where_it_is(string slug, string marker)
    {
        var post = await Post(slug);

        Assert.NotNull(post.MoreMarker);
        Assert.StartsWith(marker, post.BodyHtml[post.MoreMarker.Value..], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_fourteen_seed_posts_without_a_more_marker_have_none()
    {
        var reading = await Reading.Value;

        Assert.Equal(14, reading.Posts.Count(post => post.MoreMarker is null));
    }

    [Fact]
    public async Task No_seed_post_has_a_manual_excerpt()
    {
        var reading = await Reading.Value;

        Assert.All(reading.Posts, post => Assert.Null(post.ManualExcerpt));
    }

    [Fact]
    public async Task The_windows_1252_seed_page_reads_its_typographic_characters()
    {
        var post = await Post("your-cx-scorecard-is-probably-measuring-the-wrong-thing");

        Assert.Contains("’", post.BodyHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("\uFFFD", post.BodyHtml, StringComparison.Ordinal);
    }

    private static async Task<Post> Post(string slug) =>
        Assert.Single((await Reading.Value).Posts, post => post.Source == slug + ".html");

    private static IOrderedEnumerable<string> Set(string list) => list.Split(", ").Select(Lower).Order(StringComparer.Ordinal);

    private static string Lower(string value) => value.ToLowerInvariant();
}
