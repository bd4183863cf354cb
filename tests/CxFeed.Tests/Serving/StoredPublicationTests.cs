using System.Diagnostics;
using System.Net;
using CxFeed.Cli;
using CxFeed.Serving;
using Microsoft.AspNetCore.Builder;

namespace CxFeed.Tests.Serving;

/// <summary>
/// <c>cxfeed serve</c> on a real socket (Kestrel on 127.0.0.1, a free port) started twice on the
/// same folders: the second start answers from the publication the first one kept on disk, before
/// it has read a post.
/// </summary>
public sealed class StoredPublicationTests : IDisposable
{
    private const string PublicBase = "https://feeds.example.com/";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "cxfeed-stored-" + Guid.NewGuid().ToString("N")[..12]);

    public StoredPublicationTests()
    {
        Copy(Path.Combine(Repository.Root, "seeds", "posts"), Content);
        Copy(Path.Combine(Repository.Root, "feeds"), Path.Combine(_root, "feeds"));
    }

    private string Content => Path.Combine(_root, "posts");

    private string Stored => Path.Combine(_root, "publication");

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task<(WebApplication App, HttpClient Client)> StartAsync(string publicBase = PublicBase)
    {
        var settings = new Dictionary<string, string?>
        {
            ["CxFeed:Content:Path"] = Content,
            ["CxFeed:Feeds:Path"] = Path.Combine(_root, "feeds"),
            ["CxFeed:Publish:BaseUrl"] = publicBase,
            ["CxFeed:Publish:StoredPath"] = Stored,
            ["CxFeed:Serve:Debounce"] = "00:00:00.050",
            ["CxFeed:Audience:DatabasePath"] = Path.Combine(_root, "audience.db"),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        var app = FeedServer.Create(["--urls", "http://127.0.0.1:0"], CommandLine.BuildConfiguration(settings));
        await app.StartAsync();
        var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single().TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(30) };
        return (app, client);
    }

    private static async Task StopAsync(WebApplication app, HttpClient client)
    {
        client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private static async Task<(string ETag, byte[] Body)> GetAsync(HttpClient client, string path, string? encoding = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (encoding is not null)
            request.Headers.TryAddWithoutValidation("Accept-Encoding", encoding);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (response.Headers.ETag!.ToString(), await response.Content.ReadAsByteArrayAsync());
    }

    private static async Task<string> HealthAsync(HttpClient client) => await client.GetStringAsync("healthz");

    /// <summary>Polls for at most 30 s; never a fixed sleep.</summary>
    private static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(30))
                throw new TimeoutException($"not within 30 s: {what}");
            await Task.Delay(25);
        }
    }

    /// <summary>Starts, answers, keeps its publication on disk, stops: the first life of the server.</summary>
    private async Task<(string ETag, byte[] Body, string BrotliETag, byte[] Brotli)> FirstLifeAsync(string publicBase = PublicBase)
    {
        var (app, client) = await StartAsync(publicBase);
        try
        {
            var (etag, body) = await GetAsync(client, "feeds/posts.rss");
            var (brotliETag, brotli) = await GetAsync(client, "feeds/posts.rss", "br");
            await EventuallyAsync(() => Task.FromResult(File.Exists(Path.Combine(Stored, "manifest"))), "the publication saved");
            return (etag, body, brotliETag, brotli);
        }
        finally
        {
            await StopAsync(app, client);
        }
    }

    [Fact]
    public async Task A_restarted_server_answers_with_the_stored_bytes_and_etags_while_it_checks_the_content()
    {
        var before = await FirstLifeAsync();
        // A pipe named like a page: the reader lists it and never opens it (it would block every
        // rebuild), so the check ends with it as a problem and the published ETags unchanged.
        var pipe = Path.Combine(Content, "zz-pipe.html");
        using (var mkfifo = Process.Start("mkfifo", pipe))
            await mkfifo.WaitForExitAsync();
        Assert.True(File.Exists(pipe), "mkfifo made no pipe");

        var (app, client) = await StartAsync();
        try
        {
            var rss = await GetAsync(client, "feeds/posts.rss");
            var brotli = await GetAsync(client, "feeds/posts.rss", "br");
            var health = await HealthAsync(client);

            Assert.Equal(before.ETag, rss.ETag);
            Assert.Equal(before.Body, rss.Body);
            Assert.Equal(before.BrotliETag, brotli.ETag);
            Assert.Equal(before.Brotli, brotli.Body);
            // Still checking, or already done with the pipe found: never an answer of another publication.
            Assert.True(health == "ok\npublication: stored, checking\n" || health.Contains("zz-pipe.html: "), health);

            await EventuallyAsync(async () => !(await HealthAsync(client)).Contains("stored, checking"), "the stored publication checked");
            Assert.Equal(before.ETag, (await GetAsync(client, "feeds/posts.rss")).ETag);
            Assert.Contains("zz-pipe.html: ", await HealthAsync(client));
        }
        finally
        {
            await StopAsync(app, client);
        }
    }

    [Fact]
    public async Task A_stored_publication_made_with_other_settings_is_never_served()
    {
        await FirstLifeAsync("https://old.example.com/");

        var (app, client) = await StartAsync("https://new.example.com/");
        try
        {
            var (_, body) = await GetAsync(client, "feeds/posts.rss");
            var text = System.Text.Encoding.UTF8.GetString(body);

            Assert.Contains("https://new.example.com/feeds/posts.rss", text);
            Assert.DoesNotContain("old.example.com", text);
            Assert.DoesNotContain("stored, checking", await HealthAsync(client));
        }
        finally
        {
            await StopAsync(app, client);
        }
    }

    [Fact]
    public async Task A_torn_stored_publication_is_never_served()
    {
        var before = await FirstLifeAsync();
        var manifest = Path.Combine(Stored, "manifest");
        File.WriteAllBytes(manifest, File.ReadAllBytes(manifest)[..^10]);

        var (app, client) = await StartAsync();
        try
        {
            // Built first, as with nothing stored: the same content gives the same bytes.
            Assert.DoesNotContain("stored, checking", await HealthAsync(client));
            Assert.Equal(before.ETag, (await GetAsync(client, "feeds/posts.rss")).ETag);
        }
        finally
        {
            await StopAsync(app, client);
        }
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
    }
}
