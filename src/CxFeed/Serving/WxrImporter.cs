using System.Diagnostics;
using CxFeed.Core.Content.WordPress;

namespace CxFeed.Serving;

/// <summary>
/// Keeps the store equal to the WordPress export while <c>serve</c> runs with the <c>wxr</c>
/// source: one import before the server listens (so the first feeds are whole), then again
/// whenever the export's files change (their names, lengths or write times, looked at every
/// <c>Serve:RescanInterval</c>). The store's folder is what the rebuilder watches, so a changed
/// export becomes a new publication. An import that stops on a broken file keeps every post it
/// had, and <c>/healthz</c> says why.
/// </summary>
public sealed class WxrImporter(WxrImport import, WxrOptions options, ServeOptions serve, SourceStatus status, TimeProvider time, ILogger<WxrImporter> logger)
    : BackgroundService
{
    private string? _imported;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await ImportIfChangedAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            using var timer = new PeriodicTimer(serve.RescanInterval, time);
            while (await timer.WaitForNextTickAsync(stoppingToken))
                await ImportIfChangedAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task ImportIfChangedAsync(CancellationToken cancellationToken)
    {
        var stamp = import.Stamp();
        if (stamp == _imported)
            return;
        var started = Stopwatch.GetTimestamp();
        try
        {
            var report = await import.RunAsync(cancellationToken);
            _imported = stamp;
            logger.Pulled(options.Path, report.Fetched, report.Changed, report.Removed, report.Listed, report.Requests, report.Bytes,
                (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            foreach (var problem in report.Problems)
                logger.PostLeftOut(problem.Subject, problem.Reason);
            status.Set(report.Problems.Select(problem => $"{WxrImport.SourceName}: {problem}"));
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            logger.PullFailed(1, serve.RescanInterval, failure.Message);
            status.Set([$"{WxrImport.SourceName}: the export could not be imported ({failure.Message}); the store keeps serving"]);
        }
    }
}
