using System.Text;

namespace CxFeed.Serving;

/// <summary>
/// <c>/healthz</c>, the one response made per request (never cached): 200 <c>ok</c>; 200
/// <c>degraded</c> and the problems, one per line, when the last rebuild failed or posts have
/// problems, or the live source fails (the last good publication still serves, so a load balancer must keep sending
/// traffic); 503 only while no publication could ever be built. While the publication answered is
/// the one kept on disk from before the start, not yet checked against the content, a line says
/// <c>publication: stored, checking</c>.
/// </summary>
public sealed class HealthEndpoint(LivePublication live, ServingMetrics metrics, SourceStatus source, Audience.AudienceRecorder audience)
{
    public Task InvokeAsync(HttpContext context)
    {
        var state = live.Current;
        var sourceProblems = source.Problems;
        var text = new StringBuilder();
        int status;
        if (state.Publication is null)
        {
            status = StatusCodes.Status503ServiceUnavailable;
            text.Append("unavailable: no publication could be built yet\n");
        }
        else if (state.RebuildProblems.IsEmpty && state.Publication.Problems.IsEmpty && sourceProblems.IsEmpty && audience.Problem is null && state.StoreProblem is null)
        {
            status = StatusCodes.Status200OK;
            text.Append("ok\n");
        }
        else
        {
            status = StatusCodes.Status200OK;
            text.Append("degraded\n");
        }
        if (state.Checking)
            text.Append("publication: stored, checking\n");
        foreach (var problem in sourceProblems)
            text.Append($"{OneLine(problem)}\n");
        foreach (var problem in state.RebuildProblems)
            text.Append($"rebuild failed: {OneLine(problem.ToString())}\n");
        foreach (var problem in state.Publication?.Problems ?? [])
            text.Append($"{OneLine(problem.ToString())}\n");
        if (state.StoreProblem is { } store)
            text.Append($"publication store: {OneLine(store)}\n");
        if (audience.Problem is { } counting)
            text.Append($"{OneLine(counting)}\n");

        var response = context.Response;
        response.StatusCode = status;
        response.Headers.CacheControl = "no-store";
        response.ContentType = "text/plain; charset=utf-8";
        metrics.Answered(status);
        var body = Encoding.UTF8.GetBytes(text.ToString());
        response.ContentLength = body.Length;
        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }

    /// <summary>A problem's text on one line, whatever an exception message held.</summary>
    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
