using CxFeed.Core.Content;
using static CxFeed.Tests.Content.Reader;

namespace CxFeed.Tests.Content;

/// <summary>Authors and titles as real themes, SEO plugins and news sites write them.</summary>
public class PostReaderAuthorTitleTests
{
    private const string Metadata = $"""
        <link rel="canonical" href="{WordPressPage.Url}" />
        <meta property="og:site_name" content="Heart of the Customer" />
        <meta property="article:published_time" content="2021-03-16T15:00:00+00:00" />
        """;

    private const string Heading = """<h1 class="entry-title">Journey Mapping Mistakes to Avoid</h1>""";

    private static WordPressPage Bylined(string header, string metadata = Metadata, string jsonLd = "") => new()
    {
        Metadata = metadata,
        JsonLd = jsonLd,
        EntryHeader = Heading + header,
    };

    [Fact]
    public void A_JSON_LD_author_that_is_the_publishing_organization_gives_way_to_the_byline()
    {
        var jsonLd = """
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"Organization","@id":"https://www.heartofthecustomer.com/#organization","name":"Heart of the Customer"},{"@type":"BlogPosting","headline":"Journey Mapping Mistakes to Avoid","datePublished":"2021-03-16T15:00:00+00:00","author":{"@id":"https://www.heartofthecustomer.com/#organization"},"publisher":{"@id":"https://www.heartofthecustomer.com/#organization"}}]}</script>
            """;

        var post = Post(Bylined("""<span class="byline"> by <span class="author vcard"><a class="url fn n" href="https://www.heartofthecustomer.com/author/jim-tincher/">Jim Tincher</a></span></span>""", jsonLd: jsonLd));

        Assert.Equal<string>(["Jim Tincher"], post.Authors);
    }

    [Fact]
    public void Astra_and_GeneratePress_microdata_give_the_author_s_name()
    {
        var post = Post(Bylined("""
            <div class="entry-meta"><span class="posted-by vcard author" itemtype="https://schema.org/Person" itemscope="itemscope" itemprop="author"> By <a title="View all posts by Jim Tincher" href="https://www.heartofthecustomer.com/author/jim-tincher/" rel="author" class="url fn n" itemprop="url"><span class="author-name" itemprop="name">Jim Tincher</span></a></span></div>
            """));

        Assert.Equal<string>(["Jim Tincher"], post.Authors);
    }

    [Fact]
    public void A_site_name_in_the_author_meta_is_not_an_author()
    {
        var post = Post(Bylined(
            """<div class="byline">Written by <a href="https://www.heartofthecustomer.com/author/jim-tincher/">Jim Tincher</a></div>""",
            Metadata + """<meta name="author" content="Heart of the Customer" />"""));

        Assert.Equal<string>(["Jim Tincher"], post.Authors);
    }

    [Theory]
    [InlineData("By Jim Tincher")]
    [InlineData("Posted by Jim Tincher")]
    [InlineData("Written by: Jim Tincher")]
    [InlineData("ByJim Tincher")]
    [InlineData("Von Jim Tincher")]
    [InlineData("Par Jim Tincher")]
    [InlineData("Por Jim Tincher")]
    [InlineData("Door Jim Tincher")]
    [InlineData("Author: Jim Tincher")]
    [InlineData("By Jim Tincher on March 16, 2021")]
    [InlineData("Jim Tincher | CEO")]
    [InlineData("Jim Tincher @jimtincher")]
    [InlineData("Tincher, Jim")]
    public void A_byline_s_words_are_taken_off_the_name(string byline)
    {
        var post = Post(Bylined($"""<div class="post-byline">{byline}</div>"""));

        Assert.Equal<string>(["Jim Tincher"], post.Authors);
    }

    [Theory]
    [InlineData("By Jim Tincher and Nicole Newton")]
    [InlineData("By Jim Tincher &amp; Nicole Newton")]
    [InlineData("Von Jim Tincher und Nicole Newton")]
    [InlineData("By Jim Tincher, Nicole Newton, Heart of the Customer")]
    public void Several_authors_in_a_byline_are_kept_in_order(string byline)
    {
        var post = Post(Bylined($"""<p class="article-byline">{byline}</p>"""));

        Assert.Equal<string>(["Jim Tincher", "Nicole Newton"], post.Authors);
    }

    [Fact]
    public void Links_to_author_pages_give_the_names_but_not_their_see_full_bio_links()
    {
        var post = Post(Bylined("""
            <div class="c-byline"><a href="https://www.heartofthecustomer.com/author/jim-tincher/">Jim Tincher</a>, <a href="https://www.heartofthecustomer.com/author/nicole-newton/">Nicole Newton</a>
            <a href="https://www.heartofthecustomer.com/author/jim-tincher/">See full bio</a></div>
            """));

        Assert.Equal<string>(["Jim Tincher", "Nicole Newton"], post.Authors);
    }

    [Fact]
    public void An_author_link_in_a_comment_or_the_sidebar_is_not_the_post_s()
    {
        var page = new WordPressPage
        {
            Metadata = Metadata,
            EntryHeader = Heading,
            AfterFooter = """<aside class="widget widget_authors"><a href="https://www.heartofthecustomer.com/author/pat/" rel="author">Pat Writer</a></aside>""",
        };

        var post = Post(page);

        Assert.Empty(post.Authors);
    }

    [Fact]
    public void The_post_s_heading_wins_over_a_social_title_and_the_title_element()
    {
        var page = new WordPressPage
        {
            TitleTag = "Why Maps Fail | CX Blog | Heart of the Customer",
            Metadata = Metadata + """<meta property="og:title" content="Why your journey maps fail (and what to do)" />""",
            EntryHeader = Heading,
        };

        Assert.Equal("Journey Mapping Mistakes to Avoid", Post(page).Title);
    }

    [Theory]
    [InlineData("Journey Mapping Mistakes to Avoid | CX Blog | Heart of the Customer")]
    [InlineData("Heart of the Customer » Blog » Journey Mapping Mistakes to Avoid")]
    [InlineData("Journey Mapping Mistakes to Avoid: The CX Blog: Heart of the Customer")]
    public void A_title_element_with_a_section_and_the_site_name_gives_the_heading(string titleTag)
    {
        var page = new WordPressPage
        {
            TitleTag = titleTag,
            Metadata = $"""<meta property="article:published_time" content="2021-03-16T15:00:00+00:00" />""",
            EntryHeader = """<div class="hero"><h1>Journey Mapping Mistakes to Avoid</h1></div>""",
        };

        Assert.Equal("Journey Mapping Mistakes to Avoid", Post(page).Title);
    }

    [Fact]
    public void A_title_without_spaces_around_its_separator_gives_the_heading()
    {
        var page = new WordPressPage
        {
            TitleTag = "短缺药品保供稳价 全力保障临床用药需求-新华网",
            Metadata = """<meta property="article:published_time" content="2023-11-17T20:52:15+08:00" />""",
            EntryHeader = """<h1><span class="title">短缺药品保供稳价 全力保障临床用药需求</span></h1>""",
        };

        Assert.Equal("短缺药品保供稳价 全力保障临床用药需求", Post(page).Title);
    }

    [Theory]
    [InlineData("Journey-mapping mistakes to avoid", "Journey", "Journey-mapping mistakes to avoid")]
    [InlineData("Journey - Heart of the Customer", "Journey", "Journey")]
    [InlineData("短缺药品保供稳价-新华网", "短缺药品保供稳价", "短缺药品保供稳价")]
    public void A_hyphen_inside_a_word_is_no_separator(string title, string heading, string expected)
    {
        Assert.Equal(expected, TitleText.Clean(title, [], heading));
    }

    [Fact]
    public void A_JSON_LD_headline_cut_with_an_ellipsis_gives_way_to_the_whole_title()
    {
        var jsonLd = """
            <script type="application/ld+json">{"@context":"https://schema.org","@type":"Article","headline":"Five Questions to Answer for Customer Journey Mapping Success, and Five More to Ask Your Customers...","datePublished":"2021-03-16T15:00:00+00:00"}</script>
            """;
        var page = new WordPressPage
        {
            JsonLd = jsonLd,
            Metadata = """<meta property="og:title" content="Five Questions to Answer for Customer Journey Mapping Success, and Five More to Ask Your Customers Before You Start" />""",
            EntryHeader = "",
        };

        Assert.Equal("Five Questions to Answer for Customer Journey Mapping Success, and Five More to Ask Your Customers Before You Start", Post(page).Title);
    }

    [Fact]
    public void A_title_encoded_twice_is_decoded_twice()
    {
        var page = new WordPressPage
        {
            Metadata = """<meta property="article:published_time" content="2021-03-16T15:00:00+00:00" /><meta property="og:title" content="Don&amp;#8217;t &amp;#8220;Go the Extra Mile&amp;#8221; in the Wrong Direction!" />""",
            EntryHeader = "",
        };

        Assert.Equal("Don’t “Go the Extra Mile” in the Wrong Direction!", Post(page).Title);
    }
    [Fact]
    public void The_first_h2_of_the_posts_article_is_its_title_where_the_h1_is_the_sites_logo()
    {
        // An older theme: the site's name in the <h1> on every page, the post's headline an unclassed <h2>
        // in the article's header, and a title written for sharing in og:title and <title>.
        var html = new WordPressPage
        {
            TitleTag = "7 Journey Mapping Mistakes That Cost You Customers (Number 4 Will Shock You!)",
            Metadata = Metadata + """
                <meta property="og:type" content="article" />
                <meta property="og:title" content="7 Journey Mapping Mistakes That Cost You Customers (Number 4 Will Shock You!)" />
                """,
            EntryHeader = """
                <h2>Journey Mapping Mistakes to Avoid</h2>
                <div class="byline">By <a href="https://www.heartofthecustomer.com/author/jim/">Jim Tincher</a> &middot; March 16, 2021</div>
                """,
        }.Html.Replace(
            """<p class="site-title"><a href="https://www.heartofthecustomer.com/" rel="home">Heart of the Customer</a></p>""",
            """<h1 class="logo"><a href="https://www.heartofthecustomer.com/" rel="home">Heart of the Customer</a></h1>""",
            StringComparison.Ordinal);

        var post = Post(Page("journey-mapping-mistakes-to-avoid.html", html));

        Assert.Equal("Journey Mapping Mistakes to Avoid", post.Title);
    }

    [Fact]
    public void An_h2_label_in_the_article_is_not_the_title_where_the_page_marks_its_headline_elsewhere()
    {
        // A celebrity news site: the headline marked itemprop="headline" in a bar above the article, the star's name as an h2 label inside it.
        var html = new WordPressPage
        {
            TitleTag = "Journey Mapping Mistakes to Avoid | Heart of the Customer",
            Metadata = Metadata + """<meta property="og:title" content="Journey Mapping Mistakes to Avoid" />""",
            EntryHeader = """<h2 class="hf1">Jim Tincher</h2>""",
        }.Html.Replace(
            """<main id="main" class="site-main" role="main">""",
            """<main id="main" class="site-main" role="main"><div class="breadcrumbs"><h1 itemprop="headline" class="post-title-breadcrumb">Journey Mapping Mistakes to Avoid</h1></div>""",
            StringComparison.Ordinal);

        var post = Post(Page("journey-mapping-mistakes-to-avoid.html", html));

        Assert.Equal("Journey Mapping Mistakes to Avoid", post.Title);
    }

    [Fact]
    public void An_h2_inside_the_post_text_is_never_its_title()
    {
        var post = Post(new WordPressPage
        {
            TitleTag = "Journey Mapping Mistakes to Avoid - Heart of the Customer",
            Metadata = Metadata + """<meta property="og:title" content="Journey Mapping Mistakes to Avoid - Heart of the Customer" />""",
            EntryHeader = """<div class="entry-meta"><time class="entry-date published" datetime="2021-03-16T10:00:00-05:00">March 16, 2021</time></div>""",
            Content = "<h2>Mistake one: no customers in the room</h2>" + WordPressPage.Paragraphs,
        });

        Assert.Equal("Journey Mapping Mistakes to Avoid", post.Title);
    }
}
