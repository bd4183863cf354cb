using CxFeed.Core;

namespace CxFeed.Tests.Syndication;

public class XmlCharactersTests
{
    [Theory]
    [InlineData("Word\u000Bpaste", "Wordpaste")]
    [InlineData("bell\u0007 and null\u0000", "bell and null")]
    [InlineData("not a character \uFFFE\uFFFF", "not a character ")]
    public void Characters_xml_forbids_are_dropped(string text, string kept)
    {
        Assert.Equal(kept, XmlCharacters.Keep(text));
    }

    // Lone surrogates cannot be written in attribute arguments (the compiler turns them into U+FFFD).
    [Fact]
    public void Lone_surrogates_are_dropped_and_pairs_kept()
    {
        const char high = '\uD83D', low = '\uDE00';

        Assert.Equal("lone  surrogate", XmlCharacters.Keep($"lone {high} surrogate"));
        Assert.Equal("lone low ", XmlCharacters.Keep($"lone low {low}"));
        Assert.Equal("reversed  pair", XmlCharacters.Keep($"reversed {low}{high} pair"));
        Assert.Equal($"pair {high}{low} kept", XmlCharacters.Keep($"pair {high}{low} kept"));
        Assert.Equal("end", XmlCharacters.Keep($"end{high}"));
    }

    [Theory]
    [InlineData("tab\tnewline\ncarriage\r")]
    [InlineData("emoji \uD83D\uDE00 and ‘quotes’ and \u00A0no-break")]
    [InlineData("private use \uE000 and replacement \uFFFD")]
    public void Allowed_text_is_returned_unchanged(string text)
    {
        Assert.Same(text, XmlCharacters.Keep(text));
    }
}
