using CxFeed.Core.Content.WordPress;

namespace CxFeed.Tests.Content.WordPress;

public class ShortcodesTests
{
    private static readonly MediaLibrary Media = new(
    [
        new WordPressAttachment(11, new Uri("https://www.heartofthecustomer.com/wp-content/uploads/2021/06/workshop.jpg"), "Workshop", "Mapping the journey", "Sticky notes on a wall", 1200, 800, "image/jpeg", 4215, 1),
        new WordPressAttachment(12, new Uri("https://www.heartofthecustomer.com/wp-content/uploads/2021/06/team.png"), "Team", null, "The team", 640, 480, "image/png", 4215, 0),
        new WordPressAttachment(13, new Uri("https://www.heartofthecustomer.com/wp-content/uploads/2021/06/interview.mp3"), "Customer interview", null, null, null, null, "audio/mpeg", 4215, 2),
        new WordPressAttachment(14, new Uri("https://www.heartofthecustomer.com/wp-content/uploads/2021/05/other.jpg"), "Other", null, null, null, null, "image/jpeg", 99, 0),
    ]);

    public static TheoryData<string, string> Rendered => new()
    {
        // [caption] as the classic editor writes it: the image (maybe linked), then the caption text.
        {
            """[caption id="attachment_7" align="alignright" width="300"]<img src="https://www.heartofthecustomer.com/wp-content/uploads/team.jpg" alt="Team" width="300" height="200" /> The team at work[/caption]""",
            """<figure class="wp-caption alignright" style="width: 300px"><img src="https://www.heartofthecustomer.com/wp-content/uploads/team.jpg" alt="Team" width="300" height="200" /><figcaption class="wp-caption-text">The team at work</figcaption></figure>"""
        },
        {
            """[caption width="300"]<a href="https://example.com/big.jpg"><img src="https://example.com/small.jpg" alt="" /></a> Linked <em>image</em>[/caption]""",
            """<figure class="wp-caption alignnone" style="width: 300px"><a href="https://example.com/big.jpg"><img src="https://example.com/small.jpg" alt="" /></a><figcaption class="wp-caption-text">Linked <em>image</em></figcaption></figure>"""
        },
        // The old form, with the caption in an attribute.
        {
            """[caption width="200" caption="Old style"]<img src="https://example.com/a.jpg" />[/caption]""",
            """<figure class="wp-caption alignnone" style="width: 200px"><img src="https://example.com/a.jpg" /><figcaption class="wp-caption-text">Old style</figcaption></figure>"""
        },
        // No width or no caption: WordPress shows the image alone.
        { """[caption]<img src="https://example.com/a.jpg" /> Text[/caption]""", """<img src="https://example.com/a.jpg" />""" },
        // Galleries: the ids given, in that order, each image linked to its file with its caption,
        // at the size WordPress shows it: fitted in the 150×150 thumbnail box.
        {
            """[gallery ids="12,11,404"]""",
            """<div class="gallery gallery-columns-3"><figure class="gallery-item"><a href="https://www.heartofthecustomer.com/wp-content/uploads/2021/06/team.png"><img src="https://www.heartofthecustomer.com/wp-content/uploads/2021/06/team.png" width="150" height="113" alt="The team" /></a></figure><figure class="gallery-item"><a href="https://www.heartofthecustomer.com/wp-content/uploads/2021/06/workshop.jpg"><img src="https://www.heartofthecustomer.com/wp-content/uploads/2021/06/workshop.jpg" width="150" height="100" alt="Sticky notes on a wall" /></a><figcaption class="wp-caption-text gallery-caption">Mapping the journey</figcaption></figure></div>"""
        },
        // Without ids: the images uploaded to the post, in menu order (the audio file is not an image).
        {
            """[gallery columns="2" exclude="11"]""",
            """<div class="gallery gallery-columns-2"><figure class="gallery-item"><a href="https://www.heartofthecustomer.com/wp-content/uploads/2021/06/team.png"><img src="https://www.heartofthecustomer.com/wp-content/uploads/2021/06/team.png" width="150" height="113" alt="The team" /></a></figure></div>"""
        },
        { """[gallery ids="404"]""", "" },
        // Media: a link to the file, where WordPress would show a player.
        { "[embed width=\"640\"]https://www.youtube.com/watch?v=abc123[/embed]", """<a href="https://www.youtube.com/watch?v=abc123">https://www.youtube.com/watch?v=abc123</a>""" },
        { """[video width="640" mp4="https://example.com/clip.mp4"][/video]""", """<a href="https://example.com/clip.mp4">https://example.com/clip.mp4</a>""" },
        { """[audio src="https://example.com/a.mp3?x=1&amp;y=2"]""", """<a href="https://example.com/a.mp3?x=1&amp;y=2">https://example.com/a.mp3?x=1&amp;y=2</a>""" },
        {
            """[playlist ids="13"]""",
            """<ol class="wp-playlist"><li><a href="https://www.heartofthecustomer.com/wp-content/uploads/2021/06/interview.mp3">Customer interview</a></li></ol>"""
        },
        // Escaped shortcodes are shown, one bracket pair less, and not run.
        { "Write [[gallery]] to show a gallery.", "Write [gallery] to show a gallery." },
        { "[[caption width=\"1\"]x[/caption]]", "[caption width=\"1\"]x[/caption]" },
        // A plugin's shortcode: gone, its text kept, nested ones too.
        { """[su_note note_color="#fff"]Keep <strong>this</strong>[/su_note]""", "Keep <strong>this</strong>" },
        {
            """[vc_row][vc_column width="1/2"][vc_column_text]Column text[/vc_column_text][/vc_column][/vc_row]""",
            "Column text"
        },
        {
            """[et_pb_section][caption width="300"]<img src="https://example.com/a.jpg" /> Inside a builder[/caption][/et_pb_section]""",
            """<figure class="wp-caption alignnone" style="width: 300px"><img src="https://example.com/a.jpg" /><figcaption class="wp-caption-text">Inside a builder</figcaption></figure>"""
        },
        { """Before [contact-form-7 id="5" title="Contact" /] after""", "Before  after" },
        // Brackets that are not shortcodes stay as written.
        { "Customers [sic] said so [1].", "Customers [sic] said so [1]." },
        { """<a href="https://example.com/" title="[gallery]">[link]</a>""", """<a href="https://example.com/" title="[gallery]">[link]</a>""" },
        { "<!-- [gallery] --> text", "<!-- [gallery] --> text" },
        { "An array a[i] and [ spaced ]", "An array a[i] and [ spaced ]" },
    };

    [Theory]
    [MemberData(nameof(Rendered))]
    public void Shortcodes_are_rendered_as_the_blog_shows_them(string typed, string shown) =>
        Assert.Equal(shown, Shortcodes.Render(typed, postId: 4215, Media));

    [Fact]
    public void Shortcodes_nested_deeper_than_the_limit_are_left_as_text_not_a_stack_overflow()
    {
        var deep = string.Concat(Enumerable.Repeat("[x_a]", 5000)) + "text" + string.Concat(Enumerable.Repeat("[/x_a]", 5000));

        var shown = Shortcodes.Render(deep);

        Assert.Contains("text", shown, StringComparison.Ordinal);
    }
}
