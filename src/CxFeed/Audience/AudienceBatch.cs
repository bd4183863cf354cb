namespace CxFeed.Audience;

/// <summary>
/// What was counted since the last write, aggregated: requests by day, feed, format, family and
/// status; each aggregator's latest count; the day's distinct visitor keys; partners' pulls. Kept
/// whole while the database cannot be written (and written when it can), within
/// <see cref="MaximumVisitors"/> and <see cref="MaximumPulls"/>: beyond, what is new is dropped and
/// the drop counted.
/// </summary>
public sealed class AudienceBatch
{
    public const int MaximumVisitors = 200_000;

    public const int MaximumPulls = 10_000;

    public Dictionary<RequestKey, long> Requests { get; } = [];

    public Dictionary<AggregatorKey, AggregatorCount> Aggregators { get; } = [];

    public HashSet<VisitorKey> Visitors { get; } = [];

    public List<PartnerPull> Pulls { get; } = [];

    public long Dropped { get; set; }

    public bool IsEmpty => Requests.Count == 0 && Aggregators.Count == 0 && Visitors.Count == 0 && Pulls.Count == 0 && Dropped == 0;

    public void AddVisitor(VisitorKey visitor)
    {
        if (Visitors.Count < MaximumVisitors || Visitors.Contains(visitor))
            Visitors.Add(visitor);
        else
            Dropped++;
    }

    public void AddPull(PartnerPull pull)
    {
        if (Pulls.Count < MaximumPulls)
            Pulls.Add(pull);
        else
            Dropped++;
    }
}

public readonly record struct RequestKey(string Day, string Feed, string Format, string Family, FetcherKind Kind, int Status);

public readonly record struct AggregatorKey(string Day, string Feed, string Family, string FeedId);

public readonly record struct AggregatorCount(long Subscribers, bool Absurd, DateTimeOffset Seen);

/// <summary>A day's visitor of a feed: the first 128 bits of HMAC-SHA256(the day's salt, address + user agent).</summary>
public readonly record struct VisitorKey(string Day, string Feed, UInt128 Key);

/// <summary>One pull of a partner feed; <paramref name="Items"/> are those on the page it got (a 200), empty for a 304.</summary>
public sealed record PartnerPull(DateTimeOffset At, string Partner, string Feed, string Address, int Status, IReadOnlyList<FeedItem> Items);

/// <summary>An item of a feed page: its id and title.</summary>
public sealed record FeedItem(string Id, string Title);
