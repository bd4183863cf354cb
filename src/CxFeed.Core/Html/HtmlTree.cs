using HtmlAgilityPack;

namespace CxFeed.Core.Html;

/// <summary>
/// Walks of an HtmlAgilityPack tree written as loops: a hostile page may nest elements 100,000
/// deep, and a stack overflow cannot be caught in .NET, so nothing here recurses.
/// </summary>
public static class HtmlTree
{
    /// <summary>HTML's ASCII whitespace, for splitting class lists and attribute words.</summary>
    public static readonly char[] Whitespace = [' ', '\t', '\n', '\r', '\f'];

    /// <summary>Every node below <paramref name="root"/> (not itself), in document order.</summary>
    public static IEnumerable<HtmlNode> Descendants(HtmlNode root)
    {
        var node = root.FirstChild;
        while (node is not null)
        {
            yield return node;
            node = Next(node, root);
        }
    }

    /// <summary>The node after <paramref name="node"/> in document order, staying inside <paramref name="root"/>.</summary>
    public static HtmlNode? Next(HtmlNode node, HtmlNode root)
    {
        if (node.FirstChild is not null)
            return node.FirstChild;
        return NextSkippingChildren(node, root);
    }

    /// <summary>The node after <paramref name="node"/> and all it holds, staying inside <paramref name="root"/>.</summary>
    public static HtmlNode? NextSkippingChildren(HtmlNode node, HtmlNode root)
    {
        for (var current = node; current is not null && current != root; current = current.ParentNode)
        {
            if (current.NextSibling is not null)
                return current.NextSibling;
        }
        return null;
    }
}
