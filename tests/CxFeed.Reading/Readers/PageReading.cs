using System.Collections.Immutable;

namespace CxFeed.Reading.Readers;

/// <summary>
/// What one reader made of one page, in the same terms for every reader.
/// </summary>
/// <param name="IsPublished">The reader gives an article (for cxfeed: a post the feeds publish).</param>
/// <param name="Published">The publication date, with the offset the reader gives (none: null).</param>
/// <param name="BodyHtml">The article's body as HTML (for cxfeed: the cleaned body).</param>
/// <param name="Excerpt">The plain-text excerpt the reader offers.</param>
/// <param name="Reason">Why the reader gives no article, when it says.</param>
public sealed record PageReading(
    bool IsPublished,
    string? Title,
    DateTimeOffset? Published,
    ImmutableArray<string> Authors,
    string? BodyHtml,
    string? Excerpt,
    string? Reason = null)
{
    public static PageReading None(string reason) => new(false, null, null, [], null, null, reason);
}
