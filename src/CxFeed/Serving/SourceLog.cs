namespace CxFeed.Serving;

/// <summary>Structured logs of the live source (category <c>CxFeed.Serving.WordPressPoller</c>). Credentials never appear: only addresses and counts.</summary>
internal static partial class SourceLog
{
    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "Pulled from {BaseUrl}: {Fetched} fetched, {Changed} changed, {Removed} removed, listed {Listed}, {Requests} requests, {Bytes} bytes in {ElapsedMilliseconds} ms")]
    public static partial void Pulled(this ILogger logger, string baseUrl, int fetched, int changed, int removed, bool listed, long requests, long bytes, long elapsedMilliseconds);

    [LoggerMessage(EventId = 21, Level = LogLevel.Warning, Message = "Pull failed ({Attempt} in a row), the store keeps serving; next attempt in {Delay}: {Reason}")]
    public static partial void PullFailed(this ILogger logger, int attempt, TimeSpan delay, string reason);

    [LoggerMessage(EventId = 22, Level = LogLevel.Warning, Message = "Post left out: {Subject}: {Reason}")]
    public static partial void PostLeftOut(this ILogger logger, string subject, string reason);

    [LoggerMessage(EventId = 23, Level = LogLevel.Information, Message = "Ping received ({Kind}): a poll starts")]
    public static partial void PingReceived(this ILogger logger, string kind);
}
