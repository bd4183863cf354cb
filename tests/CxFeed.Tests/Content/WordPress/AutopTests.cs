using CxFeed.Core.Content.WordPress;

namespace CxFeed.Tests.Content.WordPress;

/// <summary>
/// wpautop and the unwrapping of a lone shortcode, against what WordPress 6.1's own
/// <c>shortcode_unautop(wpautop(…))</c> gives for the same input (each expected value was taken
/// from WordPress, including its quirk of closing a paragraph it never opened inside a div).
/// </summary>
public class AutopTests
{
    public static TheoryData<string, string, string> AsWordPressDoes => new()
    {
        { "blank line makes paragraphs", "First paragraph.\n\nSecond paragraph.", "<p>First paragraph.</p>\n<p>Second paragraph.</p>\n" },
        { "single newline is a line break", "Line one\nline two\n\nNext paragraph.", "<p>Line one<br />\nline two</p>\n<p>Next paragraph.</p>\n" },
        { "list is never in a paragraph", "Intro:\n<ul>\n<li>One</li>\n<li>Two</li>\n</ul>\nAfter the list.", "<p>Intro:</p>\n<ul>\n<li>One</li>\n<li>Two</li>\n</ul>\n<p>After the list.</p>\n" },
        { "pre keeps its blank lines and newlines", "Before\n\n<pre>code line 1\n\ncode line 2\n</pre>\n\nAfter", "<p>Before</p>\n<pre>code line 1\n\ncode line 2\n</pre>\n<p>After</p>\n" },
        { "heading and blockquote", "<h2>Heading</h2>\nText under it.\n\n<blockquote>Quoted\ntext</blockquote>", "<h2>Heading</h2>\n<p>Text under it.</p>\n<blockquote><p>Quoted<br />\ntext</p></blockquote>\n" },
        { "newline inside a tag stays a newline", "A <a\nhref=\"https://example.com/\">link</a> split over lines.", "<p>A <a\nhref=\"https://example.com/\">link</a> split over lines.</p>\n" },
        { "div is a block", "<div class=\"note\">\nInside a div\n\nTwo paragraphs\n</div>", "<div class=\"note\">\nInside a div</p>\n<p>Two paragraphs\n</p></div>\n" },
        { "more marker on its own line", "Teaser text.\n\n<!--more-->\n\nThe rest.", "<p>Teaser text.</p>\n<p><!--more--></p>\n<p>The rest.</p>\n" },
        { "more marker with custom text", "Teaser.<!--more Keep reading-->\nRest of the post.", "<p>Teaser.<!--more Keep reading--><br />\nRest of the post.</p>\n" },
        { "two br make a paragraph", "One<br>\n<br>Two", "<p>One</p>\n<p>Two</p>\n" },
        { "table cell gets a break", "<table>\n<tr>\n<td>cell\ntext</td>\n</tr>\n</table>", "<table>\n<tr>\n<td>cell<br />\ntext</td>\n</tr>\n</table>\n" },
        { "only whitespace is nothing", "   \n  ", "" },
        { "no-break space is text", "Text with a\u00a0no-break space\n\nnext", "<p>Text with a\u00a0no-break space</p>\n<p>next</p>\n" },
        { "script keeps its newlines", "<script>var a = 1;\nvar b = 2;</script>\nText", "<p><script>var a = 1;\nvar b = 2;</script><br />\nText</p>\n" },
        { "figcaption newlines collapse", "<figure><img src=\"a.jpg\" />\n<figcaption>\nCaption\n</figcaption></figure>", "<figure><img src=\"a.jpg\" /><figcaption>\nCaption<br />\n</figcaption></figure>\n" },
        { "caption shortcode alone is unwrapped", "[caption id=\"attachment_7\" align=\"alignnone\" width=\"300\"]<img src=\"https://example.com/a.jpg\" alt=\"Team\" width=\"300\" height=\"200\" /> The team at work[/caption]\n\nText after.", "[caption id=\"attachment_7\" align=\"alignnone\" width=\"300\"]<img src=\"https://example.com/a.jpg\" alt=\"Team\" width=\"300\" height=\"200\" /> The team at work[/caption]\n<p>Text after.</p>\n" },
        { "gallery shortcode alone is unwrapped", "Intro\n\n[gallery ids=\"11,12\"]\n\nOutro", "<p>Intro</p>\n[gallery ids=\"11,12\"]\n<p>Outro</p>\n" },
        // The edges of the scans that replaced wpautop's regular expressions (the Debian package's WordPress 6.1).
        { "stray paragraph ends after a block", "<div>x</div></p></p>\n\nText", "<div>x</div>\n</p>\n<p>Text</p>\n" },
        { "break before a list item's end", "Item<br />\n</li>", "<p>Item\n</li>\n" },
        { "rules end paragraphs", "A\n<hr>\nB\n<hr />C", "<p>A</p>\n<hr>\n<p>B</p>\n<hr />\n<p>C</p>\n" },
        { "a paragraph tag WordPress does not know, before a blockquote", "<P><blockquote>q</blockquote>", "<p><P></p>\n<blockquote><p>q</p></blockquote>\n" },
        { "paragraph around a lone block tag", "<p> <div class=\"a\"> </p>\n\nz", "<div class=\"a\">\n<p>z</p>\n" },
        { "closing pre without an opening one", "one\n<pre>a\n\nb</pre>\ntwo</pre>three", "<p>one</p>\n<pre>a\n\nb</pre>\n<p>twothree</p>\n" },
        { "break before a list's end", "Line\n<li>item</li>\n<br />\n</ol>", "<p>Line</p>\n<li>item</li>\n<p>\n</ol>\n" },
        { "section, heading, empty paragraph", "<section>\n\nText\n\n</section>\n<h3>Title</h3>\n<p>\n</p>", "<section>\n<p>Text</p>\n</section>\n<h3>Title</h3></p>\n" },
        { "break and whitespace before a div", "a<br />  <div>b</div>\n<address>c</address>", "<p>a  </p>\n<div>b</div>\n<address>c</address>\n" },
    };

    [Theory]
    [MemberData(nameof(AsWordPressDoes))]
    public void Paragraphs_and_line_breaks_are_made_as_WordPress_makes_them(string name, string typed, string shown)
    {
        Assert.False(string.IsNullOrEmpty(name));
        Assert.Equal(shown, Shortcodes.Unautop(Autop.Apply(typed)));
    }
}
