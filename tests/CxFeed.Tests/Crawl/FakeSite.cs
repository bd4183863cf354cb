using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CxFeed.Tests.Crawl;

/// <summary>
/// A small web site on 127.0.0.1 for the crawl's fault tests (the real proof is on the real
/// WordPress, <see cref="CrawlWordPressTests"/>): each path answers what <see cref="Routes"/> says
/// (else 404). It records every request (path, User-Agent, validators, when it started) and the
/// most requests it ever had in flight at once. <see cref="Delay"/> is the server's time per request.
/// </summary>
public sealed class FakeSite : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _inFlight;
    private int _mostInFlight;

    private FakeSite(WebApplication app) => _app = app;

    public ConcurrentDictionary<string, Func<HttpContext, Task>> Routes { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<SeenRequest> Requests { get; } = new();

    public TimeSpan Delay { get; set; }

    public int MostInFlight => Volatile.Read(ref _mostInFlight);

    public Uri Address { get; private set; } = null!;

    public static async Task<FakeSite> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var site = new FakeSite(app);
        app.Run(site.AnswerAsync);
        await app.StartAsync();
        site.Address = new Uri(app.Urls.First() + "/");
        return site;
    }

    public List<string> Paths() => [.. Requests.Select(request => request.Path)];

    /// <summary>Answers <paramref name="path"/> with these bytes and headers, status 200 (or 304 when the validators match).</summary>
    public void Page(string path, string body, string contentType = "text/html; charset=utf-8", string? etag = null) =>
        Bytes(path, Encoding.UTF8.GetBytes(body), contentType, etag);

    public void Bytes(string path, byte[] body, string contentType, string? etag = null, string? contentEncoding = null) =>
        Routes[path] = async context =>
        {
            if (etag is not null)
            {
                context.Response.Headers.ETag = etag;
                if (context.Request.Headers.IfNoneMatch == etag)
                {
                    context.Response.StatusCode = 304;
                    return;
                }
            }
            context.Response.ContentType = contentType;
            if (contentEncoding is not null)
                context.Response.Headers.ContentEncoding = contentEncoding;
            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body);
        };

    public void Status(string path, int status, string? location = null, string? retryAfter = null) =>
        Routes[path] = context =>
        {
            context.Response.StatusCode = status;
            if (location is not null)
                context.Response.Headers.Location = location;
            if (retryAfter is not null)
                context.Response.Headers.RetryAfter = retryAfter;
            return Task.CompletedTask;
        };

    private async Task AnswerAsync(HttpContext context)
    {
        var now = Interlocked.Increment(ref _inFlight);
        int most;
        while (now > (most = Volatile.Read(ref _mostInFlight)) && Interlocked.CompareExchange(ref _mostInFlight, now, most) != most)
        {
        }
        try
        {
            var path = context.Request.Path + context.Request.QueryString;
            Requests.Enqueue(new SeenRequest(path, context.Request.Headers.UserAgent.ToString(), context.Request.Headers.IfNoneMatch.ToString(),
                context.Request.Headers.IfModifiedSince.ToString(), Stopwatch.GetTimestamp()));
            if (Delay > TimeSpan.Zero)
                await Task.Delay(Delay);
            if (Routes.TryGetValue(path, out var route))
                await route(context);
            else
                context.Response.StatusCode = 404;
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

/// <summary>One request the site saw.</summary>
public sealed record SeenRequest(string Path, string UserAgent, string IfNoneMatch, string IfModifiedSince, long Timestamp);
