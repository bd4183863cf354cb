using CxFeed.Core.Html;
using HtmlAgilityPack;

namespace CxFeed.Core.Content;

/// <summary>
/// How much text each element of a page holds, measured once for the whole page: characters that
/// show (not whitespace), those inside links, paragraphs, commas and media. What is inside a
/// part that is not the post (<see cref="BodyTables.NotThePost"/>), a script, a style or a
/// template counts for nothing. Two passes over a flat list (document order, then its reverse),
/// never recursion: a hostile page may nest 1,024 deep.
/// </summary>
internal sealed class PageTextMap
{
    /// <summary>A paragraph needs this many characters to count as running text, as in Readability.</summary>
    public const int ParagraphChars = 25;

    private readonly Dictionary<HtmlNode, int> _index;
    private readonly List<HtmlNode> _elements;
    private readonly TextStats[] _stats;
    private readonly bool[] _excluded;

    private PageTextMap(List<HtmlNode> elements, Dictionary<HtmlNode, int> index, TextStats[] stats, bool[] excluded)
    {
        _elements = elements;
        _index = index;
        _stats = stats;
        _excluded = excluded;
    }

    /// <summary>Every element, in document order.</summary>
    public IReadOnlyList<HtmlNode> Elements => _elements;

    public static PageTextMap Measure(HtmlNode root, Html.CssSelector notThePost)
    {
        var elements = new List<HtmlNode>();
        var index = new Dictionary<HtmlNode, int>();
        var excludedList = new List<bool>();
        var node = root.FirstChild;
        while (node is not null)
        {
            if (node.NodeType == HtmlNodeType.Element)
            {
                var parentExcluded = node.ParentNode is { } parent && index.TryGetValue(parent, out var at) && excludedList[at];
                index[node] = elements.Count;
                elements.Add(node);
                excludedList.Add(parentExcluded || IsHidden(node) || notThePost.Matches(node));
            }
            node = HtmlTree.Next(node, root);
        }
        var excluded = excludedList.ToArray();
        var stats = new TextStats[elements.Count];
        for (var i = elements.Count - 1; i >= 0; i--)
        {
            if (excluded[i])
                continue;
            var element = elements[i];
            var sum = default(TextStats);
            for (var child = element.FirstChild; child is not null; child = child.NextSibling)
            {
                if (child.NodeType == HtmlNodeType.Text)
                    sum += TextStats.Of(((HtmlTextNode)child).Text);
                else if (child.NodeType == HtmlNodeType.Element && index.TryGetValue(child, out var c))
                    sum += stats[c];
            }
            stats[i] = element.Name switch
            {
                "a" => sum with { LinkChars = sum.Chars },
                "p" or "pre" or "blockquote" when sum.Chars - sum.LinkChars >= ParagraphChars => sum with { Paragraphs = sum.Paragraphs + 1 },
                "img" or "picture" or "video" or "iframe" or "figure" or "audio" or "embed" or "object" => sum with { Media = sum.Media + 1 },
                _ => sum,
            };
        }
        return new PageTextMap(elements, index, stats, excluded);
    }

    /// <summary>What <paramref name="element"/> holds, or nothing when it is inside a part that is not the post.</summary>
    public TextStats this[HtmlNode element] => _index.TryGetValue(element, out var i) ? _stats[i] : default;

    /// <summary>Whether <paramref name="element"/> is, or is inside, a part that is not the post.</summary>
    public bool IsExcluded(HtmlNode element) => !_index.TryGetValue(element, out var i) || _excluded[i];

    private static bool IsHidden(HtmlNode element) =>
        element.Name is "script" or "style" or "template" or "noscript" or "svg" or "select" or "button" or "textarea"
        || element.Attributes["hidden"] is not null;
}

/// <summary>Counts of what an element holds, see <see cref="PageTextMap"/>.</summary>
internal readonly record struct TextStats(int Chars, int LinkChars, int Paragraphs, int Commas, int Media)
{
    /// <summary>Characters that are not part of a link.</summary>
    public int TextChars => Chars - LinkChars;

    /// <summary>The share of characters inside links, 0 for an element without text.</summary>
    public double LinkDensity => Chars == 0 ? 0 : (double)LinkChars / Chars;

    public static TextStats operator +(TextStats a, TextStats b) =>
        new(a.Chars + b.Chars, a.LinkChars + b.LinkChars, a.Paragraphs + b.Paragraphs, a.Commas + b.Commas, a.Media + b.Media);

    /// <summary>A text node's raw text: a character reference counts as one character, as it shows.</summary>
    public static TextStats Of(string text)
    {
        int chars = 0, commas = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is ' ' or '\t' or '\n' or '\r' or '\f')
                continue;
            if (c == '&' && text.IndexOf(';', i + 1, Math.Min(10, text.Length - i - 1)) is var end and > 0)
            {
                var reference = text.AsSpan(i, end - i + 1);
                if (reference is "&nbsp;" or "&#160;" or "&#xa0;")
                {
                    i = end;
                    continue;
                }
                if (reference is "&#44;")
                    commas++;
                i = end;
            }
            else if (c is ',' or '，' or '、' or '،')
                commas++;
            chars++;
        }
        return new TextStats(chars, 0, 0, commas, 0);
    }
}
