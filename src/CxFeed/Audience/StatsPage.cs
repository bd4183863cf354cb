using System.Globalization;
using System.Net;
using System.Text;

namespace CxFeed.Audience;

/// <summary>
/// <c>/stats</c> as one HTML page: no script, a small inline stylesheet that fits a phone, and per
/// feed a bar chart of subscribers a day as inline SVG (with a text summary for screen readers),
/// its aggregators, then the partners' pulls with the items each took.
/// </summary>
public static class StatsPage
{
    private const int ChartWidth = 720;
    private const int ChartHeight = 160;

    public static string Write(AudienceReport report, string siteTitle)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append("<meta name=\"robots\" content=\"noindex\">\n");
        html.Append($"<title>Audience – {E(siteTitle)}</title>\n");
        html.Append("""
            <style>
            body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem;color:#1d1d1f;background:#fff}
            h1{font-size:1.5rem;margin:.5rem 0}h2{font-size:1.2rem;margin:2rem 0 .25rem;overflow-wrap:anywhere}
            p{margin:.25rem 0}.big{font-size:2rem;font-weight:600}
            svg{display:block;width:100%;height:auto;background:#f5f7fa;border-radius:4px}
            .bar{fill:#2f6fb3}.absurd{fill:#c0392b}.axis{display:flex;justify-content:space-between;font-size:.8rem;color:#555}
            table{border-collapse:collapse;width:100%;font-size:.9rem}
            th,td{text-align:left;padding:.25rem .5rem;border-bottom:1px solid #ddd;vertical-align:top;overflow-wrap:anywhere}td.n,th.n{text-align:right}
            .note{color:#555;font-size:.9rem}
            @media (max-width:40rem){thead{display:none}table,tbody,tr,td{display:block}tr{border-bottom:1px solid #ddd;padding:.25rem 0}
            td,td.n{border:0;padding:.1rem 0;text-align:left}td::before{content:attr(data-label) ": ";color:#555}}
            </style>

            """);
        html.Append("</head>\n<body>\n");
        html.Append($"<h1>Audience of {E(siteTitle)}</h1>\n");
        html.Append($"<p class=\"note\">{E(report.From)} to {E(report.To)} (UTC days). Subscribers a day: the latest count each aggregator reports, plus distinct readers (address and user agent, never stored as such). Bots and link previews are counted apart.</p>\n");
        if (report.Dropped > 0)
            html.Append($"<p class=\"note\">{Count(report.Dropped, "request", "requests")} could not be counted (the queue was full or the database unavailable).</p>\n");
        if (report.Feeds.Count == 0)
            html.Append("<p>No feed request counted yet.</p>\n");
        foreach (var feed in report.Feeds)
            Feed(html, feed);
        Pulls(html, report.Pulls);
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void Feed(StringBuilder html, FeedAudience feed)
    {
        var last = feed.Days[^1];
        var max = Math.Max(1, feed.Days.Max(day => day.Subscribers));
        html.Append($"<section>\n<h2>{E(feed.Feed)}</h2>\n");
        html.Append($"<p><span class=\"big\">{N(feed.Subscribers)}</span> {(feed.Subscribers == 1 ? "subscriber" : "subscribers")} on {E(last.Day)}: {N(last.AggregatorSubscribers)} through {Count(last.Aggregators, "aggregator", "aggregators")}, {Count(last.Readers, "reader", "readers")}{(last.Absurd ? " (a count claimed above 10,000,000 was capped)" : "")}</p>\n");
        var share = feed.Requests == 0 ? 0 : feed.NotModified * 100 / feed.Requests;
        html.Append($"<p class=\"note\">{Count(feed.Requests, "request", "requests")} in {Count(feed.Days.Count, "day", "days")}, {share}% answered 304; {N(feed.Bots)} by bots and link previewers.</p>\n");
        var width = (double)ChartWidth / feed.Days.Count;
        html.Append(CultureInfo.InvariantCulture, $"<svg viewBox=\"0 0 {ChartWidth} {ChartHeight}\" role=\"img\" aria-label=\"Subscribers a day of {E(feed.Feed)}, {feed.Days.Count} days to {E(last.Day)}: highest {N(max)}, last {N(feed.Subscribers)}\">\n");
        for (var i = 0; i < feed.Days.Count; i++)
        {
            var day = feed.Days[i];
            if (day.Subscribers == 0)
                continue;
            var height = Math.Max(1.0, (double)day.Subscribers * (ChartHeight - 4) / max);
            html.Append(CultureInfo.InvariantCulture, $"<rect class=\"{(day.Absurd ? "absurd" : "bar")}\" x=\"{i * width:0.##}\" y=\"{ChartHeight - height:0.##}\" width=\"{Math.Max(1, width - 1):0.##}\" height=\"{height:0.##}\"><title>{E(day.Day)}: {N(day.Subscribers)}</title></rect>\n");
        }
        html.Append("</svg>\n");
        html.Append($"<div class=\"axis\"><span>{E(feed.Days[0].Day)}</span><span>highest {N(max)}</span><span>{E(last.Day)}</span></div>\n");
        if (feed.Aggregators.Count > 0)
        {
            // Most aggregators name no feed id: the column is there only when one does, and says
            // "none" for the others (on a phone each cell is a labelled line, never an empty one).
            var ids = feed.Aggregators.Any(row => row.FeedId.Length > 0);
            html.Append($"<div class=\"table\"><table>\n<thead><tr><th>Aggregator</th>{(ids ? "<th>Feed id</th>" : "")}<th class=\"n\">Subscribers</th><th>Last reported</th></tr></thead>\n<tbody>\n");
            foreach (var row in feed.Aggregators)
            {
                var id = ids ? $"<td data-label=\"Feed id\">{(row.FeedId.Length > 0 ? E(row.FeedId) : "none")}</td>" : "";
                html.Append($"<tr><td data-label=\"Aggregator\">{E(row.Family)}</td>{id}<td class=\"n\" data-label=\"Subscribers\">{N(row.Subscribers)}{(row.Absurd ? " (capped)" : "")}</td><td data-label=\"Last reported\">{E(row.Day)}</td></tr>\n");
            }
            html.Append("</tbody>\n</table></div>\n");
        }
        html.Append("</section>\n");
    }

    private static void Pulls(StringBuilder html, IReadOnlyList<PullRow> pulls)
    {
        html.Append("<section>\n<h2>Partners' pulls</h2>\n");
        if (pulls.Count == 0)
        {
            html.Append("<p>No partner has pulled a feed yet.</p>\n</section>\n");
            return;
        }
        html.Append("<div class=\"table\"><table>\n<thead><tr><th>When (UTC)</th><th>Partner</th><th>Address</th><th>Answer</th><th>New to it</th></tr></thead>\n<tbody>\n");
        foreach (var pull in pulls)
        {
            var items = pull.NewItems.Count == 0 ? "none" : string.Join("<br>", pull.NewItems.Select(item => $"“{E(item.Title)}”"));
            html.Append($"<tr><td data-label=\"When (UTC)\">{E(pull.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture))}</td><td data-label=\"Partner\">{E(pull.Partner)}</td><td data-label=\"Address\">{E(pull.Address)}</td><td data-label=\"Answer\">{pull.Status}</td><td data-label=\"New to it\">{items}</td></tr>\n");
        }
        html.Append("</tbody>\n</table></div>\n</section>\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    /// <summary>A number and its noun, singular for exactly one: "1 reader", "2 readers", "0 readers".</summary>
    private static string Count(long value, string one, string many) => $"{N(value)} {(value == 1 ? one : many)}";

    private static string N(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);
}
