using System.Text;
using CxFeed.Access;
using CxFeed.Core.Publishing;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace CxFeed.Serving;

/// <summary>
/// Answers GET and HEAD from the current publication's bytes: the request path must be exactly a
/// published address (ordinal; an encoded slash or a dot segment never is one, and nothing here
/// touches the file system), the representation is chosen by Accept-Encoding, conditional headers
/// may give 304. A request renders and compresses nothing, and nothing in a response comes from
/// the Host header: links were made from <c>CxFeed:Publish:BaseUrl</c> when the files were rendered.
/// </summary>
/// <remarks>
/// A partner feed's file (<see cref="ServedFile.Partners"/>) is answered only to a request with
/// one of those partners' keys, before any conditional header is looked at (a 304 would say the
/// ETag is right), and is sent with <c>Cache-Control: private</c> so that no shared cache keeps it.
/// </remarks>
public sealed class PublicationEndpoint(
    LivePublication live, ServeOptions serve, PublishOptions publish, TimeProvider time, ServingMetrics metrics, AccessGate access)
{
    private static readonly StringValues AcceptEncodingVary = HeaderNames.AcceptEncoding;
    private static readonly StringValues NoSniff = "nosniff";
    private static readonly StringValues Allowed = "GET, HEAD";
    private static readonly StringValues PlainText = "text/plain; charset=utf-8";
    private static readonly byte[] NotFoundBody = Encoding.UTF8.GetBytes("Not found: no feed or page is published at this address.\n");
    private static readonly byte[] NotAcceptableBody = Encoding.UTF8.GetBytes("Not acceptable: the Accept-Encoding header refuses every coding offered (br, gzip, identity).\n");
    private static readonly byte[] NotBuiltBody = Encoding.UTF8.GetBytes("Service unavailable: the feeds have not been built yet; see /healthz.\n");

    private static readonly StringValues PartnerVary = new([HeaderNames.AcceptEncoding, HeaderNames.Authorization]);

    private readonly StringValues _cacheControl = serve.CacheControl;
    private readonly StringValues _privateCacheControl = serve.PrivateCacheControl;
    private readonly Uri _publicBase = publish.BaseUri;

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        var state = live.Current;
        var head = HttpMethods.IsHead(request.Method);
        if (!head && !HttpMethods.IsGet(request.Method))
        {
            response.Headers.Allow = Allowed;
            return Text(context, StatusCodes.Status405MethodNotAllowed, []);
        }
        if (state.Publication is null)
        {
            response.Headers.RetryAfter = "5";
            response.Headers.CacheControl = "no-store";
            return Text(context, StatusCodes.Status503ServiceUnavailable, NotBuiltBody);
        }
        var path = request.Path.Value ?? "/";
        if (!state.Files.TryGetValue(path, out var served))
            return NotFound(context, state, path);

        var file = served.File;
        var headers = response.Headers;
        string? partner = null;
        if (!served.Partners.IsEmpty)
        {
            var decision = access.Partner(context, served.Partners);
            if (decision.Outcome != AccessOutcome.Allowed)
            {
                metrics.Answered(decision.Outcome == AccessOutcome.Limited ? StatusCodes.Status429TooManyRequests : StatusCodes.Status401Unauthorized);
                return access.RefuseAsync(context, decision, owner: false);
            }
            partner = decision.Partner;
            headers.Vary = PartnerVary;
            headers.CacheControl = _privateCacheControl;
        }
        else
        {
            headers.Vary = AcceptEncodingVary;
            headers.CacheControl = _cacheControl;
        }
        headers.XContentTypeOptions = NoSniff;
        var representation = AcceptEncoding.Choose(request.Headers.AcceptEncoding, file);
        if (representation is null)
            return Text(context, StatusCodes.Status406NotAcceptable, NotAcceptableBody);
        // RFC 9110 §15.4.5: a 304 carries the ETag, Cache-Control, Vary (and here Last-Modified) a 200 would.
        headers.ETag = representation.ETag;
        headers.LastModified = served.LastModified;
        switch (Preconditions.Evaluate(request.Headers, representation.ETag, file.LastModified, time.GetUtcNow()))
        {
            case PreconditionOutcome.NotModified:
                response.StatusCode = StatusCodes.Status304NotModified;
                metrics.Answered(StatusCodes.Status304NotModified);
                return Task.CompletedTask;
            case PreconditionOutcome.PreconditionFailed:
                return Text(context, StatusCodes.Status412PreconditionFailed, []);
        }
        headers.ContentType = served.ContentType;
        if (representation.Coding is { } coding)
            headers.ContentEncoding = coding;
        response.ContentLength = representation.Bytes.Length;
        metrics.Answered(StatusCodes.Status200OK);
        return head ? Task.CompletedTask : response.Body.WriteAsync(representation.Bytes, context.RequestAborted).AsTask();
    }

    /// <summary>404, or a permanent redirect to the address with a trailing slash when that one is published (a page's folder).</summary>
    private Task NotFound(HttpContext context, ServingState state, string path)
    {
        var folder = path + "/";
        if (!path.EndsWith('/') && state.Files.ContainsKey(folder))
        {
            context.Response.Headers.Location = FeedAddresses.Absolute(_publicBase, folder).AbsoluteUri;
            context.Response.Headers.CacheControl = _cacheControl;
            return Text(context, StatusCodes.Status301MovedPermanently, []);
        }
        context.Response.Headers.CacheControl = _cacheControl;
        return Text(context, StatusCodes.Status404NotFound, NotFoundBody);
    }

    private Task Text(HttpContext context, int status, byte[] body)
    {
        var response = context.Response;
        response.StatusCode = status;
        metrics.Answered(status);
        if (body.Length == 0)
        {
            response.ContentLength = 0;
            return Task.CompletedTask;
        }
        response.ContentType = PlainText;
        response.ContentLength = body.Length;
        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }
}
