using System.Diagnostics;
using CxFeed.Core.Publishing;
using CxFeed.Serving;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CxFeed.Tests.Serving;

/// <summary>
/// <c>cxfeed serve</c> in-process (ASP.NET Core's TestServer, through the real entry point and
/// command line) on temporary copies of the seed pages and feed definitions, which tests may edit.
/// </summary>
public sealed class CxFeedServer : IAsyncDisposable
{
    public const string PublicBase = "https://feeds.example.com/";

    private readonly string _root;
    private readonly WebApplicationFactory<FeedServer> _factory;

    private CxFeedServer(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services, Action<string, string>? prepare)
    {
        _root = Path.Combine(Path.GetTempPath(), "cxfeed-serving-" + Guid.NewGuid().ToString("N")[..12]);
        Content = Path.Combine(_root, "posts");
        Feeds = Path.Combine(_root, "feeds");
        Copy(Path.Combine(Repository.Root, "seeds", "posts"), Content);
        Copy(Path.Combine(Repository.Root, "feeds"), Feeds);
        prepare?.Invoke(Content, Feeds);
        var all = new Dictionary<string, string?>
        {
            ["CxFeed:Content:Path"] = Content,
            ["CxFeed:Feeds:Path"] = Feeds,
            ["CxFeed:Publish:BaseUrl"] = PublicBase,
            ["CxFeed:Serve:Debounce"] = "00:00:00.050",
            ["CxFeed:Serve:RescanInterval"] = "00:00:01",
            ["CxFeed:Audience:DatabasePath"] = Path.Combine(_root, "audience.db"),
            ["CxFeed:Publish:StoredPath"] = Path.Combine(_root, "publication"),
        };
        foreach (var (key, value) in settings)
            all[key] = value;
        _factory = new WebApplicationFactory<FeedServer>().WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in all)
                builder.UseSetting(key, value);
            if (services is not null)
                builder.ConfigureTestServices(services);
        });
        Client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://localhost/") });
    }

    /// <summary>The copy of <c>seeds/posts</c> this server reads.</summary>
    public string Content { get; }

    /// <summary>The copy of <c>feeds/</c> this server reads.</summary>
    public string Feeds { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _factory.Services;

    public Publication Publication => Services.GetRequiredService<LivePublication>().Current.Publication!;

    /// <summary>
    /// A started server. <paramref name="settings"/> override the defaults (seed copies, public base
    /// <see cref="PublicBase"/>, 50 ms debounce, 1 s rescan); <paramref name="prepare"/> may change
    /// the content and feeds folders before the first build.
    /// </summary>
    public static CxFeedServer Start(
        IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null, Action<string, string>? prepare = null)
    {
        var server = new CxFeedServer(settings ?? new Dictionary<string, string?>(), services, prepare);
        _ = server.Services;
        return server;
    }

    public Task<HttpResponseMessage> GetAsync(string path, params (string Name, string Value)[] headers) =>
        SendAsync(HttpMethod.Get, path, headers);

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, path);
        foreach (var (name, value) in headers)
        {
            if (!request.Headers.TryAddWithoutValidation(name, value))
                throw new ArgumentException(name);
        }
        return await Client.SendAsync(request);
    }

    /// <summary>Writes a file of the content copy (relative name), keeping it a different size or time than before.</summary>
    public void Edit(string name, Func<string, string> change)
    {
        var path = Path.Combine(Content, name);
        File.WriteAllText(path, change(File.ReadAllText(path)));
    }

    /// <summary>Polls until <paramref name="condition"/> gives a value, for at most <paramref name="seconds"/>: never a fixed sleep.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T?>> condition, string what, int seconds = 20) where T : class
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (await condition() is { } value)
                return value;
            if (clock.Elapsed > TimeSpan.FromSeconds(seconds))
                throw new TimeoutException($"not within {seconds} s: {what}");
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
    }
}
