using System.Threading.Channels;

namespace CxFeed.Serving;

/// <summary>
/// When the live source's poller (<see cref="WordPressPoller"/>, <see cref="CrawlPoller"/>) asks
/// the blog next: after its interval, or at once when <c>/ping</c> asks (<see cref="Request"/>).
/// Requests coalesce: whatever the flood, one poll in flight and one queued. Polls start at least
/// <see cref="MinimumSpacing"/> apart, and a ping never cuts a server's <c>Retry-After</c> short.
/// </summary>
public sealed class PollRequests(TimeProvider time)
{
    /// <summary>Polls start at least this far apart, however many pings arrive.</summary>
    public static readonly TimeSpan MinimumSpacing = TimeSpan.FromSeconds(1);

    private readonly Channel<bool> _requested = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private DateTimeOffset _notBefore = DateTimeOffset.MinValue;
    private DateTimeOffset _lastStarted = DateTimeOffset.MinValue;

    /// <summary>Asks for a poll as soon as the one in flight (if any) is done; false when one is already queued.</summary>
    public bool Request() => _requested.Writer.TryWrite(true);

    /// <summary>Until <paramref name="wait"/> is over or a ping asks (but never before a server's Retry-After, nor within <see cref="MinimumSpacing"/> of the last start).</summary>
    public async Task WaitAsync(TimeSpan wait, CancellationToken stoppingToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var delay = Task.Delay(wait, time, timer.Token);
        var ping = _requested.Reader.WaitToReadAsync(timer.Token).AsTask();
        await Task.WhenAny(delay, ping);
        await timer.CancelAsync();
        stoppingToken.ThrowIfCancellationRequested();
        _requested.Reader.TryRead(out _);
        var notBefore = _notBefore > _lastStarted + MinimumSpacing ? _notBefore : _lastStarted + MinimumSpacing;
        var held = notBefore - time.GetUtcNow();
        if (held > TimeSpan.Zero)
            await Task.Delay(held, time, stoppingToken);
    }

    /// <summary>A poll starts now.</summary>
    public void Started() => _lastStarted = time.GetUtcNow();

    /// <summary>The server asked to wait <paramref name="retryAfter"/> (null: it did not, or it succeeded).</summary>
    public void Honour(TimeSpan? retryAfter) =>
        _notBefore = retryAfter is { } wait ? time.GetUtcNow() + wait : DateTimeOffset.MinValue;
}
