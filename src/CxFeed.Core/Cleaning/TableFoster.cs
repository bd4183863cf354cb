using System.Collections.Frozen;
using HtmlAgilityPack;

namespace CxFeed.Core.Cleaning;

/// <summary>
/// HTML's foster parenting, which HtmlAgilityPack does not do: text and elements that stand in a
/// table's frame (between rows, in a row between cells) are shown by browsers before the table
/// (HTML § 13.2.6.1, "in table" insertion mode), so they are moved there before the table is
/// cleaned. Left in the frame, the writer could only drop them, since a table frame holds no text.
/// Only the frame is looked at (the table, its sections, its rows), never the cells' content.
/// </summary>
internal static class TableFoster
{
    /// <summary>What may stand in a table's frame: the table parts, and what the "in table" mode keeps there.</summary>
    private static readonly FrozenSet<string> FrameContent = new[]
    {
        "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "td", "th", "script", "style", "template", "form", "input",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Table parts that HtmlAgilityPack nests inside a fostered element (<c>&lt;table&gt;&lt;p&gt;x&lt;tr&gt;</c>): they belong to the table.</summary>
    private static readonly FrozenSet<string> TableParts = new[]
    {
        "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "td", "th",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Moves the table's fostered content to just before it, in document order; returns the first
    /// node moved, or null when there was none (the usual case: then nothing changes).
    /// </summary>
    public static HtmlNode? MoveOut(HtmlNode table)
    {
        if (table.ParentNode is not { } parent)
            return null;
        HtmlNode? first = null;
        for (var child = table.FirstChild; child is not null;)
        {
            var next = child.NextSibling;
            if (IsFostered(child))
                next = Move(child, table, parent, ref first);
            else if (child.Name is "thead" or "tbody" or "tfoot")
                ScanSection(child, table, parent, ref first);
            else if (child.Name == "tr")
                ScanRow(child, table, parent, ref first);
            child = next;
        }
        return first;
    }

    private static void ScanSection(HtmlNode section, HtmlNode table, HtmlNode parent, ref HtmlNode? first)
    {
        for (var child = section.FirstChild; child is not null;)
        {
            var next = child.NextSibling;
            if (IsFostered(child))
                next = Move(child, table, parent, ref first);
            else if (child.Name == "tr")
                ScanRow(child, table, parent, ref first);
            child = next;
        }
    }

    private static void ScanRow(HtmlNode row, HtmlNode table, HtmlNode parent, ref HtmlNode? first)
    {
        for (var child = row.FirstChild; child is not null;)
        {
            var next = child.NextSibling;
            if (IsFostered(child))
                next = Move(child, table, parent, ref first);
            child = next;
        }
    }

    private static bool IsFostered(HtmlNode node) => node.NodeType switch
    {
        HtmlNodeType.Text => !string.IsNullOrWhiteSpace(((HtmlTextNode)node).Text),
        HtmlNodeType.Element => !FrameContent.Contains(node.Name),
        _ => false,
    };

    /// <summary>
    /// Moves <paramref name="node"/> before the table. Table parts HtmlAgilityPack nested in it
    /// (a row after an unclosed paragraph) stay where the browser puts them, in the frame, right
    /// where the node was; returns where the scan of the frame goes on.
    /// </summary>
    private static HtmlNode? Move(HtmlNode node, HtmlNode table, HtmlNode parent, ref HtmlNode? first)
    {
        var frame = node.ParentNode!;
        var next = node.NextSibling;
        var part = node.FirstChild;
        while (part is not null && !(part.NodeType == HtmlNodeType.Element && TableParts.Contains(part.Name)))
            part = part.NextSibling;
        // The table parts and whatever follows them go back into the frame, in order, after the node.
        var staying = part;
        while (staying is not null)
        {
            var following = staying.NextSibling;
            node.RemoveChild(staying);
            frame.InsertBefore(staying, next);
            staying = following;
        }
        frame.RemoveChild(node);
        parent.InsertBefore(node, table);
        first ??= node;
        return part ?? next;
    }
}
