namespace CxFeed.Tests.Cleaning;

/// <summary>WordPress markup: site chrome goes, captions become figures, players become links.</summary>
public class WordPressBlockTests
{
    [Theory]
    [InlineData("<p>It seems downright great<span class=\"more-link-wrap\"><a href=\"https://www.heartofthecustomer.com/dont-go/\" class=\"more-link\">Read more</a></span></p>", "<p>It seems downright great</p>")]
    [InlineData("<p>Deployed quickly. <a href=\"https://www.heartofthecustomer.com/2021/#more-4215\" class=\"more-link\">Read more</a></p>", "<p>Deployed quickly.</p>")]
    [InlineData("<p>Text.</p><p class=\"read-more\"><a class=\"\" href=\"https://www.heartofthecustomer.com/backorder/\">Read more</a></p>", "<p>Text.</p>")]
    [InlineData("<p>Text. <a href=\"https://www.heartofthecustomer.com/x/#more-12\">Continue reading <span class=\"screen-reader-text\">X</span></a></p>", "<p>Text.</p>")]
    public void Read_more_links_are_removed(string input, string expected) =>
        Assert.Equal(expected, Clean.Html(input));

    [Theory]
    [InlineData("<div class=\"sharedaddy sd-sharing-enabled\"><div class=\"robots-nocontent sd-block sd-social\"><h3 class=\"sd-title\">Share this:</h3><ul><li class=\"share-linkedin\"><a href=\"https://www.heartofthecustomer.com/x/?share=linkedin\">LinkedIn</a></li></ul></div></div>")]
    [InlineData("<div class=\"addtoany_share_save_container addtoany_content\"><div class=\"addtoany_header\">Share this post:</div><div class=\"a2a_kit\"><a class=\"a2a_button_twitter\" href=\"https://www.addtoany.com/add_to/twitter\" target=\"_blank\"></a></div></div>")]
    [InlineData("<div id=\"jp-relatedposts\" class=\"jp-relatedposts\"><h3 class=\"jp-relatedposts-headline\"><em>Related</em></h3></div>")]
    [InlineData("<div class='yarpp yarpp-related yarpp-related-website yarpp-template-list'>\n<!-- YARPP List -->\n<h3>Related posts:</h3><ol>\n<li><a href=\"https://www.heartofthecustomer.com/unmask/\" rel=\"bookmark\">Unmask the Power of Social Proof</a></li>\n</ol>\n</div>")]
    [InlineData("<div class=\"saboxplugin-wrap\"><div class=\"saboxplugin-authorname\">Jim Tincher</div></div>")]
    [InlineData("<div class=\"mc4wp-form\"><p>Subscribe</p><input type=\"email\"></div>")]
    public void Share_related_author_and_newsletter_blocks_are_removed(string chrome)
    {
        var report = Clean.Report("<p>Body.</p>" + chrome);

        Assert.Equal("<p>Body.</p>", report.Result.Html);
        Assert.NotEmpty(report.Of(Core.Cleaning.RemovalReason.SiteChrome));
    }

    [Fact]
    public void A_classic_caption_becomes_a_figure_with_its_figcaption()
    {
        var input = "<div id=\"attachment_2703\" style=\"width: 810px\" class=\"wp-caption aligncenter\"><img aria-describedby=\"caption-attachment-2703\" class=\"wp-image-2703 size-full\" src=\"/wp-content/uploads/2019/04/why.png\" alt=\"The why\" width=\"800\" height=\"500\" /><p id=\"caption-attachment-2703\" class=\"wp-caption-text\">The &#8220;Why&#8221; behind it</p></div><p>After.</p>";

        Assert.Equal(
            "<figure><img src=\"https://www.heartofthecustomer.com/wp-content/uploads/2019/04/why.png\" alt=\"The why\" width=\"800\" height=\"500\" />\n<figcaption>The \u201CWhy\u201D behind it</figcaption>\n</figure>\n<p>After.</p>",
            Clean.Html(input));
    }

    [Fact]
    public void A_caption_text_outside_a_caption_block_stays_a_paragraph()
    {
        Assert.Equal("<p>Loose caption</p>", Clean.Html("<p class=\"wp-caption-text\">Loose caption</p>"));
    }

    [Fact]
    public void A_gutenberg_youtube_embed_becomes_a_link_to_the_video()
    {
        var input = "<figure class=\"wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube\"><div class=\"wp-block-embed__wrapper\"><iframe title=\"Journey Mapping in 60 seconds\" width=\"640\" height=\"360\" src=\"https://www.youtube.com/embed/dQw4w9WgXcQ?feature=oembed\" frameborder=\"0\" allowfullscreen></iframe></div><figcaption>Our method</figcaption></figure>";

        Assert.Equal(
            "<figure><a href=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\">Journey Mapping in 60 seconds</a>\n<figcaption>Our method</figcaption>\n</figure>",
            Clean.Html(input));
    }

    [Theory]
    [InlineData("<iframe src=\"https://player.vimeo.com/video/76979871?h=8272103f6e\"></iframe>", "<p><a href=\"https://vimeo.com/76979871\">Vimeo video</a></p>")]
    [InlineData("<iframe data-src=\"https://www.youtube-nocookie.com/embed/abc123\" src=\"about:blank\" class=\"lazyload\"></iframe>", "<p><a href=\"https://www.youtube.com/watch?v=abc123\">YouTube video</a></p>")]
    [InlineData("<video controls src=\"/wp-content/uploads/tour.mp4\" poster=\"/p.jpg\"></video>", "<p><a href=\"https://www.heartofthecustomer.com/wp-content/uploads/tour.mp4\">Video</a></p>")]
    [InlineData("<audio controls title=\"Episode 12\"><source src=\"/ep12.mp3\" type=\"audio/mpeg\">Your browser does not support audio.</audio>", "<p><a href=\"https://www.heartofthecustomer.com/ep12.mp3\">Episode 12</a></p>")]
    public void Players_and_media_become_links(string input, string expected) =>
        Assert.Equal(expected, Clean.Html(input));

    [Fact]
    public void A_frame_with_nothing_to_link_to_is_a_problem()
    {
        var cleaned = Clean.Report("<p>Map:</p><iframe src=\"https://www.google.com/maps/embed?pb=1\"></iframe>").Result;

        Assert.Equal("<p>Map:</p>", cleaned.Html);
        Assert.Equal(["removed 1 embedded frame or media element(s) with nothing to link to: <iframe> from https://www.google.com/maps/embed?pb=1"], cleaned.Problems.ToArray());
    }

    [Fact]
    public void Gutenberg_block_comments_and_wrappers_leave_clean_paragraphs()
    {
        var input = "<!-- wp:paragraph -->\n<p>I&rsquo;ve yet to meet anyone.</p>\n<!-- /wp:paragraph -->\n\n<!--more-->\n\n<!-- wp:group --><div class=\"wp-block-group\"><div class=\"wp-block-group__inner-container\"><!-- wp:paragraph -->\n<p>B2B is different.</p>\n<!-- /wp:paragraph --></div></div><!-- /wp:group --><div style=\"height:20px\" aria-hidden=\"true\" class=\"wp-block-spacer\"></div>";

        Assert.Equal("<p>I\u2019ve yet to meet anyone.</p>\n<p>B2B is different.</p>", Clean.Html(input));
    }

    [Fact]
    public void A_picture_is_reduced_to_its_image()
    {
        Assert.Equal(
            "<p><img src=\"https://www.heartofthecustomer.com/a.jpg\" alt=\"A\" /></p>",
            Clean.Html("<picture><source srcset=\"/a.webp\" type=\"image/webp\"><img src=\"/a.jpg\" alt=\"A\"></picture>"));
    }
}
