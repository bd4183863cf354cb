using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace CxFeed.Tests.Sources;

/// <summary>
/// A small WordPress REST API on 127.0.0.1 over raw TCP, for fault injection (the real WordPress
/// tests are in tests/CxFeed.Tests/WordPress): it answers discovery, the index and
/// <c>/wp/v2/posts</c> with WordPress's paging headers and parameters (<c>include</c>,
/// <c>modified_after</c>, <c>orderby</c>, <c>_fields</c>, <c>_embed</c>), and <see cref="Fault"/>
/// may answer any request otherwise. It counts requests and the bytes on the wire both ways.
/// Its home is https://www.heartofthecustomer.com, as the real test blog's is.
/// </summary>
public sealed class FakeBlog : IAsyncDisposable
{
    public const string Home = "https://www.heartofthecustomer.com";

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private long _bytesIn;
    private long _bytesOut;
    private int _requests;

    public FakeBlog()
    {
        _listener.Start();
        BaseUrl = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync();
    }

    public Uri BaseUrl { get; }

    public List<FakePost> Posts { get; } = [];

    /// <summary>Answers a request instead of the blog when it returns an answer.</summary>
    public Func<FakeRequest, FakeAnswer?>? Fault { get; set; }

    /// <summary>What the paging headers announce instead of the real count, when set.</summary>
    public long? AnnouncedTotal { get; set; }

    public int Requests => Volatile.Read(ref _requests);

    public long BytesIn => Interlocked.Read(ref _bytesIn);

    public long BytesOut => Interlocked.Read(ref _bytesOut);

    public List<string> Paths { get; } = [];

    public void ResetCounts()
    {
        Interlocked.Exchange(ref _requests, 0);
        Interlocked.Exchange(ref _bytesIn, 0);
        Interlocked.Exchange(ref _bytesOut, 0);
        lock (Paths)
            Paths.Clear();
    }

    public static FakePost Post(long id, string title, DateTime publishedUtc, DateTime? modifiedUtc = null) =>
        new(id, title, publishedUtc, modifiedUtc ?? publishedUtc, $"{Home}/post-{id}/",
            $"<p>The body of post {id}, with enough words to read.</p>\n<!--more-->\n<p>And more after the marker.</p>\n");

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            _ = Task.Run(() => HandleAsync(client));
        }
    }

    private async Task HandleAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var head = new List<byte>();
                var one = new byte[1];
                while (!EndsWithBlankLine(head) && head.Count < 65_536)
                {
                    if (await stream.ReadAsync(one, _stop.Token) == 0)
                        return;
                    head.Add(one[0]);
                }
                Interlocked.Add(ref _bytesIn, head.Count);
                Interlocked.Increment(ref _requests);
                var lines = Encoding.ASCII.GetString([.. head]).Split("\r\n");
                var target = lines[0].Split(' ')[1];
                var headers = lines.Skip(1).Where(line => line.Contains(':'))
                    .ToDictionary(line => line[..line.IndexOf(':')].Trim(), line => line[(line.IndexOf(':') + 1)..].Trim(), StringComparer.OrdinalIgnoreCase);
                var request = new FakeRequest(target, headers);
                lock (Paths)
                    Paths.Add(target);
                var answer = Fault?.Invoke(request) ?? Answer(request);
                var text = new StringBuilder($"HTTP/1.1 {answer.Status} {((HttpStatusCode)answer.Status)}\r\nConnection: close\r\n");
                if (answer.ContentType is not null)
                    text.Append($"Content-Type: {answer.ContentType}\r\n");
                if (answer.Writer is null)
                    text.Append($"Content-Length: {answer.Body.Length}\r\n");
                foreach (var (name, value) in answer.Headers)
                    text.Append($"{name}: {value}\r\n");
                text.Append("\r\n");
                var headBytes = Encoding.UTF8.GetBytes(text.ToString());
                await stream.WriteAsync(headBytes, _stop.Token);
                Interlocked.Add(ref _bytesOut, headBytes.Length);
                if (answer.Writer is not null)
                {
                    await answer.Writer(stream, _stop.Token);
                }
                else
                {
                    await stream.WriteAsync(answer.Body, _stop.Token);
                    Interlocked.Add(ref _bytesOut, answer.Body.Length);
                }
            }
            catch (Exception failure) when (failure is IOException or OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // The client went away (as when it gives up on a slow answer).
            }
        }
    }

    private static bool EndsWithBlankLine(List<byte> head) =>
        head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n';

    private FakeAnswer Answer(FakeRequest request)
    {
        var path = request.Path;
        if (path == "/")
            return new FakeAnswer(200, "text/html; charset=UTF-8", "<!DOCTYPE html><html><head><title>Blog</title></head><body></body></html>"u8.ToArray(),
                [("Link", $"<{Home}/wp-json/>; rel=\"https://api.w.org/\"")]);
        if (path == "/wp-json/")
            return FakeAnswer.Json(new JsonObject { ["name"] = "Heart of the Customer", ["home"] = Home, ["namespaces"] = new JsonArray("oembed/1.0", "wp/v2") }.ToJsonString());
        if (path == "/wp-json/wp/v2/posts")
            return PostsAnswer(request);
        return FakeAnswer.Json("{\"code\":\"rest_no_route\"}", 404);
    }

    private FakeAnswer PostsAnswer(FakeRequest request)
    {
        List<FakePost> posts;
        lock (Posts)
            posts = [.. Posts.Where(post => post.Status == "publish")];
        if (request.Query("has_password") == "false")
            posts = [.. posts.Where(post => !post.Protected)];
        if (request.Query("include") is { } include)
        {
            var ids = include.Split(',').Select(long.Parse).ToHashSet();
            posts = [.. posts.Where(post => ids.Contains(post.Id))];
        }
        if (request.Query("modified_after") is { } after)
        {
            var since = DateTime.Parse(after, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
            posts = [.. posts.Where(post => post.ModifiedUtc > since)];
        }
        Func<FakePost, IComparable> key = request.Query("orderby") switch
        {
            "id" => post => post.Id,
            "modified" => post => post.ModifiedUtc,
            _ => post => post.PublishedUtc,
        };
        posts = request.Query("order") == "asc" ? [.. posts.OrderBy(key)] : [.. posts.OrderByDescending(key)];
        var perPage = int.Parse(request.Query("per_page") ?? "10", CultureInfo.InvariantCulture);
        var page = int.Parse(request.Query("page") ?? "1", CultureInfo.InvariantCulture);
        var total = AnnouncedTotal ?? posts.Count;
        var pages = (total + perPage - 1) / perPage;
        var fields = request.Query("_fields")?.Split(',');
        var items = new JsonArray([.. posts.Skip((page - 1) * perPage).Take(perPage).Select(post => post.ToJson(fields, request.Query("_embed") is not null))]);
        return FakeAnswer.Json(items.ToJsonString(), 200,
            ("X-WP-Total", total.ToString(CultureInfo.InvariantCulture)), ("X-WP-TotalPages", pages.ToString(CultureInfo.InvariantCulture)));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}

public sealed record FakeRequest(string Target, IReadOnlyDictionary<string, string> Headers)
{
    public string Path => Target.Split('?')[0];

    public string? Query(string name)
    {
        var query = Target.Contains('?') ? Target[(Target.IndexOf('?') + 1)..] : "";
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            if (Uri.UnescapeDataString(parts[0]) == name)
                return parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "";
        }
        return null;
    }
}

public sealed record FakeAnswer(int Status, string? ContentType, byte[] Body, IReadOnlyList<(string Name, string Value)> Headers, Func<Stream, CancellationToken, Task>? Writer = null)
{
    public static FakeAnswer Json(string json, int status = 200, params (string, string)[] headers) =>
        new(status, "application/json; charset=UTF-8", Encoding.UTF8.GetBytes(json), headers);
}

public sealed record FakePost(long Id, string Title, DateTime PublishedUtc, DateTime ModifiedUtc, string Link, string Content)
{
    public string Status { get; init; } = "publish";

    public bool Protected { get; init; }

    public string Excerpt { get; init; } = "";

    public string? Image { get; init; }

    public JsonNode ToJson(string[]? fields, bool embed)
    {
        var date = PublishedUtc.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        var modified = ModifiedUtc.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        if (fields is not null)
        {
            var few = new JsonObject();
            if (fields.Contains("id"))
                few["id"] = Id;
            if (fields.Contains("modified_gmt"))
                few["modified_gmt"] = modified;
            return few;
        }
        var post = new JsonObject
        {
            ["id"] = Id,
            ["date"] = date,
            ["date_gmt"] = date,
            ["modified"] = modified,
            ["modified_gmt"] = modified,
            ["slug"] = $"post-{Id}",
            ["status"] = Status,
            ["type"] = "post",
            ["link"] = Link,
            ["title"] = new JsonObject { ["rendered"] = Title },
            ["content"] = new JsonObject { ["rendered"] = Protected ? "" : Content, ["protected"] = Protected },
            ["excerpt"] = new JsonObject { ["rendered"] = Excerpt.Length > 0 ? Excerpt : $"<p>The body of post {Id}, with enough words to read. [&hellip;]</p>\n", ["protected"] = Protected },
            ["author"] = 1,
        };
        if (embed)
        {
            var embedded = new JsonObject
            {
                ["author"] = new JsonArray(new JsonObject { ["id"] = 1, ["name"] = "Jim Tincher" }),
                ["wp:term"] = new JsonArray(
                    new JsonArray(new JsonObject { ["taxonomy"] = "category", ["name"] = "Strategy &amp; Planning", ["slug"] = "strategy-planning" }),
                    new JsonArray(new JsonObject { ["taxonomy"] = "post_tag", ["name"] = "CX data", ["slug"] = "cx-data" })),
            };
            if (Image is not null)
            {
                embedded["wp:featuredmedia"] = new JsonArray(new JsonObject
                {
                    ["source_url"] = Image,
                    ["alt_text"] = "bad cx data",
                    ["mime_type"] = "image/jpeg",
                    ["media_details"] = new JsonObject { ["width"] = 1024, ["height"] = 536 },
                });
            }
            post["_embedded"] = embedded;
        }
        return post;
    }
}
