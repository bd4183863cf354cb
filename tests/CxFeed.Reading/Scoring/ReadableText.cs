using System.Globalization;
using System.Text;
using HtmlAgilityPack;

namespace CxFeed.Reading.Scoring;

/// <summary>
/// Text as the scorer compares it, the same for every reader: HTML made text with a space at every
/// block boundary, then words (letters and digits; each character a word in scripts written without
/// spaces), lower-cased.
/// </summary>
public static class ReadableText
{
    // The end of these is a space; inline elements join their text to the next.
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure",
        "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
        "section", "table", "td", "th", "tr", "ul",
    };

    private static readonly HashSet<string> Unseen = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "noscript", "template" };

    /// <summary>The visible text of <paramref name="html"/>, blocks separated by spaces.</summary>
    public static string FromHtml(string html)
    {
        var document = new HtmlDocument();
        document.LoadHtml(html);
        var text = new StringBuilder();
        var stack = new Stack<(HtmlNode Node, bool Closing)>();
        stack.Push((document.DocumentNode, false));
        while (stack.Count > 0)
        {
            var (node, closing) = stack.Pop();
            if (closing)
            {
                text.Append(' ');
                continue;
            }
            switch (node.NodeType)
            {
                case HtmlNodeType.Text:
                    text.Append(HtmlEntity.DeEntitize(((HtmlTextNode)node).Text));
                    break;
                case HtmlNodeType.Element when Unseen.Contains(node.Name):
                    break;
                case HtmlNodeType.Element or HtmlNodeType.Document:
                    if (Blocks.Contains(node.Name))
                    {
                        text.Append(' ');
                        stack.Push((node, true));
                    }
                    for (var child = node.LastChild; child is not null; child = child.PreviousSibling)
                        stack.Push((child, false));
                    break;
            }
        }
        return text.ToString();
    }

    /// <summary>The words of <paramref name="text"/>, lower-cased, in order.</summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var rune in text.Normalize(NormalizationForm.FormKC).EnumerateRunes())
        {
            if (IsSpaceless(rune))
            {
                Flush();
                words.Add(rune.ToString());
            }
            else if (Rune.IsLetterOrDigit(rune) || Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
            {
                word.Append(Rune.ToLowerInvariant(rune).ToString());
            }
            else
            {
                Flush();
            }
        }
        Flush();
        return words;

        void Flush()
        {
            if (word.Length > 0)
                words.Add(word.ToString());
            word.Clear();
        }
    }

    /// <summary>Letters and digits only, lower-cased: how titles, names and first words are compared.</summary>
    public static string Key(string text) => string.Concat(Words(text));

    // Han, kana, Thai, Lao, Khmer, Myanmar: written without spaces between words.
    private static bool IsSpaceless(Rune rune) => rune.Value is
        (>= 0x3040 and <= 0x30FF) or (>= 0x3400 and <= 0x4DBF) or (>= 0x4E00 and <= 0x9FFF) or (>= 0xF900 and <= 0xFAFF)
        or (>= 0x0E00 and <= 0x0EFF) or (>= 0x1780 and <= 0x17FF) or (>= 0x1000 and <= 0x109F) or (>= 0x20000 and <= 0x2FFFF);
}
