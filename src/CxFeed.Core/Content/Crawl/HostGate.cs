namespace CxFeed.Core.Content.Crawl;

/// <summary>
/// The politeness of one host: at most <c>MaxConcurrency</c> requests in flight, starts spaced by
/// the robots.txt <c>Crawl-delay</c> (which makes it one at a time), and none before a time the
/// server asked for (<c>Retry-After</c>): while one request waits out a 429 or a 503, all wait.
/// </summary>
public sealed class HostGate(int maxConcurrency, TimeProvider time)
{
    private readonly SemaphoreSlim _inFlight = new(maxConcurrency, maxConcurrency);
    private readonly Lock _lock = new();
    private DateTimeOffset _nextStart = DateTimeOffset.MinValue;
    private TimeSpan _spacing = TimeSpan.Zero;

    /// <summary>The robots.txt <c>Crawl-delay</c>: requests start at least this far apart.</summary>
    public void Space(TimeSpan? crawlDelay)
    {
        lock (_lock)
            _spacing = crawlDelay ?? TimeSpan.Zero;
    }

    /// <summary>No request starts before <paramref name="when"/> (a server's <c>Retry-After</c>).</summary>
    public void HoldUntil(DateTimeOffset when)
    {
        lock (_lock)
        {
            if (when > _nextStart)
                _nextStart = when;
        }
    }

    /// <summary>Waits for a free slot and for the host's next start time; dispose the result when the request is done.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _inFlight.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                TimeSpan wait;
                lock (_lock)
                {
                    var now = time.GetUtcNow();
                    wait = _nextStart - now;
                    if (wait <= TimeSpan.Zero)
                    {
                        _nextStart = now + _spacing;
                        break;
                    }
                }
                await Task.Delay(wait, time, cancellationToken);
            }
        }
        catch
        {
            _inFlight.Release();
            throw;
        }
        return new Slot(_inFlight);
    }

    private sealed class Slot(SemaphoreSlim inFlight) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
                inFlight.Release();
        }
    }
}
