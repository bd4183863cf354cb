using System.Text;
using System.Text.RegularExpressions;
using CxFeed.Core;
using CxFeed.Core.Content;

namespace CxFeed.Cli;

/// <summary>
/// The HTML a verb reads on standard input, not yet cleaned: a whole post page is read as the
/// feeds read it (its title, its body without the theme's chrome, the part before its more
/// marker, its manual excerpt); anything else is a fragment, where a <c>&lt;!--more--&gt;</c>
/// marker counts too.
/// </summary>
public sealed partial record InputPost(string Title, string Body, string? Teaser, string? ManualExcerpt)
{
    public static async Task<InputPost> ReadAsync(CommandContext context, Uri address)
    {
        var reader = new PostReader(context.Settings<ContentOptions>(), context.Settings<SiteOptions>());
        var input = await context.In.ReadToEndAsync(context.CancellationToken);
        // The text comes as UTF-8, with the byte order mark that a page's own charset declaration does not override.
        var page = new PostPage("standard input", address, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(input)]);
        if (reader.Read(page).Post is { } post)
            return new InputPost(post.Title, post.BodyHtml, Before(post.BodyHtml, post.MoreMarker), post.ManualExcerpt);
        var marker = MoreMarker().Match(input);
        return new InputPost("", input, Before(input, marker.Success ? marker.Index : null), null);
    }

    private static string? Before(string html, int? index) => index is { } end ? html[..end] : null;

    // WordPress's marker, with or without its own link text: <!--more--> or <!--more Keep reading-->.
    [GeneratedRegex(@"<!--more\b.*?-->", RegexOptions.Singleline)]
    private static partial Regex MoreMarker();
}
