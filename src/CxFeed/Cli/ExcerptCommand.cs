using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CxFeed.Core.Cleaning;
using CxFeed.Core.Excerpts;
using CxFeed.Core.Html;
using HtmlAgilityPack;

namespace CxFeed.Cli;

/// <summary>
/// <c>cxfeed excerpt --base URL [--words N | --chars N] [--html]</c>: cleans an HTML fragment or
/// page from standard input and writes its excerpt, as plain text or, with <c>--html</c>, as HTML
/// ending with the "Read more" link to <c>--base</c>. A <c>&lt;!--more--&gt;</c> marker counts:
/// what comes before it is the teaser.
/// </summary>
public static partial class ExcerptCommand
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
        var html = await context.In.ReadToEndAsync(context.CancellationToken);

        var cleaner = new HtmlCleaner();
        var body = cleaner.Clean(html, baseUrl);
        var more = MoreMarker().Match(html);
        var teaser = more.Success ? cleaner.Clean(html[..more.Index], baseUrl) : null;
        foreach (var problem in body.Problems)
            await context.Error.WriteLineAsync($"cxfeed excerpt: {problem}");

        var excerpt = builder.Build(new ExcerptSource(PageTitle(html), baseUrl, body.Html, teaser?.Html), budget);
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
        if (!Core.Settings.IsHttpUrl(value))
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

    // The post's title when standard input is a whole page: og:title, else <title>. A fragment has none.
    private static string PageTitle(string html)
    {
        var document = new HtmlDocument();
        document.LoadHtml(html);
        string? title = null;
        foreach (var node in HtmlTree.Descendants(document.DocumentNode))
        {
            if (node.Name == "meta" && node.GetAttributeValue("property", "") == "og:title")
                return WebUtility.HtmlDecode(node.GetAttributeValue("content", "")).Trim();
            if (node.Name == "title" && title is null && node.FirstChild is HtmlTextNode text)
                title = WebUtility.HtmlDecode(text.Text).Trim();
            if (node.Name == "body")
                break;
        }
        return title ?? "";
    }

    // WordPress's marker, with or without its own link text: <!--more--> or <!--more Keep reading-->.
    [GeneratedRegex(@"<!--more\b.*?-->", RegexOptions.Singleline)]
    private static partial Regex MoreMarker();
}
