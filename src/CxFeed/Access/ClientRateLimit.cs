using System.Collections.Concurrent;

namespace CxFeed.Access;

/// <summary>
/// A fixed-window budget per client (by address, <see cref="ClientAddress"/>): <see cref="TryTake"/>
/// spends one permit and says whether the client was within its budget; <see cref="IsOver"/> looks
/// without spending. Used for wrong keys (a permit per failure) and meant for any write-like
/// endpoint (a permit per request). Memory is bounded: past <see cref="MaximumClients"/> clients,
/// windows that ended are forgotten, and if none has, the oldest half are.
/// </summary>
public sealed class ClientRateLimit(int permits, TimeSpan window, TimeProvider time)
{
    public const int MaximumClients = 100_000;

    private readonly ConcurrentDictionary<string, Budget> _clients = new(StringComparer.Ordinal);

    /// <summary>Seconds until a window ends, for <c>Retry-After</c>.</summary>
    public int RetryAfterSeconds => (int)Math.Ceiling(window.TotalSeconds);

    public bool IsOver(string client) =>
        _clients.TryGetValue(client, out var budget) && budget.Used(Now, window.Ticks) >= permits;

    public bool TryTake(string client)
    {
        if (_clients.Count >= MaximumClients)
            Forget();
        var budget = _clients.GetOrAdd(client, _ => new Budget());
        return budget.Take(Now, window.Ticks) <= permits;
    }

    private long Now => time.GetUtcNow().UtcTicks;

    private void Forget()
    {
        var now = Now;
        foreach (var (client, budget) in _clients)
        {
            if (budget.Ended(now, window.Ticks))
                _clients.TryRemove(client, out _);
        }
        if (_clients.Count >= MaximumClients)
        {
            foreach (var (client, _) in _clients.OrderBy(pair => pair.Value.Start).Take(_clients.Count / 2).ToList())
                _clients.TryRemove(client, out _);
        }
    }

    /// <summary>One client's window: when it started and the permits spent in it.</summary>
    private sealed class Budget
    {
        private readonly Lock _lock = new();
        private long _start;
        private int _used;

        public long Start => Volatile.Read(ref _start);

        public bool Ended(long now, long window) => now - Start >= window;

        public int Used(long now, long window)
        {
            lock (_lock)
                return now - _start >= window ? 0 : _used;
        }

        public int Take(long now, long window)
        {
            lock (_lock)
            {
                if (now - _start >= window)
                {
                    _start = now;
                    _used = 0;
                }
                return ++_used;
            }
        }
    }
}
