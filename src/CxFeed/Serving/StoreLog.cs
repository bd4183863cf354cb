namespace CxFeed.Serving;

/// <summary>The publication store's log messages (<see cref="Core.Publishing.PublicationStore"/>), beside the server's.</summary>
internal static partial class StoreLog
{
    [LoggerMessage(EventId = 30, Level = LogLevel.Information,
        Message = "Serving the stored publication of {Saved} from {StoredPath} ({Files} files, version {Version}) in {ElapsedMilliseconds} ms; checking it and the content now")]
    public static partial void ServingStored(this ILogger logger, DateTimeOffset saved, string storedPath, int files, string version, long elapsedMilliseconds);

    [LoggerMessage(EventId = 31, Level = LogLevel.Information,
        Message = "Not serving a stored publication from {StoredPath}: {Reason}; building first")]
    public static partial void StoredNotUsed(this ILogger logger, string storedPath, string reason);

    [LoggerMessage(EventId = 32, Level = LogLevel.Warning,
        Message = "The stored publication in {StoredPath} is refused: {Reason}; it stops serving and a full build runs")]
    public static partial void StoredRefused(this ILogger logger, string storedPath, string reason);

    [LoggerMessage(EventId = 33, Level = LogLevel.Information,
        Message = "Stored publication checked: {Files} files, every byte as stored, in {ElapsedMilliseconds} ms")]
    public static partial void StoredChecked(this ILogger logger, int files, long elapsedMilliseconds);

    [LoggerMessage(EventId = 34, Level = LogLevel.Information,
        Message = "Publication saved to {StoredPath}: {Files} files, version {Version}, in {ElapsedMilliseconds} ms")]
    public static partial void Saved(this ILogger logger, string storedPath, int files, string version, long elapsedMilliseconds);

    [LoggerMessage(EventId = 35, Level = LogLevel.Error,
        Message = "Could not save the publication to {StoredPath}: {Reason}; the previous stored one stays whole and serving goes on")]
    public static partial void SaveFailed(this ILogger logger, string storedPath, string reason);

    [LoggerMessage(EventId = 36, Level = LogLevel.Warning,
        Message = "No publication kept on disk: {StoredPath} cannot be used ({Reason}); every start builds before it answers")]
    public static partial void StoreUnavailable(this ILogger logger, string storedPath, string reason);
}
