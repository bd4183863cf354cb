using System.Globalization;
using System.Text;
using CxFeed.Audience;
using Microsoft.Data.Sqlite;

namespace CxFeed.Cli;

/// <summary>
/// <c>cxfeed stats [--feed NAME] [--days N]</c>: a table of each feed's days from the audience
/// database that <c>serve</c> writes (<c>CxFeed:Audience:DatabasePath</c>), then the partners'
/// latest pulls. Exit 2 when the database is missing or unreadable, or an option is wrong.
/// </summary>
public static class StatsCommand
{
    public static async Task<int> RunAsync(CommandContext context)
    {
        var options = context.Settings<AudienceOptions>();
        var days = 30;
        if (context.Option("days") is { } text && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out days) || days is < 1 or > AudienceReport.MaximumDays))
        {
            await context.Error.WriteLineAsync($"cxfeed stats: --days must be a whole number from 1 to {AudienceReport.MaximumDays}");
            return ExitCode.Usage;
        }
        var path = Path.GetFullPath(options.DatabasePath);
        if (!File.Exists(path))
        {
            await context.Error.WriteLineAsync($"cxfeed stats: no audience database at {path} (setting {AudienceOptions.Section}:DatabasePath); `cxfeed serve` makes it");
            return ExitCode.Usage;
        }
        AudienceReport report;
        try
        {
            using var database = AudienceDatabase.Open(path);
            report = AudienceReport.Read(database, DateOnly.FromDateTime(DateTime.UtcNow), days, context.Option("feed"), pulls: 20);
        }
        catch (Exception failure) when (failure is SqliteException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            await context.Error.WriteLineAsync($"cxfeed stats: {path}: {failure.Message.ReplaceLineEndings(" ")}");
            return ExitCode.Usage;
        }
        await context.Out.WriteAsync(Table(report));
        return ExitCode.Ok;
    }

    /// <summary>Days with requests only, per feed, then the pulls; numbers right-aligned.</summary>
    public static string Table(AudienceReport report)
    {
        var rows = new List<string[]> { new[] { "day", "feed", "subscribers", "aggregators", "readers", "requests", "304s", "bots" } };
        foreach (var feed in report.Feeds)
        {
            foreach (var day in feed.Days.Where(day => day.Requests > 0))
            {
                rows.Add([day.Day, feed.Feed, N(day.Subscribers) + (day.Absurd ? "!" : ""), N(day.AggregatorSubscribers), N(day.Readers), N(day.Requests), N(day.NotModified), N(day.Bots)]);
            }
        }
        var text = new StringBuilder();
        if (rows.Count == 1)
            text.Append(CultureInfo.InvariantCulture, $"No feed request counted from {report.From} to {report.To}.\n");
        else
        {
            var widths = Enumerable.Range(0, rows[0].Length).Select(column => rows.Max(row => row[column].Length)).ToArray();
            foreach (var row in rows)
            {
                var cells = row.Select((cell, column) => column < 2 ? cell.PadRight(widths[column]) : cell.PadLeft(widths[column]));
                text.Append(string.Join("  ", cells).TrimEnd()).Append('\n');
            }
            if (report.Feeds.Any(feed => feed.Days.Any(day => day.Absurd)))
                text.Append("! an aggregator claimed more than 10,000,000 subscribers: capped\n");
        }
        if (report.Dropped > 0)
            text.Append(CultureInfo.InvariantCulture, $"{N(report.Dropped)} requests could not be counted\n");
        if (report.Pulls.Count > 0)
        {
            text.Append("\npartner pulls (newest first)\n");
            foreach (var pull in report.Pulls)
            {
                var items = pull.NewItems.Count == 0 ? "nothing new" : string.Join(", ", pull.NewItems.Select(item => $"'{item.Title}'"));
                text.Append(CultureInfo.InvariantCulture, $"{pull.At.UtcDateTime:yyyy-MM-dd HH:mm:ss}  {pull.Partner} pulled {pull.Address} ({pull.Status}): {items}\n");
            }
        }
        return text.ToString();
    }

    private static string N(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);
}
