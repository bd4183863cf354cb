using System.Net;

namespace CxFeed.Core.Content;

/// <summary>
/// The HTTP plumbing the live sources (the WordPress REST API and the crawl) share: a client that
/// leaves redirects, time limits and politeness to its caller, and a body read that a server cannot
/// make unbounded. A request's deadline is the caller's cancellation token, and it covers the body
/// too, so a server that trickles bytes is cut off when it passes.
/// </summary>
public static class BoundedHttp
{
    /// <summary>A body is read this much at a time.</summary>
    private const int ChunkBytes = 16_384;

    private const int LargestPresized = 1024 * 1024;

    /// <summary>
    /// A client for one blog: no redirect followed by itself (the caller checks every hop's host),
    /// gzip, deflate and brotli decompressed, no cookies, at most
    /// <paramref name="maxConnectionsPerServer"/> connections to a host, connections renewed every
    /// 5 minutes (a blog's DNS may move), and no overall timeout (each request brings its deadline).
    /// </summary>
    /// <param name="handler">Another handler (tests); the settings above are then its own.</param>
    public static HttpClient Client(int maxConnectionsPerServer, TimeSpan connectTimeout, string userAgent, HttpMessageHandler? handler = null)
    {
        var client = new HttpClient(handler ?? new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate | DecompressionMethods.Brotli,
            ConnectTimeout = connectTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            MaxConnectionsPerServer = maxConnectionsPerServer,
            UseCookies = false,
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        return client;
    }

    /// <summary>
    /// The body, decompressed, at most <paramref name="limit"/> bytes: where the server sends more
    /// (a 50 MB page, a gzip bomb), reading stops one byte past the limit, the first
    /// <paramref name="limit"/> bytes are kept and <see cref="BoundedBody.Cut"/> says so. Transport
    /// failures and the deadline (<see cref="OperationCanceledException"/>) are the caller's to word.
    /// </summary>
    /// <param name="received">Told each chunk's size as it arrives (a trickle cut off by the deadline can say how far it got).</param>
    public static async Task<BoundedBody> ReadAsync(HttpContent content, long limit, Action<int>? received, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        // A declared length sizes the buffer once (up to a MiB: the header may lie; a larger body grows it).
        using var body = new MemoryStream(content.Headers.ContentLength is > 0 and var length ? (int)Math.Min(length, Math.Min(limit, LargestPresized)) : 0);
        var chunk = new byte[ChunkBytes];
        while (true)
        {
            var read = await stream.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, limit + 1 - body.Length)), cancellationToken);
            if (read == 0)
                return new BoundedBody(Bytes(body), Cut: false);
            received?.Invoke(read);
            if (body.Length + read > limit)
            {
                body.Write(chunk, 0, (int)(limit - body.Length));
                return new BoundedBody(Bytes(body), Cut: true);
            }
            body.Write(chunk, 0, read);
        }
    }

    /// <summary>The buffer itself when it is exactly full (a declared length that was right), else a copy of what was written.</summary>
    private static byte[] Bytes(MemoryStream body) =>
        body.TryGetBuffer(out var buffer) && buffer.Offset == 0 && buffer.Count == buffer.Array!.Length ? buffer.Array : body.ToArray();
}

/// <summary>A body read up to a limit: its bytes, and whether the server had more (then they stop at the limit).</summary>
public readonly record struct BoundedBody(byte[] Bytes, bool Cut);
