using System.Collections.Concurrent;
using CxFeed.Serving;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace CxFeed.Tests.Serving;

/// <summary>WebSub: hubs hear of every feed whose bytes changed, with retries, against a hub listening on 127.0.0.1.</summary>
public sealed class WebSubTests
{
    private const string Post = "cx-needs-change-management.html";

    /// <summary>A hub that records each publish request and fails the first <paramref name="failures"/> of each topic with 503.</summary>
    private sealed class FakeHub(int failures) : IAsyncDisposable
    {
        private readonly ConcurrentDictionary<string, int> _attempts = new();
        private WebApplication? _app;

        public ConcurrentQueue<string> Requests { get; } = new();

        public Uri Url { get; private set; } = null!;

        public async Task StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            _app = builder.Build();
            _app.Run(async context =>
            {
                var form = await context.Request.ReadFormAsync();
                var request = $"{context.Request.Method} {context.Request.ContentType} hub.mode={form["hub.mode"]} hub.url={form["hub.url"]}";
                Requests.Enqueue(request);
                var attempt = _attempts.AddOrUpdate(form["hub.url"].ToString(), 1, (_, count) => count + 1);
                context.Response.StatusCode = attempt <= failures ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status204NoContent;
            });
            await _app.StartAsync();
            Url = new Uri(_app.Urls.First() + "/hub");
        }

        public async ValueTask DisposeAsync()
        {
            if (_app is not null)
                await _app.DisposeAsync();
        }
    }

    private static Dictionary<string, string?> Hubs(params Uri[] hubs)
    {
        var settings = new Dictionary<string, string?> { ["CxFeed:Serve:WebSubFirstRetry"] = "00:00:00.010" };
        for (var i = 0; i < hubs.Length; i++)
            settings[$"CxFeed:Publish:Hubs:{i}"] = hubs[i].AbsoluteUri;
        return settings;
    }

    [Fact]
    public async Task A_changed_post_pings_the_hub_for_each_feed_whose_first_page_changed()
    {
        await using var hub = new FakeHub(failures: 0);
        await hub.StartAsync();
        await using var server = CxFeedServer.Start(Hubs(hub.Url));
        Assert.Empty(hub.Requests);

        server.Edit(Post, html => html.Replace("CX Needs Change Management", "CX Needs Change Management Now"));

        const string posts = "POST application/x-www-form-urlencoded hub.mode=publish hub.url=https://feeds.example.com/feeds/posts.rss";
        await CxFeedServer.EventuallyAsync(() => Task.FromResult(hub.Requests.Contains(posts) ? "" : null), "the hub pinged for posts.rss");
        await CxFeedServer.EventuallyAsync(() => Task.FromResult(
            hub.Requests.Any(request => request.EndsWith("hub.url=https://feeds.example.com/feeds/customerthink.json")) ? "" : null), "customerthink.json");
        Assert.DoesNotContain(hub.Requests, request => request.Contains("/page/"));
        Assert.DoesNotContain(hub.Requests, request => !request.Contains("/feeds/"));
    }

    [Fact]
    public async Task A_failing_hub_is_asked_again_until_it_accepts()
    {
        await using var hub = new FakeHub(failures: 2);
        await hub.StartAsync();
        await using var server = CxFeedServer.Start(Hubs(hub.Url));

        server.Edit(Post, html => html.Replace("CX Needs Change Management", "CX Needs Change Management Again"));

        const string topic = "hub.url=https://feeds.example.com/feeds/posts.atom";
        await CxFeedServer.EventuallyAsync(() => Task.FromResult(hub.Requests.Count(request => request.EndsWith(topic)) >= 3 ? "" : null), "three attempts");
        await Task.Delay(300);
        Assert.Equal(3, hub.Requests.Count(request => request.EndsWith(topic)));
    }

    [Fact]
    public async Task An_unreachable_hub_never_delays_the_rebuild()
    {
        // Port 9 (discard) on loopback: nothing listens, the connection is refused.
        await using var server = CxFeedServer.Start(Hubs(new Uri("http://127.0.0.1:9/hub")));
        using var before = await server.GetAsync("/feeds/posts.rss");

        server.Edit(Post, html => html.Replace("CX Needs Change Management", "CX Needs Change Management Still"));

        await CxFeedServer.EventuallyAsync(async () =>
        {
            using var response = await server.GetAsync("/feeds/posts.rss");
            return response.Header("ETag") != before.Header("ETag") ? "" : null;
        }, "the new feed");
    }

    [Fact]
    public void Retry_delays_double_with_jitter_from_the_seeded_source()
    {
        var first = TimeSpan.FromSeconds(2);
        var delays = new RetryDelays(first, new Random(42));
        var again = new RetryDelays(first, new Random(42));

        for (var attempt = 1; attempt <= 6; attempt++)
        {
            var delay = delays.After(attempt);
            var nominal = first * Math.Pow(2, attempt - 1);
            Assert.InRange(delay, nominal * 0.5, nominal * 1.5);
            Assert.Equal(delay, again.After(attempt));
        }
        Assert.Equal(RetryDelays.Longest, new RetryDelays(first, new Random(1)).After(30));
    }
}
