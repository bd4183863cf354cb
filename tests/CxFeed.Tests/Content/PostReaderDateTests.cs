using CxFeed.Core.Content;
using static CxFeed.Tests.Content.Reader;

namespace CxFeed.Tests.Content;

/// <summary>Dates as pages write them, in the seed blog's time zone (America/Chicago).</summary>
public class PostReaderDateTests
{
    /// <summary>The entry header without a <c>&lt;time&gt;</c>, so that no other source disagrees with the metadata under test.</summary>
    private const string HeadingOnly = """<h1 class="entry-title">Journey Mapping Mistakes to Avoid</h1>""";

    private static WordPressPage Published(string datetime) => new()
    {
        Metadata = $"""<meta property="article:published_time" content="{datetime}" />""",
        EntryHeader = HeadingOnly,
    };

    private static WordPressPage TimeElements(string times) => new()
    {
        Metadata = "",
        EntryHeader = $"""
            <h1 class="entry-title">Journey Mapping Mistakes to Avoid</h1>
            <div class="entry-meta"><span class="posted-on">{times}</span></div>
            """,
    };

    [Theory]
    [InlineData("2021-06-08T13:30:00+00:00", "2021-06-08T13:30:00+00:00")]
    [InlineData("2021-06-08T08:30:00-05:00", "2021-06-08T08:30:00-05:00")]
    [InlineData("2021-06-08T13:30:00Z", "2021-06-08T13:30:00+00:00")]
    [InlineData("2021-06-08T13:30:00+0000", "2021-06-08T13:30:00+00:00")]
    [InlineData("2021-06-08 08:30:00-05:00", "2021-06-08T08:30:00-05:00")]
    [InlineData("2021-06-08T13:30:00.250Z", "2021-06-08T13:30:00.250+00:00")]
    [InlineData("2021-06-08T14:30+01:00", "2021-06-08T14:30:00+01:00")]
    [InlineData("  2021-06-08T13:30:00+00:00\n", "2021-06-08T13:30:00+00:00")]
    public void A_date_with_an_offset_keeps_its_instant_and_offset(string written, string expected)
    {
        var post = Post(Published(written));

        var instant = DateTimeOffset.Parse(expected);
        Assert.Equal(instant, post.Published);
        Assert.Equal(instant.Offset, post.Published.Offset);
    }

    [Theory]
    [InlineData("2019-02-12T09:00", "2019-02-12T09:00:00-06:00")]
    [InlineData("2021-06-08T08:30:00", "2021-06-08T08:30:00-05:00")]
    [InlineData("2021-06-08", "2021-06-08T00:00:00-05:00")]
    [InlineData("2021-11-07T01:30:00", "2021-11-07T01:30:00-05:00")]
    [InlineData("2021-11-07T02:30:00", "2021-11-07T02:30:00-06:00")]
    [InlineData("2021-03-14T02:30:00", "2021-03-14T03:30:00-05:00")]
    [InlineData("2021-03-14T01:59:00", "2021-03-14T01:59:00-06:00")]
    public void A_date_without_an_offset_is_wall_clock_time_in_the_site_time_zone(string written, string expected)
    {
        var post = Post(Published(written));

        var instant = DateTimeOffset.Parse(expected);
        Assert.Equal(instant, post.Published);
        Assert.Equal(instant.Offset, post.Published.Offset);
    }

    [Fact]
    public void The_same_wall_clock_time_depends_on_the_site_time_zone()
    {
        var site = new Core.SiteOptions { Title = "Heart of the Customer", BaseUrl = "https://www.heartofthecustomer.com/", TimeZone = "Europe/Paris" };

        var reading = new PostReader(new ContentOptions(), site).Read(Published("2019-02-12T09:00"));

        Assert.Equal(DateTimeOffset.Parse("2019-02-12T09:00:00+01:00"), reading.Post?.Published);
    }

    [Fact]
    public void The_time_element_classed_published_gives_the_date_before_other_time_elements()
    {
        var post = Post(TimeElements("""
            <time datetime="2021-03-17T13:00:00-05:00">March 17, 2021</time>
            <time class="entry-date published" datetime="2021-03-16T10:00:00-05:00">March 16, 2021</time>
            """));

        Assert.Equal(DateTimeOffset.Parse("2021-03-16T10:00:00-05:00"), post.Published);
        Assert.Null(post.Updated);
    }

    [Fact]
    public void A_time_element_without_a_datetime_attribute_gives_its_text()
    {
        var post = Post(TimeElements("""<time class="hero__date"> 2018-03-20T11:00:00-05:00 </time>"""));

        Assert.Equal(DateTimeOffset.Parse("2018-03-20T11:00:00-05:00"), post.Published);
    }

    [Fact]
    public void A_time_classed_both_published_and_updated_is_no_update()
    {
        var post = Post(TimeElements("""<time class="entry-date published updated" datetime="2021-02-23T09:00:00-06:00">February 23, 2021</time>"""));

        Assert.Equal(DateTimeOffset.Parse("2021-02-23T09:00:00-06:00"), post.Published);
        Assert.Null(post.Updated);
    }

    [Fact]
    public void A_modification_date_equal_to_the_publication_is_kept()
    {
        var page = new WordPressPage
        {
            EntryHeader = HeadingOnly,
            Metadata = """
                <meta property="article:published_time" content="2021-06-08T13:30:00+00:00" />
                <meta property="article:modified_time" content="2021-06-08T08:30:00-05:00" />
                """,
        };

        var post = Post(page);

        Assert.Equal(post.Published, post.Updated);
    }

    [Fact]
    public void Open_Graph_updated_time_gives_the_modification_date()
    {
        var page = new WordPressPage
        {
            EntryHeader = HeadingOnly,
            Metadata = """
                <meta property="article:published_time" content="2019-04-09T14:00:00+00:00" />
                <meta property="og:updated_time" content="2019-04-11T18:40:00+00:00" />
                """,
        };

        var post = Post(page);

        Assert.Equal(DateTimeOffset.Parse("2019-04-11T13:40:00-05:00"), post.Updated);
    }

    [Fact]
    public void A_modification_date_earlier_than_the_publication_is_reported_and_ignored()
    {
        var page = new WordPressPage
        {
            EntryHeader = HeadingOnly,
            Metadata = """
                <meta property="article:published_time" content="2021-06-08T13:30:00+00:00" />
                <meta property="article:modified_time" content="2021-06-01T13:30:00+00:00" />
                """,
        };

        var reading = Read(page);

        Assert.NotNull(reading.Post);
        Assert.Null(reading.Post.Updated);
        Assert.Equal(
            ["ignored the modification date '2021-06-01T13:30:00+00:00' (article:modified_time): it is earlier than the publication date '2021-06-08T13:30:00+00:00'"],
            Reasons(reading));
    }

    [Fact]
    public void An_unparsable_modification_date_is_reported_and_the_next_source_taken()
    {
        var page = new WordPressPage
        {
            EntryHeader = HeadingOnly,
            Metadata = """
                <meta property="article:published_time" content="2021-06-08T13:30:00+00:00" />
                <meta property="article:modified_time" content="last Thursday" />
                <meta property="og:updated_time" content="2021-06-10T16:02:00+00:00" />
                """,
        };

        var reading = Read(page);

        Assert.Equal(DateTimeOffset.Parse("2021-06-10T16:02:00+00:00"), reading.Post?.Updated);
        Assert.Equal(["ignored an unparsable modification date 'last Thursday' (article:modified_time)"], Reasons(reading));
    }

    [Fact]
    public void An_unparsable_publication_date_is_reported_and_the_next_source_taken()
    {
        var page = new WordPressPage
        {
            JsonLd = """
                <script type="application/ld+json">{"@context":"https://schema.org","@type":"BlogPosting","headline":"Journey Mapping Mistakes to Avoid","datePublished":"March 2021"}</script>
                """,
        };

        var reading = Read(page);

        Assert.Equal(DateTimeOffset.Parse("2021-03-16T15:00:00+00:00"), reading.Post?.Published);
        Assert.Equal(["ignored an unparsable publication date 'March 2021' (JSON-LD datePublished)"], Reasons(reading));
    }

    [Theory]
    [InlineData("March 2021")]
    [InlineData("last Thursday")]
    [InlineData("03/04/2021")]
    [InlineData("2021-13-01T10:00:00-05:00")]
    [InlineData("2021-02-30T10:00:00-05:00")]
    [InlineData("2021-03-16T24:00:00-05:00")]
    [InlineData("2021-03-16T10:00:00+25:00")]
    [InlineData("２０２１-03-16")]
    [InlineData("0001-01-01T00:00:00+01:00")]
    public void A_page_whose_only_publication_date_is_unparsable_is_left_out(string written)
    {
        var page = new WordPressPage
        {
            Metadata = $"""<meta property="article:published_time" content="{written}" />""",
            EntryHeader = """<h1 class="entry-title">Journey Mapping Mistakes to Avoid</h1>""",
        };

        var reading = Read(page);

        Assert.Null(reading.Post);
        Assert.Equal([$"has an unparsable publication date '{written}' (article:published_time)"], Reasons(reading));
    }

    [Fact]
    public void A_page_with_no_publication_date_is_left_out()
    {
        var reading = Read(TimeElements(""));

        Assert.Null(reading.Post);
        Assert.Equal(["has no publication date: none of JSON-LD datePublished, article:published_time, microdata datePublished, hAtom published, <meta name=\"date\">, <meta name=\"pubdate\">, DC.date.issued, parsely-pub-date, sailthru.date, <time>, the page's text, parsely-page pub_date gives one"], Reasons(reading));
    }
}
