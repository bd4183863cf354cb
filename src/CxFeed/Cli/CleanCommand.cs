using CxFeed.Core;
using CxFeed.Core.Cleaning;

namespace CxFeed.Cli;

/// <summary>
/// <c>cxfeed clean --base URL</c>: cleans the HTML on standard input (a fragment, or the post
/// body of a whole post page, see <see cref="InputPost"/>; of any other page, its body) and
/// writes it to standard output. Problems go to standard error, one a line — a whole page that
/// gives no post (no body, no date…) says so, then content that had to be cut; they are not a
/// failure of the command (exit 0).
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
        var address = new Uri(baseOption!, UriKind.Absolute);
        var input = await InputPost.ReadAsync(context, address);
        var cleaned = cleaner.Clean(input.Body, address);
        foreach (var problem in input.Problems.Concat(cleaned.Problems))
            await context.Error.WriteLineAsync($"cxfeed clean: {problem}");
        await context.Out.WriteAsync(cleaned.Html);
        if (cleaned.Html.Length > 0)
            await context.Out.WriteAsync('\n');
        return ExitCode.Ok;
    }
}
