using System.Text;
using System.Text.Json;
using CxFeed.Access;
using CxFeed.Core;
using Microsoft.Data.Sqlite;

namespace CxFeed.Audience;

/// <summary>
/// <c>GET /stats</c> (HTML) and <c>GET /stats.json</c>, the last 90 days, for the owner only: with no
/// owner key configured they do not exist (404, as any unknown address); without the key, 401; never
/// cached by anyone (<c>Cache-Control: no-store, private</c>).
/// </summary>
public sealed class StatsEndpoint(AccessGate access, AudienceOptions options, SiteOptions site, TimeProvider time)
{
    public const string HtmlPath = "/stats";
    public const string JsonPath = "/stats.json";
    public const int Days = 90;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static bool Serves(string? path) => path is HtmlPath or JsonPath;

    public Task InvokeAsync(HttpContext context)
    {
        var response = context.Response;
        if (!access.HasOwnerKeys)
            return Write(context, StatusCodes.Status404NotFound, "text/plain; charset=utf-8", "Not found: no feed or page is published at this address.\n");
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            response.Headers.Allow = "GET, HEAD";
            return Write(context, StatusCodes.Status405MethodNotAllowed, "text/plain; charset=utf-8", "");
        }
        var decision = access.Owner(context);
        if (decision.Outcome != AccessOutcome.Allowed)
            return access.RefuseAsync(context, decision, owner: true);
        AudienceReport report;
        try
        {
            using var database = AudienceDatabase.Open(options.DatabasePath);
            report = AudienceReport.Read(database, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), Days);
        }
        catch (Exception failure) when (failure is SqliteException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            response.Headers.RetryAfter = "60";
            return Write(context, StatusCodes.Status503ServiceUnavailable, "text/plain; charset=utf-8",
                $"Service unavailable: the audience database cannot be read ({failure.Message.ReplaceLineEndings(" ")}); see /healthz.\n");
        }
        return context.Request.Path.Value == JsonPath
            ? Write(context, StatusCodes.Status200OK, "application/json; charset=utf-8", JsonSerializer.Serialize(report, Json) + "\n")
            : Write(context, StatusCodes.Status200OK, "text/html; charset=utf-8", StatsPage.Write(report, site.Title));
    }

    private static Task Write(HttpContext context, int status, string contentType, string text)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.Headers.CacheControl = "no-store, private";
        response.Headers.XContentTypeOptions = "nosniff";
        var body = Encoding.UTF8.GetBytes(text);
        response.ContentLength = body.Length;
        if (body.Length == 0)
            return Task.CompletedTask;
        response.ContentType = contentType;
        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }
}
