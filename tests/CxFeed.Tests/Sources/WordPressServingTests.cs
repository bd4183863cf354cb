using System.Diagnostics;
using System.Net;
using System.Text;
using CxFeed.Tests.Content;
using CxFeed.Tests.Serving;

namespace CxFeed.Tests.Sources;

/// <summary><c>serve</c> with the WordPress source: first pull before listening, <c>/ping</c>, and the blog failing.</summary>
public sealed class WordPressServingTests : IAsyncLifetime
{
    private const string XmlRpcPing = """
        <?xml version="1.0"?>
        <methodCall><methodName>weblogUpdates.extendedPing</methodName><params>
        <param><value><string>Heart of the Customer</string></value></param>
        <param><value><string>https://www.heartofthecustomer.com</string></value></param>
        </params></methodCall>
        """;

    private readonly FakeBlog _blog = new();
    private readonly TemporaryFolder _store = new();

    private CxFeedServer Start() => CxFeedServer.Start(new Dictionary<string, string?>
    {
        ["CxFeed:Content:Source"] = "wordpress",
        ["CxFeed:Content:StorePath"] = _store.Path,
        ["CxFeed:Content:WordPress:BaseUrl"] = _blog.BaseUrl.AbsoluteUri,
        ["CxFeed:Content:WordPress:PollInterval"] = "00:10:00",
        ["CxFeed:Content:WordPress:FullListingInterval"] = "00:30:00",
        ["CxFeed:Content:WordPress:Timeout"] = "00:00:02",
    });

    public Task InitializeAsync()
    {
        _blog.Posts.Add(FakeBlog.Post(4215, "2021: The Year of CX Data", new DateTime(2021, 1, 12, 15, 30, 0, DateTimeKind.Utc)));
        _blog.Posts.Add(FakeBlog.Post(4301, "Five Questions", new DateTime(2021, 2, 2, 14, 0, 0, DateTimeKind.Utc)));
        return Task.CompletedTask;
    }

    private static async Task<HttpResponseMessage> PingAsync(CxFeedServer server, string body, string type) =>
        await server.Client.PostAsync("/ping", new StringContent(body, Encoding.UTF8, type));

    [Fact]
    public async Task The_first_start_serves_the_blog_and_a_ping_brings_a_new_post_into_the_feed_within_3_seconds()
    {
        await using var server = Start();
        var feed = await (await server.GetAsync("/feeds/posts.rss")).Content.ReadAsStringAsync();
        Assert.Contains("<guid isPermaLink=\"false\">https://www.heartofthecustomer.com/?p=4215</guid>", feed, StringComparison.Ordinal);

        _blog.Posts.Add(FakeBlog.Post(4377, "Backorder Issues", DateTime.UtcNow.AddSeconds(-1)));
        var clock = Stopwatch.StartNew();
        using var ping = await PingAsync(server, XmlRpcPing, "text/xml");

        Assert.Equal(HttpStatusCode.OK, ping.StatusCode);
        Assert.Equal("text/xml; charset=utf-8", ping.Content.Headers.ContentType?.ToString());
        Assert.Contains("<member><name>flerror</name><value><boolean>0</boolean></value></member>", await ping.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await CxFeedServer.EventuallyAsync(async () =>
        {
            var rss = await (await server.GetAsync("/feeds/posts.rss")).Content.ReadAsStringAsync();
            return rss.Contains("<title>Backorder Issues</title>", StringComparison.Ordinal) ? rss : null;
        }, "the new post in /feeds/posts.rss", seconds: 10);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_flood_of_pings_is_one_poll_in_flight_and_one_queued_and_one_client_is_limited()
    {
        await using var server = Start();
        _blog.ResetCounts();

        var pings = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => PingAsync(server, "", "text/plain")));

        Assert.Equal(10, pings.Count(ping => ping.StatusCode == HttpStatusCode.Accepted));
        var limited = pings.Where(ping => ping.StatusCode != HttpStatusCode.Accepted).ToList();
        Assert.Equal(30, limited.Count);
        Assert.All(limited, ping =>
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, ping.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(60), ping.Headers.RetryAfter?.Delta);
        });
        await Task.Delay(TimeSpan.FromSeconds(3));
        int polls;
        lock (_blog.Paths)
            polls = _blog.Paths.Count(path => path.Contains("modified_after=", StringComparison.Ordinal));
        Assert.InRange(polls, 1, 2);
    }

    [Fact]
    public async Task A_failing_blog_keeps_the_feeds_and_healthz_says_degraded_and_why()
    {
        await using var server = Start();
        var before = await (await server.GetAsync("/feeds/posts.rss")).Content.ReadAsByteArrayAsync();
        _blog.Fault = request => request.Path.StartsWith("/wp-json/wp/v2/", StringComparison.Ordinal) ? FakeAnswer.Json("{}", 503) : null;

        (await PingAsync(server, "", "text/plain")).Dispose();
        var health = await CxFeedServer.EventuallyAsync(async () =>
        {
            var text = await (await server.GetAsync("/healthz")).Content.ReadAsStringAsync();
            return text.StartsWith("degraded", StringComparison.Ordinal) ? text : null;
        }, "healthz degraded");

        Assert.Contains($"wordpress: pull failed (1 in a row, the store keeps serving; next attempt in ", health, StringComparison.Ordinal);
        Assert.Contains($"{_blog.BaseUrl}wp-json/wp/v2/posts?modified_after=", health, StringComparison.Ordinal);
        Assert.Contains("answered 503 ServiceUnavailable: the server failed", health, StringComparison.Ordinal);
        Assert.Equal(before, await (await server.GetAsync("/feeds/posts.rss")).Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Ping_takes_only_POST_and_only_with_a_live_source()
    {
        await using (var server = Start())
        {
            using var get = await server.GetAsync("/ping");
            Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
            Assert.Equal("POST", get.Content.Headers.Allow.Single());
            using var other = await PingAsync(server, "<?xml version=\"1.0\"?><methodCall><methodName>system.listMethods</methodName></methodCall>", "text/xml");
            Assert.Contains("<name>faultCode</name>", await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        await using var folder = CxFeedServer.Start();
        using var ping = await PingAsync(folder, XmlRpcPing, "text/xml");
        Assert.Equal(HttpStatusCode.NotFound, ping.StatusCode);
    }

    public async Task DisposeAsync()
    {
        await _blog.DisposeAsync();
        _store.Dispose();
    }
}
