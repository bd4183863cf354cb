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
    public bool? IsTableOfContents(MarkupNode list, ExcerptDocument document)
    {
        var entries = 0;
        var node = list.FirstChild;
        while (node is not null)
        {
            if (node.Kind == MarkupNodeKind.Text && HasLetters(node))
                return false;
            if (node.Is(ExcerptRole.Link | ExcerptRole.Silent))
            {
                if (node.Is(ExcerptRole.Link))
                {
                    if (!links.IsInPage(node.AttributeValue("href")))
                        return false;
                    entries++;
                }
                node = node.NextSkippingChildren(list);
                continue;
            }
            node = node.Next(list);
        }
        // A prefix that ends in the list before its first link cannot tell yet either.
        if (document.IsOpenAtEnd(list))
            return null;
        return entries > 0;
    }

    /// <summary>Whether <paramref name="block"/> titles a table of contents: it says so and the next element is one.</summary>
    public bool? IsTitle(MarkupNode block, ExcerptDocument document)
    {
        // The cheap test first: most blocks are not followed by a list.
        var next = block.NextSibling;
        while (next is not null && !next.IsElement)
            next = next.NextSibling;
        var mayBeFollowedByList = next is null
            ? block.Parent is { } parent && document.IsOpenAtEnd(parent)
            : next.Is(ExcerptRole.List);
        if (!mayBeFollowedByList || LetterKey.OfElement(block, MaxTitleLength) is not { } key)
            return false;
        if (next is null || document.IsOpenAtEnd(block))
            return ExcerptPolicy.TableOfContentsTitles.Any(title => title.StartsWith(key, StringComparison.Ordinal)) ? null : false;
        if (!ExcerptPolicy.TableOfContentsTitles.Contains(key))
            return false;
        for (var between = block.NextSibling!; between != next; between = between.NextSibling!)
        {
            if (between.Kind == MarkupNodeKind.Text && HasLetters(between))
                return false;
        }
        return IsTableOfContents(next, document);
    }

    private static bool HasLetters(MarkupNode text) => text.Text.Any(char.IsLetter);
}
