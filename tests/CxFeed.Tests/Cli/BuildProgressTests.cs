using CxFeed.Cli;
using CxFeed.Core.Publishing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CxFeed.Tests.Cli;

public class BuildProgressTests
{
    private const string ClearToEnd = "\u001b[K";

    [Fact]
    public void On_a_terminal_one_line_is_rewritten_in_place_at_most_ten_times_a_second_then_cleared()
    {
        var time = new FakeTimeProvider();
        var terminal = new StringWriter();
        var progress = new BuildProgress(terminal, null, time, endWhenRead: false);

        progress.Report(new PagesRead(1, 10000));
        time.Advance(TimeSpan.FromMilliseconds(50));
        progress.Report(new PagesRead(2, 10000));   // within 100 ms of the last drawing: not drawn
        time.Advance(TimeSpan.FromSeconds(12));
        progress.Report(new PagesRead(4812, 10000));
        var files = progress.WritingFiles(15394);
        time.Advance(TimeSpan.FromSeconds(1));
        files.Report(3000);
        files.Report(15394);                         // the last one is always drawn
        progress.End();

        Assert.Equal(
            $"\rpages read 1 of 10000, 0 s{ClearToEnd}" +
            $"\rpages read 4812 of 10000, 12 s{ClearToEnd}" +
            $"\rpages read 4812 of 10000, files written 3000 of 15394, 13 s{ClearToEnd}" +
            $"\rpages read 4812 of 10000, files written 15394 of 15394, 13 s{ClearToEnd}" +
            $"\r{ClearToEnd}",
            terminal.ToString());
    }

    [Fact]
    public void In_a_log_a_line_every_five_seconds_and_only_for_the_first_build()
    {
        var time = new FakeTimeProvider();
        var log = new Lines();
        var progress = new BuildProgress(null, log, time, endWhenRead: true);

        progress.Report(new PagesRead(1, 10000));     // a build that ends within 5 s logs nothing
        time.Advance(TimeSpan.FromSeconds(5));
        progress.Report(new PagesRead(2100, 10000));
        time.Advance(TimeSpan.FromSeconds(1));
        progress.Report(new PagesRead(2500, 10000));
        time.Advance(TimeSpan.FromSeconds(4));
        progress.Report(new PagesRead(4200, 10000));
        progress.Report(new PagesRead(10000, 10000)); // the first build is over
        time.Advance(TimeSpan.FromSeconds(30));
        progress.Report(new PagesRead(1, 1));         // a rebuild: its own Rebuilt line says it

        Assert.Equal(
            [
                "First build: 2100 of 10000 pages read, 0 of 0 files written, 5 s",
                "First build: 4200 of 10000 pages read, 0 of 0 files written, 10 s",
            ],
            log.Messages);
    }

    [Fact]
    public async Task A_snapshot_builder_reports_each_page_it_reads_from_every_core()
    {
        var reports = new System.Collections.Concurrent.ConcurrentBag<PagesRead>();
        var builder = new SnapshotBuilder(
            new CxFeed.Core.Content.PostReader(new CxFeed.Core.Content.ContentOptions(), new CxFeed.Core.SiteOptions { Title = "Heart of the Customer", BaseUrl = "https://www.heartofthecustomer.com/" }),
            new CxFeed.Core.Cleaning.HtmlCleaner(new CxFeed.Core.Cleaning.CleaningOptions().ToPolicy()),
            new CxFeed.Core.Excerpts.ExcerptBuilder(new CxFeed.Core.Excerpts.ExcerptOptions()))
        {
            Progress = new Collect(reports),
        };
        var pages = await Content.SeedPages.ReadAsync();

        builder.Build(pages);

        Assert.Equal(Enumerable.Range(1, pages.Length), reports.Select(report => report.Read).Order());
        Assert.All(reports, report => Assert.Equal(pages.Length, report.Total));
    }

    private sealed class Collect(System.Collections.Concurrent.ConcurrentBag<PagesRead> into) : IProgress<PagesRead>
    {
        public void Report(PagesRead value) => into.Add(value);
    }

    private sealed class Lines : ILogger
    {
        public List<string> Messages { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Messages.Add(formatter(state, exception));
    }
}
