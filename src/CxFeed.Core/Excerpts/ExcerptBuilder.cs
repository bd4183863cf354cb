namespace CxFeed.Core.Excerpts;

/// <summary>Cuts excerpts from cleaned HTML the way a person would. (Contract; the excerpts issue implements it.)</summary>
public sealed class ExcerptBuilder
{
    public Excerpt Build(ExcerptSource source, ExcerptBudget budget) => throw new NotImplementedException();
}

public enum ExcerptUnit
{
    Words,
    Characters,
}

/// <summary>How long an automatic excerpt may be: 55 words by default, as WordPress.</summary>
public readonly record struct ExcerptBudget(int Size, ExcerptUnit Unit)
{
    public static ExcerptBudget Default => new(55, ExcerptUnit.Words);
}

/// <summary>
/// What an excerpt is made from, all already cleaned: the body, the part of it before a
/// <c>&lt;!--more--&gt;</c> marker when the post has one, and the manual excerpt when it has one.
/// <paramref name="Link"/> is where "Read more" points.
/// </summary>
public sealed record ExcerptSource(string Title, Uri Link, string Body, string? Teaser = null, string? ManualExcerpt = null);

/// <summary>The excerpt as plain text and as HTML (closed elements, then a "Read more" link); <paramref name="IsCut"/> when text was left out.</summary>
public sealed record Excerpt(string Text, string Html, bool IsCut);
