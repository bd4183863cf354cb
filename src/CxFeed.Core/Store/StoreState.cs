using System.Collections.Immutable;

namespace CxFeed.Core.Store;

/// <summary>
/// What the store remembers besides the pages, so that a restart only asks for what changed:
/// which source filled it, each stored post's id and modification time, and the source's cursor.
/// Written atomically after the pages it describes; losing it costs one full pull, never a post
/// (the pages are what is served; the state is only where to resume).
/// </summary>
/// <param name="Source">The source that last wrote the store (<c>wordpress</c>, <c>wxr</c>, <c>crawl</c>).</param>
/// <param name="Posts">Every stored post's id and its modification time as the source gave it (<c>modified_gmt</c>).</param>
/// <param name="Cursor">Where the source resumes; null before the first complete pull.</param>
/// <param name="Crawled">The crawl's memory of every address it looked at (validators, lastmod, skip reason); null for the other sources.</param>
public sealed record StoreState(
    string? Source,
    ImmutableSortedDictionary<long, DateTimeOffset> Posts,
    SourceCursor? Cursor,
    ImmutableSortedDictionary<string, CrawledPage>? Crawled = null)
{
    public static readonly StoreState Empty = new(null, ImmutableSortedDictionary<long, DateTimeOffset>.Empty, null);
}

/// <summary>
/// Where a pull resumes. <paramref name="NewestModified"/> is the newest <c>modified_gmt</c> seen
/// (the next poll asks for posts modified after it); <paramref name="ETag"/> and
/// <paramref name="LastModified"/> are the validators the server gave for that poll's request;
/// <paramref name="Home"/> and <paramref name="ApiRoot"/> what discovery found;
/// <paramref name="LastFullListing"/> when a complete listing last succeeded.
/// </summary>
public sealed record SourceCursor(
    DateTimeOffset? NewestModified,
    string? ETag = null,
    string? LastModified = null,
    Uri? Home = null,
    Uri? ApiRoot = null,
    DateTimeOffset? LastFullListing = null);
