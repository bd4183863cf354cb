using System.Globalization;

namespace CxFeed.Audience;

/// <summary>
/// What <c>/stats</c>, <c>/stats.json</c> and <c>cxfeed stats</c> show, read from the
/// <see cref="AudienceDatabase"/>: each feed's days (every day of the range, zeros where nothing
/// was counted; the feed with the most subscribers on the last day first), its aggregators' latest counts, the partners' latest pulls and the counts dropped.
/// </summary>
public sealed record AudienceReport(string From, string To, IReadOnlyList<FeedAudience> Feeds, IReadOnlyList<PullRow> Pulls, long Dropped)
{
    public const int MaximumDays = 3660;

    /// <summary>The last <paramref name="days"/> days up to <paramref name="today"/> (UTC), of one feed or all.</summary>
    public static AudienceReport Read(AudienceDatabase database, DateOnly today, int days, string? feed = null, int pulls = 50)
    {
        var first = today.AddDays(1 - days);
        var from = Day(first);
        var byFeed = database.ReadDays(from, feed).GroupBy(day => day.Feed, StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.ToDictionary(day => day.Day, StringComparer.Ordinal));
        var aggregators = database.ReadAggregators(from, feed);
        var feeds = byFeed.Keys.Order(StringComparer.Ordinal).Select(name => new FeedAudience(
            name,
            [.. Enumerable.Range(0, days).Select(offset => Day(first.AddDays(offset))).Select(day => byFeed[name].GetValueOrDefault(day) ?? new AudienceDay(name, day))],
            [.. aggregators.Where(row => row.Feed == name)]))
            // The most read first; by name among equals, so the order is the same every time.
            .OrderByDescending(audience => audience.Subscribers).ThenBy(audience => audience.Feed, StringComparer.Ordinal).ToList();
        return new AudienceReport(from, Day(today), feeds, database.ReadPulls(pulls, feed), database.ReadDropped(from));
    }

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>One feed over the report's days, oldest first.</summary>
public sealed record FeedAudience(string Feed, IReadOnlyList<AudienceDay> Days, IReadOnlyList<AggregatorRow> Aggregators)
{
    /// <summary>The last day's subscribers (today's so far).</summary>
    public long Subscribers => Days.Count == 0 ? 0 : Days[^1].Subscribers;

    public long Requests => Days.Sum(day => day.Requests);

    public long NotModified => Days.Sum(day => day.NotModified);

    public long Bots => Days.Sum(day => day.Bots);
}
