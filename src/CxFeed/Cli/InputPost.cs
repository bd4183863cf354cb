using System.Collections.Immutable;
using System.Text.RegularExpressions;
using CxFeed.Core;
using CxFeed.Core.Content;

namespace CxFeed.Cli;

/// <summary>
/// The HTML a verb reads on standard input, not yet cleaned: a whole post page is read as the
/// feeds read it (its title, its body without the theme's chrome, the part before its more
/// marker, its manual excerpt); anything else is a fragment, where a <c>&lt;!--more--&gt;</c>
/// marker counts too. Either way the bytes are decoded as a page file is: a byte order mark, else
/// the charset the HTML declares, else UTF-8 — so a windows-1252 page piped in reads as it does
/// from the content folder.
/// A whole page that gives no post says why in <see cref="Problems"/> (no body, no date, not a
/// single post…): its post body is still used when it has one, else its <c>&lt;body&gt;</c>.
/// </summary>
public sealed partial record InputPost(string Title, string Body, string? Teaser, string? ManualExcerpt, ImmutableArray<string> Problems)
{
    private const string Subject = "standard input";

    public static async Task<InputPost> ReadAsync(CommandContext context, Uri address)
    {
        var reader = new PostReader(context.Settings<ContentOptions>(), context.Settings<SiteOptions>());
        using var buffer = new MemoryStream();
        await context.In.CopyToAsync(buffer, context.CancellationToken);
        var bytes = buffer.ToArray();
        var page = new PostPage(Subject, address, [.. bytes]);
        var reading = reader.Read(page);
        if (reading.Post is { } post)
            return new InputPost(post.Title, post.BodyHtml, Before(post.BodyHtml, post.MoreMarker), post.ManualExcerpt, []);
        var input = PageText.Decode(bytes).Text;
        if (!WholePage().IsMatch(input))
        {
            var marker = MoreMarker().Match(input);
            return new InputPost("", input, Before(input, marker.Success ? marker.Index : null), null, []);
        }
        ImmutableArray<string> problems = [.. reading.Problems.Select(problem => $"{problem.Subject} {problem.Reason}")];
        return reader.ReadBody(page) is { } body
            ? new InputPost("", body.Html, Before(body.Html, body.MoreMarker), null, problems)
            : new InputPost("", input, null, null, problems);
    }

    private static string? Before(string html, int? index) => index is { } end ? html[..end] : null;

    // WordPress's marker, with or without its own link text: <!--more--> or <!--more Keep reading-->.
    [GeneratedRegex(@"<!--more\b.*?-->", RegexOptions.Singleline)]
    private static partial Regex MoreMarker();

    // A document, not a fragment: a doctype, or an html, head or body start tag.
    [GeneratedRegex(@"<!doctype\s+html|<(html|head|body)[\s>/]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WholePage();
}
