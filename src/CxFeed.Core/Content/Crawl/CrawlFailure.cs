namespace CxFeed.Core.Content.Crawl;

/// <summary>
/// A request of the crawl that failed (the host unreachable, an error status after the retries,
/// a redirect off the blog, a server too slow). <see cref="Address"/> is the page asked for;
/// <see cref="RetryAfter"/> what the server asked for when it said so.
/// </summary>
public sealed class CrawlFailure(Uri address, string reason, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception($"{address.AbsoluteUri}: {reason}", inner)
{
    public Uri Address { get; } = address;

    public string Reason { get; } = reason;

    public TimeSpan? RetryAfter { get; } = retryAfter;
}
