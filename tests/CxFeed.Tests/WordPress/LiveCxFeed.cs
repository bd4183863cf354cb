using System.Diagnostics;
using System.Text.Json;
using CxFeed.Cli;
using CxFeed.Serving;
using Microsoft.AspNetCore.Builder;

namespace CxFeed.Tests.WordPress;

/// <summary>
/// <c>cxfeed serve</c> in-process on a real socket (Kestrel on 127.0.0.1, a free port), reading a
/// live WordPress: the blog must be able to reach its <c>/ping</c>, as it would in production.
/// Its store is a temporary folder, removed on dispose unless it was given.
/// </summary>
public sealed class LiveCxFeed : IAsyncDisposable
{
    public const string PublicBase = "https://feeds.example.com/";

    private readonly WebApplication _app;
    private readonly string _root;
    private readonly bool _ownsRoot;

    private LiveCxFeed(WebApplication app, string root, bool ownsRoot)
    {
        _app = app;
        _root = root;
        _ownsRoot = ownsRoot;
        Address = new Uri(app.Urls.Single().TrimEnd('/') + "/");
        Client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>Where it listens: <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri Address { get; }

    /// <summary>Update Services' address for this cxfeed.</summary>
    public Uri PingAddress => new(Address, "ping");

    public HttpClient Client { get; }

    /// <summary>
    /// A started cxfeed with the WordPress source on <paramref name="wordpress"/>. <paramref name="settings"/>
    /// override the defaults (poll every 2 s, full listing every 2 s, the repository's feed definitions).
    /// <paramref name="root"/> is a folder to keep the store in across instances (a restart).
    /// </summary>
    public static async Task<LiveCxFeed> StartAsync(Uri wordpress, IReadOnlyDictionary<string, string?>? settings = null, string? root = null)
    {
        var ownsRoot = root is null;
        root ??= Path.Combine(Path.GetTempPath(), "cxfeed-live-" + Guid.NewGuid().ToString("N")[..12]);
        var all = new Dictionary<string, string?>
        {
            ["CxFeed:Content:Source"] = "wordpress",
            ["CxFeed:Content:WordPress:BaseUrl"] = wordpress.AbsoluteUri,
            ["CxFeed:Content:WordPress:PollInterval"] = "00:00:02",
            ["CxFeed:Content:WordPress:FullListingInterval"] = "00:00:02",
            ["CxFeed:Content:WordPress:Timeout"] = "00:00:10",
            ["CxFeed:Content:StorePath"] = Path.Combine(root, "store"),
            ["CxFeed:Feeds:Path"] = Path.Combine(Repository.Root, "feeds"),
            ["CxFeed:Publish:BaseUrl"] = PublicBase,
            ["CxFeed:Serve:Debounce"] = "00:00:00.050",
            ["CxFeed:Serve:RescanInterval"] = "00:00:01",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            all[key] = value;
        var app = FeedServer.Create(["--urls", "http://127.0.0.1:0"], CommandLine.BuildConfiguration(all));
        await app.StartAsync();
        return new LiveCxFeed(app, root, ownsRoot);
    }

    public async Task<(int Status, string Text)> GetTextAsync(string path)
    {
        using var response = await Client.GetAsync(path);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// Every item of a JSON feed, page after page (<c>next_url</c>, on this server), all from one
    /// publication: the pages are read twice in a row until both readings have the same ETags, so a
    /// rebuild between two page requests never gives a torn list.
    /// </summary>
    public async Task<List<JsonElement>> JsonItemsAsync(string path = "feeds/posts.json")
    {
        while (true)
        {
            var (etags, items) = await ReadPagesAsync(path);
            if ((await ReadPagesAsync(path)).ETags.SequenceEqual(etags))
                return items;
        }
    }

    private async Task<(List<string> ETags, List<JsonElement> Items)> ReadPagesAsync(string path)
    {
        var etags = new List<string>();
        var items = new List<JsonElement>();
        for (string? next = path; next is not null;)
        {
            using var response = await Client.GetAsync(next);
            if (response.StatusCode != System.Net.HttpStatusCode.OK)
                throw new InvalidOperationException($"{next}: {(int)response.StatusCode}");
            etags.Add(response.Headers.ETag?.Tag ?? "");
            var feed = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
            items.AddRange(feed.GetProperty("items").EnumerateArray());
            next = feed.TryGetProperty("next_url", out var url) ? url.GetString()![PublicBase.Length..] : null;
        }
        return (etags, items);
    }

    /// <summary>Polls until <paramref name="condition"/> gives a value (never a fixed sleep); the elapsed time with it.</summary>
    public static async Task<(T Value, TimeSpan Elapsed)> EventuallyAsync<T>(Func<Task<T?>> condition, string what, TimeSpan within) where T : class
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if (await condition() is { } value)
                    return (value, clock.Elapsed);
            }
            catch (Exception failure) when (failure is HttpRequestException or InvalidOperationException or JsonException && clock.Elapsed < within)
            {
            }
            if (clock.Elapsed > within)
                throw new TimeoutException($"not within {within.TotalSeconds} s: {what}");
            await Task.Delay(25);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (_ownsRoot)
        {
            try
            {
                Directory.Delete(_root, recursive: true);
            }
            catch (DirectoryNotFoundException)
            {
            }
        }
    }
}
