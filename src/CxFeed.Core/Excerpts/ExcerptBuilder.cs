namespace CxFeed.Core.Excerpts;

/// <summary>
/// Cuts excerpts from cleaned HTML the way a person would: the manual excerpt when the post has
/// one, else the teaser before its <c>&lt;!--more--&gt;</c> marker, else the start of the body cut
/// to a budget at a word boundary (at a sentence's end when one is near), on the cleaned tree
/// rather than on flattened text. Gives the same cut as plain text and as HTML. docs/excerpts.md
/// has every rule.
/// </summary>
public sealed class ExcerptBuilder(ExcerptOptions options)
{
    public ExcerptBuilder()
        : this(new ExcerptOptions())
    {
    }

    public ExcerptOptions Options { get; } = options;

    public Excerpt Build(ExcerptSource source, ExcerptBudget budget)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(budget.Size, nameof(budget));
        var walk = new ReadingWalk(source.Title, source.Link);
        foreach (var written in (ReadOnlySpan<string?>)[source.ManualExcerpt, source.Teaser])
        {
            if (string.IsNullOrWhiteSpace(written))
                continue;
            var document = ExcerptDocument.Parse(written, written.Length);
            var text = new CollapsedText(int.MaxValue);
            walk.Walk(document, text);
            var whole = text.Value.TrimEnd();
            if (ReadableText.Has(whole))
                return Write(source, text, whole, new ExcerptCut(whole.Length, ShowsLessThan(walk, source.Body, whole), Ellipsis: false));
        }
        return Cut(source, walk, budget);
    }

    // The start of the body, read from a prefix of its HTML that grows until it holds enough
    // text to decide the cut: a long post costs little more than a short one.
    private Excerpt Cut(ExcerptSource source, ReadingWalk walk, ExcerptBudget budget)
    {
        var textLength = budget.Unit == ExcerptUnit.Words
            ? Clamp((budget.Size + 2L) * 8 + 16)
            : Clamp(budget.Size + budget.Size / 2L + 32);
        var htmlLength = ExcerptDocument.LengthHolding(source.Body, textLength);
        while (true)
        {
            var document = ExcerptDocument.Parse(source.Body, htmlLength);
            var text = new CollapsedText(textLength);
            var end = walk.Walk(document, text, skipsLeadIn: true);
            if (end != WalkEnd.NeedsMore
                && text.Value is var value
                && ExcerptCut.Find(value, budget, complete: end == WalkEnd.Finished && !document.IsTruncated) is { } cut)
                return Write(source, text, value, cut);
            htmlLength = Grow(htmlLength);
            textLength = Grow(textLength);
        }
    }

    // Whether the body has text that the teaser or manual excerpt does not show.
    private static bool ShowsLessThan(ReadingWalk walk, string body, string shown)
    {
        for (var htmlLength = Clamp(Math.Max(2048L, 4L * shown.Length)); ; htmlLength = Grow(htmlLength))
        {
            var document = ExcerptDocument.Parse(body, htmlLength);
            var text = new CollapsedText(shown.Length + 1);
            var end = walk.Walk(document, text);
            if (end == WalkEnd.Stopped)
                return true;
            if (end == WalkEnd.Finished && !document.IsTruncated)
                return text.Value.TrimEnd() != shown;
        }
    }

    // The HTML form replays what the plain text's walk read, which went at least as far as the cut.
    private Excerpt Write(ExcerptSource source, CollapsedText text, string value, ExcerptCut cut)
    {
        var html = new ExcerptHtmlWriter(cut.Keep);
        if (cut.Keep > 0)
        {
            foreach (var reading in text.Events)
            {
                if (!reading.SendTo(html))
                    break;
            }
        }
        var ellipsis = cut.Ellipsis ? ExcerptPolicy.Ellipsis : "";
        return new Excerpt(
            string.Concat(value.AsSpan(0, cut.Keep), ellipsis),
            html.Finish(cut.Ellipsis, source.Link, Options.ReadMore(source.Title)),
            cut.IsCut);
    }

    private static int Clamp(long length) => (int)Math.Min(length, int.MaxValue);

    // Four times as much each time: parsing deeply nested HTML costs HtmlAgilityPack the square of
    // the depth, so the prefixes read before the whole must cost little next to it.
    private static int Grow(int length) => Clamp(4L * length);
}
