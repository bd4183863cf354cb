using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CxFeed.Core;
using CxFeed.Core.Cleaning;
using CxFeed.Core.Content;
using CxFeed.Core.Excerpts;

namespace CxFeed.Cli;

/// <summary>
/// <c>cxfeed excerpt --base URL [--words N | --chars N] [--html]</c>: writes the excerpt of HTML
/// from standard input, as plain text or, with <c>--html</c>, as HTML ending with the "Read more"
/// link to <c>--base</c>. A whole post page is read as the feeds read it (its title, its body
/// without the theme's chrome, its more marker, its manual excerpt); anything else is a fragment,
/// where a <c>&lt;!--more--&gt;</c> marker counts too. Either way it is cleaned first.
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
        var reader = new PostReader(context.Settings<ContentOptions>(), context.Settings<SiteOptions>());
        var input = await context.In.ReadToEndAsync(context.CancellationToken);

        var cleaner = new HtmlCleaner();
        var problems = new List<string>();
        string? Clean(string? html)
        {
            if (html is null)
                return null;
            var cleaned = cleaner.Clean(html, baseUrl);
            problems.AddRange(cleaned.Problems);
            return cleaned.Html;
        }
        ExcerptSource source;
        if (ReadPost(reader, input, baseUrl) is { } post)
            source = new ExcerptSource(post.Title, baseUrl, Clean(post.BodyHtml)!, Clean(Teaser(post.BodyHtml, post.MoreMarker)), Clean(post.ManualExcerpt));
        else
            source = new ExcerptSource("", baseUrl, Clean(input)!, Clean(Teaser(input, FragmentMoreMarker(input))));
        foreach (var problem in problems.Distinct())
            await context.Error.WriteLineAsync($"cxfeed excerpt: {problem}");

        var excerpt = builder.Build(source, budget);
        await context.Out.WriteAsync((context.Flag("html") ? excerpt.Html : excerpt.Text) + "\n");
        return ExitCode.Ok;
    }

    // Standard input as a post page at --base (its text given as UTF-8, with the byte order mark
    // that a page's own charset declaration does not override); null when it is no post page.
    private static Post? ReadPost(PostReader reader, string input, Uri baseUrl) =>
        reader.Read(new PostPage("standard input", baseUrl, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(input)])).Post;

    private static string? Teaser(string html, int? moreMarker) => moreMarker is { } index ? html[..index] : null;

    private static int? FragmentMoreMarker(string html) => MoreMarker().Match(html) is { Success: true } marker ? marker.Index : null;

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

    // WordPress's marker, with or without its own link text: <!--more--> or <!--more Keep reading-->.
    [GeneratedRegex(@"<!--more\b.*?-->", RegexOptions.Singleline)]
    private static partial Regex MoreMarker();
}
