using System.Text;

namespace CxFeed.Core.Excerpts;

/// <summary>
/// Text reduced to its letters and digits, lower case: what is left of a title once case,
/// spaces, punctuation and dashes no longer count, so that the slug-like caption
/// <c>The-“Why”-Behind-CX-Pros’-Failure-to-Prove-Business-Results</c> and the title
/// <c>The “Why” Behind CX Pros’ Failure to Prove Business Results</c> have the same key.
/// </summary>
internal static class LetterKey
{
    public static string Of(string text)
    {
        var key = new StringBuilder(text.Length);
        Append(key, text, int.MaxValue);
        return key.ToString();
    }

    /// <summary>
    /// The key of an element's text when it has at most <paramref name="maxLength"/> characters;
    /// null when it has more, or when the element holds more nodes than such a text would need
    /// (so that a deep or huge element costs no more than a short one).
    /// </summary>
    public static string? OfElement(MarkupNode element, int maxLength)
    {
        var key = new StringBuilder();
        var nodes = 0;
        var maxNodes = 16 + 4 * maxLength;
        for (var node = element.FirstChild; node is not null; node = node.Next(element))
        {
            if (++nodes > maxNodes)
                return null;
            if (node.Kind == MarkupNodeKind.Text && !Append(key, node.Text, maxLength))
                return null;
        }
        return key.ToString();
    }

    // False as soon as the key grows longer than maxLength.
    private static bool Append(StringBuilder key, string text, int maxLength)
    {
        Span<char> lower = stackalloc char[2];
        foreach (var rune in text.EnumerateRunes())
        {
            if (!Rune.IsLetterOrDigit(rune))
                continue;
            key.Append(lower[..Rune.ToLowerInvariant(rune).EncodeToUtf16(lower)]);
            if (key.Length > maxLength)
                return false;
        }
        return true;
    }
}
