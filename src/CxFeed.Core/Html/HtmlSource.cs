using System.Net;
using System.Text;
using HtmlAgilityPack;

namespace CxFeed.Core.Html;

/// <summary>
/// Parts of a parsed page taken from its source text by stream positions, never by
/// re-serialising (HtmlAgilityPack's <c>InnerHtml</c> and <c>InnerText</c> recurse, and would
/// also rewrite the markup): the HTML inside an element exactly as the page has it, and the text
/// of small elements such as a heading or a link.
/// </summary>
public static class HtmlSource
{
    /// <summary>
    /// Where the content of <paramref name="element"/> lies in <paramref name="text"/> (the text the
    /// document was parsed from): from its first child to its end tag, or, when the end tag is
    /// implied (<c>&lt;li&gt;</c>, a page cut short), to the end of its last descendant.
    /// HtmlAgilityPack's own <c>InnerLength</c> is wrong when an end tag is implied.
    /// </summary>
    public static Range Inner(HtmlNode element, string text)
    {
        if (element.FirstChild is not { } first)
            return new Range(0, 0);
        // HtmlAgilityPack can place a node of a page cut inside an end tag past the text's end (found by fuzzing).
        var start = Math.Min(first.StreamPosition, text.Length);
        var end = Math.Min(ExplicitEndTag(element) is { } endTag ? endTag.StreamPosition : EndOfLastDescendant(element, text), text.Length);
        return end > start ? new Range(start, end) : new Range(start, start);
    }

    /// <summary>The HTML inside <paramref name="element"/>, as written in <paramref name="text"/>.</summary>
    public static string InnerHtml(HtmlNode element, string text) => text[Inner(element, text)];

    /// <summary>
    /// The text of an element with character references decoded and runs of whitespace made one
    /// space, trimmed; the content of scripts, styles and templates left out. A <c>&lt;br&gt;</c>
    /// is a space: a heading broken over two lines reads as two words, not one glued word.
    /// </summary>
    public static string Text(HtmlNode element)
    {
        var text = new StringBuilder();
        var node = element.FirstChild;
        while (node is not null)
        {
            if (node.NodeType == HtmlNodeType.Text)
                text.Append(WebUtility.HtmlDecode(((HtmlTextNode)node).Text));
            if (node.NodeType == HtmlNodeType.Element && node.Name == "br")
                text.Append(' ');
            if (node.NodeType == HtmlNodeType.Element && node.Name is "script" or "style" or "template")
                node = HtmlTree.NextSkippingChildren(node, element);
            else
                node = HtmlTree.Next(node, element);
        }
        return CollapseWhitespace(text.ToString());
    }

    /// <summary>Runs of HTML whitespace made one space, then trimmed. Other spaces (no-break, narrow) are kept: they are the author's.</summary>
    public static string CollapseWhitespace(string text)
    {
        var result = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (Array.IndexOf(HtmlTree.Whitespace, c) >= 0)
            {
                pendingSpace = result.Length > 0;
                continue;
            }
            if (pendingSpace)
                result.Append(' ');
            pendingSpace = false;
            result.Append(c);
        }
        return result.ToString();
    }

    /// <summary>The end tag written in the page for <paramref name="element"/>, or null when it was implied.</summary>
    private static HtmlNode? ExplicitEndTag(HtmlNode element) =>
        element.EndNode is { } end && end != element && end.StreamPosition > element.StreamPosition ? end : null;

    /// <summary>
    /// Follows the last child down: the first node on the way with a written end tag ends there,
    /// as everything before that tag is inside it; a text, a comment or an element without content
    /// ends where its own source ends.
    /// </summary>
    private static int EndOfLastDescendant(HtmlNode element, string text)
    {
        for (var node = element.LastChild; node is not null; node = node.LastChild)
        {
            if (node.NodeType != HtmlNodeType.Element)
                return node.StreamPosition + node.OuterLength;
            if (ExplicitEndTag(node) is { } endTag)
                return endTag.StreamPosition + endTag.OuterLength;
            if (node.FirstChild is null)
                return EndOfStartTag(text, node.StreamPosition);
        }
        return element.StreamPosition;
    }

    /// <summary>Just past the <c>&gt;</c> of the start tag at <paramref name="start"/>, quoted attribute values skipped.</summary>
    private static int EndOfStartTag(string text, int start)
    {
        for (var i = start + 1; i < text.Length; i++)
        {
            if (text[i] == '>')
                return i + 1;
            if (text[i] != '=')
                continue;
            var j = i + 1;
            while (j < text.Length && Array.IndexOf(HtmlTree.Whitespace, text[j]) >= 0)
                j++;
            if (j < text.Length && text[j] is '"' or '\'')
            {
                var close = text.IndexOf(text[j], j + 1);
                if (close < 0)
                    return text.Length;
                i = close;
            }
        }
        return text.Length;
    }
}
