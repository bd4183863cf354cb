using CxFeed.Core.Content.WordPress;

namespace CxFeed.Tests.Content.WordPress;

public class WordPressContentTests
{
    private static readonly MediaLibrary Media = new(
    [
        new WordPressAttachment(21, new Uri("https://www.heartofthecustomer.com/wp-content/uploads/2021/06/map.jpg"), "Map", "The journey map", "Journey map", 800, 600, "image/jpeg", 4215, 0),
    ]);

    public static TheoryData<string, string> Rendered => new()
    {
        // A classic-editor post: paragraphs, a caption alone on its line, a list, code, a gallery.
        {
            """
            Customer journey mapping starts with the customer.

            [caption id="attachment_21" align="aligncenter" width="800"]<img src="https://www.heartofthecustomer.com/wp-content/uploads/2021/06/map.jpg" alt="Journey map" width="800" height="600" /> The journey map[/caption]

            Three mistakes:
            <ol>
            	<li>Starting from the org chart</li>
            	<li>Skipping the interviews</li>
            </ol>
            <pre>if (customer.IsHappy)
                return;

            Escalate();</pre>
            [gallery]
            <!--more Read the whole story-->
            The rest.
            """,
            """
            <p>Customer journey mapping starts with the customer.</p>
            <figure class="wp-caption aligncenter" style="width: 800px"><img src="https://www.heartofthecustomer.com/wp-content/uploads/2021/06/map.jpg" alt="Journey map" width="800" height="600" /><figcaption class="wp-caption-text">The journey map</figcaption></figure>
            <p>Three mistakes:</p>
            <ol>
            <li>Starting from the org chart</li>
            <li>Skipping the interviews</li>
            </ol>
            <pre>if (customer.IsHappy)
                return;

            Escalate();</pre>
            <p><div class="gallery gallery-columns-3"><figure class="gallery-item"><a href="https://www.heartofthecustomer.com/wp-content/uploads/2021/06/map.jpg"><img src="https://www.heartofthecustomer.com/wp-content/uploads/2021/06/map.jpg" width="150" height="113" alt="Journey map" /></a><figcaption class="wp-caption-text gallery-caption">The journey map</figcaption></figure></div><br />
            <!--more Read the whole story--><br />
            The rest.</p>

            """
        },
        // A block-editor post: delimiters dropped, no wpautop (WordPress skips it for blocks), the more block's marker kept.
        {
            """
            <!-- wp:paragraph -->
            <p>First paragraph
            with a soft break in the source.</p>
            <!-- /wp:paragraph -->

            <!-- wp:more {"customText":"Keep reading"} -->
            <!--more Keep reading-->
            <!-- /wp:more -->

            <!-- wp:embed {"url":"https://www.youtube.com/watch?v=abc123","type":"video"} -->
            <figure class="wp-block-embed"><div class="wp-block-embed__wrapper">
            https://www.youtube.com/watch?v=abc123
            </div></figure>
            <!-- /wp:embed -->

            <!-- wp:latest-posts /-->
            """,
            """

            <p>First paragraph
            with a soft break in the source.</p>



            <!--more Keep reading-->



            <figure class="wp-block-embed"><div class="wp-block-embed__wrapper">
            <a href="https://www.youtube.com/watch?v=abc123">https://www.youtube.com/watch?v=abc123</a>
            </div></figure>



            """
        },
        // A bare oEmbed URL alone on a line becomes a link; any other URL alone stays text, as WordPress leaves it.
        {
            "Watch this:\n\nhttps://vimeo.com/12345\n\nhttps://example.com/not-an-embed",
            "<p>Watch this:</p>\n<p><a href=\"https://vimeo.com/12345\">https://vimeo.com/12345</a></p>\n<p>https://example.com/not-an-embed</p>\n"
        },
        // Nested shortcodes: a plugin's wrappers around a core caption. As WordPress's
        // shortcode_unautop, the outer shortcode runs from the first paragraph's start to the last
        // one's end, and both lose their paragraph tag: WordPress 6.1 shows exactly this.
        {
            "[et_pb_section][et_pb_text]Intro text.\n\n[caption width=\"300\"]<img src=\"https://example.com/a.jpg\" alt=\"\" /> Caption[/caption][/et_pb_text][/et_pb_section]",
            "Intro text.</p>\n<p><figure class=\"wp-caption alignnone\" style=\"width: 300px\"><img src=\"https://example.com/a.jpg\" alt=\"\" /><figcaption class=\"wp-caption-text\">Caption</figcaption></figure>\n"
        },
        // The same wrapper around paragraphs, then text after it: a figure left inside a paragraph
        // is shown alone (a browser ends the paragraph where the figure starts).
        {
            "[su_box]Members only:\n\n[caption width=\"300\"]<img src=\"https://example.com/a.jpg\" alt=\"\" /> Caption[/caption]\n\nThanks.[/su_box]\n\nAfter.",
            "Members only:</p>\n<figure class=\"wp-caption alignnone\" style=\"width: 300px\"><img src=\"https://example.com/a.jpg\" alt=\"\" /><figcaption class=\"wp-caption-text\">Caption</figcaption></figure>\n<p>Thanks.\n<p>After.</p>\n"
        },
        // Typography, as wptexturize: curly quotes, apostrophes, dashes, an ellipsis; none in code,
        // in a tag's attributes or in a shortcode's.
        {
            "It's the \"inside out\" view -- and that's the point...\n\n<code>x--y \"z\"</code> <a title=\"a 'b'\">'90s</a>",
            "<p>It&#8217;s the &#8220;inside out&#8221; view &#8212; and that&#8217;s the point&#8230;</p>\n<p><code>x--y \"z\"</code> <a title=\"a 'b'\">&#8217;90s</a></p>\n"
        },
    };

    [Theory]
    [MemberData(nameof(Rendered))]
    public void Content_as_typed_is_rendered_as_the_blog_shows_it(string typed, string shown) =>
        Assert.Equal(shown.ReplaceLineEndings("\n"), WordPressContent.Render(typed.ReplaceLineEndings("\n"), 4215, Media));

    [Fact]
    public void A_manual_excerpt_gets_its_paragraphs() =>
        Assert.Equal("<p>Five signs your CX program needs <em>change management</em>.</p>\n", WordPressContent.RenderExcerpt("Five signs your CX program needs <em>change management</em>."));
}
