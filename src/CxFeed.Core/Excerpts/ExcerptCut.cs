namespace CxFeed.Core.Excerpts;

/// <summary>
/// Where an automatic excerpt ends in the collapsed text: <paramref name="Keep"/> characters of
/// it, then an ellipsis when <paramref name="Ellipsis"/>.
/// </summary>
internal readonly record struct ExcerptCut(int Keep, bool IsCut, bool Ellipsis)
{
    /// <summary>
    /// Cuts <paramref name="text"/> (collapsed) to <paramref name="budget"/>. When the text is not
    /// <paramref name="complete"/> (more may follow it), answers null if it is too short to tell.
    /// </summary>
    public static ExcerptCut? Find(string text, ExcerptBudget budget, bool complete)
    {
        var units = TextUnits.Of(text);
        if (complete && Fits(text, units, budget))
            return new ExcerptCut(ReadableText.Has(text) ? TrimEnd(text, text.Length, dangling: false) : 0, IsCut: false, Ellipsis: false);

        // Units known whole: when more text may follow, the last one may be only its beginning.
        if (units.Count == 0)
            return null;
        var known = complete ? units.Count : units.Count - 1;
        var fitting = 0;
        while (fitting < known && fitting + 1 <= budget.MaxUnits && units[fitting].Graphemes <= budget.MaxGraphemes)
            fitting++;
        // The next unit decides, and may be only begun: wait for it unless the count already
        // excludes it or it is already too long (by two grapheme clusters, to cut inside it).
        if (fitting == known && !complete && fitting < budget.MaxUnits && units[fitting].Graphemes <= budget.MaxGraphemes + 1)
            return null;

        ExcerptCut? atBoundary = null;
        if (fitting > 0)
        {
            var kept = AtSentenceEnd(text, units, fitting, budget);
            var last = units[kept - 1];
            atBoundary = Cut(text, last.End, EndsSentence(text, last, kept < units.Count ? units[kept] : null));
        }
        if (atBoundary is { Keep: > 0 })
            return atBoundary;
        // Nothing readable before a word longer than the budget allows (a word budget allows 10
        // characters a word): cut inside that word, after whole grapheme clusters.
        if (fitting < units.Count && fitting < budget.MaxUnits && units[fitting].Graphemes > budget.MaxGraphemes)
            return Cut(text, AfterGraphemes(text, budget.MaxGraphemes), atSentenceEnd: false);
        return atBoundary ?? new ExcerptCut(0, IsCut: true, Ellipsis: false);
    }

    // How many units to keep: all that fit, or fewer when a sentence ends within the last fifth
    // of the budget.
    private static int AtSentenceEnd(string text, List<TextUnit> units, int fitting, ExcerptBudget budget)
    {
        for (var count = fitting; count > 0; count--)
        {
            var used = budget.Unit == ExcerptUnit.Words ? count : units[count - 1].Graphemes;
            if (used * 5 <= (long)budget.Size * 4)
                break;
            if (EndsSentence(text, units[count - 1], count < units.Count ? units[count] : null))
                return count;
        }
        return fitting;
    }

    // The whole text fits: a trailing ellipsis (the one a previous cut left) does not count, so
    // that cutting an excerpt again changes nothing.
    private static bool Fits(string text, List<TextUnit> units, ExcerptBudget budget)
    {
        long count = units.Count;
        var graphemes = units.Count == 0 ? 0 : units[^1].Graphemes;
        if (text.EndsWith(ExcerptPolicy.Ellipsis, StringComparison.Ordinal) && units.Count > 0)
        {
            graphemes--;
            if (units[^1].Length == ExcerptPolicy.Ellipsis.Length)
                count--;
        }
        return count <= budget.MaxUnits && graphemes <= budget.MaxGraphemes;
    }

    // A cut right after a sentence's own end ("…they tracked.") needs no ellipsis: the reader
    // sees a whole sentence, and "tracked.…" reads as a stutter. Elsewhere the ellipsis follows
    // the last word, unless the text already ends with one.
    private static ExcerptCut Cut(string text, int end, bool atSentenceEnd)
    {
        var keep = TrimEnd(text, end, dangling: !atSentenceEnd);
        var kept = text.AsSpan(0, keep);
        if (!ReadableText.Has(kept))
            return new ExcerptCut(0, IsCut: true, Ellipsis: false);
        var endsWithEllipsis = kept.EndsWith(ExcerptPolicy.Ellipsis, StringComparison.Ordinal) || kept.EndsWith("...", StringComparison.Ordinal);
        return new ExcerptCut(keep, IsCut: true, Ellipsis: !atSentenceEnd && !endsWithEllipsis);
    }

    // Drops trailing white space and, before an ellipsis, what would leave a pause or an opening
    // mark hanging: "downright great, (“…" ends "downright great…".
    private static int TrimEnd(string text, int end, bool dangling)
    {
        while (end > 0)
        {
            var c = text[end - 1];
            var drop = char.IsWhiteSpace(c)
                || (dangling && ExcerptPolicy.Dangling.Contains(c))
                || (dangling && ExcerptPolicy.DanglingWhenAlone.Contains(c)
                    && (end == 1 || char.IsWhiteSpace(text[end - 2]) || ExcerptPolicy.Dangling.Contains(text[end - 2])));
            if (!drop)
                break;
            end--;
        }
        return end;
    }

    // A unit that ends with sentence punctuation (then closing quotes or brackets), unless a
    // lower-case word follows, as after "e.g." or "approx.".
    private static bool EndsSentence(string text, TextUnit unit, TextUnit? next)
    {
        var end = unit.End;
        while (end > unit.Start && ExcerptPolicy.Closers.Contains(text[end - 1]))
            end--;
        if (end == unit.Start || !ExcerptPolicy.SentenceEnds.Contains(text[end - 1]))
            return false;
        return next is not { } following || !char.IsLower(text[following.Start]);
    }

    private static int AfterGraphemes(string text, long count)
    {
        var index = 0;
        for (long i = 0; i < count && index < text.Length; i++)
            index += TextUnits.GraphemeLength(text.AsSpan(index));
        return index;
    }
}
