using System.Diagnostics.Metrics;
using System.Net;
using CxFeed.Serving;
using Microsoft.Extensions.DependencyInjection;

namespace CxFeed.Tests.Serving;

/// <summary>What the settings of <c>CxFeed:Serve</c> change, and the counters the server keeps.</summary>
public sealed class ServerSettingsTests
{
    [Fact]
    public async Task Cache_control_follows_the_settings()
    {
        await using var server = CxFeedServer.Start(new Dictionary<string, string?>
        {
            ["CxFeed:Serve:MaxAge"] = "60",
            ["CxFeed:Serve:StaleWhileRevalidate"] = "30",
            ["CxFeed:Serve:StaleIfError"] = "3600",
        });

        using var response = await server.GetAsync("/feeds/posts.rss");

        Assert.Equal("public, max-age=60, stale-while-revalidate=30, stale-if-error=3600", response.Header("Cache-Control"));
    }

    [Fact]
    public async Task The_rate_limit_is_off_by_default()
    {
        await using var server = CxFeedServer.Start();

        for (var i = 0; i < 50; i++)
        {
            using var response = await server.GetAsync("/feeds/posts.rss");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task A_client_over_its_rate_limit_gets_429_with_retry_after()
    {
        await using var server = CxFeedServer.Start(new Dictionary<string, string?>
        {
            ["CxFeed:Serve:RateLimitPermits"] = "3",
            ["CxFeed:Serve:RateLimitWindow"] = "00:01:00",
        });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await server.GetAsync("/feeds/posts.rss");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
                Assert.Equal("60", response.Header("Retry-After"));
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Requests_304s_and_rebuilds_are_counted()
    {
        await using var server = CxFeedServer.Start();
        var meters = server.Services.GetRequiredService<IMeterFactory>();
        var totals = new Dictionary<string, double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ServingMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, meters))
                l.EnableMeasurementEvents(instrument);
        };
        void Add(Instrument instrument, double value)
        {
            lock (totals)
                totals[instrument.Name] = totals.GetValueOrDefault(instrument.Name) + value;
        }
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => Add(instrument, value));
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => Add(instrument, 1));
        listener.Start();

        using var first = await server.GetAsync("/feeds/posts.rss");
        using var again = await server.GetAsync("/feeds/posts.rss", ("If-None-Match", first.Header("ETag")));
        server.Edit("cx-needs-change-management.html", html => html.Replace("CX Needs Change Management", "Counted"));
        await CxFeedServer.EventuallyAsync(() => Task.FromResult(
            totals.GetValueOrDefault("cxfeed.rebuild.duration") >= 1 ? "" : null), "a rebuild counted");

        Assert.Equal(2, totals["cxfeed.requests"]);
        Assert.Equal(1, totals["cxfeed.not_modified"]);
        Assert.True(totals["cxfeed.rebuilds"] >= 1);
    }

    [Theory]
    [InlineData("--CxFeed:Serve:MaxAge", "-1", "cxfeed: setting CxFeed:Serve:MaxAge: must be 0 or more seconds")]
    [InlineData("--CxFeed:Serve:Debounce", "00:05:00", "cxfeed: setting CxFeed:Serve:Debounce: '00:05:00' must be from 00:00:00 to 00:01:00")]
    [InlineData("--CxFeed:Publish:BaseUrl", "feeds.example.com", "cxfeed: setting CxFeed:Publish:BaseUrl: 'feeds.example.com' is not an absolute http(s) URL")]
    [InlineData("--CxFeed:Pages:PostsPerPage", "0", "cxfeed: setting CxFeed:Pages:PostsPerPage: must be a whole number from 1 to 1000")]
    public async Task Serve_refuses_a_bad_setting_naming_it(string option, string value, string error)
    {
        var run = await Cxfeed.RunAsync("serve", option, value, "--urls", "http://127.0.0.1:0");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(error + "\n", run.Error);
    }
}
