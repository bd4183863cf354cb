namespace CxFeed.Tests.Serving;

public static class HttpResponses
{
    /// <summary>A response or content header's value as sent (several joined by ", "), or "" when absent.</summary>
    public static string Header(this HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values)
        : response.Content.Headers.TryGetValues(name, out var contentValues) ? string.Join(", ", contentValues)
        : "";
}
