using CxFeed.Core.Html;
using HtmlAgilityPack;

namespace CxFeed.Core.Excerpts;

/// <summary>
/// Finds tables of contents in cleaned HTML, where the plugin's container is gone and only the
/// structure tells: a list whose every word is in links to places in the post itself, and the
/// block just before it when its text is a table-of-contents title ("Table of Contents").
/// Answers null when a prefix of the HTML cannot tell yet.
/// </summary>
internal sealed class TableOfContents(PageLinks links)
{
    private const int MaxTitleLength = 24;

    /// <summary>Whether <paramref name="list"/> (a <c>ul</c> or <c>ol</c>) is a table of contents.</summary>
    public bool? IsTableOfContents(HtmlNode list, ExcerptDocument document)
    {
        var entries = 0;
        var node = list.FirstChild;
        while (node is not null)
        {
            if (node is HtmlTextNode text && HasLetters(text, document))
                return false;
            if (node.NodeType == HtmlNodeType.Element && (node.Name == "a" || ExcerptPolicy.Silent.Contains(node.Name)))
            {
                if (node.Name == "a")
                {
                    if (!links.IsInPage(node.GetAttributeValue("href", null)))
                        return false;
                    entries++;
                }
                node = HtmlTree.NextSkippingChildren(node, list);
                continue;
            }
            node = HtmlTree.Next(node, list);
        }
        if (entries == 0)
            return false;
        return document.IsOpenAtEnd(list) ? null : true;
    }

    /// <summary>Whether <paramref name="block"/> titles a table of contents: it says so and the next element is one.</summary>
    public bool? IsTitle(HtmlNode block, ExcerptDocument document)
    {
        // The cheap test first: most blocks are not followed by a list.
        var next = block.NextSibling;
        while (next is not null && next.NodeType != HtmlNodeType.Element)
            next = next.NextSibling;
        var mayBeFollowedByList = next is null
            ? block.ParentNode is { } parent && document.IsOpenAtEnd(parent)
            : ExcerptPolicy.Lists.Contains(next.Name);
        if (!mayBeFollowedByList || LetterKey.OfElement(block, MaxTitleLength, document) is not { } key)
            return false;
        if (next is null || document.IsOpenAtEnd(block))
            return ExcerptPolicy.TableOfContentsTitles.Any(title => title.StartsWith(key, StringComparison.Ordinal)) ? null : false;
        if (!ExcerptPolicy.TableOfContentsTitles.Contains(key))
            return false;
        for (var between = block.NextSibling; between != next; between = between!.NextSibling)
        {
            if (between is HtmlTextNode text && HasLetters(text, document))
                return false;
        }
        return IsTableOfContents(next, document);
    }

    private static bool HasLetters(HtmlTextNode text, ExcerptDocument document) => document.TextOf(text).Any(char.IsLetter);
}
