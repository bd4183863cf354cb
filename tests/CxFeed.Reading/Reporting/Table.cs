using System.Globalization;
using System.Text;
using CxFeed.Reading.Scoring;

namespace CxFeed.Reading.Reporting;

/// <summary>The benchmark's table in markdown: one row per reader, one column per score.</summary>
public static class Table
{
    public static string Write(IReadOnlyList<ReaderResult> results, Func<PageScore, bool> pages, double? baselinePagesPerSecond)
    {
        var table = new StringBuilder();
        table.AppendLine("| reader | published | title | date | author | body right | excerpt clean | pages/s | speed vs baseline |");
        table.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var result in results)
        {
            var scored = result.Pages.Where(pages).ToList();
            table.Append(CultureInfo.InvariantCulture,
                $"| {result.Reader} | {ReaderResult.Share(scored, page => page.Published)} | {ReaderResult.Share(scored, page => page.Title)} " +
                $"| {ReaderResult.Share(scored, page => page.Date)} | {ReaderResult.Share(scored, page => page.Authors)} " +
                $"| {ReaderResult.Share(scored, page => page.Body)} | {ReaderResult.Share(scored, page => page.Excerpt)} " +
                $"| {Speed(result.PagesPerSecond)} | {Ratio(result.PagesPerSecond, baselinePagesPerSecond)} |");
            table.AppendLine();
        }
        return table.ToString();
    }

    private static string Speed(double? pagesPerSecond) =>
        pagesPerSecond is { } speed ? speed.ToString(speed >= 100 ? "0" : "0.0", CultureInfo.InvariantCulture) : "–";

    private static string Ratio(double? pagesPerSecond, double? baseline) =>
        pagesPerSecond is { } speed && baseline is { } reference
            ? (speed / reference).ToString("0.00×", CultureInfo.InvariantCulture)
            : "–";
}
