using CxFeed.Core.Cleaning;
using CxFeed.Core.Content;
using CxFeed.Core.Excerpts;
using CxFeed.Core.Publishing;
using static CxFeed.Tests.Content.Reader;

namespace CxFeed.Tests.Content;

/// <summary>
/// Shortcodes a deactivated plugin leaves in a rendered WordPress page: the post's own text, not
/// brackets in the feed. Rendered as WordPress shows the core ones, a plugin's removed with the
/// text it wraps kept, never inside code.
/// </summary>
public class LeftShortcodeTests
{
    private static (Post Post, Entry Entry) Read(string content)
    {
        var post = Post(new WordPressPage { Content = content });
        var (entry, _) = Entry.Create(post, new HtmlCleaner(), new ExcerptBuilder(), ExcerptBudget.Default);
        return (post, entry);
    }

    [Fact]
    public void A_caption_left_as_text_becomes_a_figure_and_its_words_stay_out_of_the_excerpt()
    {
        var (_, entry) = Read("""
            <p>[caption id="attachment_4013" align="aligncenter" width="1024"]<img class="size-large wp-image-4013" src="https://www.heartofthecustomer.com/wp-content/uploads/2021/03/map.jpg" alt="A journey map" width="1024" height="536" /> A journey map on a workshop wall[/caption]</p>
            <p>Journey maps are powerful tools. But we&#8217;ve seen them go wrong in a few predictable ways.</p>
            """);

        Assert.DoesNotContain("[caption", entry.ContentHtml, StringComparison.Ordinal);
        Assert.Contains("<figcaption>A journey map on a workshop wall</figcaption>", entry.ContentHtml, StringComparison.Ordinal);
        Assert.StartsWith("Journey maps are powerful tools.", entry.Excerpt.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_embed_becomes_a_link_and_a_plugins_shortcode_keeps_the_text_it_wraps()
    {
        var (_, entry) = Read("""
            <p>Journey maps are powerful tools. [su_highlight background="#ff9"]But we have seen them go wrong.[/su_highlight]</p>
            <p>[embed]https://www.youtube.com/watch?v=hotc-fireside[/embed]</p>
            <p>[gallery ids="4013,4014"]</p>
            """);

        Assert.Contains("Journey maps are powerful tools. But we have seen them go wrong.", entry.ContentHtml, StringComparison.Ordinal);
        Assert.Contains("href=\"https://www.youtube.com/watch?v=hotc-fireside\"", entry.ContentHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("[", entry.ContentHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_shortcode_shown_as_code_stays_as_written_and_a_bracketed_word_is_text()
    {
        var (post, _) = Read("""
            <p>Write <code>[gallery ids="1,2"]</code> to show two images, as the docs say [sic].</p>
            <pre>[caption width="300"]&lt;img src="a.jpg"&gt; Text[/caption]</pre>
            """);

        Assert.Contains("<code>[gallery ids=\"1,2\"]</code>", post.BodyHtml, StringComparison.Ordinal);
        Assert.Contains("<pre>[caption width=\"300\"]&lt;img src=\"a.jpg\"&gt; Text[/caption]</pre>", post.BodyHtml, StringComparison.Ordinal);
        Assert.Contains("[sic]", post.BodyHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void The_more_marker_moves_with_the_text_before_it()
    {
        var (post, entry) = Read("""
            <p>Journey maps are powerful tools. [su_note note_color="#eee"]Read on.[/su_note]</p>
            <p><span id="more-4452"></span></p>
            <p>First, a map built without talking to customers is a map of your own assumptions.</p>
            """);

        Assert.Equal("Journey maps are powerful tools. Read on.", entry.Excerpt.Text);
        Assert.StartsWith("<span id=\"more-4452\">", post.BodyHtml[post.MoreMarker!.Value..], StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_not_made_by_wordpress_keeps_its_brackets()
    {
        var html = """
            <!DOCTYPE html><html><head><meta charset="UTF-8"><title>Notes</title>
            <meta property="article:published_time" content="2021-03-16T15:00:00+00:00"></head>
            <body><article><h1>Notes</h1><p>In markup languages, [b]bold[/b] is how forums write bold text, and we keep it as written.</p></article></body></html>
            """;

        var post = Post(Page("notes.html", html));

        Assert.Contains("[b]bold[/b]", post.BodyHtml, StringComparison.Ordinal);
    }
}
