using CxFeed.Serving;

namespace CxFeed.Cli;

/// <summary>
/// <c>cxfeed serve</c>: builds the publication, then serves it until Ctrl+C or SIGTERM, rebuilding
/// when the content or the feed definitions change. Host options (<c>--urls</c>,
/// <c>--environment</c>) go to ASP.NET Core; it listens on <see cref="FeedServer.DefaultUrls"/>
/// (this machine only) when none is given. Exit 2 for bad settings.
/// </summary>
public static class ServeCommand
{
    public static async Task<int> RunAsync(CommandContext context)
    {
        await using var app = FeedServer.Create(context.HostArguments, context.Configuration);
        // Stops on SIGTERM or Ctrl+C (the host's lifetime), or when the caller cancels; requests in flight finish first.
        await ((IHost)app).RunAsync(context.CancellationToken);
        return ExitCode.Ok;
    }
}
