namespace CxFeed.Tests.Cleaning;

/// <summary>Characters XML 1.0 forbids never reach the output, however they were written.</summary>
public class XmlCharacterTests
{
    [Theory]
    [InlineData("<p>a\u0001b\u0008c\u000Bd\u001Fe</p>", "<p>abcde</p>")]
    [InlineData("<p>a&#1;b&#x8;c&#x1F;d</p>", "<p>abcd</p>")]
    [InlineData("<p>a&#xFFFE;b&#xFFFF;c</p>", "<p>abc</p>")]
    [InlineData("<p>a&#xD800;b&#55296;c</p>", "<p>a\uFFFDb\uFFFDc</p>")]
    [InlineData("<p>a&#0;b&#x110000;c</p>", "<p>a\uFFFDb\uFFFDc</p>")]
    [InlineData("<p>emoji \uD83D\uDE00 and &#x1F600;</p>", "<p>emoji \uD83D\uDE00 and \uD83D\uDE00</p>")]
    [InlineData("<p title=\"x\">t\u0000u</p>", "<p>tu</p>")]
    [InlineData("<img src=\"/a.jpg\" alt=\"a&#1;b\uFFFFc\">", "<p><img src=\"https://www.heartofthecustomer.com/a.jpg\" alt=\"abc\" /></p>")]
    [InlineData("<p>&#128;&#150;&#153;</p>", "<p>\u20AC\u2013\u2122</p>")]
    public void Xml_illegal_characters_are_left_out(string input, string expected) =>
        Assert.Equal(expected, Clean.Html(input));

    // Found by fuzzing (tests/CxFeed.Fuzz, target clean): the character went after the spaces
    // around it had been collapsed, which left two spaces, and cleaning again gave one.
    [Theory]
    [InlineData("<p>a \u0001 b</p>", "<p>a b</p>")]
    [InlineData("<p>a \u000B\n b</p>", "<p>a b</p>")]
    [InlineData("<p>a &#1; b &#xFFFE; c</p>", "<p>a b c</p>")]
    [InlineData("<p>a\u0001b &#x1F; </p>", "<p>ab</p>")]
    [InlineData("<p>a&nbsp;&#1;&nbsp;b</p>", "<p>a\u00A0b</p>")]
    [InlineData("<abbr title=\"a &#1; b \u0008\">x</abbr>", "<p><abbr title=\"a b\">x</abbr></p>")]
    public void A_forbidden_character_between_spaces_leaves_one_space_and_cleaning_again_changes_nothing(string input, string expected)
    {
        var once = Clean.Html(input);

        Assert.Equal(expected, once);
        Assert.Equal(once, Clean.Html(once));
    }

    [Fact]
    public void Noncharacters_and_lone_surrogates_are_left_out()
    {
        // Built at run time: attribute metadata cannot carry these characters.
        Assert.Equal("<p>abc</p>", Clean.Html("<p>a" + (char)0xFFFE + "b" + (char)0xFFFF + "c</p>"));
        Assert.Equal("<p>abc</p>", Clean.Html("<p>a" + (char)0xD800 + "b" + (char)0xDC00 + "c</p>"));
        Assert.Equal("<p><img src=\"https://www.heartofthecustomer.com/a.jpg\" alt=\"ab\" /></p>", Clean.Html("<img src=\"/a.jpg\" alt=\"a" + (char)0xDBFF + "b\">"));
    }

    [Theory]
    [InlineData("<p>&lt;b&gt; &amp; &quot;quoted&quot; &apos;</p>", "<p>&lt;b&gt; &amp; \"quoted\" '</p>")]
    [InlineData("<p>&copy 2021 &hellip; &rsquo; &nbsp;x</p>", "<p>\u00A9 2021 \u2026 \u2019 x</p>")]
    [InlineData("<p>AT&T ]]> end</p>", "<p>AT&amp;T ]]&gt; end</p>")]
    [InlineData("<abbr title='a \"b\" <c>'>x</abbr>", "<p><abbr title=\"a &quot;b&quot; &lt;c&gt;\">x</abbr></p>")]
    public void Only_the_markup_characters_are_escaped_and_everything_else_is_utf8(string input, string expected) =>
        Assert.Equal(expected, Clean.Html(input));
}
