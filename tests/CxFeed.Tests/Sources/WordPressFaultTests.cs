using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;
using CxFeed.Core.Content.WordPress;
using CxFeed.Core.Store;
using CxFeed.Tests.Content;

namespace CxFeed.Tests.Sources;

/// <summary>
/// The blog failing in every way a server can: each gives a failure that names the address and
/// says what happened, within bounded time and memory, and the store keeps every post it had.
/// </summary>
public sealed class WordPressFaultTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);
    private static readonly Lazy<byte[]> GzipBomb = new(() =>
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize))
        {
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 100; i++)
                gzip.Write(zeros);
        }
        return compressed.ToArray();
    });

    private readonly FakeBlog _blog = new();
    private readonly TemporaryFolder _folder = new();

    private WordPressPull Pull(Uri? baseUrl = null, TimeSpan? timeout = null) => new(
        new WordPressApi(new WordPressOptions { BaseUrl = (baseUrl ?? _blog.BaseUrl).AbsoluteUri, Timeout = timeout ?? Timeout }, null),
        new PostStore(_folder.Path), new WordPressOptions { BaseUrl = (baseUrl ?? _blog.BaseUrl).AbsoluteUri }, editContext: false, TimeProvider.System);

    public async Task InitializeAsync()
    {
        _blog.Posts.Add(FakeBlog.Post(1, "One", new DateTime(2021, 1, 12, 15, 30, 0, DateTimeKind.Utc)));
        _blog.Posts.Add(FakeBlog.Post(2, "Two", new DateTime(2021, 2, 12, 15, 30, 0, DateTimeKind.Utc)));
        await Pull().FullAsync(null, default);
    }

    public static TheoryData<string, string> Faults => new()
    {
        { "500", "answered 500 InternalServerError: the server failed" },
        { "401", "refused access (401 Unauthorized): a security plugin or the server blocks the REST API" },
        { "403", "refused access (403 Forbidden)" },
        { "login", "redirects to a login page (http://127.0.0.1" },
        { "other host", "redirects to another host (https://www.heartofthecustomer.com/wp-json/wp/v2/posts)" },
        { "loop", "redirects in a loop" },
        { "html", "answered HTML (text/html) where JSON was expected" },
        { "html as json", "answered HTML where JSON was expected" },
        { "truncated", "answered invalid or truncated JSON" },
        { "object", "answered a JSON object where a list of posts was expected" },
        { "wrong listing", "lists a post without a numeric id and a modified_gmt date" },
        { "50 MB", "answers more than the 33,554,432 bytes cxfeed reads (decompressed)" },
        { "50 MB announced", "answers 52,428,800 bytes, more than the 33,554,432 cxfeed reads" },
        { "gzip bomb", "answers more than the 33,554,432 bytes cxfeed reads (decompressed)" },
        { "trickle", "no complete answer within 00:00:01" },
        { "silent", "no complete answer within 00:00:01" },
        { "million", "announces 1,000,000 posts in 10,000 pages (X-WP-Total, X-WP-TotalPages), more than the 200,000 cxfeed pulls: not believed" },
    };

    private FakeAnswer? Inject(string fault, FakeRequest request)
    {
        if (request.Path != "/wp-json/wp/v2/posts")
            return null;
        return fault switch
        {
            "500" => FakeAnswer.Json("{\"code\":\"internal_server_error\"}", 500),
            "401" => FakeAnswer.Json("{\"code\":\"rest_not_logged_in\"}", 401),
            "403" => new FakeAnswer(403, "text/html", "<html><body>Access denied by Wordfence</body></html>"u8.ToArray(), []),
            "login" => new FakeAnswer(302, null, [], [("Location", $"{_blog.BaseUrl}wp-login.php?redirect_to=%2Fwp-json%2F")]),
            "other host" => new FakeAnswer(301, null, [], [("Location", "https://www.heartofthecustomer.com/wp-json/wp/v2/posts")]),
            "loop" => new FakeAnswer(302, null, [], [("Location", request.Target)]),
            "html" => new FakeAnswer(200, "text/html; charset=UTF-8", "<!DOCTYPE html><html><body>Error establishing a database connection</body></html>"u8.ToArray(), []),
            "html as json" => FakeAnswer.Json("<!DOCTYPE html><html><body>Fatal error</body></html>"),
            "truncated" => FakeAnswer.Json("[{\"id\":1,\"modified_gmt\":\"2021-01-"),
            "object" => FakeAnswer.Json("{\"code\":\"rest_invalid_param\"}"),
            "wrong listing" => FakeAnswer.Json("[{\"id\":\"one\",\"modified_gmt\":[]}]", 200, ("X-WP-Total", "1"), ("X-WP-TotalPages", "1")),
            "50 MB" => new FakeAnswer(200, "application/json", [], [], (stream, token) => WriteManyAsync(stream, 50, token)),
            "50 MB announced" => new FakeAnswer(200, "application/json", [], [("Content-Length", (50 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture))],
                (stream, token) => WriteManyAsync(stream, 50, token)),
            "gzip bomb" => new FakeAnswer(200, "application/json", GzipBomb.Value, [("Content-Encoding", "gzip")]),
            "trickle" => new FakeAnswer(200, "application/json", [], [], async (stream, token) =>
            {
                for (var i = 0; i < 100; i++)
                {
                    await stream.WriteAsync("["u8.ToArray(), token);
                    await Task.Delay(100, token);
                }
            }),
            "silent" => Silent(),
            "million" => null,
            _ => throw new ArgumentException(fault),
        };
    }

    private static FakeAnswer Silent()
    {
        Thread.Sleep(TimeSpan.FromSeconds(3));
        return FakeAnswer.Json("[]");
    }

    private static async Task WriteManyAsync(Stream stream, int megabytes, CancellationToken token)
    {
        var block = Encoding.ASCII.GetBytes(new string(' ', 1024 * 1024));
        for (var i = 0; i < megabytes; i++)
            await stream.WriteAsync(block, token);
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task A_failing_blog_gives_a_clear_message_in_bounded_time_and_the_store_keeps_its_posts(string fault, string reason)
    {
        var before = Snapshot();
        _blog.Fault = request => Inject(fault, request);
        if (fault == "million")
            _blog.AnnouncedTotal = 1_000_000;
        var clock = Stopwatch.StartNew();

        // The big answers get time enough to hit the size limit first (on a loaded machine too).
        var timeout = fault is "50 MB" or "gzip bomb" ? TimeSpan.FromSeconds(30) : Timeout;
        var failure = await Assert.ThrowsAsync<WordPressFailure>(() => Pull(timeout: timeout).FullAsync(null, default));

        Assert.StartsWith($"{_blog.BaseUrl}wp-json/wp/v2/posts?", failure.Message, StringComparison.Ordinal);
        Assert.True(failure.Message.Contains(reason, StringComparison.Ordinal), failure.Message);
        Assert.True(clock.Elapsed < timeout + TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task Too_many_requests_carries_the_servers_Retry_After()
    {
        _blog.Fault = request => request.Path == "/wp-json/wp/v2/posts" ? FakeAnswer.Json("{}", 429, ("Retry-After", "7")) : null;

        var failure = await Assert.ThrowsAsync<WordPressFailure>(() => Pull().FullAsync(null, default));

        Assert.Contains("answered 429 TooManyRequests: too many requests", failure.Message, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(7), failure.RetryAfter);
    }

    [Fact]
    public async Task Ids_repeating_across_pages_are_one_post_and_the_listing_counts_as_incomplete()
    {
        for (var id = 3; id <= 150; id++)
            _blog.Posts.Add(FakeBlog.Post(id, $"Post {id}", new DateTime(2021, 3, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(id)));
        // Page 2 repeats page 1's last 50 posts (a post edited while paging, as some plugins order lists).
        _blog.Fault = request => request.Query("page") == "2" && request.Query("_fields") is not null
            ? FakeAnswer.Json("[" + string.Join(',', Enumerable.Range(51, 75).Select(id => $"{{\"id\":{id},\"modified_gmt\":\"2021-03-01T00:00:00\"}}")) + "]", 200,
                ("X-WP-Total", "150"), ("X-WP-TotalPages", "2"))
            : null;

        var report = await Pull().FullAsync(null, default);

        Assert.False(report.Complete);
        Assert.Equal(0, report.Removed);
        Assert.Contains(report.Problems, problem => problem.Reason.StartsWith("announced 150 posts but listed 125 distinct ids", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refused_connection_names_the_address()
    {
        using var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();

        var failure = await Assert.ThrowsAsync<WordPressFailure>(() => Pull(new Uri($"http://127.0.0.1:{port}/")).FullAsync(null, default));

        Assert.StartsWith($"http://127.0.0.1:{port}/: no WordPress REST API found", failure.Message, StringComparison.Ordinal);
        Assert.Contains($"http://127.0.0.1:{port}/wp-json/: connection refused (is the blog up?)", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_that_does_not_resolve_names_the_address()
    {
        var failure = await Assert.ThrowsAsync<WordPressFailure>(() => Pull(new Uri("http://cxfeed-test.invalid/")).FullAsync(null, default));

        Assert.StartsWith("http://cxfeed-test.invalid/: no WordPress REST API found", failure.Message, StringComparison.Ordinal);
        Assert.Matches("the host name cannot be resolved \\(DNS\\)|no complete answer within", failure.Message);
    }

    [Fact]
    public async Task A_site_that_is_not_WordPress_or_has_the_REST_API_off_says_so()
    {
        _blog.Fault = request => request.Path != "/wp-json/wp/v2/posts"
            ? new FakeAnswer(404, "text/html", "<html><body>Not found</body></html>"u8.ToArray(), [])
            : null;
        var notWordPress = await Assert.ThrowsAsync<WordPressFailure>(() => Pull().FullAsync(null, default));
        Assert.StartsWith($"{_blog.BaseUrl}: no WordPress REST API found (is it WordPress, with the REST API on?)", notWordPress.Message, StringComparison.Ordinal);

        _blog.Fault = request => request.Path == "/wp-json/" ? FakeAnswer.Json("{\"namespaces\":[\"oembed/1.0\"],\"home\":\"https://example.com\"}") : null;
        var off = await Assert.ThrowsAsync<WordPressFailure>(() => Pull().FullAsync(null, default));
        Assert.Equal($"{_blog.BaseUrl}wp-json/: the REST index has no wp/v2 routes: the REST API is turned off or limited by a plugin", off.Message);
    }

    [Fact]
    public async Task Without_a_Link_header_discovery_falls_back_to_wp_json_then_rest_route()
    {
        _blog.Fault = request => request.Path switch
        {
            "/" when request.Query("rest_route") is "/" => FakeAnswer.Json("{\"namespaces\":[\"wp/v2\"],\"home\":\"https://www.heartofthecustomer.com\"}"),
            "/" when request.Query("rest_route") is "/wp/v2/posts" => FakeAnswer.Json("[]", 200, ("X-WP-Total", "0"), ("X-WP-TotalPages", "0")),
            "/" => new FakeAnswer(200, "text/html", "<html><head><title>Blog</title></head></html>"u8.ToArray(), []),
            _ => new FakeAnswer(404, "text/html", "<html>404</html>"u8.ToArray(), []),
        };

        var report = await Pull().FullAsync(null, default);

        Assert.Equal(0, report.Removed);
        Assert.Contains(_blog.Paths, path => path.StartsWith("/?rest_route=/wp/v2/posts&per_page=100", StringComparison.Ordinal));
    }

    private string Snapshot() => string.Join('\n', Directory.GetFiles(Path.Combine(_folder.Path, "posts")).Order(StringComparer.Ordinal)
        .Select(file => Path.GetFileName(file) + ":" + File.ReadAllText(file).GetHashCode(StringComparison.Ordinal)));

    public async Task DisposeAsync()
    {
        await _blog.DisposeAsync();
        _folder.Dispose();
    }
}
