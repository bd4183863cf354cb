namespace CxFeed.Core.Content.Crawl;

/// <summary>
/// A polite crawl of the blog's public pages: section <c>CxFeed:Content:Crawl</c>, used when
/// <c>CxFeed:Content:Source</c> is <c>crawl</c>. Only <see cref="Start"/>'s host (and its
/// www/non-www twin) is ever asked.
/// </summary>
public sealed class CrawlOptions : ISettings
{
    public static string Section => "CxFeed:Content:Crawl";

    /// <summary>The blog's address: its robots.txt and sitemaps are looked for on this host, and where there is no sitemap its listing starts here.</summary>
    public string Start { get; init; } = "";

    /// <summary>
    /// Where to reach the blog when not at <see cref="Start"/>'s own address (a staging copy, a
    /// proxy): every request for Start's host (and its twin) goes to this scheme, host and port
    /// instead, while addresses, links and ids stay the blog's. Empty: Start's own.
    /// </summary>
    public string ConnectTo { get; init; } = "";

    public Uri? ConnectToUri => string.IsNullOrEmpty(ConnectTo) ? null : new Uri(ConnectTo, UriKind.Absolute);

    /// <summary>Patterns (robots.txt syntax: a path prefix, <c>*</c> for any characters, <c>$</c> for the end) a post's path and query must match one of; empty: every page.</summary>
    public IReadOnlyList<string> Include { get; init; } = [];

    /// <summary>Patterns (as <see cref="Include"/>) of pages never fetched as posts.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>Requests in flight to one host at once (a robots.txt <c>Crawl-delay</c> spaces them further).</summary>
    public int MaxConcurrency { get; init; } = 2;

    /// <summary>How often the blog is crawled again while serving.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>One request, its whole body included: a server that trickles bytes is cut off.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Pages a crawl looks at, at most: a sitemap of a million addresses stops here (the first ones kept).</summary>
    public int MaxPages { get; init; } = 50_000;

    /// <summary>One page's bytes, decompressed, at most: a larger page (or a gzip bomb) is cut off and not published.</summary>
    public long MaxPageBytes { get; init; } = 10L * 1024 * 1024;

    public Uri StartUri => new(Start, UriKind.Absolute);

    public IEnumerable<Problem> Validate()
    {
        if (!Settings.IsHttpUrl(Start))
            yield return new Problem($"{Section}:Start", $"'{Start}' is not an absolute http(s) URL (the blog's address, as https://blog.example/)");
        else if (!string.IsNullOrEmpty(new Uri(Start).Fragment) || !string.IsNullOrEmpty(new Uri(Start).UserInfo))
            yield return new Problem($"{Section}:Start", $"'{new Uri(Start).GetLeftPart(UriPartial.Path)}…' must be the blog's address: no fragment or user name");
        if (!string.IsNullOrEmpty(ConnectTo) && (!Settings.IsHttpUrl(ConnectTo) || new Uri(ConnectTo).AbsolutePath != "/" || new Uri(ConnectTo).Query.Length > 0))
            yield return new Problem($"{Section}:ConnectTo", $"'{ConnectTo}' must be an http(s) scheme, host and port alone (as http://127.0.0.1:8080/)");
        foreach (var problem in PatternProblems(nameof(Include), Include).Concat(PatternProblems(nameof(Exclude), Exclude)))
            yield return problem;
        if (MaxConcurrency is < 1 or > 16)
            yield return new Problem($"{Section}:MaxConcurrency", $"'{MaxConcurrency}' must be from 1 to 16");
        if (Interval < TimeSpan.FromSeconds(1) || Interval > TimeSpan.FromDays(7))
            yield return new Problem($"{Section}:Interval", $"'{Interval}' must be from 00:00:01 to 7.00:00:00");
        if (Timeout < TimeSpan.FromSeconds(1) || Timeout > TimeSpan.FromMinutes(10))
            yield return new Problem($"{Section}:Timeout", $"'{Timeout}' must be from 00:00:01 to 00:10:00");
        if (MaxPages is < 1 or > 1_000_000)
            yield return new Problem($"{Section}:MaxPages", $"'{MaxPages}' must be from 1 to 1000000");
        if (MaxPageBytes is < 64 * 1024 or > 256L * 1024 * 1024)
            yield return new Problem($"{Section}:MaxPageBytes", $"'{MaxPageBytes}' must be from 65536 to 268435456");
    }

    private static IEnumerable<Problem> PatternProblems(string setting, IReadOnlyList<string> patterns)
    {
        for (var i = 0; i < patterns.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(patterns[i]) || !(patterns[i].StartsWith('/') || patterns[i].StartsWith('*')))
                yield return new Problem($"{Section}:{setting}:{i}", $"'{patterns[i]}' must be a path pattern starting with / or * (as in robots.txt: /2024/*, /tag/, *.pdf$)");
        }
    }
}
