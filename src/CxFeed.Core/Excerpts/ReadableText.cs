using System.Globalization;
using System.Text;

namespace CxFeed.Core.Excerpts;

/// <summary>
/// Whether text says anything: a letter, a digit, a symbol or an emoji. Text of only punctuation
/// and white space (a "—–" line between two parts, a lone "…") is no words: a block of it is a
/// separator, and an excerpt of it is empty.
/// </summary>
internal static class ReadableText
{
    // Enough nodes to reach the text of any ordinary block; a block with more and no text yet
    // counts as readable, so that checking every block costs a bounded amount each.
    private const int MaxNodes = 16;

    public static bool Has(ReadOnlySpan<char> text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsReadable(rune))
                return true;
        }
        return false;
    }

    /// <summary>Whether <paramref name="element"/>'s text says anything, looking at its first few nodes only (beyond them, it is taken to).</summary>
    public static bool IsIn(MarkupNode element)
    {
        var nodes = 0;
        for (var node = element.FirstChild; node is not null; node = node.Next(element))
        {
            if (++nodes > MaxNodes || (node.Kind == MarkupNodeKind.Text && Has(node.Text)))
                return true;
        }
        return false;
    }

    private static bool IsReadable(Rune rune) =>
        Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
                or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
                or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation
                or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.Control or UnicodeCategory.Format => false,
            _ => true,
        };
}
