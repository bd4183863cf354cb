using System.Buffers;
using System.Collections.Frozen;

namespace CxFeed.Core.Excerpts;

/// <summary>
/// Reads the cleaner's own markup (see the cleaner's PolyglotWriter) into a tree, forward and
/// once, with none of the work a parser of any HTML does: lowercase names, attributes written
/// <c> name="value"</c>, voids written <c>&lt;br /&gt;</c>, every other element closed by its own
/// end tag. Such markup means one tree to every HTML parser; this reader gives the tree that
/// HtmlAgilityPack gives. Anything else (a comment, a stray "&lt;", an end tag that does not
/// close the element on top, an element HtmlAgilityPack treats apart, a start tag that makes it
/// close an element by itself) is not read: the caller then parses with HtmlAgilityPack.
/// </summary>
internal static class CleanedMarkupReader
{
    /// <summary>Elements HtmlAgilityPack reads apart: as raw text up to their end tag, or as overlapping (<c>form</c>).</summary>
    private static readonly FrozenSet<string> RawOrOverlapping = FrozenSet.ToFrozenSet(
        ["script", "style", "noxhtml", "textarea", "title", "form"], StringComparer.Ordinal);

    /// <summary>Elements with no end tag in HtmlAgilityPack (its "empty" flag): the cleaner writes its voids self-closed.</summary>
    private static readonly FrozenSet<string> Empty = FrozenSet.ToFrozenSet(
        ["area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input", "isindex",
         "keygen", "link", "meta", "param", "source", "spacer", "wbr"], StringComparer.Ordinal);

    /// <summary>
    /// Start tags that make HtmlAgilityPack close the open element, by the open element's name:
    /// its implicit and explicit ends. The cleaner's markup never needs them; when they come up,
    /// HtmlAgilityPack reads it.
    /// </summary>
    private static readonly FrozenDictionary<string, FrozenSet<string>> ClosedBy = new Dictionary<string, string[]>
    {
        ["a"] = ["a"],
        ["dd"] = ["dt", "dd"],
        ["dt"] = ["dt", "dd"],
        ["li"] = ["li"],
        ["option"] = ["option"],
        ["p"] = ["address", "article", "aside", "blockquote", "dir", "div", "dl", "fieldset", "footer", "form", "h1", "h2",
            "h3", "h4", "h5", "h6", "header", "hr", "li", "menu", "nav", "ol", "p", "pre", "section", "table", "ul"],
        ["title"] = ["title"],
        ["table"] = ["table"],
        ["tr"] = ["tr", "thead", "tbody", "tfoot"],
        ["thead"] = ["tbody", "tfoot"],
        ["tbody"] = ["tbody", "tfoot"],
        ["caption"] = ["tr", "thead", "tbody", "tfoot", "colgroup"],
        ["colgroup"] = ["tr", "thead", "tbody", "tfoot"],
        ["td"] = ["td", "th", "tr", "tbody", "tfoot"],
        ["th"] = ["td", "th", "tr", "tbody", "tfoot"],
        ["h1"] = ["h2", "h3", "h4", "h5"],
        ["h2"] = ["h1", "h3", "h4", "h5"],
        ["h3"] = ["h1", "h2", "h4", "h5"],
        ["h4"] = ["h1", "h2", "h3", "h5"],
        ["h5"] = ["h1", "h2", "h3", "h4"],
    }.ToFrozenDictionary(pair => pair.Key, pair => pair.Value.ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);

    /// <summary>What ends an attribute's value: its quote, or what the cleaner always escapes in it.</summary>
    private static readonly SearchValues<char> ValueEnds = SearchValues.Create("\"<>");

    /// <summary>
    /// The tree of <paramref name="html"/> up to <paramref name="end"/> (elements still open there
    /// stay open, as a parser leaves them), or null when that is not the cleaner's markup or
    /// nests deeper than <paramref name="maxDepth"/>. A loop with an explicit parent, never
    /// recursion.
    /// </summary>
    public static MarkupNode? Read(string html, int end, int maxDepth)
    {
        var root = MarkupNode.Root();
        var parent = root;
        var depth = 0;
        List<MarkupAttribute>? attributes = null;
        var at = 0;
        while (at < end)
        {
            var lt = html.AsSpan(at, end - at).IndexOf('<');
            if (lt != 0)
            {
                var textEnd = lt < 0 ? end : at + lt;
                parent.Append(MarkupNode.TextNode(html.AsMemory(at, textEnd - at)));
                at = textEnd;
                continue;
            }
            if (at + 1 >= end)
                return null;
            if (html[at + 1] == '/')
            {
                var nameEnd = NameEnd(html, at + 2, end);
                if (nameEnd >= end || html[nameEnd] != '>' || parent == root || !html.AsSpan(at + 2, nameEnd - at - 2).SequenceEqual(parent.Name))
                    return null;
                parent = parent.Parent!;
                depth--;
                at = nameEnd + 1;
                continue;
            }
            if (!char.IsAsciiLetterLower(html[at + 1]))
                return null;
            var nameStart = at + 1;
            var position = NameEnd(html, nameStart, end);
            var name = ExcerptRoles.Name(html.AsSpan(nameStart, position - nameStart));
            if (RawOrOverlapping.Contains(name) || (ClosedBy.TryGetValue(parent.Name, out var closers) && closers.Contains(name)))
                return null;
            attributes?.Clear();
            // Attributes: ' name="value"', until '>' or ' />'.
            while (position + 1 < end && html[position] == ' ' && html[position + 1] != '/')
            {
                var attributeStart = position + 1;
                var attributeEnd = AttributeNameEnd(html, attributeStart, end);
                if (attributeEnd == attributeStart || attributeEnd + 1 >= end || html[attributeEnd] != '=' || html[attributeEnd + 1] != '"')
                    return null;
                var valueStart = attributeEnd + 2;
                var valueLength = html.AsSpan(valueStart, end - valueStart).IndexOfAny(ValueEnds);
                if (valueLength < 0 || html[valueStart + valueLength] != '"')
                    return null;
                (attributes ??= new List<MarkupAttribute>(8)).Add(new MarkupAttribute(html.AsMemory(attributeStart, attributeEnd - attributeStart), html.AsMemory(valueStart, valueLength)));
                position = valueStart + valueLength + 1;
            }
            bool selfClosed;
            if (position < end && html[position] == '>')
            {
                selfClosed = false;
                position++;
            }
            else if (position + 2 < end && html[position] == ' ' && html[position + 1] == '/' && html[position + 2] == '>')
            {
                selfClosed = true;
                position += 3;
            }
            else
            {
                return null;
            }
            // A void is always written self-closed, and only a void is.
            if (selfClosed != Empty.Contains(name) || (!selfClosed && depth >= maxDepth))
                return null;
            var element = MarkupNode.Element(name, attributes is { Count: > 0 } ? [.. attributes] : null);
            parent.Append(element);
            if (!selfClosed)
            {
                parent = element;
                depth++;
            }
            at = position;
        }
        return root;
    }

    // Element names: [a-z][a-z0-9]*.
    private static int NameEnd(string html, int start, int end)
    {
        var i = start;
        while (i < end && (char.IsAsciiLetterLower(html[i]) || char.IsAsciiDigit(html[i])))
            i++;
        return i;
    }

    // Attribute names as the cleaner writes them: [a-z_][a-z0-9_.:-]*.
    private static int AttributeNameEnd(string html, int start, int end)
    {
        if (start >= end || !(char.IsAsciiLetterLower(html[start]) || html[start] == '_'))
            return start;
        var i = start + 1;
        while (i < end && (char.IsAsciiLetterLower(html[i]) || char.IsAsciiDigit(html[i]) || html[i] is '_' or '.' or ':' or '-'))
            i++;
        return i;
    }
}
