using CxFeed.Core;
using CxFeed.Core.Content;
using CxFeed.Core.Content.Crawl;
using CxFeed.Core.Content.WordPress;
using CxFeed.Core.Publishing;
using CxFeed.Core.Store;

namespace CxFeed.Cli;

/// <summary>
/// <c>cxfeed pull</c>: one full pull of the live blog into the store (every post listed, what
/// changed fetched, what went away removed), then <c>N fetched, N changed, N removed</c>. On a
/// terminal a progress line shows the posts fetched of those to fetch. Exit 0 when the pull
/// succeeded, 1 when it failed or left posts out (the store keeps what it had), 2 for bad settings.
/// </summary>
public static class PullCommand
{
    public static async Task<int> RunAsync(CommandContext context)
    {
        var content = context.Settings<ContentOptions>();
        if (!content.UsesStore)
        {
            await context.Error.WriteLineAsync(
                $"cxfeed pull: setting {ContentOptions.Section}:Source is '{content.Source}': pull reads a live blog; set it to {ContentOptions.WordPressSourceName} (and {WordPressOptions.Section}:BaseUrl) or {ContentOptions.CrawlSourceName} (and {CrawlOptions.Section}:Start)");
            return ExitCode.Usage;
        }
        var (report, failure) = await PullAsync(context, content);
        if (failure is not null)
        {
            await context.Error.WriteLineAsync($"cxfeed pull: {failure.Message}; the store keeps what it had");
            return ExitCode.ContentProblems;
        }
        foreach (var problem in report!.Problems)
            await context.Error.WriteLineAsync($"cxfeed pull: {problem}");
        foreach (var skipped in report.Skipped.IsDefault ? [] : report.Skipped)
            await context.Out.WriteLineAsync($"skipped {skipped}");
        var listing = report.Complete ? "" : "; the listing was not complete, so nothing was removed";
        await context.Out.WriteLineAsync(
            $"{report.Fetched} fetched, {report.Changed} changed, {report.Removed} removed ({report.Requests} requests, {report.Bytes:N0} bytes){listing}");
        return report.Problems.IsEmpty ? ExitCode.Ok : ExitCode.ContentProblems;
    }

    /// <summary>One full pull (or crawl) into the store the settings name; the failure (naming the address) instead of a report when the blog failed.</summary>
    public static async Task<(PullReport? Report, SourceFailure? Failure)> PullAsync(CommandContext context, ContentOptions content)
    {
        var site = context.Settings<SiteOptions>();
        // Opening the store's folder first makes an unusable StorePath a settings error that names it.
        ContentFolder.Open(content, site);
        var store = new PostStore(content.StorePath);
        if (content.Source == ContentOptions.WxrSourceName)
        {
            // An export is read whole each time: its problems are the report's, it never fails as a blog does.
            var import = new WxrImport(context.Settings<WxrOptions>(), store, site.TimeZoneInfo);
            return (await import.RunAsync(context.CancellationToken), null);
        }
        var progress = context.OutputIsTerminal ? new ProgressLine(context.Out) : null;
        if (content.Source == ContentOptions.CrawlSourceName)
        {
            using var client = new CrawlClient(context.Settings<CrawlOptions>(), context.Settings<PublishOptions>().BaseUri, TimeProvider.System);
            var crawl = new CrawlPull(client, store, context.Settings<CrawlOptions>(), new PostReader(content, site), TimeProvider.System);
            try
            {
                return (await crawl.RunAsync(progress, context.CancellationToken), null);
            }
            catch (CrawlFailure failure)
            {
                return (null, new SourceFailure(failure.Address, failure.Reason));
            }
            finally
            {
                progress?.End();
            }
        }
        var pull = WordPressPull.Open(context.Settings<WordPressOptions>(), store, TimeProvider.System);
        using var api = pull.Api;
        try
        {
            return (await pull.FullAsync(progress, context.CancellationToken), null);
        }
        catch (WordPressFailure failure)
        {
            return (null, new SourceFailure(failure.Address, failure.Reason));
        }
        finally
        {
            progress?.End();
        }
    }

    /// <summary>Why a pull failed: the address asked and what went wrong.</summary>
    public sealed record SourceFailure(Uri Address, string Reason)
    {
        public string Message => $"{Address.AbsoluteUri}: {Reason}";
    }

    /// <summary>"posts N of M", rewritten in place on a terminal.</summary>
    private sealed class ProgressLine(TextWriter output) : IProgress<PullProgress>
    {
        private readonly Lock _lock = new();
        private bool _shown;

        public void Report(PullProgress value)
        {
            lock (_lock)
            {
                _shown = true;
                output.Write($"\rposts {value.Done} of {value.Total}");
                output.Flush();
            }
        }

        public void End()
        {
            if (_shown)
                output.Write("\r\u001b[K");
        }
    }
}
