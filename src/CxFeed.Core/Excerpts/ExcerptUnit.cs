namespace CxFeed.Core.Excerpts;

/// <summary>What an <see cref="ExcerptBudget"/> counts.</summary>
public enum ExcerptUnit
{
    /// <summary>
    /// Words of the text with collapsed whitespace; in scripts written without spaces (Chinese,
    /// Japanese, Thai, …) each character counts as a word, as WordPress counts those languages.
    /// </summary>
    Words,

    /// <summary>Characters as a reader sees them (grapheme clusters), spaces included, the ellipsis not.</summary>
    Characters,
}
