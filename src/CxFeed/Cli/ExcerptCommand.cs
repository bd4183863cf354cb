using System.Globalization;
using CxFeed.Core;
using CxFeed.Core.Cleaning;
using CxFeed.Core.Excerpts;

namespace CxFeed.Cli;

/// <summary>
/// <c>cxfeed excerpt --base URL [--words N | --chars N] [--html]</c>: writes the excerpt of HTML
/// from standard input, as plain text or, with <c>--html</c>, as HTML ending with the "Read more"
/// link to <c>--base</c>. The input is read as <see cref="InputPost"/> says, then cleaned.
/// </summary>
public static class ExcerptCommand
{
    public static async Task<int> RunAsync(CommandContext context)
    {
        if (!TryReadArguments(context, out var baseUrl, out var budget, out var usageError))
        {
            await context.Error.WriteLineAsync($"cxfeed excerpt: {usageError}");
            await context.Error.WriteLineAsync($"usage: {Verbs.ByName["excerpt"].Usage}");
            return ExitCode.Usage;
        }
        var builder = new ExcerptBuilder(context.Settings<ExcerptOptions>());
        var cleaner = new HtmlCleaner(context.Settings<CleaningOptions>().ToPolicy());
        var input = await InputPost.ReadAsync(context, baseUrl);
        var problems = new List<string>(input.Problems);
        string? Clean(string? html)
        {
            if (html is null)
                return null;
            var cleaned = cleaner.Clean(html, baseUrl);
            problems.AddRange(cleaned.Problems);
            return cleaned.Html;
        }
        var source = new ExcerptSource(input.Title, baseUrl, Clean(input.Body)!, Clean(input.Teaser), Clean(input.ManualExcerpt));
        foreach (var problem in problems.Distinct())
            await context.Error.WriteLineAsync($"cxfeed excerpt: {problem}");

        var excerpt = builder.Build(source, budget);
        await context.Out.WriteAsync((context.Flag("html") ? excerpt.Html : excerpt.Text) + "\n");
        return ExitCode.Ok;
    }

    private static bool TryReadArguments(CommandContext context, out Uri baseUrl, out ExcerptBudget budget, out string error)
    {
        baseUrl = null!;
        budget = ExcerptBudget.Default;
        if (context.Option("base") is not { } value)
        {
            error = "--base is required: the post's address, which relative links and \"Read more\" point to";
            return false;
        }
        if (!Settings.IsHttpUrl(value))
        {
            error = $"--base '{value}' is not an absolute http(s) URL";
            return false;
        }
        baseUrl = new Uri(value, UriKind.Absolute);
        var words = context.Option("words");
        var characters = context.Option("chars");
        if (words is not null && characters is not null)
        {
            error = "--words and --chars exclude each other: give one budget";
            return false;
        }
        if ((words ?? characters) is { } size)
        {
            var option = words is not null ? "--words" : "--chars";
            if (!int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count <= 0)
            {
                error = $"{option} '{size}' is not a positive whole number";
                return false;
            }
            budget = words is not null ? ExcerptBudget.Words(count) : ExcerptBudget.Characters(count);
        }
        error = "";
        return true;
    }
}
