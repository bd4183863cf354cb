// The least ASP.NET Core can do for a cached feed: one file's gzip bytes from memory, with the
// headers CxFeed sends, and 304 for its ETag. Usage: BareKestrel URL FILE.gz ETAG
using Microsoft.Net.Http.Headers;

var (url, file, etag) = (args[0], args[1], args[2]);
var bytes = File.ReadAllBytes(file);
var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.UseUrls(url).ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
var app = builder.Build();
app.Run(context =>
{
    var headers = context.Response.Headers;
    headers.ETag = etag;
    headers.CacheControl = "public, max-age=300, stale-while-revalidate=60, stale-if-error=86400";
    headers.Vary = HeaderNames.AcceptEncoding;
    if (context.Request.Headers.IfNoneMatch == etag)
    {
        context.Response.StatusCode = StatusCodes.Status304NotModified;
        return Task.CompletedTask;
    }
    headers.ContentType = "application/rss+xml; charset=utf-8";
    headers.ContentEncoding = "gzip";
    context.Response.ContentLength = bytes.Length;
    return context.Response.Body.WriteAsync(bytes).AsTask();
});
app.Run();
