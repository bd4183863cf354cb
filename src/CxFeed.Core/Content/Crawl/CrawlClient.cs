using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace CxFeed.Core.Content.Crawl;

/// <summary>
/// HTTP for the crawl, polite and bounded. Only the start address's host and its www/non-www twin
/// are asked; each host's robots.txt (RFC 9309) is read first and obeyed for every request and
/// every redirect; a <see cref="HostGate"/> per host keeps at most <c>MaxConcurrency</c> requests in
/// flight, spaced by <c>Crawl-delay</c>. A 429 or 503 with a <c>Retry-After</c> of at most
/// <see cref="LongestWait"/> holds the whole host that long and is asked again; a longer one, or
/// another error after <see cref="Attempts"/> attempts with doubling backoff, is a
/// <see cref="CrawlFailure"/>. Redirects are followed at most <see cref="MaxRedirects"/> times,
/// never to another host. Every request, its whole body included, takes at most <c>Timeout</c> (a
/// server that trickles bytes is cut off), and a body, decompressed, at most the limit given (a
/// gzip bomb stops there, the bytes read kept). The User-Agent names CxFeed and the service's
/// public address, so a blog's owner knows who is asking and where the posts go.
/// </summary>
public sealed class CrawlClient : IDisposable
{
    public const string ProductToken = "CxFeed";

    public const int MaxRedirects = 5;

    public const int Attempts = 3;

    /// <summary>A <c>Retry-After</c> up to this long is waited out within the crawl; a longer one ends it (the poller comes back then).</summary>
    public static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(2);

    private readonly HttpClient _client;
    private readonly CrawlOptions _options;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, HostGate> _gates = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, Task<RobotsTxt>> _robots = new(StringComparer.OrdinalIgnoreCase);
    private long _requests;
    private long _bytes;

    /// <param name="publicAddress">The service's public address (<c>Publish:BaseUrl</c>), named in the User-Agent.</param>
    public CrawlClient(CrawlOptions options, Uri publicAddress, TimeProvider time, HttpMessageHandler? handler = null)
    {
        _options = options;
        _time = time;
        Start = options.StartUri;
        UserAgent = $"{ProductToken}/1.0 (+{publicAddress.AbsoluteUri})";
        _client = BoundedHttp.Client(options.MaxConcurrency, options.Timeout, UserAgent, handler);
    }

    public Uri Start { get; }

    public string UserAgent { get; }

    /// <summary>The wait before the second attempt after an error; it doubles for each one after.</summary>
    public TimeSpan FirstBackoff { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Requests sent so far (redirects and robots.txt count).</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Body bytes received so far, decompressed.</summary>
    public long BodyBytes => Interlocked.Read(ref _bytes);

    /// <summary>Whether the crawl may ask this address at all: the start's host or its www/non-www twin, over http(s).</summary>
    public bool OnBlog(Uri address) =>
        (address.Scheme == Uri.UriSchemeHttp || address.Scheme == Uri.UriSchemeHttps) && Twin(address.Host, Start.Host);

    /// <summary>robots.txt is read again at the next request (each crawl starts afresh: RFC 9309 caches it a day at most).</summary>
    public void ForgetRobots() => _robots.Clear();

    /// <summary>The robots.txt of the address's host (scheme, host and port), read once per crawl.</summary>
    public Task<RobotsTxt> RobotsAsync(Uri address, CancellationToken cancellationToken) =>
        _robots.GetOrAdd(address.GetLeftPart(UriPartial.Authority), authority => ReadRobotsAsync(new Uri(authority + "/robots.txt"), cancellationToken));

    private async Task<RobotsTxt> ReadRobotsAsync(Uri address, CancellationToken cancellationToken)
    {
        try
        {
            var answer = await SendAsync(address, null, RobotsTxt.MaxBytes, checkRobots: false, cancellationToken);
            var robots = answer.Kind switch
            {
                AnswerKind.Page => RobotsTxt.Parse(answer.Body.AsSpan(), ProductToken, answer.Address),
                // Unavailable (4xx): no restriction (RFC 9309 §2.3.1.3).
                _ => RobotsTxt.AllowAll,
            };
            Gate(address).Space(robots.CrawlDelay);
            return robots;
        }
        catch (CrawlFailure failure) when (failure.InnerException is not OperationCanceledException)
        {
            // Unreachable (5xx, no answer): assume complete disallow (§2.3.1.4).
            return RobotsTxt.Unreachable;
        }
    }

    /// <summary>
    /// Asks for a page (robots.txt read and obeyed first), following redirects on the blog; the
    /// body read up to <paramref name="maxBytes"/>. Throws <see cref="CrawlFailure"/> when the
    /// server fails after the retries, sends the crawl off the blog, or is too slow.
    /// </summary>
    public Task<CrawlAnswer> GetAsync(Uri address, Validators? validators, long maxBytes, CancellationToken cancellationToken) =>
        SendAsync(address, validators, maxBytes, checkRobots: true, cancellationToken);

    private async Task<CrawlAnswer> SendAsync(Uri address, Validators? validators, long maxBytes, bool checkRobots, CancellationToken cancellationToken)
    {
        var current = address;
        for (var redirects = 0; ; redirects++)
        {
            if (!OnBlog(current))
                throw new CrawlFailure(address, $"leads to {current.AbsoluteUri}, off the blog ({Start.Host} and its www twin): not followed");
            if (checkRobots && !(await RobotsAsync(current, cancellationToken)).Allows(current.PathAndQuery))
                return new CrawlAnswer(AnswerKind.Disallowed, current, 0, [], null, null, null, null);
            var answer = await AttemptsAsync(current, validators, maxBytes, cancellationToken);
            if (answer.Location is not { } location)
                return answer.Answer;
            if (redirects == MaxRedirects)
                throw new CrawlFailure(address, $"redirects more than {MaxRedirects} times (last to {location.AbsoluteUri}): not followed");
            current = location;
        }
    }

    /// <summary>One address, asked again after a short Retry-After or an error, with doubling backoff.</summary>
    private async Task<(CrawlAnswer Answer, Uri? Location)> AttemptsAsync(Uri address, Validators? validators, long maxBytes, CancellationToken cancellationToken)
    {
        var gate = Gate(address);
        for (var attempt = 1; ; attempt++)
        {
            var backoff = FirstBackoff * Math.Pow(2, attempt - 1);
            try
            {
                return await OnceAsync(address, validators, maxBytes, gate, cancellationToken);
            }
            catch (RetryableFailure retry) when (attempt < Attempts && (retry.RetryAfter is null || retry.RetryAfter <= LongestWait))
            {
                gate.HoldUntil(_time.GetUtcNow() + (retry.RetryAfter is { } asked && asked > backoff ? asked : backoff));
            }
            catch (RetryableFailure failure)
            {
                throw new CrawlFailure(address, failure.Message, failure.RetryAfter);
            }
        }
    }

    private async Task<(CrawlAnswer Answer, Uri? Location)> OnceAsync(Uri address, Validators? validators, long maxBytes, HostGate gate, CancellationToken cancellationToken)
    {
        using var slot = await gate.EnterAsync(cancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.Timeout);
        using var request = new HttpRequestMessage(HttpMethod.Get, Physical(address));
        request.Headers.Accept.ParseAdd("text/html, application/xhtml+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5");
        if (validators?.ETag is { } etag && EntityTagHeaderValue.TryParse(etag, out var tag))
            request.Headers.IfNoneMatch.Add(tag);
        if (validators?.LastModified is { } lastModified && DateTimeOffset.TryParse(lastModified, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since))
            request.Headers.IfModifiedSince = since;
        Interlocked.Increment(ref _requests);
        var received = 0L;
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            var status = (int)response.StatusCode;
            if (status is >= 300 and < 400 && status != 304)
            {
                if (response.Headers.Location is not { } location)
                    throw new CrawlFailure(address, $"answered {status} without a Location");
                return (Empty(AnswerKind.Page, address, status), Logical(new Uri(address, location)));
            }
            if (status == 304)
                return (Empty(AnswerKind.NotModified, address, status) with { ETag = Header(response, "ETag"), LastModified = LastModified(response) }, null);
            if (status is 429 or 503 || status >= 500)
                throw new RetryableFailure($"answered {status} {response.ReasonPhrase}", RetryAfter(response));
            if (status >= 400)
                return (Empty(AnswerKind.Gone, address, status), null);
            var body = await BoundedHttp.ReadAsync(response.Content, maxBytes, count => received += count, deadline.Token);
            Interlocked.Add(ref _bytes, body.Bytes.Length);
            return (new CrawlAnswer(AnswerKind.Page, address, status, ImmutableCollectionsMarshal.AsImmutableArray(body.Bytes), Header(response, "ETag"), LastModified(response),
                response.Content.Headers.ContentType?.MediaType, body.Cut ? $"is larger than {maxBytes:N0} bytes (decompressed): read that far and stopped" : null), null);
        }
        catch (OperationCanceledException timedOut) when (!cancellationToken.IsCancellationRequested)
        {
            // A trickle is not asked again: it would only take the same time once more.
            throw new CrawlFailure(address, $"gave no complete answer within {_options.Timeout:c} ({received:N0} bytes received): stopped", inner: timedOut);
        }
        catch (HttpRequestException error)
        {
            throw new RetryableFailure(error.InnerException is SocketException socket ? $"could not be reached ({socket.SocketErrorCode})" : $"could not be reached ({error.Message})", null);
        }
        catch (IOException error)
        {
            throw new RetryableFailure($"broke off the answer ({error.Message})", null);
        }
    }

    /// <summary>Where a request for the blog's address goes: <c>ConnectTo</c>'s scheme, host and port when set.</summary>
    private Uri Physical(Uri address) =>
        _options.ConnectToUri is not { } connect ? address : new UriBuilder(address) { Scheme = connect.Scheme, Host = connect.Host, Port = connect.Port }.Uri;

    /// <summary>A redirect to the <c>ConnectTo</c> address is one to the blog's own.</summary>
    private Uri Logical(Uri location) =>
        _options.ConnectToUri is { } connect && location.Authority.Equals(connect.Authority, StringComparison.OrdinalIgnoreCase) && location.Scheme == connect.Scheme
            ? new UriBuilder(location) { Scheme = Start.Scheme, Host = Start.Host, Port = Start.Port }.Uri
            : location;

    private static CrawlAnswer Empty(AnswerKind kind, Uri address, int status) => new(kind, address, status, [], null, null, null, null);

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static string? LastModified(HttpResponseMessage response) =>
        response.Content.Headers.LastModified?.ToString("R", CultureInfo.InvariantCulture);

    /// <summary><c>Retry-After</c> as seconds or as a date (RFC 9110 §10.2.3).</summary>
    private TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - _time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    private HostGate Gate(Uri address) => _gates.GetOrAdd(address.Host, _ => new HostGate(_options.MaxConcurrency, _time));

    /// <summary>The same host, or one is the other with <c>www.</c> in front.</summary>
    private static bool Twin(string host, string start) =>
        host.Equals(start, StringComparison.OrdinalIgnoreCase)
        || ("www." + host).Equals(start, StringComparison.OrdinalIgnoreCase)
        || host.Equals("www." + start, StringComparison.OrdinalIgnoreCase);

    public void Dispose() => _client.Dispose();

    /// <summary>An answer worth asking again (5xx, 429, a broken connection), with the server's Retry-After.</summary>
    private sealed class RetryableFailure(string message, TimeSpan? retryAfter) : Exception(message)
    {
        public TimeSpan? RetryAfter { get; } = retryAfter;
    }
}
