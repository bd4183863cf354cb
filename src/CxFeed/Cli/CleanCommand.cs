using CxFeed.Core;
using CxFeed.Core.Cleaning;

namespace CxFeed.Cli;

/// <summary>
/// <c>cxfeed clean --base URL</c>: cleans the HTML on standard input (a fragment, or a whole
/// page's body) and writes it to standard output. Problems about content that had to be cut go
/// to standard error, one a line; they are not a failure of the command (exit 0).
/// </summary>
public static class CleanCommand
{
    public static async Task<int> RunAsync(CommandContext context)
    {
        var baseOption = context.Option("base");
        if (!Settings.IsHttpUrl(baseOption))
        {
            await context.Error.WriteLineAsync(baseOption is null
                ? "cxfeed clean: --base URL is required: the post's address, to make its links absolute"
                : $"cxfeed clean: --base '{baseOption}' is not an absolute http(s) URL");
            return ExitCode.Usage;
        }
        var cleaner = new HtmlCleaner(context.Settings<CleaningOptions>().ToPolicy());
        var html = await context.In.ReadToEndAsync(context.CancellationToken);
        var cleaned = cleaner.Clean(html, new Uri(baseOption!, UriKind.Absolute));
        foreach (var problem in cleaned.Problems)
            await context.Error.WriteLineAsync($"cxfeed clean: {problem}");
        await context.Out.WriteAsync(cleaned.Html);
        if (cleaned.Html.Length > 0)
            await context.Out.WriteAsync('\n');
        return ExitCode.Ok;
    }
}
