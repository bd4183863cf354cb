using System.Text;

namespace CxFeed.Core.Content.WordPress;

/// <summary>
/// Post text cut into text runs and markup (tags, comments, CDATA), as WordPress's formatting
/// functions cut it: a <c>&lt;</c> starts markup that runs to the next <c>&gt;</c> (a comment to
/// its <c>--&gt;</c>), quotes or not, and unfinished markup runs to the end. Matching WordPress's
/// cut, not a browser's, is what makes the rendering equal to the blog's.
/// </summary>
internal static class HtmlSplitter
{
    /// <summary>The text with <paramref name="find"/> replaced by <paramref name="replacement"/> inside markup only.</summary>
    public static string ReplaceInTags(string text, string find, string replacement)
    {
        if (!text.Contains(find, StringComparison.Ordinal))
            return text;
        var result = ReusableBuilder.Take(text.Length + 64);
        foreach (var (start, length, isMarkup) in Split(text))
        {
            var part = text.AsSpan(start, length);
            if (isMarkup && part.Contains(find, StringComparison.Ordinal))
                result.Append(part.ToString().Replace(find, replacement, StringComparison.Ordinal));
            else
                result.Append(part);
        }
        return ReusableBuilder.Release(result);
    }

    /// <summary>The text's parts in order: (start, length, whether it is markup).</summary>
    public static IEnumerable<(int Start, int Length, bool IsMarkup)> Split(string text)
    {
        var position = 0;
        while (position < text.Length)
        {
            var open = text.IndexOf('<', position);
            if (open < 0)
            {
                yield return (position, text.Length - position, false);
                yield break;
            }
            if (open > position)
                yield return (position, open - position, false);
            var end = MarkupEnd(text, open);
            yield return (open, end - open, true);
            position = end;
        }
    }

    /// <summary>Where the markup starting at <paramref name="open"/> ends (exclusive).</summary>
    public static int MarkupEnd(string text, int open)
    {
        if (string.CompareOrdinal(text, open, "<!--", 0, 4) == 0)
            return Through(text, text.IndexOf("-->", open + 4, StringComparison.Ordinal), 3);
        if (string.CompareOrdinal(text, open, "<![CDATA[", 0, 9) == 0)
            return Through(text, text.IndexOf("]]>", open + 9, StringComparison.Ordinal), 3);
        return Through(text, text.IndexOf('>', open + 1), 1);
    }

    private static int Through(string text, int found, int length) => found < 0 ? text.Length : found + length;
}
