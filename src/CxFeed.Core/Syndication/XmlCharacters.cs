using System.Text;

namespace CxFeed.Core.Syndication;

/// <summary>
/// The characters XML 1.0 allows (§2.2: tab, line feed, carriage return, U+0020–U+D7FF,
/// U+E000–U+FFFD and the supplementary planes as well-formed surrogate pairs). Every string a
/// feed writer emits goes through <see cref="Keep"/>, so a control character or a lone surrogate
/// in a post's title or body can never make a feed unreadable.
/// </summary>
public static class XmlCharacters
{
    /// <summary>The text without the characters XML 1.0 forbids; the same instance when there are none.</summary>
    public static string Keep(string text)
    {
        var first = FirstForbidden(text);
        if (first < 0)
            return text;
        var kept = new StringBuilder(text.Length);
        kept.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                kept.Append(c).Append(text[++i]);
                continue;
            }
            if (IsAllowedAlone(c))
                kept.Append(c);
        }
        return kept.ToString();
    }

    /// <summary>Index of the first forbidden character, or -1.</summary>
    public static int FirstForbidden(ReadOnlySpan<char> text)
    {
        var i = 0;
        while (true)
        {
            // Almost all text lies in U+0020–U+D7FF: skip it with a vectorised search.
            var next = text[i..].IndexOfAnyExceptInRange('\u0020', '\uD7FF');
            if (next < 0)
                return -1;
            i += next;
            var c = text[i];
            if (IsAllowedAlone(c))
                i++;
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                i += 2;
            else
                return i;
        }
    }

    private static bool IsAllowedAlone(char c) =>
        c is '\t' or '\n' or '\r' or (>= '\u0020' and <= '\uD7FF') or (>= '\uE000' and <= '\uFFFD');
}
