using System.Diagnostics;
using CxFeed.Core.Content.WordPress;

namespace CxFeed.Serving;

/// <summary>
/// Keeps the store fresh while <c>serve</c> runs with the WordPress source: a poll every
/// <c>PollInterval</c> (a full listing when <c>FullListingInterval</c> has passed), and one at
/// once when <c>/ping</c> asks (<see cref="PollRequests"/>: pulls never overlap and pings coalesce,
/// whatever the flood, one pull in flight and one queued). The store's folder is what the rebuilder watches, so a changed
/// page becomes a new publication within its debounce. A pull that fails keeps the store (and so
/// the last good feeds) serving, puts why in <c>/healthz</c>, and the next attempt backs off
/// (doubling from the poll interval, with jitter, up to 10 minutes, never sooner than the server's
/// <c>Retry-After</c>); a ping does not cut a <c>Retry-After</c> short.
/// On a first start with an empty store, one full pull runs before the server listens, so the first
/// feeds served are whole.
/// </summary>
public sealed class WordPressPoller(
    WordPressPull pull,
    WordPressOptions options,
    PollRequests requests,
    SourceStatus status,
    ILogger<WordPressPoller> logger) : BackgroundService
{
    private readonly RetryDelays _delays = new(options.PollInterval, new Random());
    private int _failures;

    /// <summary>Pulls completed since the start (tests wait on it).</summary>
    public int Completed { get; private set; }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        pull.Store.Open();
        if ((await pull.StateAsync(cancellationToken)).Cursor is null)
            await PullOnceAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var wait = Completed > 0 && _failures == 0 ? options.PollInterval : NextWait();
        try
        {
            while (true)
            {
                await requests.WaitAsync(wait, stoppingToken);
                wait = await PullOnceAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One pull; the wait before the next.</summary>
    private async Task<TimeSpan> PullOnceAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        requests.Started();
        try
        {
            var report = await pull.PollAsync(null, cancellationToken);
            _failures = 0;
            requests.Honour(null);
            logger.Pulled(options.BaseUri.AbsoluteUri, report.Fetched, report.Changed, report.Removed, report.Listed, report.Requests, report.Bytes,
                (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            foreach (var problem in report.Problems)
                logger.PostLeftOut(problem.Subject, problem.Reason);
            status.Set(report.Problems.Select(problem => $"{WordPressPull.SourceName}: {problem}"));
            return options.PollInterval;
        }
        catch (WordPressFailure failure)
        {
            _failures++;
            // After a failure the API may have moved (a migration, permalinks changed): find it again.
            pull.Rediscover();
            var wait = NextWait();
            if (failure.RetryAfter is { } retryAfter && retryAfter > wait)
                wait = retryAfter;
            requests.Honour(failure.RetryAfter);
            logger.PullFailed(_failures, wait, failure.Message);
            status.Set([$"{WordPressPull.SourceName}: pull failed ({_failures} in a row, the store keeps serving; next attempt in {wait:c}): {failure.Message}"]);
            return wait;
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            _failures++;
            var wait = NextWait();
            logger.PullFailed(_failures, wait, failure.Message);
            status.Set([$"{WordPressPull.SourceName}: the store could not be written ({failure.Message}); next attempt in {wait:c}"]);
            return wait;
        }
        finally
        {
            Completed++;
        }
    }

    private TimeSpan NextWait() => _failures == 0 ? options.PollInterval : _delays.After(_failures);

    public override void Dispose()
    {
        pull.Api.Dispose();
        base.Dispose();
    }
}
