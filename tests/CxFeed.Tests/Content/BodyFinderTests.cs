using CxFeed.Core.Content;
using static CxFeed.Tests.Content.Reader;

namespace CxFeed.Tests.Content;

/// <summary>
/// The post's own body on real theme shapes: the element that holds the post, not the first one a
/// selector matches, and pages that are not one post said to be so.
/// </summary>
public class BodyFinderTests
{
    private const string Head = """
        <!DOCTYPE html>
        <html lang="en-US"><head><meta charset="UTF-8">
        <title>Journey Mapping Mistakes to Avoid</title>
        <meta property="article:published_time" content="2021-03-16T15:00:00+00:00">
        </head>
        """;

    private const string PostText = """
        <p>Journey maps are powerful tools. But we’ve seen them go wrong in a few predictable ways, and each of them costs a team months.</p>
        <p>First, a map built without talking to customers is a map of your own assumptions, however pretty it looks on the wall.</p>
        <p>Second, a map nobody owns is out of date the day it is printed, so give it an owner, a budget and a date to look at it again.</p>
        """;

    [Fact]
    public void A_teaser_card_before_the_post_is_not_its_body()
    {
        // A theme's "featured posts" strip above the post prints other posts' excerpts in the same classes.
        var post = Post(Page("featured.html", new WordPressPage
        {
            EntryHeader = """
                <h1 class="entry-title">Journey Mapping Mistakes to Avoid</h1>
                <div class="entry-meta"><time class="entry-date published" datetime="2021-03-16T10:00:00-05:00">March 16, 2021</time></div>
                """,
        }.Html.Replace("<main id=\"main\" class=\"site-main\" role=\"main\">", """
            <main id="main" class="site-main" role="main">
            <section class="featured-posts"><article class="post-4377 post type-post card"><h2 class="entry-title"><a href="/backorder-issues/">Backorder Issues</a></h2><div class="entry-content"><p>Inventory problems hit B2B harder.</p></div></article></section>
            """, StringComparison.Ordinal)));

        Assert.Contains("Journey maps are powerful tools.", post.BodyHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Inventory problems", post.BodyHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_comment_is_never_the_body_even_when_it_is_the_first_article()
    {
        // No entry-content: the theme prints the post straight into <article>, and each comment is an <article class="comment-body">.
        var html = Head + """
            <body class="post-template-default single single-post">
            <main class="site-main">
            <div id="comments" class="comments-area"><ol class="comment-list"><li class="comment"><article class="comment-body"><p>Great list. We made mistake number two last year, and the map sat in a drawer for a year.</p></article></li></ol></div>
            <article class="post"><h1>Journey Mapping Mistakes to Avoid</h1>
            """ + PostText + """
            </article>
            </main></body></html>
            """;

        var post = Post(Page("comments-first.html", html));

        Assert.StartsWith("<h1>Journey Mapping Mistakes to Avoid</h1>", post.BodyHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Great list", post.BodyHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void Elementor_post_content_widget_is_the_body_not_the_section_around_it()
    {
        var html = Head + """
            <body class="post-template-default single single-post elementor-page">
            <div data-elementor-type="single-post" class="elementor elementor-1234 elementor-location-single">
            <section class="elementor-section elementor-top-section"><div class="elementor-container"><div class="elementor-column"><div class="elementor-widget-wrap">
            <div class="elementor-element elementor-widget elementor-widget-theme-post-title elementor-page-title elementor-widget-heading"><div class="elementor-widget-container"><h1 class="elementor-heading-title">Journey Mapping Mistakes to Avoid</h1></div></div>
            <div class="elementor-element elementor-widget elementor-widget-post-info"><div class="elementor-widget-container"><ul class="elementor-inline-items elementor-icon-list-items elementor-post-info"><li class="elementor-icon-list-item"><span class="elementor-icon-list-text elementor-post-info__item elementor-post-info__item--type-author">Jim Tincher</span></li><li class="elementor-icon-list-item"><span class="elementor-icon-list-text elementor-post-info__item elementor-post-info__item--type-date">March 16, 2021</span></li></ul></div></div>
            <div class="elementor-element elementor-widget elementor-widget-theme-post-content"><div class="elementor-widget-container">
            """ + PostText + """
            </div></div>
            <div class="elementor-element elementor-share-buttons--view-icon-text elementor-widget elementor-widget-share-buttons"><div class="elementor-widget-container"><div class="elementor-grid"><div class="elementor-grid-item"><div class="elementor-share-btn elementor-share-btn_facebook"><span class="elementor-share-btn__text"><span class="elementor-share-btn__title">Facebook</span></span></div></div></div></div></div>
            </div></div></div></section></div>
            </body></html>
            """;

        var post = Post(Page("elementor.html", html));

        Assert.StartsWith("<div class=\"elementor-widget-container\">", post.BodyHtml.TrimStart(), StringComparison.Ordinal);
        Assert.DoesNotContain("Facebook", post.BodyHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Jim Tincher", post.BodyHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void The_article_body_of_a_news_page_wins_over_the_article_around_it()
    {
        var html = Head + """
            <body class="article-page">
            <article class="story">
            <header class="story__header"><p class="kicker">Customer Experience</p><h1>Journey Mapping Mistakes to Avoid</h1><p class="byline">By Jim Tincher · 4 min read</p></header>
            <div class="story__content" itemprop="articleBody">
            """ + PostText + """
            </div>
            <div class="story__more"><h2>Read also</h2><ul><li><a href="/a/">Backorder issues: the high cost of reduced inventory</a></li><li><a href="/b/">CX needs change management</a></li></ul></div>
            </article></body></html>
            """;

        var post = Post(Page("news.html", html));

        Assert.StartsWith("<p>Journey maps are powerful tools.", post.BodyHtml.TrimStart(), StringComparison.Ordinal);
        Assert.DoesNotContain("Read also", post.BodyHtml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("section", "article_body")]
    [InlineData("div", "article-text")]
    [InlineData("div", "entry_content")]
    [InlineData("div", "blog-content pinterest-images")]
    public void A_themes_own_name_for_the_post_text_is_the_body_not_the_page_around_it(string element, string classes)
    {
        // SitePoint's section.article_body, a news site's div.article-text, a magazine blog's div.blog-content: the
        // page around it prints the date, the byline, a share row, keywords and the previous and next posts.
        var html = Head + $$"""
            <body class="page">
            <div id="content" class="content">
            <div class="published"><div id="month">Mar 16</div><div id="time">10:00 AM</div></div>
            <div class="by_author_cls">By <a href="/author/jim/">Jim Tincher</a></div>
            <h1>Journey Mapping Mistakes to Avoid</h1>
            <{{element}} class="{{classes}}">
            {{PostText}}
            </{{element}}>
            <div class="blog-key">KEYWORDS: <a href="/tag/journey-mapping/">journey mapping</a></div>
            <div class="blognav"><div class="blog_navi_title">Backorder issues: the high cost of reduced inventory for your business</div></div>
            </div></body></html>
            """;

        var post = Post(Page("theme.html", html));

        Assert.StartsWith("<p>Journey maps are powerful tools.", post.BodyHtml.TrimStart(), StringComparison.Ordinal);
        Assert.DoesNotContain("Jim Tincher", post.BodyHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Backorder", post.BodyHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void The_container_named_for_the_text_wins_over_an_article_that_also_holds_a_bio_and_related_stories()
    {
        // SitePoint's theme: the <article> also holds the author's bio and related stories in markup no table names,
        // enough text to outscore the section.article_body that the theme made for the post.
        var bio = "<p class=\"contributor_longdesc\">Jim is a customer experience consultant who built his first journey map in 1995. Since that time he has been advocating for customers, for employees and for maps that someone owns.</p>";
        var related = string.Concat(Enumerable.Range(1, 2).Select(i =>
            $"<li class=\"article-list_item\"><p class=\"article_summary\">Related story {i}: what we learned from mapping the journeys of our clients, one workshop at a time.</p></li>"));
        var html = Head + $$"""
            <body class="page">
            <main class="page">
            <article class="article">
            <h1 class="article_title">Journey Mapping Mistakes to Avoid</h1>
            <section class="article_body">
            {{PostText}}
            <p>Third, a map that stops at the sale misses the renewal, where B2B customers decide whether the promises were kept.</p>
            <p>Fourth, a map with no metric attached is a poster: tie each stage to a number the business already watches every month.</p>
            </section>
            <div class="article__author-bios">{{bio}}</div>
            <div class="related-content"><ul class="article-list">{{related}}</ul></div>
            </article>
            </main></body></html>
            """;

        var post = Post(Page("sitepoint.html", html));

        Assert.StartsWith("<p>Journey maps are powerful tools.", post.BodyHtml.TrimStart(), StringComparison.Ordinal);
        Assert.DoesNotContain("consultant", post.BodyHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Related story", post.BodyHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void The_story_article_wins_over_the_page_wide_article_around_it_and_its_teasers()
    {
        // A news theme: one <article> for the whole view holds the story's own <article>, a tag row and
        // "Latest news" teasers, each an <article> with a sentence of its own — enough to keep the body above the story.
        var teasers = string.Concat(Enumerable.Range(1, 5).Select(i =>
            $"<li><article><h3 class=\"tit\"><a href=\"/news/{i}/\">Latest story {i}: how another team mapped the journeys of its clients</a></h3><div class=\"txt\">A summary of latest story number {i} told in one sentence.</div></article></li>"));
        var html = Head + $$"""
            <body class="view">
            <section class="contents">
            <article class="story-view-zone">
            <h1 class="tit">Journey Mapping Mistakes to Avoid</h1>
            <div class="view-body"><div class="sub-content">
            <article class="story-news">
            {{PostText}}
            <p>Third, a map that stops at the sale misses the renewal, where B2B customers decide whether the promises were kept.</p>
            </article>
            <div class="keyword-zone"><strong class="tit">Keywords</strong><span class="tag"><a href="/search?q=maps">#maps</a></span></div>
            <div class="latest"><strong class="tit">Latest News</strong><ul>{{teasers}}</ul></div>
            </div></div>
            </article>
            </section></body></html>
            """;

        var post = Post(Page("news-view.html", html));

        Assert.StartsWith("<p>Journey maps are powerful tools.", post.BodyHtml.TrimStart(), StringComparison.Ordinal);
        Assert.Contains("Third, a map that stops at the sale", post.BodyHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Keywords", post.BodyHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Latest story", post.BodyHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lead_printed_just_before_the_body_container_is_the_posts_first_paragraph()
    {
        // A news theme splits the post: the standfirst in .article__lead, then the paragraphs in .article__body, siblings.
        var html = Head + $$"""
            <body class="article-page">
            <main><article class="article">
            <h1 class="article__title">Journey Mapping Mistakes to Avoid</h1>
            <div class="article__info"><div class="share-compact"><a class="share-trigger facebook" href="javascript:;">Facebook</a></div></div>
            <div class="article__lead">
                Five mistakes we keep seeing in the journey maps of B2B teams, and what each of them costs.
            </div>
            <div class="article__body clearfix">
            {{PostText}}
            </div>
            <div class="article__tags"><a href="/tag/maps/">maps</a></div>
            </article></main>
            </body></html>
            """;

        var post = Post(Page("split.html", html));
        var (entry, _) = CxFeed.Core.Publishing.Entry.Create(post, new CxFeed.Core.Cleaning.HtmlCleaner(), new CxFeed.Core.Excerpts.ExcerptBuilder(), CxFeed.Core.Excerpts.ExcerptBudget.Default);

        Assert.StartsWith("Five mistakes we keep seeing", entry.Excerpt.Text, StringComparison.Ordinal);
        Assert.Contains("Second, a map nobody owns", entry.ContentHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Facebook", entry.ContentHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("maps</a>", entry.ContentHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_paragraph_of_another_class_before_the_body_is_not_taken_for_its_lead()
    {
        // Only the names themes give a lead count: a newsletter teaser just before the body stays out.
        var html = Head + $$"""
            <body><main><article class="article">
            <div class="promo-box">Sign up for our weekly newsletter of journey mapping tips and templates.</div>
            <div class="article__body">{{PostText}}</div>
            </article></main></body></html>
            """;

        var post = Post(Page("promo.html", html));

        Assert.StartsWith("<p>Journey maps are powerful tools.", post.BodyHtml.TrimStart(), StringComparison.Ordinal);
        Assert.DoesNotContain("newsletter", post.BodyHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void An_inner_container_that_holds_only_part_of_the_post_gives_way_to_the_article()
    {
        // The theme uses .post-content for a short standfirst, the paragraphs follow it in the article.
        var html = Head + """
            <body><article class="single">
            <div class="post-content"><p>Five mistakes we keep seeing.</p></div>
            """ + PostText + PostText + """
            </article></body></html>
            """;

        var post = Post(Page("standfirst.html", html));

        Assert.StartsWith("<div class=\"post-content\">", post.BodyHtml.TrimStart(), StringComparison.Ordinal);
        Assert.Contains("Second, a map nobody owns", post.BodyHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_any_post_container_the_paragraphs_are_scored_as_Readability_does()
    {
        var html = Head + """
            <body>
            <div id="top"><a href="/">Heart of the Customer</a> <a href="/blog/">Blog</a> <a href="/contact/">Contact</a></div>
            <div id="wrapper"><div class="col-8"><div class="text">
            <h1>Journey Mapping Mistakes to Avoid</h1>
            """ + PostText + """
            </div></div>
            <div class="col-4 sidebar-right"><p>Subscribe to our newsletter, get every post in your inbox, every Tuesday.</p></div>
            </div>
            <div class="bottom-links"><p><a href="/privacy/">Privacy policy</a>, <a href="/terms/">terms of use</a>, <a href="/cookies/">cookies</a> and more links here.</p></div>
            </body></html>
            """;

        var post = Post(Page("no-container.html", html));

        Assert.StartsWith("<h1>Journey Mapping Mistakes to Avoid</h1>", post.BodyHtml.TrimStart(), StringComparison.Ordinal);
        Assert.DoesNotContain("newsletter", post.BodyHtml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("archive category category-journey-mapping", "WordPress marks it a category archive (body class 'category')")]
    [InlineData("archive tag tag-journey-mapping", "WordPress marks it a tag archive (body class 'tag')")]
    [InlineData("search search-results", "WordPress marks it a search results page (body class 'search')")]
    [InlineData("archive date", "WordPress marks it a date archive (body class 'date')")]
    public void A_WordPress_archive_is_not_a_post(string bodyClasses, string why)
    {
        var html = new WordPressPage().Html.Replace(
            "<body class=\"post-template-default single single-post postid-4452 single-format-standard has-sidebar colors-light\">",
            $"<body class=\"{bodyClasses} has-sidebar colors-light\">",
            StringComparison.Ordinal);

        var reading = Read(Page("category/journey-mapping.html", html));

        Assert.Null(reading.Post);
        Assert.Equal(["is not a single post: " + why], Reasons(reading));
    }

    [Fact]
    public void The_blogs_home_at_the_sites_root_is_not_a_post()
    {
        var html = new WordPressPage().Html
            .Replace("post-template-default single single-post postid-4452 single-format-standard", "home blog hfeed", StringComparison.Ordinal)
            .Replace($"<link rel=\"canonical\" href=\"{WordPressPage.Url}\" />", "<link rel=\"canonical\" href=\"https://www.heartofthecustomer.com/\" />", StringComparison.Ordinal);

        var reading = Read(Page("index.html", html));

        Assert.Null(reading.Post);
        Assert.Equal(["is not a single post: WordPress marks it the blog's list of posts (body class 'blog')"], Reasons(reading));
    }

    [Fact]
    public void A_news_theme_that_classes_its_articles_home_blog_gives_posts()
    {
        // WordPress VIP themes of news sites print "home blog" on every page, articles included.
        var html = new WordPressPage().Html
            .Replace("post-template-default single single-post postid-4452 single-format-standard", "home blog mp6 typekit-enabled", StringComparison.Ordinal);

        var post = Post(Page("video/1747657.html", html));

        Assert.Contains("Journey maps are powerful tools.", post.BodyHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void Body_classes_that_are_not_WordPress_s_say_nothing()
    {
        // A hand-made site that calls its post pages "blog".
        var html = Head + "<body class=\"blog\"><article>" + PostText + "</article></body></html>";

        var post = Post(Page("blog.html", html));

        Assert.Contains("Journey maps are powerful tools.", post.BodyHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_of_article_teasers_is_a_listing_not_a_post()
    {
        var teaser = """
            <article class="teaser"><h2><a href="/post-{0}/">Post {0}</a></h2><p>A teaser of post {0}, its first words, cut after a line or two of text.</p><a class="more" href="/post-{0}/">Read more</a></article>
            """;
        var html = Head + "<body><main>" + string.Concat(Enumerable.Range(1, 5).Select(n => string.Format(System.Globalization.CultureInfo.InvariantCulture, teaser, n))) + "</main></body></html>";

        var reading = Read(Page("index.html", html));

        Assert.Null(reading.Post);
        Assert.Equal(["is not a single post: it lists 5 articles and none of them stands out as the post"], Reasons(reading));
    }

    [Fact]
    public void A_post_followed_by_teasers_of_other_posts_is_a_post()
    {
        var html = Head + "<body><main><article class=\"post\"><h1>Journey Mapping Mistakes to Avoid</h1>" + PostText + "</article>"
            + string.Concat(Enumerable.Range(1, 3).Select(n => $"<article class=\"teaser\"><h2><a href=\"/post-{n}/\">Post {n}</a></h2><p>A teaser of post {n}, its first words.</p></article>"))
            + "</main></body></html>";

        var post = Post(Page("post.html", html));

        Assert.StartsWith("<h1>Journey Mapping Mistakes to Avoid</h1>", post.BodyHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void Configured_selectors_take_the_match_with_the_most_text()
    {
        var html = Head + """
            <body><div class="story"><p>Teaser of another story, in the header strip.</p></div>
            <div class="story">
            """ + PostText + "</div></body></html>";

        var post = Post(Page("configured.html", html), new ContentOptions { BodySelectors = [".story"] });

        Assert.StartsWith("<p>Journey maps are powerful tools.", post.BodyHtml.TrimStart(), StringComparison.Ordinal);
    }
}
