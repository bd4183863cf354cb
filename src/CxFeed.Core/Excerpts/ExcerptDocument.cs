using CxFeed.Core.Html;
using HtmlAgilityPack;

namespace CxFeed.Core.Excerpts;

/// <summary>
/// Cleaned HTML read for an excerpt: the whole of it, or only a prefix when the excerpt needs
/// just the start of a long body. A prefix ends before a tag, so no tag is read half; whatever a
/// prefix leaves open at its end may still grow, and decisions about it wait for a longer prefix.
/// The cleaner's own markup is read by <see cref="CleanedMarkupReader"/>; any other HTML (the
/// builder may be given any) is parsed by HtmlAgilityPack, to the same tree.
/// </summary>
internal sealed class ExcerptDocument
{
    /// <summary>
    /// Cleaned HTML nests no deeper than the cleaner's limit, but the builder may be given any
    /// HTML: past this depth elements are flattened to their text, so that a hostile tree costs
    /// linear time to parse (see <see cref="NestingLimiter"/>). Deeper than any real post.
    /// </summary>
    private const int MaxDepth = 1024;

    private HashSet<MarkupNode>? _openAtEnd;

    private ExcerptDocument(MarkupNode root, bool isTruncated)
    {
        Root = root;
        IsTruncated = isTruncated;
    }

    public MarkupNode Root { get; }

    /// <summary>Whether this is only a prefix of the HTML.</summary>
    public bool IsTruncated { get; }

    /// <summary>Reads <paramref name="html"/>, or its first <paramref name="length"/> characters or so.</summary>
    public static ExcerptDocument Parse(string html, int length)
    {
        var end = length >= html.Length ? html.Length : PrefixEnd(html, length);
        var root = CleanedMarkupReader.Read(html, end, MaxDepth) ?? ParseAnyHtml(end == html.Length ? html : html[..end]);
        return new ExcerptDocument(root, end < html.Length);
    }

    /// <summary>HtmlAgilityPack's tree of any HTML, copied node for node with a loop.</summary>
    public static MarkupNode ParseAnyHtml(string html)
    {
        var document = HtmlParsing.Load(NestingLimiter.Limit(html, MaxDepth, out _)).DocumentNode;
        var root = MarkupNode.Root();
        var parent = root;
        var node = document.FirstChild;
        while (node is not null)
        {
            var copy = Copy(node);
            parent.Append(copy);
            if (node.FirstChild is not null)
            {
                node = node.FirstChild;
                parent = copy;
                continue;
            }
            while (node.NextSibling is null)
            {
                node = node.ParentNode!;
                if (node == document)
                    return root;
                parent = parent.Parent!;
            }
            node = node.NextSibling;
        }
        return root;
    }

    private static MarkupNode Copy(HtmlNode node) =>
        node.NodeType switch
        {
            HtmlNodeType.Element => MarkupNode.Element(
                node.Name,
                [.. node.Attributes.Select(attribute => new MarkupAttribute(attribute.Name.AsMemory(), (attribute.Value ?? "").AsMemory()))]),
            HtmlNodeType.Text => MarkupNode.TextNode(((HtmlTextNode)node).Text.AsMemory()),
            _ => MarkupNode.Comment(),
        };

    /// <summary>
    /// About how much of <paramref name="html"/> holds <paramref name="textLength"/> characters of
    /// text: a first guess at the prefix to parse, from a scan that only skips tags. It counts
    /// text that the excerpt leaves out (captions) too, so it may guess short; the caller then
    /// reads a longer prefix.
    /// </summary>
    public static int LengthHolding(string html, int textLength)
    {
        var text = 0;
        var at = 0;
        while (at < html.Length)
        {
            var tag = html.IndexOf('<', at);
            var end = tag < 0 ? html.Length : tag;
            text += end - at;
            if (text >= textLength)
                return Math.Min(html.Length, end - (text - textLength) + Margin);
            if (tag < 0)
                break;
            var close = html.IndexOf('>', tag);
            at = close < 0 ? html.Length : close + 1;
        }
        return html.Length;
    }

    // Beyond the guess: the rest of the tag the text ends in, and the next word's start.
    private const int Margin = 320;

    /// <summary>
    /// Whether <paramref name="element"/> is cut by the end of a prefix, so more of it may follow:
    /// it holds the prefix's last node.
    /// </summary>
    public bool IsOpenAtEnd(MarkupNode element)
    {
        // The prefix's last node is reached through last children only.
        if (!IsTruncated || element.NextSibling is not null)
            return false;
        if (element == Root)
            return true;
        if (_openAtEnd is null)
        {
            _openAtEnd = [];
            for (var node = Root; node is not null; node = node.LastChild)
                _openAtEnd.Add(node);
        }
        return _openAtEnd.Contains(element);
    }

    // Before the last tag that starts within the length; in a long run of text, at the length
    // itself, but never inside a surrogate pair or a character reference.
    private static int PrefixEnd(string html, int length)
    {
        var tag = html.LastIndexOf('<', length - 1);
        if (tag > 0)
            return tag;
        var end = length;
        if (char.IsHighSurrogate(html[end - 1]))
            end--;
        var reference = html.LastIndexOf('&', end - 1, Math.Min(end, 32));
        if (reference >= 0 && html.IndexOf(';', reference, end - reference) < 0)
            end = reference;
        return end;
    }
}
