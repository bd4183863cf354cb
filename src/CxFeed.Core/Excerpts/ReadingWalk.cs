namespace CxFeed.Core.Excerpts;

/// <summary>How a walk over a cleaned tree ended.</summary>
internal enum WalkEnd
{
    /// <summary>Every node was read.</summary>
    Finished,

    /// <summary>The sink had all it wanted.</summary>
    Stopped,

    /// <summary>The document is a prefix too short to tell whether a block counts; a longer one is needed.</summary>
    NeedsMore,
}

/// <summary>
/// Walks a cleaned tree in reading order (a loop, never recursion: a hostile page nests 100,000
/// elements) and gives a sink the text that counts for an excerpt. Left out, with all they hold:
/// silent elements (images, captions, code blocks), "Read more" links, tables of contents and
/// their titles, and, before any text, blocks that only repeat the post's title.
/// </summary>
internal sealed class ReadingWalk
{
    private readonly string _titleKey;
    private readonly PageLinks _links;
    private readonly TableOfContents _contents;
    private readonly LeadIn _leadIn = new();
    private bool _skipsLeadIn;

    public ReadingWalk(string title, Uri link)
    {
        _titleKey = LetterKey.Of(title);
        _links = new PageLinks(link);
        _contents = new TableOfContents(_links);
    }

    /// <param name="skipsLeadIn">Leave out the lines above the post's first paragraph (<see cref="LeadIn"/>): for the start of a body, not for what an author wrote as the excerpt.</param>
    public WalkEnd Walk(ExcerptDocument document, TextSink sink, bool skipsLeadIn = false)
    {
        _skipsLeadIn = skipsLeadIn;
        _leadIn.Reset();
        var root = document.Root;
        var lists = 0;
        var node = root.FirstChild;
        while (node is not null)
        {
            if (node.Kind == MarkupNodeKind.Text)
            {
                if (!sink.Text(node.Text))
                    return WalkEnd.Stopped;
            }
            else if (node.IsElement)
            {
                var counts = Counts(node, document, sink, lists);
                if (counts is null)
                    return WalkEnd.NeedsMore;
                if (counts.Value)
                {
                    sink.Enter(node, IsBlock(node));
                    if (node.Is(ExcerptRole.List))
                        lists++;
                    if (node.FirstChild is not null)
                    {
                        node = node.FirstChild;
                        continue;
                    }
                    Leave(node, sink, ref lists);
                }
                else if (node.Is(ExcerptRole.Spaced))
                {
                    // An image between two words leaves them two words, as the browser shows them.
                    sink.Text(" ");
                }
            }
            while (node.NextSibling is null)
            {
                node = node.Parent;
                if (node is null || node == root)
                    return WalkEnd.Finished;
                Leave(node, sink, ref lists);
            }
            node = node.NextSibling;
        }
        return WalkEnd.Finished;
    }

    // Whether an element's content counts; null when a prefix cannot tell yet.
    private bool? Counts(MarkupNode element, ExcerptDocument document, TextSink sink, int lists)
    {
        if (element.Is(ExcerptRole.Silent))
            return false;
        if (element.Name == "figure")
            return HoldsProse(element, document);
        if (element.Is(ExcerptRole.Link))
            return !_links.IsReadMore(element.AttributeValue("href"));
        if (element.Is(ExcerptRole.TitleBlock))
        {
            if (sink.AtStart)
            {
                var repeats = RepeatsTitle(element, document);
                if (repeats != false)
                    return repeats is null ? null : false;
            }
            if (_contents.IsTitle(element, document) is not { } title)
                return null;
            if (title)
                return false;
        }
        if (_skipsLeadIn && sink.AtStart && !element.Is(ExcerptRole.Inline))
        {
            if (_leadIn.Skips(element, document) is not { } skips)
                return null;
            if (skips)
                return false;
        }
        // Only outermost lists: a list inside a table of contents goes with it, and checking
        // every nested list again would cost the square of the nesting.
        if (element.Is(ExcerptRole.List) && lists == 0)
        {
            if (_contents.IsTableOfContents(element, document) is not { } contents)
                return null;
            if (contents)
                return false;
        }
        return IsBlock(element) && element.FirstChild is not null ? IsReadable(element, document) : true;
    }

    // A figure is an image, a player or a chart with its caption and credit: no words of the
    // post's prose, unless it holds a quote or a table (WordPress's pull quote and table blocks);
    // null when a prefix cannot tell yet.
    private static bool? HoldsProse(MarkupNode figure, ExcerptDocument document)
    {
        var nodes = 0;
        for (var node = figure.FirstChild; node is not null; node = node.Next(figure))
        {
            if (++nodes > FigureNodes || node.Name is "blockquote" or "table")
                return true;
        }
        return document.IsOpenAtEnd(figure) ? null : false;
    }

    // Nodes of a figure looked at for a quote or a table; a figure with more is taken to hold one.
    private const int FigureNodes = 64;

    // A block of only punctuation (a row of dashes between two parts) holds no words; null when
    // a prefix cannot tell yet.
    private static bool? IsReadable(MarkupNode block, ExcerptDocument document) =>
        ReadableText.IsIn(block) ? true : document.IsOpenAtEnd(block) ? null : false;

    // A block whose whole text is the post's title, as a heading or as a slug-like caption.
    private bool? RepeatsTitle(MarkupNode block, ExcerptDocument document)
    {
        if (_titleKey.Length == 0 || LetterKey.OfElement(block, _titleKey.Length) is not { } key)
            return false;
        if (document.IsOpenAtEnd(block))
            return _titleKey.StartsWith(key, StringComparison.Ordinal) ? null : false;
        return key == _titleKey;
    }

    private static void Leave(MarkupNode element, TextSink sink, ref int lists)
    {
        sink.Leave(element, IsBlock(element));
        if (element.Is(ExcerptRole.List))
            lists--;
    }

    private static bool IsBlock(MarkupNode element) => !element.Is(ExcerptRole.Inline);
}
