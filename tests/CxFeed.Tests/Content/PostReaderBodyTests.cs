using CxFeed.Core.Content;
using static CxFeed.Tests.Content.Reader;

namespace CxFeed.Tests.Content;

public class PostReaderBodyTests
{
    [Fact]
    public void The_body_is_the_entry_content_exactly_as_the_page_writes_it()
    {
        const string content = """
            <p>Journey maps are <strong>powerful</strong>&nbsp;tools.<br>
            But we&#8217;ve seen them go <a href=/blog/ class='x'>wrong</a>.</p>
            <!-- wp:image -->
            <figure class="wp-block-image"><img src="map.png" alt="map"></figure>
            <!-- /wp:image -->
            <ul><li>one<li>two</ul>
            """;

        var post = Post(new WordPressPage { Content = content });

        Assert.Equal("\n" + content + "\n\t", post.BodyHtml);
    }

    [Fact]
    public void Without_entry_content_the_article_is_the_body_and_without_an_article_the_element_in_main_that_holds_the_post()
    {
        // A theme that writes the post's paragraphs straight into its article.
        var article = new WordPressPage { Content = null }.Html
            .Replace("\t<footer class=\"entry-footer\">", WordPressPage.Paragraphs + "\t<footer class=\"entry-footer\">", StringComparison.Ordinal);
        var inArticle = Post(Page("post.html", article));
        var inMain = Post(Page("post.html", article
            .Replace("<article ", "<div ", StringComparison.Ordinal)
            .Replace("</article>", "</div>", StringComparison.Ordinal)
            .Replace(" hentry", "", StringComparison.Ordinal)));

        Assert.StartsWith("\n\t<header class=\"entry-header\">", inArticle.BodyHtml, StringComparison.Ordinal);
        Assert.EndsWith("</footer>\n", inArticle.BodyHtml, StringComparison.Ordinal);
        // main also holds the post navigation and the comments: the div inside it that holds the post's paragraphs is the body.
        Assert.Equal(inArticle.BodyHtml, inMain.BodyHtml);
    }

    [Fact]
    public void Configured_body_selectors_replace_the_defaults()
    {
        var content = new ContentOptions { BodySelectors = ["#post-4452 .entry-footer", ".entry-content"] };

        var post = Post(new WordPressPage(), content);

        Assert.StartsWith("<span class=\"cat-tags-links\">", post.BodyHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_body_whose_end_tag_is_missing_ends_with_its_last_content()
    {
        var page = """
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>Journey Mapping Mistakes to Avoid</title>
            <meta property="article:published_time" content="2021-03-16T15:00:00+00:00"></head>
            <body><main><div class="entry-content"><p>Journey maps are powerful tools.<p>But they go <b>wrong
            </body></html>
            """;

        var post = Post(Page("unclosed.html", page));

        Assert.Equal("<p>Journey maps are powerful tools.<p>But they go <b>wrong\n", post.BodyHtml);
    }

    [Fact]
    public void A_more_comment_marks_where_the_teaser_ends()
    {
        var post = Post(new WordPressPage
        {
            Content = """
                <!-- wp:paragraph -->
                <p>Journey maps are powerful tools.</p>
                <!-- /wp:paragraph -->

                <!--more-->

                <!-- wp:paragraph -->
                <p>But we&#8217;ve seen them go wrong.</p>
                <!-- /wp:paragraph -->
                """,
        });

        Assert.NotNull(post.MoreMarker);
        Assert.EndsWith("<!-- /wp:paragraph -->\n\n", post.BodyHtml[..post.MoreMarker.Value], StringComparison.Ordinal);
        Assert.StartsWith("<!--more-->\n", post.BodyHtml[post.MoreMarker.Value..], StringComparison.Ordinal);
    }

    [Fact]
    public void A_more_comment_with_its_own_link_text_is_a_marker_too()
    {
        var post = Post(new WordPressPage { Content = "<p>Journey maps are powerful tools.<!--more Keep reading--> But they go wrong.</p>" });

        Assert.NotNull(post.MoreMarker);
        Assert.Equal("\n<p>Journey maps are powerful tools.", post.BodyHtml[..post.MoreMarker.Value]);
    }

    [Fact]
    public void WordPress_more_span_on_a_single_page_marks_where_the_teaser_ends()
    {
        var post = Post(new WordPressPage
        {
            Content = """
                <p>Journey maps are powerful tools.</p>
                <p><span id="more-4452"></span></p>
                <p>But we&#8217;ve seen them go wrong.</p>
                """,
        });

        Assert.NotNull(post.MoreMarker);
        Assert.StartsWith("<span id=\"more-4452\"></span></p>", post.BodyHtml[post.MoreMarker.Value..], StringComparison.Ordinal);
    }

    [Fact]
    public void Other_comments_and_spans_are_not_more_markers()
    {
        var post = Post(new WordPressPage
        {
            Content = """
                <!-- wp:paragraph --><p>Journey maps <span id="more">are</span> powerful<!-- more to come --> tools.</p><!-- /wp:paragraph -->
                <span id="more-link">x</span>
                """,
        });

        Assert.Null(post.MoreMarker);
    }

    [Fact]
    public void A_more_marker_outside_the_body_is_not_the_posts()
    {
        var post = Post(new WordPressPage { EntryFooter = "<span id=\"more-4452\"></span>" });

        Assert.Null(post.MoreMarker);
    }

    [Fact]
    public void The_manual_excerpt_is_the_entry_summary_as_HTML()
    {
        var post = Post(new WordPressPage
        {
            EntryHeader = """
                <h1 class="entry-title">Journey Mapping Mistakes to Avoid</h1>
                <div class="entry-summary">
                	<p>Five mistakes we see again and again &#8211; and how to avoid&nbsp;them.</p>
                </div>
                """,
        });

        Assert.Equal("<p>Five mistakes we see again and again &#8211; and how to avoid&nbsp;them.</p>", post.ManualExcerpt);
    }

    [Fact]
    public void The_JSON_LD_abstract_is_the_manual_excerpt_before_the_entry_summary()
    {
        var post = Post(new WordPressPage
        {
            JsonLd = """
                <script type="application/ld+json">{"@context":"https://schema.org","@type":"BlogPosting","headline":"Journey Mapping Mistakes to Avoid","datePublished":"2021-03-16T10:00:00-05:00","abstract":"Five mistakes <we> see & how to avoid them."}</script>
                """,
            EntryHeader = """<h1 class="entry-title">Journey Mapping Mistakes to Avoid</h1><div class="entry-summary"><p>Not this one.</p></div>""",
        });

        Assert.Equal("Five mistakes &lt;we&gt; see &amp; how to avoid them.", post.ManualExcerpt);
    }

    [Fact]
    public void Another_posts_summary_after_the_body_is_not_the_manual_excerpt()
    {
        var post = Post(new WordPressPage
        {
            EntryFooter = """
                <section class="related-posts"><h2>Related</h2>
                <article class="post-4603 post"><h3 class="entry-title"><a href="https://www.heartofthecustomer.com/cx-needs-change-management/">CX Needs Change Management</a></h3>
                <div class="entry-summary"><p>Most CX programs fail for a reason that has nothing to do with CX&hellip;</p></div></article>
                </section>
                """,
        });

        Assert.Null(post.ManualExcerpt);
    }

    [Fact]
    public void A_meta_description_is_not_a_manual_excerpt()
    {
        var post = Post(new WordPressPage
        {
            Charset = """<meta charset="UTF-8"><meta name="description" content="Journey maps are powerful tools. But&hellip;">""",
        });

        Assert.Null(post.ManualExcerpt);
    }

    [Fact]
    public void Configured_excerpt_selectors_replace_the_default()
    {
        var content = new ContentOptions { ExcerptSelectors = ["p.standfirst"] };

        var post = Post(new WordPressPage { Content = "<p class=\"standfirst\">The short of it.</p>" + WordPressPage.Paragraphs }, content);

        Assert.Equal("The short of it.", post.ManualExcerpt);
    }

    [Fact]
    public void A_post_that_is_one_image_has_a_body()
    {
        var post = Post(new WordPressPage { Content = "<figure class=\"wp-block-image\"><img src=\"https://www.heartofthecustomer.com/wp-content/uploads/map.png\" alt=\"\"></figure>" });

        Assert.Contains("<img", post.BodyHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_body_of_empty_paragraphs_is_an_empty_body()
    {
        var reading = Read(new WordPressPage { Content = "<p>&nbsp;</p>\n<!-- wp:paragraph --><p></p><!-- /wp:paragraph --><script>track();</script>" });

        Assert.Null(reading.Post);
        Assert.Equal(["has an empty body: .entry-content holds no text or media"], Reasons(reading));
    }

    [Fact]
    public void A_page_with_nothing_the_selectors_match_has_no_body()
    {
        var page = """
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>Journey Mapping Mistakes to Avoid</title>
            <meta property="article:published_time" content="2021-03-16T15:00:00+00:00"></head>
            <body><div id="page"><p>Journey maps are powerful tools.</p></div></body></html>
            """;

        var reading = Read(Page("bare.html", page));

        Assert.Null(reading.Post);
        Assert.Equal(["has no body: no post container (.entry-content, [itemprop=articleBody], article, main…) holds text, and no part of the page reads as running text"], Reasons(reading));
    }
}
