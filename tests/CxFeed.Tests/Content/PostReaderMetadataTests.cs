using CxFeed.Core.Content;
using static CxFeed.Tests.Content.Reader;

namespace CxFeed.Tests.Content;

public class PostReaderMetadataTests
{
    private const string Site = "https://www.heartofthecustomer.com/";

    /// <summary>Yoast SEO 16's graph: the article points at its author and image by <c>@id</c>.</summary>
    private const string YoastGraph = """
        <script type="application/ld+json" class="yoast-schema-graph">{"@context":"https://schema.org","@graph":[
        {"@type":"Organization","@id":"https://www.heartofthecustomer.com/#organization","name":"Heart of the Customer","url":"https://www.heartofthecustomer.com/","logo":{"@type":"ImageObject","@id":"https://www.heartofthecustomer.com/#logo","url":"https://www.heartofthecustomer.com/wp-content/uploads/2019/06/hotc-logo.png","width":400,"height":100}},
        {"@type":"ImageObject","@id":"https://www.heartofthecustomer.com/journey-mapping-mistakes-to-avoid/#primaryimage","inLanguage":"en-US","url":"https://www.heartofthecustomer.com/wp-content/uploads/2021/03/journey-map-mistakes.jpg","contentUrl":"https://www.heartofthecustomer.com/wp-content/uploads/2021/03/journey-map-mistakes.jpg","width":1200,"height":628},
        {"@type":"WebPage","@id":"https://www.heartofthecustomer.com/journey-mapping-mistakes-to-avoid/#webpage","url":"https://www.heartofthecustomer.com/journey-mapping-mistakes-to-avoid/","name":"Journey Mapping Mistakes to Avoid - Heart of the Customer","datePublished":"2021-03-16T15:00:00+00:00","dateModified":"2021-09-02T21:20:00+00:00"},
        {"@type":"Article","@id":"https://www.heartofthecustomer.com/journey-mapping-mistakes-to-avoid/#article","isPartOf":{"@id":"https://www.heartofthecustomer.com/journey-mapping-mistakes-to-avoid/#webpage"},"author":{"@id":"https://www.heartofthecustomer.com/#/schema/person/5b7c9e0e"},"headline":"Journey Mapping Mistakes to Avoid","datePublished":"2021-03-16T15:00:00+00:00","dateModified":"2021-09-02T21:20:00+00:00","mainEntityOfPage":{"@id":"https://www.heartofthecustomer.com/journey-mapping-mistakes-to-avoid/#webpage"},"publisher":{"@id":"https://www.heartofthecustomer.com/#organization"},"image":{"@id":"https://www.heartofthecustomer.com/journey-mapping-mistakes-to-avoid/#primaryimage"},"thumbnailUrl":"https://www.heartofthecustomer.com/wp-content/uploads/2021/03/journey-map-mistakes-150x150.jpg","keywords":["journey mapping","living journey maps","CX strategy"],"articleSection":["Journey Mapping"],"inLanguage":"en-US"},
        {"@type":"Person","@id":"https://www.heartofthecustomer.com/#/schema/person/5b7c9e0e","name":"Jim Tincher","url":"https://www.heartofthecustomer.com/author/jim-tincher/"}
        ]}</script>
        """;

    /// <summary>An entry header with the date and no heading, for the tests of the title's other sources.</summary>
    private const string DateOnly = """<time class="entry-date published" datetime="2021-03-16T10:00:00-05:00">March 16, 2021</time>""";

    [Fact]
    public void A_plain_WordPress_page_gives_its_post()
    {
        var post = Post(new WordPressPage());

        Assert.Equal($"{Site}?p=4452", post.Id);
        Assert.Equal("journey-mapping-mistakes-to-avoid.html", post.Source);
        Assert.Equal(WordPressPage.Url, post.CanonicalUrl.AbsoluteUri);
        Assert.Equal("Journey Mapping Mistakes to Avoid", post.Title);
        Assert.Equal(new DateTimeOffset(2021, 3, 16, 15, 0, 0, TimeSpan.Zero), post.Published);
        Assert.Null(post.Updated);
        Assert.Empty(post.Authors);
        Assert.Equal<string>(["Journey Mapping"], post.Categories);
        Assert.Equal<string>(["journey mapping", "living journey maps"], post.Tags);
        Assert.Null(post.FeaturedImage);
        Assert.Null(post.ManualExcerpt);
        Assert.Null(post.MoreMarker);
        Assert.Equal("\n" + WordPressPage.Paragraphs + "\n\t", post.BodyHtml);
    }

    [Fact]
    public void A_Yoast_graph_gives_every_field_following_its_references()
    {
        var post = Post(new WordPressPage { JsonLd = YoastGraph });

        Assert.Equal("Journey Mapping Mistakes to Avoid", post.Title);
        Assert.Equal(new DateTimeOffset(2021, 3, 16, 15, 0, 0, TimeSpan.Zero), post.Published);
        Assert.Equal(new DateTimeOffset(2021, 9, 2, 21, 20, 0, TimeSpan.Zero), post.Updated);
        Assert.Equal<string>(["Jim Tincher"], post.Authors);
        Assert.Equal<string>(["Journey Mapping"], post.Categories);
        Assert.Equal<string>(["journey mapping", "living journey maps", "CX strategy"], post.Tags);
        Assert.Equal(
            new PostImage(new Uri("https://www.heartofthecustomer.com/wp-content/uploads/2021/03/journey-map-mistakes.jpg"), 1200, 628),
            post.FeaturedImage);
    }

    [Fact]
    public void JSON_LD_wins_over_article_and_Open_Graph_tags()
    {
        var page = new WordPressPage
        {
            JsonLd = """
                <script type="application/ld+json">{"@context":"https://schema.org","@type":"BlogPosting","headline":"From JSON-LD","datePublished":"2021-03-16T10:00:00-05:00","dateModified":"2021-03-18T10:00:00-05:00","author":{"@type":"Person","name":"Jim Tincher"},"articleSection":"CX Strategy","keywords":"hiring, CX team","image":"https://www.heartofthecustomer.com/wp-content/uploads/json-ld.jpg"}</script>
                """,
            EntryHeader = DateOnly,
            Metadata = """
                <meta property="og:title" content="From Open Graph" />
                <meta property="og:image" content="https://www.heartofthecustomer.com/wp-content/uploads/og.jpg" />
                <meta property="article:published_time" content="2020-01-01T00:00:00+00:00" />
                <meta property="article:modified_time" content="2020-01-02T00:00:00+00:00" />
                <meta property="article:author" content="Someone Else" />
                <meta property="article:section" content="Other" />
                <meta property="article:tag" content="other" />
                """,
        };

        var reading = Read(page);
        var post = Assert.IsType<Post>(reading.Post);

        Assert.Equal("From JSON-LD", post.Title);
        Assert.Equal(new DateTimeOffset(2021, 3, 16, 10, 0, 0, TimeSpan.FromHours(-5)), post.Published);
        Assert.Equal(new DateTimeOffset(2021, 3, 18, 10, 0, 0, TimeSpan.FromHours(-5)), post.Updated);
        Assert.Equal<string>(["Jim Tincher"], post.Authors);
        Assert.Equal<string>(["CX Strategy"], post.Categories);
        Assert.Equal<string>(["hiring", "CX team"], post.Tags);
        Assert.Equal("https://www.heartofthecustomer.com/wp-content/uploads/json-ld.jpg", post.FeaturedImage?.Url.AbsoluteUri);
        Assert.Equal(
            ["has publication dates that disagree: '2021-03-16T10:00:00-05:00' (JSON-LD datePublished) is used, not '2020-01-01T00:00:00+00:00' (article:published_time)"],
            Reasons(reading));
    }

    [Fact]
    public void Article_tags_win_over_time_elements_and_links()
    {
        var page = new WordPressPage
        {
            Metadata = """
                <meta property="article:published_time" content="2021-03-16T15:00:00+00:00" />
                <meta property="article:modified_time" content="2021-03-20T15:00:00+00:00" />
                <meta property="article:author" content="Jim Tincher" />
                <meta property="article:section" content="CX Strategy" />
                <meta property="article:tag" content="hiring" />
                """,
            EntryHeader = """
                <h1 class="entry-title">Journey Mapping Mistakes to Avoid</h1>
                <time class="entry-date published" datetime="2019-01-01T10:00:00-06:00">January 1, 2019</time><time class="updated" datetime="2019-01-02T10:00:00-06:00">January 2, 2019</time>
                <span class="byline">by <a href="https://www.heartofthecustomer.com/author/pat/" rel="author">Pat Writer</a></span>
                """,
        };

        var reading = Read(page);
        var post = Assert.IsType<Post>(reading.Post);

        Assert.Equal(new DateTimeOffset(2021, 3, 16, 15, 0, 0, TimeSpan.Zero), post.Published);
        Assert.Equal(new DateTimeOffset(2021, 3, 20, 15, 0, 0, TimeSpan.Zero), post.Updated);
        Assert.Equal<string>(["Jim Tincher"], post.Authors);
        Assert.Equal<string>(["CX Strategy"], post.Categories);
        Assert.Equal<string>(["hiring"], post.Tags);
        Assert.Equal(
            ["has publication dates that disagree: '2021-03-16T15:00:00+00:00' (article:published_time) is used, not '2019-01-01T10:00:00-06:00' (hAtom published)"],
            Reasons(reading));
    }

    [Fact]
    public void Without_metadata_the_markup_gives_dates_author_categories_and_tags()
    {
        var page = new WordPressPage
        {
            Metadata = "",
            EntryHeader = """
                <h1 class="entry-title">Journey Mapping Mistakes to Avoid</h1>
                <span class="posted-on"><time class="entry-date published" datetime="2021-03-16T10:00:00-05:00">March 16, 2021</time><time class="updated" datetime="2021-09-02T16:20:00-05:00">September 2, 2021</time></span>
                <span class="byline"> by <span class="author vcard"><a class="url fn n" href="https://www.heartofthecustomer.com/author/jim-tincher/" rel="author">Jim Tincher</a></span></span>
                """,
        };

        var post = Post(page);

        Assert.Equal(WordPressPage.Url, post.CanonicalUrl.AbsoluteUri);
        Assert.Equal(new DateTimeOffset(2021, 3, 16, 10, 0, 0, TimeSpan.FromHours(-5)), post.Published);
        Assert.Equal(new DateTimeOffset(2021, 9, 2, 16, 20, 0, TimeSpan.FromHours(-5)), post.Updated);
        Assert.Equal<string>(["Jim Tincher"], post.Authors);
        Assert.Equal<string>(["Journey Mapping"], post.Categories);
        Assert.Equal<string>(["journey mapping", "living journey maps"], post.Tags);
    }

    [Fact]
    public void The_title_is_og_title_without_the_site_name_when_there_is_no_JSON_LD()
    {
        var post = Post(new WordPressPage { TitleTag = "Something else", EntryHeader = DateOnly });

        Assert.Equal("Journey Mapping Mistakes to Avoid", post.Title);
    }

    [Theory]
    [InlineData("Journey Mapping Mistakes to Avoid &#8211; Heart of the Customer")]
    [InlineData("Journey Mapping Mistakes to Avoid | Heart of the Customer")]
    [InlineData("Journey Mapping Mistakes to Avoid - Heart of the Customer")]
    [InlineData("Heart of the Customer &raquo; Journey Mapping Mistakes to Avoid")]
    [InlineData("\n  Journey Mapping Mistakes   to Avoid \n &#8212; heart of the customer\n")]
    [InlineData("Journey Mapping Mistakes to Avoid")]
    public void The_title_element_gives_the_title_without_the_site_name(string titleTag)
    {
        var post = Post(new WordPressPage { TitleTag = titleTag, Metadata = "", EntryHeader = DateOnly });

        Assert.Equal("Journey Mapping Mistakes to Avoid", post.Title);
    }

    [Fact]
    public void A_title_that_is_only_the_site_name_gives_way_to_the_post_heading()
    {
        var post = Post(new WordPressPage { TitleTag = "Heart of the Customer", Metadata = "" });

        Assert.Equal("Journey Mapping Mistakes to Avoid", post.Title);
    }

    [Fact]
    public void A_title_that_is_only_the_site_name_is_kept_when_the_post_has_no_heading()
    {
        var post = Post(new WordPressPage
        {
            TitleTag = "Heart of the Customer",
            Metadata = "",
            EntryHeader = """<time class="entry-date published" datetime="2021-03-16T10:00:00-05:00">March 16, 2021</time>""",
        });

        Assert.Equal("Heart of the Customer", post.Title);
    }

    [Fact]
    public void Without_any_title_tag_the_first_heading_gives_the_title_and_an_icon_title_does_not()
    {
        var page = new WordPressPage
        {
            TitleTag = null,
            Metadata = "",
            EntryHeader = """
                <svg class="icon icon-calendar" aria-hidden="true"><title>Calendar</title><use href="#icon-calendar"></use></svg>
                <time class="entry-date published" datetime="2021-03-16T10:00:00-05:00">March 16, 2021</time>
                <h1 class="entry-title"><a href="https://www.heartofthecustomer.com/journey-mapping-mistakes-to-avoid/" rel="bookmark">Journey Mapping <em>Mistakes</em> to&nbsp;Avoid</a></h1>
                """,
        };

        var post = Post(page);

        Assert.Equal("Journey Mapping Mistakes to\u00A0Avoid", post.Title);
    }

    [Fact]
    public void A_first_heading_broken_over_two_lines_reads_as_separate_words()
    {
        var page = new WordPressPage
        {
            TitleTag = null,
            Metadata = "",
            EntryHeader = """
                <time class="entry-date published" datetime="2019-07-09T08:00:00-05:00">July 9, 2019</time>
                <h1 class="entry-title">Stop Playing<br>CX Whack-a-Mole</h1>
                """,
        };

        var post = Post(page);

        Assert.Equal("Stop Playing CX Whack-a-Mole", post.Title);
    }

    [Theory]
    [InlineData("Don&#8217;t &#8220;Go the Extra Mile&#8221; in the Wrong Direction!", "Don’t “Go the Extra Mile” in the Wrong Direction!")]
    [InlineData("Don&rsquo;t &ldquo;Go the Extra Mile&rdquo; in the Wrong Direction!", "Don’t “Go the Extra Mile” in the Wrong Direction!")]
    [InlineData("Your Next CX Hire&#x2026;Shouldn&#x2019;t Be a CX Hire", "Your Next CX Hire…Shouldn’t Be a CX Hire")]
    [InlineData("Your Next CX Hire…Shouldn’t Be a CX Hire", "Your Next CX Hire…Shouldn’t Be a CX Hire")]
    [InlineData("Q&amp;A: Pre-Sales &#8211; B2B &lt;2021&gt;", "Q&A: Pre-Sales – B2B <2021>")]
    public void Titles_have_references_decoded_and_typographic_characters_kept(string written, string title)
    {
        var post = Post(new WordPressPage { TitleTag = written + " &#8211; Heart of the Customer", Metadata = "", EntryHeader = DateOnly });

        Assert.Equal(title, post.Title);
    }

    [Fact]
    public void An_entity_encoded_JSON_LD_headline_is_decoded()
    {
        var jsonLd = """
            <script type="application/ld+json">{"@context":"https://schema.org","@type":"Article","headline":"The &#8220;Why&#8221; Behind CX Pros&#8217; Failure to Prove Business Results","datePublished":"2021-03-16T15:00:00+00:00"}</script>
            """;

        var post = Post(new WordPressPage { JsonLd = jsonLd, EntryHeader = """<h1 class="entry-title">The &#8220;Why&#8221; Behind CX Pros&#8217; Failure to Prove Business Results</h1>""" });

        Assert.Equal("The “Why” Behind CX Pros’ Failure to Prove Business Results", post.Title);
    }

    [Fact]
    public void The_id_is_the_canonical_URL_when_there_is_no_shortlink()
    {
        var post = Post(new WordPressPage { Shortlink = "" });

        Assert.Equal(WordPressPage.Url, post.Id);
    }

    [Fact]
    public void Without_a_canonical_link_the_canonical_URL_is_og_url_then_the_page_address()
    {
        var withOgUrl = Post(new WordPressPage
        {
            Metadata = """<meta property="og:url" content="https://www.heartofthecustomer.com/2021/03/journey-mapping-mistakes-to-avoid/" />""",
        });
        var withNothing = Post(new WordPressPage { Metadata = "", Shortlink = "" });

        Assert.Equal("https://www.heartofthecustomer.com/2021/03/journey-mapping-mistakes-to-avoid/", withOgUrl.CanonicalUrl.AbsoluteUri);
        Assert.Equal(WordPressPage.Url, withNothing.CanonicalUrl.AbsoluteUri);
        Assert.Equal(WordPressPage.Url, withNothing.Id);
    }

    [Fact]
    public void Relative_canonical_shortlink_and_image_URLs_resolve_against_the_page_address()
    {
        var page = new WordPressPage
        {
            Metadata = """
                <link rel="canonical" href="../2021/03/journey-mapping-mistakes-to-avoid/" />
                <meta property="og:image" content="/wp-content/uploads/2021/03/journey-map.jpg" />
                """,
            Shortlink = """<link rel="shortlink" href="/?p=4452" />""",
        };

        var post = Post(page.ToPage("2021/journey-mapping-mistakes-to-avoid.html"));

        Assert.Equal("https://www.heartofthecustomer.com/2021/2021/03/journey-mapping-mistakes-to-avoid/", post.CanonicalUrl.AbsoluteUri);
        Assert.Equal($"{Site}?p=4452", post.Id);
        Assert.Equal("https://www.heartofthecustomer.com/wp-content/uploads/2021/03/journey-map.jpg", post.FeaturedImage?.Url.AbsoluteUri);
    }

    [Fact]
    public void A_base_element_changes_what_relative_URLs_resolve_against()
    {
        var page = new WordPressPage
        {
            Charset = """<meta charset="UTF-8"><base href="https://cdn.heartofthecustomer.com/blog/">""",
            Metadata = """<meta property="og:image" content="uploads/journey-map.jpg" />""",
        };

        var post = Post(page);

        Assert.Equal("https://cdn.heartofthecustomer.com/blog/uploads/journey-map.jpg", post.FeaturedImage?.Url.AbsoluteUri);
    }

    [Fact]
    public void A_canonical_URL_that_is_not_http_is_reported_and_the_next_source_taken()
    {
        var page = new WordPressPage
        {
            Metadata = $"""
                <link rel="canonical" href="javascript:alert(1)" />
                <meta property="og:url" content="{WordPressPage.Url}" />
                """,
        };

        var reading = Read(page);

        Assert.Equal(WordPressPage.Url, reading.Post?.CanonicalUrl.AbsoluteUri);
        Assert.Equal(
            ["ignored the canonical URL 'javascript:alert(1)' (<link rel=\"canonical\">): not an http(s) URL"],
            Reasons(reading));
    }

    [Fact]
    public void Categories_and_tags_are_deduplicated_case_insensitively_keeping_the_first_spelling()
    {
        var page = new WordPressPage
        {
            Metadata = """
                <meta property="article:published_time" content="2021-03-16T15:00:00+00:00" />
                <meta property="article:section" content="B2B" />
                <meta property="article:section" content="Journey Mapping" />
                <meta property="article:section" content="b2b" />
                <meta property="article:tag" content="Journey Mapping" />
                <meta property="article:tag" content="journey mapping" />
                <meta property="article:tag" content="  CX&nbsp;data " />
                <meta property="article:tag" content="" />
                """,
        };

        var post = Post(page);

        Assert.Equal<string>(["B2B", "Journey Mapping"], post.Categories);
        Assert.Equal<string>(["Journey Mapping", "CX\u00A0data"], post.Tags);
    }

    [Fact]
    public void Tags_shown_as_hashtags_lose_the_hash()
    {
        var page = new WordPressPage
        {
            EntryFooter = """<p class="post-footer__tags"><a href="https://www.heartofthecustomer.com/tag/chatbots/" rel="tag">#chatbots</a> <a href="https://www.heartofthecustomer.com/tag/ai/" rel="tag">#AI</a></p>""",
        };

        var post = Post(page);

        Assert.Equal<string>(["chatbots", "AI"], post.Tags);
        Assert.Empty(post.Categories);
    }

    [Fact]
    public void JSON_LD_keywords_in_one_string_are_split_at_commas()
    {
        var jsonLd = """
            <script type="application/ld+json">[{"@context":"http://schema.org/","@type":"Article","headline":"Journey Mapping Mistakes to Avoid","datePublished":"2021-03-16T10:00:00-05:00","keywords":"Pre-Sales Journey, B2B Buying,  ,journey mapping","articleSection":["B2B","journey mapping"]}]</script>
            """;

        var post = Post(new WordPressPage { JsonLd = jsonLd });

        Assert.Equal<string>(["Pre-Sales Journey", "B2B Buying", "journey mapping"], post.Tags);
        Assert.Equal<string>(["B2B", "journey mapping"], post.Categories);
    }

    [Fact]
    public void An_article_author_that_is_a_profile_URL_is_not_a_name()
    {
        var page = new WordPressPage
        {
            Metadata = """
                <meta property="article:published_time" content="2021-03-16T15:00:00+00:00" />
                <meta property="article:author" content="https://www.facebook.com/jim.tincher" />
                <meta name="author" content="Jim Tincher" />
                """,
        };

        var post = Post(page);

        Assert.Equal<string>(["Jim Tincher"], post.Authors);
    }

    [Fact]
    public void Several_JSON_LD_authors_are_all_kept()
    {
        var jsonLd = """
            <script type="application/ld+json">{"@context":"https://schema.org","@type":"BlogPosting","headline":"Journey Mapping Mistakes to Avoid","datePublished":"2021-03-16T10:00:00-05:00","author":[{"@type":"Person","name":"Jim Tincher"},{"@type":"Person","name":"Nicole Newton"},"https://www.heartofthecustomer.com/author/jim/"]}</script>
            """;

        var post = Post(new WordPressPage { JsonLd = jsonLd });

        Assert.Equal<string>(["Jim Tincher", "Nicole Newton"], post.Authors);
    }

    [Fact]
    public void The_featured_image_from_Open_Graph_has_its_size_type_and_alt()
    {
        var page = new WordPressPage
        {
            Metadata = """
                <meta property="article:published_time" content="2021-03-16T15:00:00+00:00" />
                <meta property="og:image" content="https://www.heartofthecustomer.com/wp-content/uploads/2019/04/why-behind.png" />
                <meta property="og:image:width" content="1024" />
                <meta property="og:image:height" content="536px" />
                <meta property="og:image:type" content="image/png" />
                <meta property="og:image:alt" content="The-&#8220;Why&#8221;-Behind-CX-Pros&#8217;" />
                <meta property="og:image" content="https://www.heartofthecustomer.com/wp-content/uploads/2019/04/second.png" />
                <meta property="og:image:width" content="10" />
                """,
        };

        var post = Post(page);

        Assert.Equal(
            new PostImage(new Uri("https://www.heartofthecustomer.com/wp-content/uploads/2019/04/why-behind.png"), 1024, 536, "image/png", "The-“Why”-Behind-CX-Pros’"),
            post.FeaturedImage);
    }

    [Fact]
    public void A_featured_image_that_is_a_data_URL_is_reported_and_Open_Graph_taken()
    {
        var page = new WordPressPage
        {
            JsonLd = """
                <script type="application/ld+json">{"@context":"https://schema.org","@type":"BlogPosting","headline":"Journey Mapping Mistakes to Avoid","datePublished":"2021-03-16T10:00:00-05:00","image":"data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw=="}</script>
                """,
            Metadata = """<meta property="og:image" content="https://www.heartofthecustomer.com/wp-content/uploads/map.jpg" />""",
        };

        var reading = Read(page);

        Assert.Equal("https://www.heartofthecustomer.com/wp-content/uploads/map.jpg", reading.Post?.FeaturedImage?.Url.AbsoluteUri);
        Assert.Equal(
            ["ignored the featured image 'data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==' (JSON-LD image): not an http(s) URL"],
            Reasons(reading));
    }

    [Fact]
    public void Invalid_JSON_LD_is_reported_and_the_other_sources_used()
    {
        var page = new WordPressPage
        {
            JsonLd = """
                <script type="application/ld+json">{"@context":"https://schema.org","@type":"BlogPosting","headline":"Broken",</script>
                """,
        };

        var reading = Read(page);

        Assert.Equal("Journey Mapping Mistakes to Avoid", reading.Post?.Title);
        var problem = Assert.Single(reading.Problems);
        Assert.Equal(WordPressPage.Slug + ".html", problem.Subject);
        Assert.StartsWith("ignored JSON-LD block 1: not valid JSON (", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void JSON_LD_that_describes_no_article_is_passed_over()
    {
        var jsonLd = """
            <script type="application/ld+json">{"@context":"https://schema.org","@type":"WebSite","name":"Heart of the Customer","url":"https://www.heartofthecustomer.com/"}</script>
            <script type="application/ld+json">{"@context":"https://schema.org","@type":"BreadcrumbList","itemListElement":[{"@type":"ListItem","position":1,"name":"Home"}]}</script>
            """;

        var post = Post(new WordPressPage { JsonLd = jsonLd });

        Assert.Equal("Journey Mapping Mistakes to Avoid", post.Title);
    }
}
