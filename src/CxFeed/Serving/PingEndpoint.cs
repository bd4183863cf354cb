using System.Text;
using System.Xml;
using CxFeed.Access;

namespace CxFeed.Serving;

/// <summary>
/// <c>/ping</c>: the hint that the blog changed. WordPress's Update Services (Settings → Writing)
/// send an XML-RPC <c>weblogUpdates.ping</c> or <c>weblogUpdates.extendedPing</c> to every listed
/// address when a post is published; anything else may send a plain <c>POST /ping</c>. Either
/// starts a poll of the WordPress source, or a crawl of the crawl source, at once
/// (<see cref="PollRequests.Request"/>: a flood is one in flight and one queued). The ping's
/// content (the blog's name and address) is not trusted for anything: the poll asks the configured blog. XML-RPC gets the answer WordPress expects, a struct with
/// <c>flerror</c> false and a <c>message</c>; another method gets an XML-RPC fault. Each client
/// (<see cref="ClientAddress"/>) may ping <see cref="PingsPerMinute"/> times a minute, then gets 429.
/// </summary>
public sealed class PingEndpoint(PollRequests? polls, ClientAddress clients, TimeProvider time, ILogger<PingEndpoint> logger)
{
    public const string Path = "/ping";

    /// <summary>WordPress pings once per post published: ten a minute is a busy blog, more is somebody else.</summary>
    public const int PingsPerMinute = 10;

    private readonly ClientRateLimit _perClient = new(PingsPerMinute, TimeSpan.FromMinutes(1), time);

    /// <summary>A ping is a few hundred bytes; more is not read.</summary>
    private const int MaxBody = 64 * 1024;

    private static readonly XmlReaderSettings XmlSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxBody,
        IgnoreComments = true,
        IgnoreWhitespace = true,
    };

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        response.Headers.CacheControl = "no-store";
        if (!HttpMethods.IsPost(request.Method))
        {
            response.Headers.Allow = "POST";
            await Text(response, StatusCodes.Status405MethodNotAllowed, "use POST: an XML-RPC weblogUpdates.ping, or an empty POST\n");
            return;
        }
        if (polls is null)
        {
            await Text(response, StatusCodes.Status404NotFound, "the content source is a folder or an export: nothing to poll\n");
            return;
        }
        if (!_perClient.TryTake(clients.Of(context)))
        {
            response.Headers.RetryAfter = _perClient.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await Text(response, StatusCodes.Status429TooManyRequests, $"at most {PingsPerMinute} pings a minute from one client\n");
            return;
        }
        var body = await ReadAsync(request, context.RequestAborted);
        if (body is null)
        {
            await Text(response, StatusCodes.Status413PayloadTooLarge, $"a ping is at most {MaxBody} bytes\n");
            return;
        }
        var isXml = (request.ContentType ?? "").Contains("xml", StringComparison.OrdinalIgnoreCase)
            || body.AsSpan().TrimStart(" \t\r\n"u8).StartsWith("<"u8);
        if (!isXml)
        {
            logger.PingReceived("POST");
            polls.Request();
            await Text(response, StatusCodes.Status202Accepted, "poll requested\n");
            return;
        }
        var method = MethodName(body);
        if (method is "weblogUpdates.ping" or "weblogUpdates.extendedPing")
        {
            logger.PingReceived(method);
            polls.Request();
            await Xml(response, Success);
            return;
        }
        await Xml(response, Fault(method is null ? "not an XML-RPC method call" : $"unknown method {method}: use weblogUpdates.ping or weblogUpdates.extendedPing"));
    }

    private static async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBody)
            return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBody)
                return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>The call's <c>methodName</c>, or null when the body is not an XML-RPC call.</summary>
    private static string? MethodName(byte[] body)
    {
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(body), XmlSettings);
            if (!reader.ReadToFollowing("methodCall") || !reader.ReadToDescendant("methodName"))
                return null;
            return reader.ReadElementContentAsString().Trim();
        }
        catch (XmlException)
        {
            return null;
        }
    }

    private const string Success =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<methodResponse><params><param><value><struct>"
        + "<member><name>flerror</name><value><boolean>0</boolean></value></member>"
        + "<member><name>message</name><value><string>Thanks for the ping.</string></value></member>"
        + "</struct></value></param></params></methodResponse>\n";

    private static string Fault(string message) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<methodResponse><fault><value><struct>"
        + "<member><name>faultCode</name><value><int>-32601</int></value></member>"
        + $"<member><name>faultString</name><value><string>{System.Security.SecurityElement.Escape(message)}</string></value></member>"
        + "</struct></value></fault></methodResponse>\n";

    private static Task Xml(HttpResponse response, string xml) => Write(response, StatusCodes.Status200OK, "text/xml; charset=utf-8", xml);

    private static Task Text(HttpResponse response, int status, string text) => Write(response, status, "text/plain; charset=utf-8", text);

    private static Task Write(HttpResponse response, int status, string type, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        response.StatusCode = status;
        response.ContentType = type;
        response.ContentLength = bytes.Length;
        return response.Body.WriteAsync(bytes).AsTask();
    }
}
