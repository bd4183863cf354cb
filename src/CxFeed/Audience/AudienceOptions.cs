using CxFeed.Core;

namespace CxFeed.Audience;

/// <summary>Counting who reads the feeds: section <c>CxFeed:Audience</c>.</summary>
public sealed class AudienceOptions : ISettings
{
    public static string Section => "CxFeed:Audience";

    /// <summary>Off: nothing is counted and no database is made.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>The SQLite database (made and migrated at start); relative to the working directory. <c>cxfeed stats</c> reads the same.</summary>
    public string DatabasePath { get; init; } = "cxfeed-audience.db";

    /// <summary>Requests waiting to be written; when it is full a request is not counted (the drop is), never delayed.</summary>
    public int QueueCapacity { get; init; } = 100_000;

    /// <summary>How often what was counted is written, in one transaction.</summary>
    public TimeSpan FlushInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Behind deploy/nginx.conf, which answers most requests from its cache and mirrors every feed
    /// request to CxFeed with <c>X-CxFeed-Mirror: 1</c>: only those mirrors (from a loopback
    /// address) are counted, and answered 204; the requests nginx passes on are not counted again.
    /// </summary>
    public bool CountedByProxy { get; init; }

    public IEnumerable<Problem> Validate()
    {
        if (string.IsNullOrWhiteSpace(DatabasePath))
            yield return new Problem($"{Section}:DatabasePath", "must be a file path");
        if (QueueCapacity is < 1 or > 10_000_000)
            yield return new Problem($"{Section}:QueueCapacity", "must be from 1 to 10000000");
        if (FlushInterval < TimeSpan.FromMilliseconds(10) || FlushInterval > TimeSpan.FromMinutes(10))
            yield return new Problem($"{Section}:FlushInterval", $"'{FlushInterval}' must be from 00:00:00.01 to 00:10:00");
    }
}
