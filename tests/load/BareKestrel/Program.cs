// The least ASP.NET Core can do for a cached feed: one file's bytes and its .gz and .br siblings
// (as `cxfeed build --out` writes them) from memory, with the headers CxFeed sends (so both write
// the same response bytes), the coding picked by the crudest look at Accept-Encoding, and 304 when
// If-None-Match is exactly the chosen form's ETag. No path, method or precondition checks, no
// counting: the framework's floor. Usage: BareKestrel URL FILE ETAG LAST-MODIFIED
// (ETAG the identity form's, quoted: "tag"; the others are "tag-gz" and "tag-br", as CxFeed's).
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

var (url, file, etag, lastModified) = (args[0], args[1], args[2], args[3]);
var identity = (Bytes: File.ReadAllBytes(file), ETag: new StringValues(etag), Coding: StringValues.Empty);
var gzip = (Bytes: File.ReadAllBytes(file + ".gz"), ETag: new StringValues(etag[..^1] + "-gz\""), Coding: new StringValues("gzip"));
var brotli = (Bytes: File.ReadAllBytes(file + ".br"), ETag: new StringValues(etag[..^1] + "-br\""), Coding: new StringValues("br"));
var cacheControl = new StringValues("public, max-age=300, stale-while-revalidate=60, stale-if-error=86400");
var vary = new StringValues(HeaderNames.AcceptEncoding);
var noSniff = new StringValues("nosniff");
var modified = new StringValues(lastModified);
var contentType = new StringValues("application/rss+xml; charset=utf-8");

var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.UseUrls(url).ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
var app = builder.Build();
app.Run(context =>
{
    var accept = context.Request.Headers.AcceptEncoding.ToString();
    var chosen = accept.Contains("br", StringComparison.Ordinal) ? brotli : accept.Contains("gzip", StringComparison.Ordinal) ? gzip : identity;
    var headers = context.Response.Headers;
    headers.Vary = vary;
    headers.CacheControl = cacheControl;
    headers.XContentTypeOptions = noSniff;
    headers.ETag = chosen.ETag;
    headers.LastModified = modified;
    if (context.Request.Headers.IfNoneMatch == chosen.ETag)
    {
        context.Response.StatusCode = StatusCodes.Status304NotModified;
        return Task.CompletedTask;
    }
    headers.ContentType = contentType;
    if (!StringValues.IsNullOrEmpty(chosen.Coding))
        headers.ContentEncoding = chosen.Coding;
    context.Response.ContentLength = chosen.Bytes.Length;
    return context.Response.Body.WriteAsync(chosen.Bytes).AsTask();
});
app.Run();
