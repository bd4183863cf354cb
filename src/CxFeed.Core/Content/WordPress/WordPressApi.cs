using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CxFeed.Core.Content.WordPress;

/// <summary>
/// HTTP to one blog, bounded in every way a server can misbehave: each request (its whole body
/// included, so a server that trickles bytes is cut off) takes at most <c>Timeout</c>; a body,
/// decompressed, at most <see cref="MaxBodyBytes"/> (a 50 MB answer or a gzip bomb stops there);
/// redirects are followed only on the blog's own host, at most <see cref="MaxRedirects"/> times,
/// never into a loop or to a login page. Every request goes to the configured address's scheme,
/// host and port. Every failure is a <see cref="WordPressFailure"/> naming the address.
/// </summary>
public sealed partial class WordPressApi : IDisposable
{
    public const int MaxRedirects = 5;

    public const long MaxBodyBytes = 32L * 1024 * 1024;

    /// <summary>A home page is read this far for its <c>&lt;link rel="https://api.w.org/"&gt;</c>.</summary>
    private const int MaxHomePageBytes = 2 * 1024 * 1024;

    private const string ApiRelation = "https://api.w.org/";

    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 64 };

    private readonly HttpClient _client;
    private readonly WordPressCredentials? _credentials;
    private long _requests;
    private long _bytes;

    public WordPressApi(WordPressOptions options, WordPressCredentials? credentials, HttpMessageHandler? handler = null)
    {
        BaseUri = options.BaseUri;
        Timeout = options.Timeout;
        _credentials = credentials;
        _client = BoundedHttp.Client(options.MaxConcurrency, options.Timeout, "CxFeed/1.0 (+https://github.com/cxfeed)", handler);
    }

    public Uri BaseUri { get; }

    public TimeSpan Timeout { get; }

    /// <summary>Requests sent so far (redirects count).</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Body bytes received so far, decompressed.</summary>
    public long BodyBytes => Interlocked.Read(ref _bytes);

    /// <summary>
    /// Finds the REST API: the <c>Link: &lt;…&gt;; rel="https://api.w.org/"</c> header or the
    /// <c>&lt;link rel="https://api.w.org/"&gt;</c> of the blog's address, else <c>/wp-json/</c>,
    /// else <c>/?rest_route=/</c> (pretty permalinks off). The first whose index is a WordPress
    /// REST index with <c>wp/v2</c> wins; its <c>home</c> is the blog's home.
    /// </summary>
    public async Task<ApiRoot> DiscoverAsync(CancellationToken cancellationToken)
    {
        var tried = new List<string>();
        var candidates = new List<(Uri Index, bool RestRoute)>();
        try
        {
            if (await AdvertisedRootAsync(cancellationToken) is { } advertised)
                candidates.Add((Rebase(advertised), advertised.Query.Contains("rest_route=", StringComparison.Ordinal)));
        }
        catch (WordPressFailure failure) when (failure.RetryAfter is null)
        {
            tried.Add(failure.Message);
        }
        candidates.Add((new Uri(BaseUri, "wp-json/"), false));
        candidates.Add((new Uri(BaseUri.GetLeftPart(UriPartial.Path) + "?rest_route=/"), true));
        foreach (var (index, restRoute) in candidates.DistinctBy(candidate => candidate.Index))
        {
            try
            {
                var answer = await GetJsonAsync(index, null, cancellationToken);
                using var document = answer.Document!;
                return ReadIndex(index, document.RootElement, restRoute);
            }
            catch (WordPressFailure failure) when (failure.RetryAfter is null && failure.Reason != ApiOff)
            {
                tried.Add(failure.Message);
            }
        }
        throw new WordPressFailure(BaseUri, $"no WordPress REST API found (is it WordPress, with the REST API on?): {string.Join("; ", tried)}");
    }

    private const string ApiOff = "the REST index has no wp/v2 routes: the REST API is turned off or limited by a plugin";

    private ApiRoot ReadIndex(Uri index, JsonElement root, bool restRoute)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("namespaces", out var namespaces) || namespaces.ValueKind != JsonValueKind.Array)
            throw new WordPressFailure(index, "is not a WordPress REST index (no namespaces)");
        if (!namespaces.EnumerateArray().Any(name => name.ValueKind == JsonValueKind.String && name.GetString() == "wp/v2"))
            throw new WordPressFailure(index, ApiOff);
        var home = root.TryGetProperty("home", out var homeValue) && homeValue.ValueKind == JsonValueKind.String
            && Uri.TryCreate(homeValue.GetString(), UriKind.Absolute, out var stated) && stated.Scheme is "http" or "https"
            ? stated
            : BaseUri;
        return new ApiRoot(restRoute ? new Uri(index.GetLeftPart(UriPartial.Path) + "?rest_route=/") : index, home, restRoute);
    }

    /// <summary>The API root the blog's address advertises (header first, then the page's link element), as written.</summary>
    private async Task<Uri?> AdvertisedRootAsync(CancellationToken cancellationToken)
    {
        using var answer = await SendAsync(BaseUri, "text/html", null, cancellationToken);
        if (answer.Header("Link").Select(LinkTarget).FirstOrDefault(target => target is not null) is { } fromHeader)
            return fromHeader;
        if (answer.Response.StatusCode != HttpStatusCode.OK)
            return null;
        var page = Encoding.UTF8.GetString(await answer.ReadAsync(MaxHomePageBytes, truncate: true, cancellationToken));
        foreach (Match link in LinkElement().Matches(page))
        {
            var href = HrefAttribute().Match(link.Value);
            if (RelAttribute().Match(link.Value) is { Success: true } rel && rel.Groups["rel"].Value.Trim() == ApiRelation && href.Success
                && Uri.TryCreate(BaseUri, WebUtility.HtmlDecode(href.Groups["href"].Value), out var target))
                return target;
        }
        return null;
    }

    private Uri? LinkTarget(string header)
    {
        foreach (Match link in LinkHeaderValue().Matches(header))
        {
            if (link.Groups["params"].Value.Contains($"rel=\"{ApiRelation}\"", StringComparison.Ordinal)
                && Uri.TryCreate(BaseUri, link.Groups["target"].Value, out var target))
                return target;
        }
        return null;
    }

    /// <summary>The address on the configured scheme, host and port (a blog behind a proxy, or reached at 127.0.0.1, calls itself by another name).</summary>
    public Uri Rebase(Uri address) =>
        new UriBuilder(address) { Scheme = BaseUri.Scheme, Host = BaseUri.Host, Port = BaseUri.Port }.Uri;

    /// <summary>
    /// A JSON answer: 200 with a JSON body (parsed), or 304 (no document) when <paramref name="validators"/>
    /// were given and the server says nothing changed. Anything else is a <see cref="WordPressFailure"/>.
    /// </summary>
    public async Task<JsonAnswer> GetJsonAsync(Uri address, Validators? validators, CancellationToken cancellationToken)
    {
        using var answer = await SendAsync(address, "application/json", validators, cancellationToken);
        var response = answer.Response;
        var where = answer.Address;
        var headers = new AnswerHeaders(
            Number(answer.Header("X-WP-Total")),
            Number(answer.Header("X-WP-TotalPages")),
            response.Headers.ETag?.ToString(),
            response.Content.Headers.LastModified?.ToString("R", CultureInfo.InvariantCulture));
        if (response.StatusCode == HttpStatusCode.NotModified && validators is not null)
            return new JsonAnswer(where, null, headers);
        if (response.StatusCode != HttpStatusCode.OK)
            throw StatusFailure(where, response);
        var type = response.Content.Headers.ContentType?.MediaType ?? "";
        if (type.Contains("html", StringComparison.OrdinalIgnoreCase))
            throw new WordPressFailure(where, $"answered HTML ({type}) where JSON was expected: an error page, a login page or a security plugin's challenge");
        var body = await answer.ReadAsync(MaxBodyBytes, truncate: false, cancellationToken);
        try
        {
            return new JsonAnswer(where, JsonDocument.Parse(body, JsonOptions), headers);
        }
        catch (JsonException invalid)
        {
            var start = Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(body.Length, 200))).TrimStart();
            throw new WordPressFailure(where, start.StartsWith('<')
                ? "answered HTML where JSON was expected: an error page, a login page or a security plugin's challenge"
                : $"answered invalid or truncated JSON ({body.Length} bytes: {invalid.Message})");
        }
    }

    private static WordPressFailure StatusFailure(Uri where, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var said = $"{status} {response.ReasonPhrase}".TrimEnd();
        return status switch
        {
            401 or 403 => new WordPressFailure(where, $"refused access ({said}): a security plugin or the server blocks the REST API, or the Application Password is wrong"),
            404 => new WordPressFailure(where, $"answered {said}: no such route (is the REST API turned off?)"),
            429 => new WordPressFailure(where, $"answered {said}: too many requests", RetryAfter(response) ?? TimeSpan.FromMinutes(1)),
            >= 500 => new WordPressFailure(where, $"answered {said}: the server failed", RetryAfter(response)),
            _ => new WordPressFailure(where, $"answered {said}"),
        };
    }

    /// <summary>The server's <c>Retry-After</c>, in seconds or as a date, capped at an hour.</summary>
    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var retry = response.Headers.RetryAfter;
        var wait = retry?.Delta ?? (retry?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        return wait is { } value ? TimeSpan.FromTicks(Math.Clamp(value.Ticks, 0, TimeSpan.FromHours(1).Ticks)) : null;
    }

    private static long? Number(IEnumerable<string> values) =>
        values.FirstOrDefault() is { } text && long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;

    /// <summary>Sends a GET, following redirects that stay on the blog's host; the caller reads and disposes the answer.</summary>
    private async Task<Answer> SendAsync(Uri address, string accept, Validators? validators, CancellationToken cancellationToken)
    {
        var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Timeout);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var current = address;
        try
        {
            for (var hop = 0; ; hop++)
            {
                if (!visited.Add(current.AbsoluteUri))
                    throw new WordPressFailure(address, $"redirects in a loop (back to {current.AbsoluteUri})");
                using var request = new HttpRequestMessage(HttpMethod.Get, current);
                request.Headers.Accept.ParseAdd(accept);
                if (_credentials is not null && current.Host == BaseUri.Host)
                    request.Headers.Authorization = _credentials.Header();
                if (validators?.ETag is { } etag && EntityTagHeaderValue.TryParse(etag, out var tag))
                    request.Headers.IfNoneMatch.Add(tag);
                if (validators?.LastModified is { } lastModified && DateTimeOffset.TryParse(lastModified, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since))
                    request.Headers.IfModifiedSince = since;
                Interlocked.Increment(ref _requests);
                var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
                if ((int)response.StatusCode is >= 300 and < 400 && response.StatusCode != HttpStatusCode.NotModified)
                {
                    var location = response.Headers.Location;
                    response.Dispose();
                    if (location is null)
                        throw new WordPressFailure(current, $"answered {(int)response.StatusCode} without a Location");
                    var target = location.IsAbsoluteUri ? location : new Uri(current, location);
                    if (target.AbsolutePath.EndsWith("wp-login.php", StringComparison.OrdinalIgnoreCase))
                        throw new WordPressFailure(address, $"redirects to a login page ({target.GetLeftPart(UriPartial.Path)}): the blog is private or a plugin requires a login for the REST API");
                    if (!string.Equals(target.Host, BaseUri.Host, StringComparison.OrdinalIgnoreCase))
                        throw new WordPressFailure(address, $"redirects to another host ({target.GetLeftPart(UriPartial.Path)}); set CxFeed:Content:WordPress:BaseUrl to the address the blog answers at");
                    if (hop >= MaxRedirects)
                        throw new WordPressFailure(address, $"redirects more than {MaxRedirects} times");
                    current = target;
                    continue;
                }
                return new Answer(current, response, deadline, this, Timeout);
            }
        }
        catch (Exception failure) when (failure is not WordPressFailure)
        {
            deadline.Dispose();
            throw Explain(current, failure, cancellationToken, Timeout);
        }
        catch
        {
            deadline.Dispose();
            throw;
        }
    }

    /// <summary>A transport failure in words a blog owner can act on.</summary>
    private static Exception Explain(Uri address, Exception failure, CancellationToken caller, TimeSpan timeout)
    {
        if (failure is OperationCanceledException && caller.IsCancellationRequested)
            return failure;
        var socket = failure.InnerException as SocketException ?? failure.InnerException?.InnerException as SocketException;
        var reason = failure switch
        {
            OperationCanceledException => $"no complete answer within {timeout:c}",
            _ when socket?.SocketErrorCode == SocketError.ConnectionRefused => "connection refused (is the blog up?)",
            _ when socket?.SocketErrorCode is SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => "the host name cannot be resolved (DNS)",
            HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } => "the host name cannot be resolved (DNS)",
            HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } => $"cannot connect ({failure.InnerException?.Message ?? failure.Message})",
            InvalidDataException => "answered corrupt compressed data",
            IOException or HttpRequestException => $"the connection failed ({failure.Message})",
            _ => failure.Message,
        };
        return new WordPressFailure(address, reason, inner: failure);
    }

    public void Dispose() => _client.Dispose();

    /// <summary>The validators a conditional request sends (<c>If-None-Match</c>, <c>If-Modified-Since</c>).</summary>
    public sealed record Validators(string? ETag, string? LastModified);

    /// <summary>What the paging and caching headers said.</summary>
    public sealed record AnswerHeaders(long? Total, long? TotalPages, string? ETag, string? LastModified);

    /// <summary>A parsed JSON answer (the caller disposes <see cref="Document"/>); no document for a 304.</summary>
    public sealed record JsonAnswer(Uri Address, JsonDocument? Document, AnswerHeaders Headers);

    /// <summary>A response whose body is not read yet, with the request's deadline.</summary>
    private sealed class Answer(Uri address, HttpResponseMessage response, CancellationTokenSource deadline, WordPressApi api, TimeSpan timeout) : IDisposable
    {
        public Uri Address { get; } = address;

        public HttpResponseMessage Response { get; } = response;

        public IEnumerable<string> Header(string name) =>
            Response.Headers.TryGetValues(name, out var values) ? values
            : Response.Content.Headers.TryGetValues(name, out var content) ? content : [];

        /// <summary>The body, at most <paramref name="limit"/> bytes: more is a failure, or with <paramref name="truncate"/> cut off.</summary>
        public async Task<byte[]> ReadAsync(long limit, bool truncate, CancellationToken cancellationToken)
        {
            if (!truncate && Response.Content.Headers.ContentLength is > 0 and var length && length > limit)
                throw new WordPressFailure(Address, $"answers {length:N0} bytes, more than the {limit:N0} cxfeed reads");
            try
            {
                var body = await BoundedHttp.ReadAsync(Response.Content, limit, count => Interlocked.Add(ref api._bytes, count), deadline.Token);
                if (body.Cut && !truncate)
                    throw new WordPressFailure(Address, $"answers more than the {limit:N0} bytes cxfeed reads (decompressed)");
                return body.Bytes;
            }
            catch (Exception failure) when (failure is not WordPressFailure)
            {
                throw Explain(Address, failure, cancellationToken, timeout);
            }
        }

        public void Dispose()
        {
            Response.Dispose();
            deadline.Dispose();
        }
    }

    // One Link header value may hold several links: <target>; param; param, <target>; …
    [GeneratedRegex(@"<(?<target>[^>]*)>(?<params>[^,<]*)")]
    private static partial Regex LinkHeaderValue();

    [GeneratedRegex(@"<link\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex LinkElement();

    [GeneratedRegex(@"\brel\s*=\s*[""']?(?<rel>[^""'>\s]+)", RegexOptions.IgnoreCase)]
    private static partial Regex RelAttribute();

    [GeneratedRegex(@"\bhref\s*=\s*[""']?(?<href>[^""'>\s]+)", RegexOptions.IgnoreCase)]
    private static partial Regex HrefAttribute();
}
