using System.Net;
using CxFeed.Core.Html;
using HtmlAgilityPack;

namespace CxFeed.Core.Excerpts;

/// <summary>
/// Cleaned HTML parsed for an excerpt: the whole of it, or only a prefix when the excerpt needs
/// just the start of a long body. A prefix ends before a tag, so no tag is read half; whatever a
/// prefix leaves open at its end may still grow, and decisions about it wait for a longer prefix.
/// </summary>
internal sealed class ExcerptDocument
{
    /// <summary>
    /// Cleaned HTML nests no deeper than the cleaner's limit, but the builder may be given any
    /// HTML: past this depth elements are flattened to their text, so that a hostile tree costs
    /// linear time to parse (see <see cref="NestingLimiter"/>). Deeper than any real post.
    /// </summary>
    private const int MaxDepth = 1024;

    private HashSet<HtmlNode>? _openAtEnd;
    private HtmlTextNode? _lastTextNode;
    private string _lastText = "";

    private ExcerptDocument(HtmlNode root, bool isTruncated)
    {
        Root = root;
        IsTruncated = isTruncated;
    }

    public HtmlNode Root { get; }

    /// <summary>Whether this is only a prefix of the HTML.</summary>
    public bool IsTruncated { get; }

    /// <summary>Parses <paramref name="html"/>, or its first <paramref name="length"/> characters or so.</summary>
    public static ExcerptDocument Parse(string html, int length)
    {
        var end = length >= html.Length ? html.Length : PrefixEnd(html, length);
        var document = HtmlParsing.Load(NestingLimiter.Limit(end == html.Length ? html : html[..end], MaxDepth, out _));
        return new ExcerptDocument(document.DocumentNode, end < html.Length);
    }

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
    /// A text node's text with its character references decoded. The last one is kept: a block's
    /// first text is looked at to decide whether the block counts, then read.
    /// </summary>
    public string TextOf(HtmlTextNode node)
    {
        if (node != _lastTextNode)
        {
            var text = node.Text;
            _lastText = text.Contains('&') ? WebUtility.HtmlDecode(text) : text;
            _lastTextNode = node;
        }
        return _lastText;
    }

    /// <summary>
    /// Whether <paramref name="element"/> is cut by the end of a prefix, so more of it may follow:
    /// it holds the prefix's last node.
    /// </summary>
    public bool IsOpenAtEnd(HtmlNode element)
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
