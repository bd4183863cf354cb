using CxFeed.Core;

namespace CxFeed.Serving;

/// <summary>How <c>cxfeed serve</c> caches, watches and limits: section <c>CxFeed:Serve</c>.</summary>
public sealed class ServeOptions : ISettings
{
    public static string Section => "CxFeed:Serve";

    /// <summary>Seconds a response stays fresh in caches (<c>max-age</c>).</summary>
    public int MaxAge { get; init; } = 300;

    /// <summary>Seconds a cache may serve a stale response while it revalidates in the background.</summary>
    public int StaleWhileRevalidate { get; init; } = 60;

    /// <summary>Seconds a cache may serve a stale response when CxFeed cannot be reached or fails.</summary>
    public int StaleIfError { get; init; } = 86_400;

    /// <summary>How long the content must be quiet after a change before the rebuild starts (an editor saves in several writes).</summary>
    public TimeSpan Debounce { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How often the folders are compared with the last build, for file systems that send no change events.</summary>
    public TimeSpan RescanInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Requests a client (by IP address) may make per <see cref="RateLimitWindow"/>; 0 turns the limit off (the default).</summary>
    public int RateLimitPermits { get; init; }

    public TimeSpan RateLimitWindow { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How many times a WebSub hub is asked before CxFeed gives up on one change.</summary>
    public int WebSubAttempts { get; init; } = 6;

    /// <summary>The wait before the second attempt; each later wait doubles, with jitter.</summary>
    public TimeSpan WebSubFirstRetry { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long one request to a hub may take.</summary>
    public TimeSpan WebSubTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The <c>Cache-Control</c> of every published response.</summary>
    public string CacheControl => $"public, max-age={MaxAge}, stale-while-revalidate={StaleWhileRevalidate}, stale-if-error={StaleIfError}";

    /// <summary>The <c>Cache-Control</c> of a partner feed: a reader's own cache may keep it, a shared one (nginx, a CDN) never.</summary>
    public string PrivateCacheControl => $"private, max-age={MaxAge}";

    public IEnumerable<Problem> Validate()
    {
        if (MaxAge < 0)
            yield return new Problem($"{Section}:MaxAge", "must be 0 or more seconds");
        if (StaleWhileRevalidate < 0)
            yield return new Problem($"{Section}:StaleWhileRevalidate", "must be 0 or more seconds");
        if (StaleIfError < 0)
            yield return new Problem($"{Section}:StaleIfError", "must be 0 or more seconds");
        if (Debounce < TimeSpan.Zero || Debounce > TimeSpan.FromMinutes(1))
            yield return new Problem($"{Section}:Debounce", $"'{Debounce}' must be from 00:00:00 to 00:01:00");
        if (RescanInterval < TimeSpan.FromMilliseconds(100))
            yield return new Problem($"{Section}:RescanInterval", $"'{RescanInterval}' must be at least 00:00:00.1");
        if (RateLimitPermits < 0)
            yield return new Problem($"{Section}:RateLimitPermits", "must be 0 (off) or more");
        if (RateLimitWindow <= TimeSpan.Zero)
            yield return new Problem($"{Section}:RateLimitWindow", $"'{RateLimitWindow}' must be longer than 00:00:00");
        if (WebSubAttempts is < 1 or > 20)
            yield return new Problem($"{Section}:WebSubAttempts", "must be from 1 to 20");
        if (WebSubFirstRetry <= TimeSpan.Zero)
            yield return new Problem($"{Section}:WebSubFirstRetry", $"'{WebSubFirstRetry}' must be longer than 00:00:00");
        if (WebSubTimeout <= TimeSpan.Zero)
            yield return new Problem($"{Section}:WebSubTimeout", $"'{WebSubTimeout}' must be longer than 00:00:00");
    }
}
