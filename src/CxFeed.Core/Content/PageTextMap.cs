using System.Collections.Frozen;
using CxFeed.Core.Html;
using HtmlAgilityPack;

namespace CxFeed.Core.Content;

/// <summary>
/// How much text each element of a page holds, measured once for the whole page: characters that
/// show (not whitespace), those inside links, those in paragraphs of running text, commas and media. What is inside a
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
    private readonly bool[] _holdsBlock;

    /// <summary>Elements that start a block: text on either side of one is not the same paragraph.</summary>
    private static readonly FrozenSet<string> BlockElements = new[]
    {
        "p", "div", "section", "article", "td", "th", "tr", "table", "tbody", "li", "ul", "ol", "dl", "dd", "dt", "blockquote", "pre",
        "h1", "h2", "h3", "h4", "h5", "h6", "figure", "main", "header", "footer", "aside", "nav", "form", "center", "address",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Blocks that hold running text when they hold no other block (a div written as a paragraph counts, as in Readability).</summary>
    private static readonly FrozenSet<string> ParagraphElements = new[]
    {
        "p", "div", "section", "article", "td", "pre", "blockquote", "dd", "center",
    }.ToFrozenSet(StringComparer.Ordinal);

    private PageTextMap(List<HtmlNode> elements, Dictionary<HtmlNode, int> index, TextStats[] stats, bool[] excluded, bool[] holdsBlock)
    {
        _elements = elements;
        _index = index;
        _stats = stats;
        _excluded = excluded;
        _holdsBlock = holdsBlock;
    }

    /// <summary>Every element, in document order.</summary>
    public IReadOnlyList<HtmlNode> Elements => _elements;

    /// <param name="notThePost">Parts that are never the post.</param>
    /// <param name="unlessItHoldsAnArticle">Parts that are not the post unless they hold an element <paramref name="article"/> matches.</param>
    public static PageTextMap Measure(HtmlNode root, CssSelector notThePost, CssSelector unlessItHoldsAnArticle, CssSelector article)
    {
        var elements = new List<HtmlNode>();
        var index = new Dictionary<HtmlNode, int>();
        var parents = new List<int>();
        var node = root.FirstChild;
        while (node is not null)
        {
            if (node.NodeType == HtmlNodeType.Element)
            {
                parents.Add(node.ParentNode is { } parent && index.TryGetValue(parent, out var at) ? at : -1);
                index[node] = elements.Count;
                elements.Add(node);
            }
            node = HtmlTree.Next(node, root);
        }
        // Below each element: an article container, a block element.
        var holdsArticle = new bool[elements.Count];
        var holdsBlock = new bool[elements.Count];
        for (var i = elements.Count - 1; i >= 0; i--)
        {
            holdsArticle[i] |= article.Matches(elements[i]);
            if (parents[i] is var parent and >= 0)
            {
                holdsArticle[parent] |= holdsArticle[i];
                holdsBlock[parent] |= holdsBlock[i] || BlockElements.Contains(elements[i].Name);
            }
        }
        var excluded = new bool[elements.Count];
        for (var i = 0; i < elements.Count; i++)
        {
            var element = elements[i];
            excluded[i] = (parents[i] >= 0 && excluded[parents[i]]) || IsHidden(element) || notThePost.Matches(element)
                || (!holdsArticle[i] && unlessItHoldsAnArticle.Matches(element));
        }
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
                "img" or "picture" or "video" or "iframe" or "figure" or "audio" or "embed" or "object" => sum with { Media = sum.Media + 1 },
                _ when !holdsBlock[i] && ParagraphElements.Contains(element.Name) && sum.TextChars >= ParagraphChars => sum with { RunningChars = sum.TextChars },
                _ => sum,
            };
        }
        return new PageTextMap(elements, index, stats, excluded, holdsBlock);
    }

    /// <summary>Whether <paramref name="element"/> is a paragraph of running text: a block holding no other block, with enough text outside links.</summary>
    public bool IsParagraph(HtmlNode element) =>
        _index.TryGetValue(element, out var i) && !_excluded[i] && !_holdsBlock[i] && ParagraphElements.Contains(element.Name) && _stats[i].TextChars >= ParagraphChars;

    /// <summary>What <paramref name="element"/> holds, or nothing when it is inside a part that is not the post.</summary>
    public TextStats this[HtmlNode element] => _index.TryGetValue(element, out var i) ? _stats[i] : default;

    /// <summary>Whether <paramref name="element"/> is, or is inside, a part that is not the post.</summary>
    public bool IsExcluded(HtmlNode element) => !_index.TryGetValue(element, out var i) || _excluded[i];

    private static bool IsHidden(HtmlNode element) =>
        element.Name is "script" or "style" or "template" or "noscript" or "svg" or "select" or "button" or "textarea"
        || element.Attributes["hidden"] is not null;
}

/// <summary>Counts of what an element holds, see <see cref="PageTextMap"/>.</summary>
/// <param name="RunningChars">Characters outside links in paragraphs of running text (<see cref="PageTextMap.IsParagraph"/>): what is left of a post without its headings, captions and chrome.</param>
internal readonly record struct TextStats(int Chars, int LinkChars, int RunningChars, int Commas, int Media)
{
    /// <summary>Characters that are not part of a link.</summary>
    public int TextChars => Chars - LinkChars;

    /// <summary>The share of characters inside links, 0 for an element without text.</summary>
    public double LinkDensity => Chars == 0 ? 0 : (double)LinkChars / Chars;

    public static TextStats operator +(TextStats a, TextStats b) =>
        new(a.Chars + b.Chars, a.LinkChars + b.LinkChars, a.RunningChars + b.RunningChars, a.Commas + b.Commas, a.Media + b.Media);

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
