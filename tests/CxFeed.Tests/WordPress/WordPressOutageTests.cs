using System.Net;

namespace CxFeed.Tests.WordPress;

/// <summary>
/// WordPress away — its server stopped (connection refused), or its database stopped (WordPress
/// answers every request with its 500 "Error establishing a database connection") — and cxfeed
/// keeps serving the last good feeds, byte for byte, says "degraded" on /healthz, and loses nothing:
/// when WordPress is back, the posts it had are there and what was published meanwhile comes in.
/// </summary>
public sealed class WordPressOutageTests(WordPressSite wordpress) : IClassFixture<WordPressSite>
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(2);

    private static async Task<string> HealthAsync(LiveCxFeed cxfeed, Func<string, bool> condition, string what) =>
        (await LiveCxFeed.EventuallyAsync(async () => await cxfeed.GetTextAsync("healthz") is (200, var text) && condition(text) ? text : null,
            what, TimeSpan.FromSeconds(30))).Value;

    private static async Task<(string ETag, string Body)> RssAsync(LiveCxFeed cxfeed)
    {
        using var response = await cxfeed.Client.GetAsync("feeds/posts.rss");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (response.Headers.ETag!.Tag, await response.Content.ReadAsStringAsync());
    }

    [WordPressFact]
    public async Task WordPress_stopped_keeps_the_feeds_serving_degraded_and_nothing_is_lost_when_it_is_back()
    {
        await using var cxfeed = await LiveCxFeed.StartAsync(wordpress.Address);
        await WordPressSourceTests.AllItemsAsync(cxfeed, 20);
        await HealthAsync(cxfeed, text => text == "ok\n", "/healthz ok");
        var before = await RssAsync(cxfeed);

        await wordpress.StopWebAsync();
        try
        {
            var health = await HealthAsync(cxfeed, text => text.StartsWith("degraded\n", StringComparison.Ordinal), "/healthz degraded");
            Assert.Contains(wordpress.Address.Authority, health);
            Assert.Equal(before, await RssAsync(cxfeed));
            Assert.Equal(20, (await cxfeed.JsonItemsAsync()).Count);
            // Published while cxfeed cannot see it.
            await wordpress.PostAsync("publish", "9300", "Published while the server was down");
        }
        finally
        {
            await wordpress.StartWebAsync();
        }

        await LiveCxFeed.EventuallyAsync(async () => await cxfeed.JsonItemsAsync() is { Count: 21 } items ? items : null,
            "the post published during the outage, beside the 20", TimeSpan.FromSeconds(30));
        await HealthAsync(cxfeed, text => text == "ok\n", "/healthz ok again");
        Assert.Contains("<title>Published while the server was down</title>", (await RssAsync(cxfeed)).Body);
    }

    [WordPressFact]
    public async Task WordPress_answering_its_database_error_page_keeps_every_post_and_a_restart_serves_from_the_store()
    {
        var root = Path.Combine(Path.GetTempPath(), "cxfeed-live-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            string etag;
            await using (var cxfeed = await LiveCxFeed.StartAsync(wordpress.Address, root: root))
            {
                var count = (await LiveCxFeed.EventuallyAsync(async () => await cxfeed.JsonItemsAsync() is { Count: >= 20 } items ? items : null,
                    "the posts in /feeds/posts.json", TimeSpan.FromSeconds(60))).Value.Count;
                await HealthAsync(cxfeed, text => text == "ok\n", "/healthz ok");
                var before = await RssAsync(cxfeed);
                etag = before.ETag;

                await wordpress.StopDatabaseAsync();
                var health = await HealthAsync(cxfeed, text => text.StartsWith("degraded\n", StringComparison.Ordinal), "/healthz degraded");
                Assert.Contains(wordpress.Address.Authority, health);
                // Several polls and a full listing against the error page: nothing leaves the feeds.
                await Task.Delay(Poll * 3);
                Assert.Equal(before, await RssAsync(cxfeed));
                Assert.Equal(count, (await cxfeed.JsonItemsAsync()).Count);
            }

            // A restart while WordPress is still down serves at once from the store.
            await using (var restarted = await LiveCxFeed.StartAsync(wordpress.Address, root: root))
            {
                var (status, _) = await restarted.GetTextAsync("feeds/posts.rss");
                Assert.Equal(200, status);
                Assert.Equal(etag, (await RssAsync(restarted)).ETag);
                await wordpress.StartDatabaseAsync();
                await HealthAsync(restarted, text => text == "ok\n", "/healthz ok once WordPress answers again");
                Assert.Equal(etag, (await RssAsync(restarted)).ETag);
            }
        }
        finally
        {
            await wordpress.StartDatabaseAsync();
            Directory.Delete(root, recursive: true);
        }
    }
}
