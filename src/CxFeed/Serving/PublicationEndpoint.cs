using System.Text;
using CxFeed.Access;
using CxFeed.Audience;
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
/// Every answer from a feed page (200, 304, HEAD, 401, 406, 412, 429) is offered to the
/// <see cref="AudienceRecorder"/>, which never makes a request wait. Behind nginx
/// (<see cref="AudienceOptions.CountedByProxy"/>) only the copies nginx mirrors are counted: they
/// are judged as the request would be (access, preconditions) and answered 204.
/// </remarks>
public sealed class PublicationEndpoint(
    LivePublication live, ServeOptions serve, PublishOptions publish, TimeProvider time, ServingMetrics metrics, AccessGate access,
    AudienceRecorder audience, AudienceOptions audienceOptions, ClientAddress clients)
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
    private readonly bool _countedByProxy = audienceOptions.CountedByProxy;
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
        var mirror = _countedByProxy && request.Headers.ContainsKey(MirrorHeader) && ClientAddress.IsLocal(context);
        var counted = served.Feed is not null && (!_countedByProxy || mirror);
        string? partner = null;
        var now = time.GetUtcNow();
        if (!served.Partners.IsEmpty)
        {
            // A mirror only judges: nginx passes the same request on (credentials bypass its cache),
            // and that one spends the wrong key's permit, so a wrong key counts once towards the limit.
            var decision = access.Partner(context, served.Partners, spendFailure: !mirror);
            if (decision.Outcome != AccessOutcome.Allowed)
            {
                var refused = decision.Outcome == AccessOutcome.Limited ? StatusCodes.Status429TooManyRequests : StatusCodes.Status401Unauthorized;
                if (counted)
                    Count(context, served, now, refused, null);
                if (mirror)
                    return Mirrored(context);
                metrics.Answered(refused);
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
            return Refused(context, served, now, counted, mirror, partner, StatusCodes.Status406NotAcceptable, NotAcceptableBody);
        // RFC 9110 §15.4.5: a 304 carries the ETag, Cache-Control, Vary (and here Last-Modified) a 200 would.
        headers.ETag = representation.ETag;
        headers.LastModified = served.LastModified;
        switch (Preconditions.Evaluate(request.Headers, representation.ETag, file.LastModified, now))
        {
            case PreconditionOutcome.NotModified:
                if (counted)
                    Count(context, served, now, StatusCodes.Status304NotModified, partner);
                if (mirror)
                    return Mirrored(context);
                response.StatusCode = StatusCodes.Status304NotModified;
                metrics.Answered(StatusCodes.Status304NotModified);
                return Task.CompletedTask;
            case PreconditionOutcome.PreconditionFailed:
                return Refused(context, served, now, counted, mirror, partner, StatusCodes.Status412PreconditionFailed, []);
        }
        if (counted)
            Count(context, served, now, StatusCodes.Status200OK, partner);
        if (mirror)
            return Mirrored(context);
        headers.ContentType = served.ContentType;
        if (representation.Coding is { } coding)
            headers.ContentEncoding = coding;
        response.ContentLength = representation.Bytes.Length;
        metrics.Answered(StatusCodes.Status200OK);
        // No RequestAborted token (as the bare endpoint): reading it makes Kestrel take a lock and
        // rent a cancellation source for the request, and a flush that waits registers on it; a
        // write to a connection that went away completes or fails by itself.
        return head ? Task.CompletedTask : response.Body.WriteAsync(representation.Bytes).AsTask();
    }

    /// <summary>The header deploy/nginx.conf puts on the copy of a feed request it mirrors for counting.</summary>
    public const string MirrorHeader = "X-CxFeed-Mirror";

    /// <summary>
    /// 406 or 412: the client asked for this feed and got an answer it could not use; still a feed
    /// request, so it is counted (with its status) like the others.
    /// </summary>
    private Task Refused(HttpContext context, ServedFile served, DateTimeOffset now, bool counted, bool mirror, string? partner, int status, byte[] body)
    {
        if (counted)
            Count(context, served, now, status, partner);
        return mirror ? Mirrored(context) : Text(context, status, body);
    }

    private void Count(HttpContext context, ServedFile served, DateTimeOffset now, int status, string? partner) =>
        audience.Count(new FeedHit(now, served.Feed!, served.Format, status, context.Request.Headers.UserAgent.ToString(),
            clients.AddressOf(context), partner, served.File.Address, partner is null ? null : served.Items,
            partner is null || served.Items is not null ? null : served.File));

    /// <summary>A mirrored request was counted: nginx drops the answer, so it is empty.</summary>
    private static Task Mirrored(HttpContext context)
    {
        var response = context.Response;
        response.Headers.Clear();
        response.StatusCode = StatusCodes.Status204NoContent;
        response.Headers.CacheControl = "no-store";
        return Task.CompletedTask;
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
