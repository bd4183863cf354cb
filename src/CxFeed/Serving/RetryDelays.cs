namespace CxFeed.Serving;

/// <summary>
/// Exponential backoff with jitter: the wait before attempt n+1 is <c>first × 2^(n-1)</c>, scaled
/// by a random factor from 0.5 to 1.5 (so that many servers that failed together do not retry
/// together), never more than <see cref="Longest"/>. The random source is given, so tests seed it.
/// </summary>
public sealed class RetryDelays(TimeSpan first, Random random)
{
    public static readonly TimeSpan Longest = TimeSpan.FromMinutes(10);

    private readonly Lock _random = new();

    /// <summary>The wait after failed attempt <paramref name="attempt"/> (1-based).</summary>
    public TimeSpan After(int attempt)
    {
        double factor;
        lock (_random)
            factor = 0.5 + random.NextDouble();
        var exponential = first.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30));
        return TimeSpan.FromMilliseconds(Math.Min(exponential * factor, Longest.TotalMilliseconds));
    }
}
