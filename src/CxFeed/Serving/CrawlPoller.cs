using System.Diagnostics;
using CxFeed.Core.Content.Crawl;

namespace CxFeed.Serving;

/// <summary>
/// Keeps the store fresh while <c>serve</c> runs with the <c>crawl</c> source: a crawl every
/// <c>Crawl:Interval</c>, and one at once when <c>/ping</c> asks (<see cref="PollRequests"/>: crawls
/// never overlap and pings coalesce, whatever the flood, one crawl in flight and one queued; a
/// ping does not cut a <c>Retry-After</c> short). The store's folder is what the rebuilder watches, so a changed page
/// becomes a new publication. A crawl that fails (robots.txt unreachable, the server asking to
/// wait) keeps the store, and so the last good feeds, serving, puts why in <c>/healthz</c>, and
/// the next attempt backs off (doubling from a minute, with jitter, up to 10 minutes, never sooner
/// than the server's <c>Retry-After</c>). On a first start with an empty store, one crawl runs
/// before the server listens, so the first feeds served are whole.
/// </summary>
public sealed class CrawlPoller(CrawlPull crawl, CrawlOptions options, PollRequests requests, SourceStatus status, ILogger<CrawlPoller> logger) : BackgroundService
{
    private readonly RetryDelays _delays = new(options.Interval < TimeSpan.FromMinutes(1) ? options.Interval : TimeSpan.FromMinutes(1), new Random());
    private int _failures;

    /// <summary>Crawls completed (or failed) since the start (tests wait on it).</summary>
    public int Completed { get; private set; }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        crawl.Store.Open();
        if ((await crawl.StateAsync(cancellationToken)).Cursor is null)
            await CrawlOnceAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var wait = Completed > 0 && _failures > 0 ? _delays.After(_failures) : options.Interval;
        try
        {
            while (true)
            {
                await requests.WaitAsync(wait, stoppingToken);
                wait = await CrawlOnceAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One crawl; the wait before the next.</summary>
    private async Task<TimeSpan> CrawlOnceAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        requests.Started();
        try
        {
            var report = await crawl.RunAsync(null, cancellationToken);
            _failures = 0;
            requests.Honour(null);
            logger.Pulled(options.Start, report.Fetched, report.Changed, report.Removed, report.Listed, report.Requests, report.Bytes,
                (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            foreach (var problem in report.Problems)
                logger.PostLeftOut(problem.Subject, problem.Reason);
            status.Set(report.Problems.Select(problem => $"{CrawlPull.SourceName}: {problem}"));
            return options.Interval;
        }
        catch (CrawlFailure failure)
        {
            _failures++;
            var wait = _delays.After(_failures);
            if (failure.RetryAfter is { } retryAfter && retryAfter > wait)
                wait = retryAfter;
            requests.Honour(failure.RetryAfter);
            logger.PullFailed(_failures, wait, failure.Message);
            status.Set([$"{CrawlPull.SourceName}: crawl failed ({_failures} in a row, the store keeps serving; next attempt in {wait:c}): {failure.Message}"]);
            return wait;
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            _failures++;
            var wait = _delays.After(_failures);
            logger.PullFailed(_failures, wait, failure.Message);
            status.Set([$"{CrawlPull.SourceName}: the store could not be written ({failure.Message}); next attempt in {wait:c}"]);
            return wait;
        }
        finally
        {
            Completed++;
        }
    }

    public override void Dispose()
    {
        crawl.Client.Dispose();
        base.Dispose();
    }
}
