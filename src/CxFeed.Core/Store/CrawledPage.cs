namespace CxFeed.Core.Store;

/// <summary>
/// What the crawl remembers of one address, so that the next crawl asks as little as it can:
/// <paramref name="Key"/> the stored page it gave (null when it gave none), the validators the
/// server sent (<paramref name="ETag"/>, <paramref name="LastModified"/>) for a conditional GET,
/// the sitemap's <paramref name="Lastmod"/> (unchanged: not asked at all), and why it was
/// <paramref name="Skipped"/> when it is not a post (still said after a 304).
/// </summary>
public sealed record CrawledPage(long? Key, string? ETag, string? LastModified, DateTimeOffset? Lastmod, string? Skipped);
