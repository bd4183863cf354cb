using System.Globalization;
using CxFeed.Audience;
using CxFeed.Cli;
using CxFeed.Serving;
using CxFeed.Tests.Browser.Cleaning;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CxFeed.Tests.Browser.Audience;

/// <summary>
/// <c>/stats</c> served by a real cxfeed on 127.0.0.1, over a database with 90 days of counts,
/// looked at in headless Chromium at a phone's and a desktop's width: nothing wider than the
/// screen, a chart of 90 bars per feed that fits, text at a readable size. With
/// <c>CXFEED_UPDATE_SCREENSHOTS=1</c> the screenshots are written to docs/.
/// </summary>
public sealed class StatsPageTests : IAsyncLifetime
{
    private const string OwnerKey = "owner-browser-test-0123456789";

    private readonly string _root = Path.Combine(Path.GetTempPath(), $"cxfeed-stats-browser-{Guid.NewGuid():N}");
    private WebApplication? _app;
    private string _origin = "";

    public async Task InitializeAsync()
    {
        if (!File.Exists(ReaderBrowser.ChromiumPath))
            return;
        var database = Path.Combine(_root, "audience.db");
        Fill(database);
        var repository = Repository();
        var settings = CommandLine.BuildConfiguration(new Dictionary<string, string?>
        {
            ["CxFeed:Content:Path"] = Path.Combine(repository, "seeds", "posts"),
            ["CxFeed:Feeds:Path"] = Path.Combine(repository, "feeds"),
            ["CxFeed:Audience:DatabasePath"] = database,
            ["CxFeed:Access:OwnerKeys:0"] = OwnerKey,
        });
        _app = FeedServer.Create(["--urls", "http://127.0.0.1:0"], settings);
        await _app.StartAsync();
        _origin = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        if (Directory.Exists(_root))
            Directory.Delete(_root, recursive: true);
    }

    [ChromiumTheory]
    [InlineData("phone", 375, 812)]
    [InlineData("desktop", 1280, 900)]
    public async Task The_stats_page_fits_the_screen_with_a_chart_per_feed(string name, int width, int height)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ReaderBrowser.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"],
        });
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Authorization"] = $"Bearer {OwnerKey}" },
        });
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync(_origin + "/stats");

        Assert.Equal(200, response!.Status);
        Assert.Equal(0, await page.Locator("script").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page is wider than the screen");
        var charts = page.Locator("svg");
        Assert.Equal(2, await charts.CountAsync());
        foreach (var chart in await charts.AllAsync())
        {
            var box = (await chart.BoundingBoxAsync())!;
            // The page is at most 60rem (960 px) wide, less its padding.
            Assert.InRange(box.Width, Math.Min(width, 960) - 64, Math.Min(width, 960));
            Assert.True(box.Height > 60, $"chart {box.Height} px high");
            Assert.Equal(90, await chart.Locator("rect").CountAsync());
        }
        Assert.Equal("16px", await page.EvaluateAsync<string>("() => getComputedStyle(document.body).fontSize"));
        var tables = await page.Locator(".table").AllAsync();
        Assert.Equal(2, tables.Count);
        foreach (var table in tables)
        {
            Assert.True((await table.BoundingBoxAsync())!.Width <= width);
            // Nothing of a table is cut off or left to a sideways scroll: every cell ends inside the screen.
            Assert.True(await table.EvaluateAsync<bool>("t => t.scrollWidth <= t.clientWidth && [...t.querySelectorAll('td')].every(c => c.getBoundingClientRect().right <= window.innerWidth && c.scrollWidth <= c.clientWidth)"),
                "a table's cells run past the screen");
        }
        // On a phone each cell is a line with its column's label: none is a label alone.
        Assert.True(await page.EvaluateAsync<bool>("() => [...document.querySelectorAll('td')].every(c => c.textContent.trim().length > 0)"), "a table cell is empty");
        Assert.Contains("Subscribers a day of posts", await charts.First.GetAttributeAsync("aria-label"));
        var screenshot = Environment.GetEnvironmentVariable("CXFEED_UPDATE_SCREENSHOTS") == "1"
            ? Path.Combine(Repository(), "docs", $"audience-stats-{name}.png")
            : Path.Combine(_root, $"audience-stats-{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = name == "phone" });
        Assert.True(new FileInfo(screenshot).Length > 10_000);
    }

    /// <summary>90 days of two feeds: Feedly, Inoreader and Feedbin (which names its feed id) growing, a few readers, bots, a capped claim one day, partner pulls.</summary>
    private static void Fill(string database)
    {
        using var db = AudienceDatabase.Open(database);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        for (var offset = 89; offset >= 0; offset--)
        {
            var day = today.AddDays(-offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var n = 90 - offset;
            var seen = new DateTimeOffset(today.AddDays(-offset).ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
            var batch = new AudienceBatch();
            batch.Requests[new RequestKey(day, "posts", "rss", "Feedly", FetcherKind.Aggregator, 304)] = 90 + n;
            batch.Requests[new RequestKey(day, "posts", "rss", "NetNewsWire", FetcherKind.Reader, 200)] = 4 + n % 5;
            batch.Requests[new RequestKey(day, "posts", "atom", "Google", FetcherKind.Bot, 200)] = 3;
            batch.Requests[new RequestKey(day, "customerthink", "rss", "Other", FetcherKind.Reader, 304)] = 24;
            batch.Aggregators[new AggregatorKey(day, "posts", "Feedly", "")] = new AggregatorCount(100 + n * 2, false, seen);
            batch.Aggregators[new AggregatorKey(day, "posts", "Inoreader", "")] = new AggregatorCount(20 + n / 3, false, seen);
            batch.Aggregators[new AggregatorKey(day, "posts", "Feedbin", "1412")] = new AggregatorCount(5 + n / 10, false, seen);
            for (var reader = 0; reader < 3 + n % 7; reader++)
                batch.Visitors.Add(new VisitorKey(day, "posts", (UInt128)(reader + 1)));
            batch.Visitors.Add(new VisitorKey(day, "customerthink", 1));
            if (offset == 0)
            {
                batch.AddPull(new PartnerPull(seen, "customerthink", "customerthink", "/feeds/customerthink.rss", 200,
                    [new FeedItem("https://www.heartofthecustomer.com/?p=1", "Why B2B Journey Maps Fail"), new FeedItem("https://www.heartofthecustomer.com/?p=2", "The “Why” Behind CX Pros’ Metrics")]));
                batch.AddPull(new PartnerPull(seen.AddHours(1), "customerthink", "customerthink", "/feeds/customerthink.rss", 304, []));
            }
            db.Write(batch);
        }
    }

    private static string Repository()
    {
        for (var folder = AppContext.BaseDirectory; folder is not null; folder = Path.GetDirectoryName(folder))
        {
            if (File.Exists(Path.Combine(folder, "CxFeed.sln")))
                return folder;
        }
        throw new InvalidOperationException("CxFeed.sln not found above " + AppContext.BaseDirectory);
    }
}
