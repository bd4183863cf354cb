using System.Net;
using System.Text;
using CxFeed.Tests.Content;
using CxFeed.Tests.Serving;
using Microsoft.AspNetCore.Http;

namespace CxFeed.Tests.Crawl;

/// <summary>
/// cxfeed serve and the command line on the crawl source, against a local site serving the seed
/// pages: the first crawl fills the store before the feeds are served, a ping crawls again at once
/// (a flood of them coalesced), a failing crawl keeps the feeds and says why in /healthz, and a bad
/// setting stops cxfeed naming it.
/// </summary>
public sealed class CrawlServingTests : IAsyncLifetime
{
    private const string Blog = CrawlPullTests.Blog;

    private static readonly string Seeds = Path.Combine(Repository.Root, "seeds", "posts");

    private readonly TemporaryFolder _store = new();
    private FakeSite _site = null!;

    public async Task InitializeAsync()
    {
        _site = await FakeSite.StartAsync();
        foreach (var file in Directory.GetFiles(Seeds, "*.html").Order(StringComparer.Ordinal).Take(3))
            _site.Bytes($"/{Path.GetFileNameWithoutExtension(file)}/", File.ReadAllBytes(file), "text/html");
        _site.Page("/", "<html><head><title>Heart of the Customer</title><link rel=\"stylesheet\" href=\"/wp-content/themes/hotc/style.css\"></head><body class=\"home blog\"><main><p>Latest posts</p></main></body></html>");
        Sitemap(3);
    }

    private void Sitemap(int posts) =>
        _site.Page("/wp-sitemap.xml",
            "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>" + Blog + "</loc></url>"
            + string.Concat(Directory.GetFiles(Seeds, "*.html").Order(StringComparer.Ordinal).Take(posts).Select(file => $"<url><loc>{Blog}{Path.GetFileNameWithoutExtension(file)}/</loc></url>"))
            + "</urlset>", "application/xml");

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        _store.Dispose();
    }

    private string[] Settings(params string[] more) =>
    [
        "--CxFeed:Content:Source", "crawl", "--CxFeed:Content:StorePath", _store.Path,
        "--CxFeed:Content:Crawl:Start", Blog, "--CxFeed:Content:Crawl:ConnectTo", _site.Address.AbsoluteUri, .. more,
    ];

    [Fact]
    public async Task Pull_crawls_into_the_store_and_check_lists_the_skipped_pages_apart_from_the_problems()
    {
        var pulled = await Cxfeed.RunAsync(["pull", .. Settings()]);

        Assert.Equal(0, pulled.ExitCode);
        Assert.Equal("", pulled.Error);
        Assert.Contains($"skipped {Blog}: is not a single post: WordPress marks it the blog's list of posts (body class 'blog')\n", pulled.Output, StringComparison.Ordinal);
        Assert.Contains("4 fetched, 3 changed, 0 removed (", pulled.Output, StringComparison.Ordinal);

        var check = await Cxfeed.RunAsync(["check", .. Settings()]);

        Assert.Equal(0, check.ExitCode);
        Assert.Equal($"skipped {Blog}: is not a single post: WordPress marks it the blog's list of posts (body class 'blog')\n3 posts read, 0 problems\n", check.Output);
    }

    [Theory]
    [InlineData("--CxFeed:Content:Crawl:Start", "", "cxfeed: setting CxFeed:Content:Crawl:Start: '' is not an absolute http(s) URL (the blog's address, as https://blog.example/)")]
    [InlineData("--CxFeed:Content:Crawl:MaxConcurrency", "0", "cxfeed: setting CxFeed:Content:Crawl:MaxConcurrency: '0' must be from 1 to 16")]
    [InlineData("--CxFeed:Content:Crawl:Include:0", "2024/", "cxfeed: setting CxFeed:Content:Crawl:Include:0: '2024/' must be a path pattern starting with / or * (as in robots.txt: /2024/*, /tag/, *.pdf$)")]
    public async Task A_bad_crawl_setting_stops_cxfeed_with_exit_2_naming_it(string setting, string value, string message)
    {
        var run = await Cxfeed.RunAsync(["pull", .. Settings(setting, value)]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Empty(_site.Requests);
    }

    [Fact]
    public async Task A_ping_crawls_at_once_and_a_flood_of_pings_is_one_crawl_in_flight_and_one_queued()
    {
        await using var server = CxFeedServer.Start(new Dictionary<string, string?>
        {
            ["CxFeed:Content:Source"] = "crawl",
            ["CxFeed:Content:StorePath"] = _store.Path,
            ["CxFeed:Content:Crawl:Start"] = Blog,
            ["CxFeed:Content:Crawl:ConnectTo"] = _site.Address.AbsoluteUri,
            ["CxFeed:Content:Crawl:Interval"] = "01:00:00",
        });
        var before = await (await server.GetAsync("/feeds/posts.json")).Content.ReadAsStringAsync();
        Assert.Equal(3, System.Text.Json.JsonDocument.Parse(before).RootElement.GetProperty("items").GetArrayLength());
        // A fourth post is published: its page and the sitemap that lists it.
        var fourth = Directory.GetFiles(Seeds, "*.html").Order(StringComparer.Ordinal).ElementAt(3);
        _site.Bytes($"/{Path.GetFileNameWithoutExtension(fourth)}/", File.ReadAllBytes(fourth), "text/html");
        Sitemap(4);
        var robotsBefore = _site.Paths().Count(path => path == "/robots.txt");

        var pings = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => server.Client.PostAsync("/ping", new StringContent("", Encoding.UTF8, "text/plain"))));

        Assert.All(pings, ping => Assert.Equal(HttpStatusCode.Accepted, ping.StatusCode));
        Assert.Equal("poll requested\n", await pings[0].Content.ReadAsStringAsync());
        await CxFeedServer.EventuallyAsync(async () =>
        {
            var json = await (await server.GetAsync("/feeds/posts.json")).Content.ReadAsStringAsync();
            return System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("items").GetArrayLength() == 4 ? json : null;
        }, "the fourth post in /feeds/posts.json after the ping");
        Assert.Contains($"/{Path.GetFileNameWithoutExtension(fourth)}/", _site.Paths());
        // Each crawl reads robots.txt afresh: ten pings made one crawl, and at most one more queued behind it.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.InRange(_site.Paths().Count(path => path == "/robots.txt") - robotsBefore, 1, 2);
    }

    [Fact]
    public async Task Serve_crawls_before_it_listens_and_a_failing_crawl_keeps_the_feeds_and_says_why_in_healthz()
    {
        await using var server = CxFeedServer.Start(new Dictionary<string, string?>
        {
            ["CxFeed:Content:Source"] = "crawl",
            ["CxFeed:Content:StorePath"] = _store.Path,
            ["CxFeed:Content:Crawl:Start"] = Blog,
            ["CxFeed:Content:Crawl:ConnectTo"] = _site.Address.AbsoluteUri,
            ["CxFeed:Content:Crawl:Interval"] = "00:00:01",
        });
        var before = await (await server.GetAsync("/feeds/posts.json")).Content.ReadAsStringAsync();
        Assert.Equal(3, System.Text.Json.JsonDocument.Parse(before).RootElement.GetProperty("items").GetArrayLength());

        _site.Status("/robots.txt", 503);
        var health = await CxFeedServer.EventuallyAsync(async () =>
        {
            var text = await (await server.GetAsync("/healthz")).Content.ReadAsStringAsync();
            return text.StartsWith("degraded", StringComparison.Ordinal) ? text : null;
        }, "healthz degraded");

        Assert.Contains("crawl: crawl failed (1 in a row, the store keeps serving; next attempt in ", health, StringComparison.Ordinal);
        Assert.Contains($"{Blog}robots.txt: could not be read (a server error or no answer): RFC 9309 asks a crawler to crawl nothing then", health, StringComparison.Ordinal);
        Assert.Equal(before, await (await server.GetAsync("/feeds/posts.json")).Content.ReadAsStringAsync());
    }
}
