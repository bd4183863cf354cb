namespace CxFeed.Core.Excerpts;

/// <summary>
/// What an excerpt is made from, all already cleaned: the body, the part of it before a
/// <c>&lt;!--more--&gt;</c> marker when the post has one, and the manual excerpt when it has one.
/// <paramref name="Link"/> is where "Read more" points.
/// </summary>
public sealed record ExcerptSource(string Title, Uri Link, string Body, string? Teaser = null, string? ManualExcerpt = null);
