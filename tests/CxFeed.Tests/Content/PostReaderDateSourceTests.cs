using CxFeed.Core.Content;
using static CxFeed.Tests.Content.Reader;

namespace CxFeed.Tests.Content;

/// <summary>
/// Every place real themes and plugins put a post's date, each in the markup that writes it, on
/// a page with no other date (no article:published_time): the seed blog's time zone, America/Chicago.
/// </summary>
public class PostReaderDateSourceTests
{
    private const string Canonical = $"""<link rel="canonical" href="{WordPressPage.Url}" />""";

    private const string Heading = """<h1 class="entry-title">Journey Mapping Mistakes to Avoid</h1>""";

    /// <summary>A page whose only date is <paramref name="header"/> (in the entry header) or <paramref name="footer"/> (in the entry footer, after the content).</summary>
    private static WordPressPage Dated(string header = Heading, string footer = "", string head = "", string jsonLd = "") => new()
    {
        Metadata = Canonical + head,
        JsonLd = jsonLd,
        EntryHeader = header,
        EntryFooter = footer,
    };

    private static DateTimeOffset At(string instant) => DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Twenty_Twenty_One_puts_the_time_in_the_entry_footer_after_the_content_and_it_is_read_not_the_comment_time()
    {
        var page = Dated(footer: """
            <div class="posted-by"><span class="posted-on">Published <time class="entry-date published updated" datetime="2021-03-16T10:00:00-05:00">March 16, 2021</time></span><span class="byline">By <a href="https://www.heartofthecustomer.com/author/jim-tincher/" rel="author">Jim Tincher</a></span></div>
            """);

        var post = Post(page);

        Assert.Equal(At("2021-03-16T10:00:00-05:00"), post.Published);
        Assert.Null(post.Updated);
        Assert.Equal<string>(["Jim Tincher"], post.Authors);
    }

    [Fact]
    public void A_block_theme_prints_the_date_after_the_content_without_an_article_element()
    {
        // Twenty Twenty-Two's single template: no <article>, the post date after the content, then the comments block.
        const string html = """
            <!DOCTYPE html><html lang="en-US"><head><meta charset="UTF-8"><title>Journey Mapping Mistakes to Avoid &#8211; Heart of the Customer</title></head>
            <body class="post-template-default single single-post postid-4452 wp-embed-responsive">
            <div class="wp-site-blocks"><header class="wp-block-template-part"><div class="wp-block-group"><p class="wp-block-site-title"><a href="https://www.heartofthecustomer.com" rel="home">Heart of the Customer</a></p></div></header>
            <main class="wp-block-group"><div class="wp-block-group"><h1 style="margin-bottom:var(--wp--custom--spacing--medium, 6rem)" class="alignwide wp-block-post-title">Journey Mapping Mistakes to Avoid</h1></div>
            <div class="entry-content wp-block-post-content"><p>Journey maps are powerful tools. But we&#8217;ve seen them go wrong in a few predictable ways.</p></div>
            <div class="wp-container-3 wp-block-group"><div class="wp-container-1 wp-block-group"><div class="wp-block-post-date"><time datetime="2021-03-16T10:00:00-05:00">March 16, 2021</time></div><div class="wp-block-post-author"><div class="wp-block-post-author__content"><p class="wp-block-post-author__name">Jim Tincher</p></div></div></div></div>
            <div class="wp-block-comments"><ol class="wp-block-comment-template"><li id="comment-812" class="comment even"><div class="wp-block-comment-author-name">Pat Reader</div><div class="wp-block-comment-date"><time datetime="2021-03-17T13:00:00-05:00">March 17, 2021 at 1:00 pm</time></div></li></ol></div>
            </main>
            <footer class="wp-block-template-part"><p class="has-text-align-right">Proudly powered by WordPress · © 2022 Heart of the Customer</p></footer></div></body></html>
            """;

        var post = Post(Page(WordPressPage.Slug + ".html", html));

        Assert.Equal("Journey Mapping Mistakes to Avoid", post.Title);
        Assert.Equal(At("2021-03-16T10:00:00-05:00"), post.Published);
        Assert.Equal<string>(["Jim Tincher"], post.Authors);
    }

    public static readonly TheoryData<string, string> JsonLdBlocks = new()
    {
        // Yoast's graph on a page type without an Article node: the WebPage carries the dates.
        { "a WebPage node", """{"@context":"https://schema.org","@graph":[{"@type":"WebSite","@id":"https://www.heartofthecustomer.com/#website","name":"Heart of the Customer"},{"@type":"WebPage","@id":"https://www.heartofthecustomer.com/journey-mapping-mistakes-to-avoid/#webpage","name":"Journey Mapping Mistakes to Avoid - Heart of the Customer","datePublished":"2021-03-16T15:00:00+00:00","dateModified":"2021-03-18T15:00:00+00:00"}]}""" },
        // Themes that still write for browsers without script support.
        { "CDATA", "//<![CDATA[\n" + """{"@context":"https://schema.org","@type":"BlogPosting","headline":"Journey Mapping Mistakes to Avoid","datePublished":"2021-03-16T15:00:00+00:00"}""" + "\n//]]>" },
        { "an HTML comment", """<!--{"@context":{"@vocab":"https://schema.org/"},"@type":"NewsArticle","headline":"Journey Mapping Mistakes to Avoid","datePublished":"2021-03-16T15:00:00+00:00"}-->""" },
        // A plugin that prints the excerpt with its line breaks inside a JSON string.
        { "raw line breaks in a string", "{\"@context\":\"https://schema.org\",\"@type\":\"Article\",\"description\":\"Journey maps are powerful tools.\nBut we have seen them go wrong.\",\"datePublished\":\"2021-03-16T15:00:00+00:00\"}" },
        { "a page's mainEntity", """{"@context":"https://schema.org","@type":"WebPage","mainEntity":{"@type":"BlogPosting","headline":"Journey Mapping Mistakes to Avoid","datePublished":"2021-03-16T15:00:00+00:00"}}""" },
        { "a nested graph", """[{"@context":"https://schema.org","@graph":[{"@graph":[{"@type":"Article","headline":"Journey Mapping Mistakes to Avoid","datePublished":"2021-03-16T15:00:00+00:00"}]}]}]""" },
    };

    [Theory]
    [MemberData(nameof(JsonLdBlocks))]
    public void JSON_LD_gives_the_date_however_the_block_is_written(string shape, string json)
    {
        var post = Post(Dated(jsonLd: $"""<script type="application/ld+json">{json}</script>"""));

        Assert.True(post.Published == At("2021-03-16T10:00:00-05:00"), shape);
    }

    [Theory]
    [InlineData("""<meta itemprop="datePublished" content="2021-03-16T10:00:00-05:00">""")]
    [InlineData("""<time itemprop="datePublished" datetime="2021-03-16T10:00:00-05:00">March 16, 2021</time>""")]
    [InlineData("""<span itemprop="datePublished" content="2021-03-16T10:00:00-05:00">Tuesday</span>""")]
    public void Microdata_datePublished_gives_the_date_from_content_or_datetime(string markup)
    {
        var page = Dated(header: Heading + $"""<div class="entry-meta" itemscope itemtype="https://schema.org/BlogPosting">{markup}</div>""");

        Assert.Equal(At("2021-03-16T10:00:00-05:00"), Post(page).Published);
    }

    [Theory]
    // hAtom's abbr pattern, as old themes and Blogger write it.
    [InlineData("""<abbr class="published" title="2021-03-16T10:00:00-05:00">March 16, 2021</abbr>""", "2021-03-16T10:00:00-05:00")]
    // Divi: the date only as text, in a span classed published.
    [InlineData("""<p class="post-meta"> by <span class="author vcard"><a href="https://www.heartofthecustomer.com/author/jim-tincher/" title="Posts by Jim Tincher" rel="author">Jim Tincher</a></span> | <span class="published">Mar 16, 2021</span></p>""", "2021-03-16T00:00:00-05:00")]
    // Microformats 2.
    [InlineData("""<time class="dt-published" datetime="2021-03-16 10:00:00-0500">March 16, 2021</time>""", "2021-03-16T10:00:00-05:00")]
    public void An_element_classed_published_gives_the_date(string markup, string expected)
    {
        var page = Dated(header: Heading + markup);

        Assert.Equal(At(expected), Post(page).Published);
    }

    [Theory]
    [InlineData("date", "2021-03-16T10:00:00-05:00")]
    [InlineData("pubdate", "2021-03-16T10:00:00-05:00")]
    [InlineData("DC.date.issued", "2021-03-16T10:00:00-05:00")]
    [InlineData("parsely-pub-date", "2021-03-16T15:00:00Z")]
    [InlineData("sailthru.date", "2021-03-16 10:00:00")]
    [InlineData("date", "Tue, 16 Mar 2021 15:00:00 GMT")]
    public void A_date_meta_tag_gives_the_date(string name, string content)
    {
        var page = Dated(head: $"""<meta name="{name}" content="{content}" />""");

        Assert.Equal(At("2021-03-16T10:00:00-05:00"), Post(page).Published);
    }

    [Fact]
    public void A_meta_tag_written_with_value_instead_of_content_is_read()
    {
        var page = Dated(head: """<meta value="2021-03-16T15:00:00+00:00" name="article:published_time">""");

        Assert.Equal(At("2021-03-16T10:00:00-05:00"), Post(page).Published);
    }

    [Theory]
    // The day in the attribute, the time in the text: the text is the more precise, same day.
    [InlineData("""<time class="entry-date" datetime="2017-01-18">January 18, 2017 11:00 PM PST</time>""", "2017-01-18T23:00:00-08:00")]
    // No attribute at all.
    [InlineData("""<time class="entry-date">January 18, 2017 11:00 PM PST</time>""", "2017-01-18T23:00:00-08:00")]
    [InlineData("""<time>Posted: Jan 18, 2017 9:27 AM ET</time>""", "2017-01-18T09:27:00-05:00")]
    [InlineData("""<time>18. Januar 2017 um 23:00 Uhr</time>""", "2017-01-18T23:00:00-06:00")]
    public void A_time_element_with_readable_text_gives_the_instant_it_says(string markup, string expected)
    {
        var post = Post(Dated(header: Heading + markup));

        Assert.Equal(At(expected), post.Published);
    }

    [Theory]
    [InlineData("March 3, 2021")]
    [InlineData("Mar 3rd, 2021")]
    [InlineData("Wednesday, 3 March 2021")]
    [InlineData("3 mars 2021")]
    [InlineData("3. März 2021")]
    [InlineData("3 de marzo de 2021")]
    [InlineData("3 marzo 2021")]
    [InlineData("3 de março de 2021")]
    [InlineData("3 maart 2021")]
    [InlineData("3 marca 2021")]
    [InlineData("3 марта 2021")]
    [InlineData("2021年3月3日")]
    [InlineData("03.03.2021")]
    [InlineData("2021/03/03")]
    public void A_date_written_in_the_post_header_in_a_common_language_gives_the_day(string written)
    {
        // GeneratePress-like header without a <time>: the date as text between the heading and the content.
        var page = Dated(header: Heading + $"""<div class="entry-info"><span>Posted on {written}</span> <span>in <a href="https://www.heartofthecustomer.com/category/journey-mapping/">Journey Mapping</a></span></div>""");

        var post = Post(page);

        Assert.Equal(At("2021-03-03T00:00:00-06:00"), post.Published);
    }

    [Fact]
    public void A_date_after_Updated_is_not_the_publication_when_another_is_shown()
    {
        var page = Dated(header: Heading + """<div class="post-meta">Updated: April 2, 2021 · Originally published March 3, 2021</div>""");

        Assert.Equal(At("2021-03-03T00:00:00-06:00"), Post(page).Published);
    }

    [Fact]
    public void The_dates_of_comments_related_posts_and_the_copyright_line_are_never_the_post_s()
    {
        var page = Dated(
            header: Heading,
            footer: """
                <div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline">Related</h3><div class="jp-relatedposts-items"><div class="jp-relatedposts-post"><h4 class="jp-relatedposts-post-title">CX Needs Change Management</h4><p class="jp-relatedposts-post-date">May 11, 2021</p></div></div></div>
                """);

        var reading = Read(page);

        Assert.Null(reading.Post);
        Assert.Equal(
            ["has no publication date: none of JSON-LD datePublished, article:published_time, microdata datePublished, hAtom published, <meta name=\"date\">, <meta name=\"pubdate\">, DC.date.issued, parsely-pub-date, sailthru.date, <time>, the page's text, parsely-page pub_date gives one"],
            Reasons(reading));
    }

    [Fact]
    public void Metadata_wins_over_the_markup_and_check_warns_when_they_disagree()
    {
        var page = Dated(
            head: """<meta property="article:published_time" content="2021-03-16T15:00:00+00:00" />""",
            header: Heading + """<span class="posted-on"><time class="entry-date published" datetime="2019-03-16T10:00:00-05:00">March 16, 2019</time></span>""");

        var reading = Read(page);

        Assert.Equal(At("2021-03-16T10:00:00-05:00"), reading.Post?.Published);
        Assert.Equal(
            ["has publication dates that disagree: '2021-03-16T15:00:00+00:00' (article:published_time) is used, not '2019-03-16T10:00:00-05:00' (hAtom published)"],
            Reasons(reading));
    }

    [Fact]
    public void A_shown_day_agrees_with_an_instant_late_that_day_in_another_zone()
    {
        var page = Dated(
            head: """<meta property="article:published_time" content="2021-03-17T02:30:00+00:00" />""",
            header: Heading + """<time class="entry-date published">March 16, 2021</time>""");

        var post = Post(page);

        Assert.Equal(At("2021-03-17T02:30:00+00:00"), post.Published);
    }

    [Fact]
    public void A_time_classed_updated_is_only_the_update()
    {
        var page = Dated(header: Heading + """<time class="updated" datetime="2021-09-02T16:20:00-05:00">September 2, 2021</time><span class="posted-on">March 16, 2021</span>""");

        var post = Post(page);

        Assert.Equal(At("2021-03-16T00:00:00-05:00"), post.Published);
        Assert.Equal(At("2021-09-02T16:20:00-05:00"), post.Updated);
    }
}
