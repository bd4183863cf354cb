using System.Globalization;
using System.Net;
using System.Text.Json;
using CxFeed.Audience;
using CxFeed.Tests.Access;
using CxFeed.Tests.Serving;
using Microsoft.Extensions.DependencyInjection;

namespace CxFeed.Tests.Audience;

/// <summary><c>/stats</c>, <c>/stats.json</c> (owner only) and <c>cxfeed stats</c>, over the database the server writes.</summary>
public sealed class StatsTests
{
    private static string Today => DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static readonly (string, string) Bearer = ("Authorization", $"Bearer {PartnerServer.OwnerKey}");

    /// <summary>A server with a few counted requests: Feedly (40), a reader, a bot, a partner's pull.</summary>
    private static async Task<(CxFeedServer Server, string Database)> CountedAsync()
    {
        var database = Path.Combine(Path.GetTempPath(), $"cxfeed-stats-{Guid.NewGuid():N}", "audience.db");
        var server = PartnerServer.Start(("CxFeed:Audience:DatabasePath", database), ("CxFeed:Audience:FlushInterval", "00:10:00"));
        (await server.GetAsync("/feeds/posts.rss", ("User-Agent", "Feedly/1.0 (+http://www.feedly.com/fetcher.html; 40 subscribers; )"))).Dispose();
        (await server.GetAsync("/feeds/posts.rss", ("User-Agent", "NetNewsWire (RSS Reader; https://netnewswire.com/)"))).Dispose();
        (await server.GetAsync("/feeds/posts.rss", ("User-Agent", "Twitterbot/1.0"))).Dispose();
        (await server.GetAsync("/feeds/private.rss", PartnerServer.Basic("customerthink", PartnerServer.Key))).Dispose();
        server.Services.GetRequiredService<AudienceRecorder>().Flush();
        return (server, database);
    }

    [Theory]
    [InlineData("/stats")]
    [InlineData("/stats.json")]
    public async Task Without_an_owner_key_configured_the_stats_do_not_exist(string path)
    {
        await using var server = CxFeedServer.Start();

        using var response = await server.GetAsync(path, Bearer);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/stats", "")]
    [InlineData("/stats.json", "")]
    [InlineData("/stats", "Bearer owner-5d7c9e1a3b2f4e6e")]
    [InlineData("/stats", "Bearer ct-3f9a1c7e5b2d4a60")]
    [InlineData("/stats.json", "Basic Y3VzdG9tZXJ0aGluazpjdC0zZjlhMWM3ZTViMmQ0YTYw")]
    public async Task Without_the_owner_key_the_stats_are_401(string path, string authorization)
    {
        await using var server = PartnerServer.Start();

        using var response = authorization.Length == 0 ? await server.GetAsync(path) : await server.GetAsync(path, ("Authorization", authorization));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer realm=\"cxfeed owner\", Basic realm=\"cxfeed owner\", charset=\"UTF-8\"", response.Header("WWW-Authenticate"));
        Assert.Equal("no-store", response.Raw("Cache-Control"));
        Assert.DoesNotContain("subscribers", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_stats_page_shows_each_feed_with_an_svg_chart_and_the_partners_pulls_without_script()
    {
        var (server, _) = await CountedAsync();
        await using var _server = server;

        using var bearer = await server.GetAsync("/stats", Bearer);
        using var basic = await server.GetAsync("/stats", PartnerServer.Basic("jim", PartnerServer.OwnerKey));
        var html = await bearer.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, bearer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, basic.StatusCode);
        Assert.Equal("text/html; charset=utf-8", bearer.Header("Content-Type"));
        Assert.Equal("no-store, private", bearer.Raw("Cache-Control"));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">", html);
        Assert.Contains("<h2>posts</h2>", html);
        Assert.Contains($"<p><span class=\"big\">41</span> subscribers on {Today}: 40 through 1 aggregator, 1 reader</p>", html);
        Assert.Contains($"<svg viewBox=\"0 0 720 160\" role=\"img\" aria-label=\"Subscribers a day of posts, 90 days to {Today}: highest 41, last 41\">", html);
        Assert.Contains($"<rect class=\"bar\" x=\"712\" y=\"4\" width=\"7\" height=\"156\"><title>{Today}: 41</title></rect>", html);
        // Feedly names no feed id: no column for it (on a phone, no "Feed id:" line left empty).
        Assert.Contains("<thead><tr><th>Aggregator</th><th class=\"n\">Subscribers</th><th>Last reported</th></tr></thead>", html);
        Assert.Contains("<tr><td data-label=\"Aggregator\">Feedly</td><td class=\"n\" data-label=\"Subscribers\">40</td>", html);
        Assert.Contains("<td data-label=\"Partner\">customerthink</td><td data-label=\"Address\">/feeds/private.rss</td><td data-label=\"Answer\">200</td><td data-label=\"New to it\">“", html);
    }

    [Fact]
    public void The_feed_id_column_is_there_when_an_aggregator_names_one_and_says_none_for_the_others()
    {
        var day = new AudienceDay("posts", "2026-12-05") { AggregatorSubscribers = 52, Aggregators = 2, Requests = 2 };
        var report = new AudienceReport("2026-12-05", "2026-12-05", [new FeedAudience("posts", [day],
            [new AggregatorRow("posts", "Feedbin", "1412", 12, false, "2026-12-05"), new AggregatorRow("posts", "Feedly", "", 40, false, "2026-12-05")])], [], Dropped: 0);

        var html = StatsPage.Write(report, "Heart of the Customer");

        Assert.Contains("<thead><tr><th>Aggregator</th><th>Feed id</th><th class=\"n\">Subscribers</th><th>Last reported</th></tr></thead>", html);
        Assert.Contains("<tr><td data-label=\"Aggregator\">Feedbin</td><td data-label=\"Feed id\">1412</td><td class=\"n\" data-label=\"Subscribers\">12</td>", html);
        Assert.Contains("<tr><td data-label=\"Aggregator\">Feedly</td><td data-label=\"Feed id\">none</td><td class=\"n\" data-label=\"Subscribers\">40</td>", html);
    }

    [Theory]
    [InlineData(1, 0, 0, 1, "1</span> subscriber on 2026-12-05: 0 through 0 aggregators, 1 reader", "1 request in 1 day, 0% answered 304")]
    [InlineData(2, 7, 1, 2, "9</span> subscribers on 2026-12-05: 7 through 1 aggregator, 2 readers", "2 requests in 1 day, 0% answered 304")]
    [InlineData(0, 0, 0, 0, "0</span> subscribers on 2026-12-05: 0 through 0 aggregators, 0 readers", "0 requests in 1 day, 0% answered 304")]
    public void The_stats_page_says_one_reader_and_two_readers(long readers, long aggregatorSubscribers, int aggregators, long requests, string line, string note)
    {
        var day = new AudienceDay("posts", "2026-12-05")
        {
            Readers = readers, AggregatorSubscribers = aggregatorSubscribers, Aggregators = aggregators, Requests = requests,
        };
        var report = new AudienceReport("2026-12-05", "2026-12-05", [new FeedAudience("posts", [day], [])], [], Dropped: 1);

        var html = StatsPage.Write(report, "Heart of the Customer");

        Assert.Contains($"<span class=\"big\">{line}</p>", html);
        Assert.Contains($"<p class=\"note\">{note};", html);
        Assert.Contains("<p class=\"note\">1 request could not be counted", html);
    }

    [Fact]
    public async Task The_stats_json_has_ninety_days_per_feed()
    {
        var (server, _) = await CountedAsync();
        await using var _server = server;

        using var response = await server.GetAsync("/stats.json", Bearer);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("application/json; charset=utf-8", response.Header("Content-Type"));
        var feeds = json.RootElement.GetProperty("feeds").EnumerateArray().ToList();
        Assert.Equal(["posts", "private"], feeds.Select(feed => feed.GetProperty("feed").GetString()));
        var days = feeds[0].GetProperty("days").EnumerateArray().ToList();
        Assert.Equal(90, days.Count);
        Assert.Equal(Today, days[^1].GetProperty("day").GetString());
        Assert.Equal(41, days[^1].GetProperty("subscribers").GetInt64());
        Assert.Equal(3, days[^1].GetProperty("requests").GetInt64());
        Assert.Equal(1, days[^1].GetProperty("bots").GetInt64());
        Assert.Equal(0, days[0].GetProperty("requests").GetInt64());
        Assert.Equal("customerthink", json.RootElement.GetProperty("pulls")[0].GetProperty("partner").GetString());
    }

    [Fact]
    public async Task Cxfeed_stats_prints_a_table_from_the_same_database()
    {
        var (server, database) = await CountedAsync();
        await using var _server = server;

        var run = await Cxfeed.RunAsync("stats", "--feed", "posts", "--days", "7", "--CxFeed:Audience:DatabasePath", database);

        Assert.Equal("", run.Error);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            "day         feed   subscribers  aggregators  readers  requests  304s  bots\n" +
            $"{Today}  posts           41           40        1         3     0     1\n",
            run.Output);
    }

    [Fact]
    public async Task Cxfeed_stats_without_a_database_names_the_setting()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"cxfeed-none-{Guid.NewGuid():N}.db");

        var run = await Cxfeed.RunAsync("stats", "--CxFeed:Audience:DatabasePath", missing);
        var days = await Cxfeed.RunAsync("stats", "--days", "0");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"cxfeed stats: no audience database at {missing} (setting CxFeed:Audience:DatabasePath); `cxfeed serve` makes it\n", run.Error);
        Assert.Equal(2, days.ExitCode);
        Assert.Equal("cxfeed stats: --days must be a whole number from 1 to 3660\n", days.Error);
    }
}
