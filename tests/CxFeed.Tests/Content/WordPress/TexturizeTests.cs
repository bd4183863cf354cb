using CxFeed.Core.Content.WordPress;

namespace CxFeed.Tests.Content.WordPress;

public class TexturizeTests
{
    /// <summary>
    /// What the author typed, and what WordPress 6.1's own <c>wptexturize</c> gives for it (each
    /// expected value is its output for the input, taken from the Debian package the WordPress tests
    /// run): quotes, apostrophes, primes, abbreviated years, dashes, the ellipsis, the times sign, a
    /// bare ampersand, and the text it leaves alone (pre, code, kbd, script, tt, tags, comments,
    /// shortcode tags, escaped shortcodes, quotes already curly).
    /// </summary>
    public static TheoryData<string, string> Typed => new()
    {
        { "\"Hello,\" she said. \"It's fine.\"", "&#8220;Hello,&#8221; she said. &#8220;It&#8217;s fine.&#8221;" },
        { "Don't say 'never' -- it's a long time.", "Don&#8217;t say &#8216;never&#8217; &#8212; it&#8217;s a long time." },
        { "The '90s were a decade; in '99 we said 'yes'.", "The &#8217;90s were a decade; in &#8217;99 we said &#8216;yes&#8217;." },
        { "He is 6' 2\" tall, and the board is 9\" wide.", "He is 6&#8242; 2&#8243; tall, and the board is 9&#8243; wide." },
        { "Scores: '0.42' and \"42\" and \"3.5\".", "Scores: &#8216;0.42&#8217; and &#8220;42&#8221; and &#8220;3.5&#8221;." },
        { "A range 10-20, a dash - like this, an em---dash, xn--bcher-kva.com and -- here.", "A range 10-20, a dash &#8211; like this, an em&#8212;dash, xn--bcher-kva.com and &#8212; here." },
        { "A 9x9 grid, 1920x1080 pixels, but never 0x9999.", "A 9&#215;9 grid, 1920&#215;1080 pixels, but never 0x9999." },
        { "Fish & chips &amp; peas &nbsp;and &copy; 2020.", "Fish &#038; chips &amp; peas &nbsp;and &copy; 2020." },
        { "'Tis the season, 'twas the night, rock 'n' roll, 'cause we're ready 'til dawn.", "&#8216;Tis the season, &#8217;twas the night, rock &#8216;n&#8217; roll, &#8217;cause we&#8217;re ready &#8217;til dawn." },
        { "The ``TeX'' way... and CxFeed (tm) too.", "The &#8220;TeX&#8221; way&#8230; and CxFeed &#8482; too." },
        { "<pre>\"quoted\" -- in pre</pre> and \"outside\" -- too.", "<pre>\"quoted\" -- in pre</pre> and &#8220;outside&#8221; &#8212; too." },
        { "<kbd>'k'</kbd> <code>\"c\"</code> <script>var a = \"x\" -- 1;</script> <tt>'t'</tt> \"end\"", "<kbd>'k'</kbd> <code>\"c\"</code> <script>var a = \"x\" -- 1;</script> <tt>'t'</tt> &#8220;end&#8221;" },
        { "[caption id=\"attachment_7\" align=\"alignnone\" width=\"300\"]<img src=\"a.jpg\" alt=\"it's\" /> It's a \"caption\"[/caption]", "[caption id=\"attachment_7\" align=\"alignnone\" width=\"300\"]<img src=\"a.jpg\" alt=\"it's\" /> It&#8217;s a &#8220;caption&#8221;[/caption]" },
        { "Write [[gallery]] or [[caption]]it's[[/caption]] to show them.", "Write [[gallery]] or [[caption]]it&#8217;s[[/caption]] to show them." },
        { "[code]\"raw\" -- text[/code] and \"cooked\" -- text", "[code]&#8221;raw&#8221; &#8212; text[/code] and &#8220;cooked&#8221; &#8212; text" },
        { "<!-- a \"comment\" -- here --> and 'after'", "<!-- a \"comment\" -- here --> and &#8216;after&#8217;" },
        { "She said, \"He said, 'hi' to me.\"", "She said, &#8220;He said, &#8216;hi&#8217; to me.&#8221;" },
        { "The customers' view and the company's view.", "The customers&#8217; view and the company&#8217;s view." },
        { "\"Multiple\" \"quotes\" in \"one\" line\" here.", "&#8220;Multiple&#8221; &#8220;quotes&#8221; in &#8220;one&#8221; line&#8221; here." },
        { "A \"quote with 5\" and 6\" items.\"", "A &#8220;quote with 5&#8243; and 6&#8243; items.&#8221;" },
        { "<a href=\"https://example.com/?a=1&b=2\">link & text</a>", "<a href=\"https://example.com/?a=1&#038;b=2\">link &#038; text</a>" },
        { "(\"parenthesised\") and ['bracketed'] and {\"braced\"}", "(&#8220;parenthesised&#8221;) and [&#8216;bracketed&#8217;] and {&#8220;braced&#8221;}" },
        { "Ends with a quote'", "Ends with a quote&#8217;" },
        { "Line one\n'Line two' -- done", "Line one\n&#8216;Line two&#8217; &#8212; done" },
        { "It's 5 o'clock; it's 50% off; '99% sure'.", "It&#8217;s 5 o&#8217;clock; it&#8217;s 50% off; &#8216;99% sure&#8217;." },
        { "Smart quotes “already” and ‘here’ stay.", "Smart quotes “already” and ‘here’ stay." },
        { "&lt;'tag'&gt; and &lt;\"tag\"&gt;", "&lt;&#8216;tag&#8217;&gt; and &lt;&#8220;tag&#8221;&gt;" },
        { "No-break\u00A0\"quote\"\u00A0-\u00A0here", "No-break\u00A0&#8220;quote&#8221;\u00A0&#8211;\u00A0here" },
        { "x--y and 1--2 and --start", "x&#8211;y and 1&#8211;2 and &#8211;start" },
        { "\"", "&#8220;" },
        { "'", "&#8216;" },
        { "Say \"hello", "Say &#8220;hello" },
    };

    [Theory]
    [MemberData(nameof(Typed))]
    public void Text_gets_the_typography_wordpress_gives_it(string typed, string shown) =>
        Assert.Equal(shown, Texturize.Apply(typed));

    [Fact]
    public void A_title_is_texturized_as_wordpress_shows_it_in_a_feed_reader() =>
        Assert.Equal("What a journey map is “not” — and what it is…",
            System.Net.WebUtility.HtmlDecode(WordPressContent.RenderTitle("What a journey map is \"not\" -- and what it is...")));
}
