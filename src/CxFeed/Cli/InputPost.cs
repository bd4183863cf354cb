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
/// </summary>
public sealed partial record InputPost(string Title, string Body, string? Teaser, string? ManualExcerpt)
{
    public static async Task<InputPost> ReadAsync(CommandContext context, Uri address)
    {
        var reader = new PostReader(context.Settings<ContentOptions>(), context.Settings<SiteOptions>());
        using var buffer = new MemoryStream();
        await context.In.CopyToAsync(buffer, context.CancellationToken);
        var bytes = buffer.ToArray();
        if (reader.Read(new PostPage("standard input", address, [.. bytes])).Post is { } post)
            return new InputPost(post.Title, post.BodyHtml, Before(post.BodyHtml, post.MoreMarker), post.ManualExcerpt);
        var input = PageText.Decode(bytes).Text;
        var marker = MoreMarker().Match(input);
        return new InputPost("", input, Before(input, marker.Success ? marker.Index : null), null);
    }

    private static string? Before(string html, int? index) => index is { } end ? html[..end] : null;

    // WordPress's marker, with or without its own link text: <!--more--> or <!--more Keep reading-->.
    [GeneratedRegex(@"<!--more\b.*?-->", RegexOptions.Singleline)]
    private static partial Regex MoreMarker();
}
