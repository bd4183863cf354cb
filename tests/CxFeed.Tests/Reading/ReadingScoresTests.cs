using System.Collections.Immutable;
using System.Text;
using CxFeed.Reading.Corpus;
using CxFeed.Reading.Readers;
using CxFeed.Reading.Scoring;

namespace CxFeed.Tests.Reading;

/// <summary>
/// The reading benchmark's rules (docs/reading.md) score known cases as a person would: a wrong
/// rule would make the whole table wrong. The cases are real pages' shapes from the corpus.
/// </summary>
public class ReadingScoresTests
{
    private const string ArsFirstWords = "Name a home appliance or product, and there's probably a smart version of";

    [Fact]
    public void Recall_and_precision_count_words_as_often_as_they_occur()
    {
        var (recall, precision) = Scores.Overlap("the cat saw the dog", "the cat saw a dog and a bird");

        Assert.Equal(4.0 / 5, recall, 6);  // one "the" of two is missing
        Assert.Equal(4.0 / 8, precision, 6);
    }

    [Fact]
    public void Words_of_two_blocks_are_two_words_and_inline_markup_joins_nothing_apart()
    {
        var text = ReadableText.FromHtml("<p>Share</p><p>Name a <em>smart</em>-home<br>appliance</p><script>var x=1;</script>");

        Assert.Equal(["share", "name", "a", "smart", "home", "appliance"], ReadableText.Words(text));
    }

    [Fact]
    public void A_body_that_kept_the_share_bar_and_related_posts_is_wrong_though_it_holds_every_word()
    {
        const string expected = "Name a home appliance or product, and there's probably a smart version of it.";
        var body = "<div class=\"share\">Share on Facebook Tweet Pin Email</div><p>" + expected +
            "</p><h3>Related posts</h3><ul><li>Ten smart homes</li><li>Renting smart</li></ul>";

        var (recall, precision) = Scores.Overlap(expected, ReadableText.FromHtml(body));

        Assert.Equal(1, recall);
        Assert.True(precision < Scores.PrecisionGoal, $"precision {precision}");
        Assert.False(Scores.IsBodyRight(recall, precision));
    }

    [Theory]
    [InlineData(0.95, 0.90, true)]
    [InlineData(0.949, 1.0, false)]
    [InlineData(1.0, 0.899, false)]
    public void A_body_is_right_from_95_percent_recall_and_90_percent_precision(double recall, double precision, bool right) =>
        Assert.Equal(right, Scores.IsBodyRight(recall, precision));

    [Theory]
    [InlineData("2016-12-19", "2016-12-19T19:08:44-05:00", true)]  // pagesix: the day the page shows, in its own offset…
    [InlineData("2016-12-19", "2016-12-20T00:08:44+00:00", false)] // …not the UTC day of the same instant
    [InlineData("2016-08-10T11:15:53+00:00", "2016-08-10T07:15:53-04:00", true)]
    [InlineData("2016-08-10T11:15:53+00:00", "2016-08-10T07:15:00-04:00", true)] // the page shows minutes only
    [InlineData("2016-08-10T11:15:53+00:00", "2016-08-10T11:15:53+01:00", false)] // an hour off: the zone read wrong
    [InlineData("2016-08-10T11:15:53+00:00", "2016-08-10T00:00:00+00:00", false)] // the day alone is not the instant
    public void Dates_are_the_same_day_where_the_page_shows_a_day_and_the_same_instant_where_it_states_the_time(
        string expected, string actual, bool right) =>
        Assert.Equal(right, Scores.IsDateRight(expected, DateTimeOffset.Parse(actual, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void No_date_is_a_wrong_date() => Assert.False(Scores.IsDateRight("2016-08-10", null));

    [Theory]
    [InlineData("Name a home appliance or product, and there’s probably a smart version of it. Whether…", true)]
    [InlineData("Tech — The connected renter: How to make your apartment smarter Turning your rented space…", false)]
    [InlineData("Sharing is caring! 858 shares Name a home appliance or product, and there’s probably…", false)]
    [InlineData("By Valentina Palladino Aug 10, 2016 11:15 am UTC Name a home appliance or product…", false)]
    [InlineData("4 min read Name a home appliance or product, and there's probably a smart version…", false)]
    [InlineData("Name a home appliance", false)] // the excerpt must hold the first words, not a few of them
    public void An_excerpt_is_clean_when_it_starts_with_the_articles_own_first_words(string excerpt, bool clean) =>
        Assert.Equal(clean, Scores.IsExcerptClean(ArsFirstWords, excerpt));

    [Fact]
    public void An_excerpt_in_japanese_that_starts_with_the_photos_caption_is_not_clean()
    {
        const string firstWords = "文化庁は１日、アート、エンターテインメント";

        Assert.True(Scores.IsExcerptClean(firstWords, "文化庁は1日、アート、エンターテインメント、アニメーション…"));
        Assert.False(Scores.IsExcerptClean(firstWords, "チコちゃん 文化庁は１日、アート、エンターテインメント…"));
    }

    [Theory]
    [InlineData(new[] { "Tom Bennett", "Matt Jancer" }, new[] { "By Tom Bennett and Matt Jancer" }, true)]
    [InlineData(new[] { "Tom Bennett", "Matt Jancer" }, new[] { "Tom Bennett", "Matt Jancer" }, true)]
    [InlineData(new[] { "Tom Bennett", "Matt Jancer" }, new[] { "Matt Jancer", "Tom Bennett" }, false)]
    [InlineData(new[] { "Tom Bennett", "Matt Jancer" }, new[] { "Tom Bennett" }, false)]
    [InlineData(new[] { "Jeremy Herron" }, new[] { "More stories by Jeremy Herron" }, false)]
    [InlineData(new[] { "Jeremy Herron" }, new string[0], false)]
    public void Authors_are_the_same_people_in_the_same_order(string[] expected, string[] actual, bool right) =>
        Assert.Equal(right, Scores.AreAuthorsRight(expected, actual));

    [Theory]
    [InlineData("WTF? What’s The Future?", "WTF? What's the future", true)]
    [InlineData("The connected renter: How to make your apartment smarter", "The connected renter: How to make your apartment smarter | Ars Technica", false)]
    [InlineData("The connected renter: How to make your apartment smarter", null, false)]
    public void Titles_are_the_same_letters_and_digits(string expected, string? actual, bool right) =>
        Assert.Equal(right, Scores.IsTitleRight(expected, actual));

    [Fact]
    public void A_post_left_out_is_wrong_in_every_column_it_is_scored_in()
    {
        var score = PageScore.Of(Post(dated: true), PageReading.None("has no publication date"));

        Assert.Equal((false, false, false, false, false, false),
            (score.Published, score.Title, score.Date, score.Authors, score.Body, score.Excerpt));
        Assert.Contains("not published: has no publication date", score.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void A_post_that_shows_no_date_and_is_left_out_is_scored_in_no_column()
    {
        var score = PageScore.Of(Post(dated: false) with { Published = null }, PageReading.None("has no publication date"));

        Assert.Equal((null, null, null, null, null, null),
            (score.Published, score.Title, score.Date, score.Authors, score.Body, score.Excerpt));
        Assert.Equal("", score.Why);
    }

    [Fact]
    public void A_post_that_shows_no_date_and_is_published_is_scored_on_what_the_feed_shows()
    {
        var page = Post(dated: false) with { Published = null };
        var reading = new PageReading(true, "Ars Technica", DateTimeOffset.UnixEpoch, ["Valentina Palladino"], "<p>" + page.Body + "</p>", ArsFirstWords);

        var score = PageScore.Of(page, reading);

        Assert.Equal((null, false, null, true, true, true), (score.Published, score.Title, score.Date, score.Authors, score.Body, score.Excerpt));
        Assert.Contains("title 'Ars Technica'", score.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_that_is_not_a_post_is_right_only_when_left_out()
    {
        var frontPage = Post(dated: true) with { Kind = "not a post", IsPost = false };
        var published = new PageReading(true, "CNN", null, [], "<p>Top stories</p>", "Top stories");

        Assert.False(PageScore.Of(frontPage, published).Published);
        Assert.True(PageScore.Of(frontPage, PageReading.None("has no body")).Published);
        Assert.Null(PageScore.Of(frontPage, published).Title);
    }

    [Fact]
    public void A_reading_right_in_every_column_is_scored_right_in_every_column()
    {
        var page = Post(dated: true);
        var reading = new PageReading(true, "The connected renter: How to make your apartment smarter",
            DateTimeOffset.Parse("2016-08-10T07:15:53-04:00", System.Globalization.CultureInfo.InvariantCulture),
            ["Valentina Palladino"], "<p>" + page.Body + "</p>", "Name a home appliance or product, and there’s probably a smart version of it.");

        var score = PageScore.Of(page, reading);

        Assert.Equal((true, true, true, true, true, true), (score.Published, score.Title, score.Date, score.Authors, score.Body, score.Excerpt));
        Assert.Equal("", score.Why);
    }

    private static CorpusPage Post(bool dated) => new(
        "postlight--arstechnica.com",
        "https://arstechnica.com/gadgets/2016/08/the-connected-renter-how-to-make-your-apartment-smarter/",
        "blog post",
        "ars",
        IsPost: true,
        Dated: dated,
        "The connected renter: How to make your apartment smarter",
        "2016-08-10T11:15:53+00:00",
        ImmutableArray.Create("Valentina Palladino"),
        ArsFirstWords,
        "Name a home appliance or product, and there's probably a smart version of it.",
        [.. Encoding.UTF8.GetBytes("<html></html>")]);
}
