using CxFeed.Core.Content;
using static CxFeed.Tests.Content.Reader;

namespace CxFeed.Tests.Content;

/// <summary>
/// Pages that say they are not a post — a WordPress Page or attachment, a front page, a profile, a
/// listing by its JSON-LD — are left out with the reason <c>check</c> prints, though they have a
/// body, a title and a date; posts that look like them are not.
/// </summary>
public class PageKindTests
{
    private const string PostClasses = "post-template-default single single-post postid-4452 single-format-standard";

    [Fact]
    public void A_WordPress_about_page_dated_by_its_seo_plugin_is_not_a_post()
    {
        // Yoast describes a Page as a WebPage with its dates; the theme prints no date on it.
        var about = new WordPressPage
        {
            Metadata = """
                <link rel="canonical" href="https://www.heartofthecustomer.com/about-us/" />
                <meta property="og:type" content="article" />
                <meta property="og:title" content="About Us - Heart of the Customer" />
                <meta property="og:url" content="https://www.heartofthecustomer.com/about-us/" />
                <meta property="og:site_name" content="Heart of the Customer" />
                <meta property="article:modified_time" content="2021-05-02T18:20:11+00:00" />
                """,
            JsonLd = """
                <script type="application/ld+json" class="yoast-schema-graph">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","@id":"https://www.heartofthecustomer.com/#website","url":"https://www.heartofthecustomer.com/","name":"Heart of the Customer"},{"@type":"WebPage","@id":"https://www.heartofthecustomer.com/about-us/#webpage","url":"https://www.heartofthecustomer.com/about-us/","name":"About Us - Heart of the Customer","isPartOf":{"@id":"https://www.heartofthecustomer.com/#website"},"datePublished":"2019-06-11T14:02:36+00:00","dateModified":"2021-05-02T18:20:11+00:00"}]}</script>
                """,
            EntryHeader = """<h1 class="entry-title">About Us</h1>""",
            Content = """
                <p>Heart of the Customer helps B2B companies see their customers&#8217; journeys as the customers live them.</p>
                <p>Founded in 2012 in Minneapolis, we have mapped journeys for software, manufacturing and healthcare firms.</p>
                """,
        }.Html.Replace(PostClasses, "page-template-default page page-id-2", StringComparison.Ordinal);

        var reading = Read(Page("about-us.html", about));

        Assert.Null(reading.Post);
        Assert.Equal(["is not a single post: WordPress marks it a page, not a post (body class 'page')"], Reasons(reading));
    }

    [Fact]
    public void A_WordPress_attachment_page_is_not_a_post_though_classed_single()
    {
        var attachment = new WordPressPage
        {
            EntryHeader = """
                <div class="entry-meta"><span class="posted-on"><time class="entry-date published" datetime="2021-03-16T10:00:00-05:00">March 16, 2021</time></span></div>
                <h1 class="entry-title">journey-map-whiteboard</h1>
                """,
            Content = """<p class="attachment"><a href="https://www.heartofthecustomer.com/wp-content/uploads/2021/03/journey-map-whiteboard.jpg"><img width="300" height="200" src="https://www.heartofthecustomer.com/wp-content/uploads/2021/03/journey-map-whiteboard-300x200.jpg" class="attachment-medium size-medium" alt="A journey map on a whiteboard" /></a></p>""",
        }.Html.Replace(PostClasses, "attachment attachment-template-default single single-attachment postid-4460 attachmentid-4460 attachment-jpeg", StringComparison.Ordinal);

        var reading = Read(Page("journey-mapping-mistakes-to-avoid/journey-map-whiteboard.html", attachment));

        Assert.Null(reading.Post);
        Assert.Equal(["is not a single post: WordPress marks it an attachment's page (body class 'attachment')"], Reasons(reading));
    }

    [Fact]
    public void A_news_sites_front_page_that_gives_the_root_as_its_own_address_is_not_a_post()
    {
        // Not WordPress: no body classes to go by, one lead story that stands out, and a date in the masthead.
        const string frontPage = """
            <!DOCTYPE html>
            <html lang="en-GB"><head><meta charset="utf-8">
            <title>Yahoo UK</title>
            <meta property="og:type" content="website" />
            <meta property="og:url" content="https://uk.yahoo.com/" />
            <meta property="og:site_name" content="Yahoo" />
            </head>
            <body class="yui3-skin-sam ltr">
            <div id="masthead"><h1 class="logo">Yahoo UK</h1><span class="today">24 July 2014</span></div>
            <div id="main"><div class="hero">
            <h2><a href="https://uk.news.yahoo.com/plane-crash-123.html">Passenger plane carrying 116 crashes</a></h2>
            <p>An Algerian passenger plane disappeared from radar while flying from Burkina Faso to Algiers, and officials now confirm that it has crashed in Mali.</p>
            <p>The aircraft, operated for Air Algérie by the Spanish company Swiftair, lost contact fifty minutes after take-off with 110 passengers and six crew aboard.</p>
            </div></div>
            </body></html>
            """;

        var reading = Read(Page("yahoo.html", frontPage));

        Assert.Null(reading.Post);
        Assert.Equal(["is not a single post: its own address https://uk.yahoo.com/ is the site's front page"], Reasons(reading));
    }

    [Fact]
    public void A_post_at_wordpress_plain_permalink_on_the_root_is_a_post()
    {
        var plain = new WordPressPage().Html
            .Replace($"href=\"{WordPressPage.Url}\" />", "href=\"https://www.heartofthecustomer.com/?p=4452\" />", StringComparison.Ordinal)
            .Replace($"content=\"{WordPressPage.Url}\" />", "content=\"https://www.heartofthecustomer.com/?p=4452\" />", StringComparison.Ordinal);

        var post = Post(Page("journey-mapping-mistakes-to-avoid.html", plain));

        Assert.Equal("https://www.heartofthecustomer.com/?p=4452", post.CanonicalUrl.AbsoluteUri);
        Assert.Equal("Journey Mapping Mistakes to Avoid", post.Title);
    }

    [Theory]
    [InlineData("CollectionPage", "its JSON-LD says it is a CollectionPage and names no article")]
    [InlineData("ProfilePage", "its JSON-LD says it is a ProfilePage and names no article")]
    public void A_page_whose_json_ld_says_it_is_a_listing_or_a_profile_is_not_a_post(string type, string why)
    {
        // A headless front end without WordPress's body classes, its SEO plugin's graph kept.
        var page = new WordPressPage
        {
            JsonLd = $$"""
                <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"{{type}}","@id":"https://www.heartofthecustomer.com/topics/journey-mapping/#webpage","url":"https://www.heartofthecustomer.com/topics/journey-mapping/","name":"Journey Mapping","datePublished":"2021-03-16T15:00:00+00:00"}]}</script>
                """,
        }.Html.Replace(PostClasses, "topic-page", StringComparison.Ordinal).Replace("<meta name=\"generator\" content=\"WordPress 5.7.2\" />", "", StringComparison.Ordinal);

        var reading = Read(Page("topics/journey-mapping.html", page));

        Assert.Null(reading.Post);
        Assert.Equal(["is not a single post: " + why], Reasons(reading));
    }

    [Fact]
    public void A_post_whose_graph_also_holds_a_collection_page_is_a_post()
    {
        var post = Post(new WordPressPage
        {
            JsonLd = """
                <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"CollectionPage","@id":"https://www.heartofthecustomer.com/blog/#webpage"},{"@type":"BlogPosting","headline":"Journey Mapping Mistakes to Avoid","datePublished":"2021-03-16T15:00:00+00:00","author":{"@type":"Person","name":"Jim Tincher"}}]}</script>
                """,
        });

        Assert.Equal(("Journey Mapping Mistakes to Avoid", "Jim Tincher"), (post.Title, post.Authors.Single()));
    }

    [Fact]
    public void A_profile_by_its_open_graph_type_is_not_a_post()
    {
        var profile = new WordPressPage
        {
            Metadata = $"""
                <link rel="canonical" href="https://www.heartofthecustomer.com/team/jim-tincher/" />
                <meta property="og:type" content="profile" />
                <meta property="og:title" content="Jim Tincher" />
                <meta property="profile:first_name" content="Jim" />
                <meta property="article:published_time" content="2021-03-16T15:00:00+00:00" />
                """,
        }.Html.Replace(PostClasses, "team-member", StringComparison.Ordinal);

        var reading = Read(Page("team/jim-tincher.html", profile));

        Assert.Null(reading.Post);
        Assert.Equal(["is not a single post: its og:type 'profile' says it is a profile"], Reasons(reading));
    }
}
