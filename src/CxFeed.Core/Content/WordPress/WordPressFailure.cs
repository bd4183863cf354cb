namespace CxFeed.Core.Content.WordPress;

/// <summary>
/// The blog could not be asked or did not answer usably: the message names the address (never
/// with credentials) and what went wrong. <see cref="RetryAfter"/> is the server's own
/// <c>Retry-After</c> (a 429 or 503), which the next attempt honours.
/// </summary>
public sealed class WordPressFailure(Uri address, string reason, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception($"{address.AbsoluteUri}: {reason}", inner)
{
    public Uri Address { get; } = address;

    public string Reason { get; } = reason;

    public TimeSpan? RetryAfter { get; } = retryAfter;
}
