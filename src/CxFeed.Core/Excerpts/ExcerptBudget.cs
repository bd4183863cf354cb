namespace CxFeed.Core.Excerpts;

/// <summary>How long an automatic excerpt may be: 55 words by default, as WordPress.</summary>
public readonly record struct ExcerptBudget(int Size, ExcerptUnit Unit)
{
    /// <summary>
    /// A word budget also bounds characters, at this many per word: no prose comes near it, but a
    /// run of text without spaces (a pasted hash, a 100,000-character "word") would otherwise fill
    /// the feed.
    /// </summary>
    public const int CharactersPerWord = 10;

    public static ExcerptBudget Default => new(55, ExcerptUnit.Words);

    public static ExcerptBudget Words(int size) => new(size, ExcerptUnit.Words);

    public static ExcerptBudget Characters(int size) => new(size, ExcerptUnit.Characters);

    /// <summary>The most words (units) the excerpt may hold.</summary>
    internal long MaxUnits => Unit == ExcerptUnit.Words ? Size : long.MaxValue;

    /// <summary>The most characters (grapheme clusters) the excerpt may hold, ellipsis excluded.</summary>
    internal long MaxGraphemes => Unit == ExcerptUnit.Words ? (long)Size * CharactersPerWord : Size;
}
