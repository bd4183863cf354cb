using System.Collections.Frozen;
using System.Text;
using System.Text.RegularExpressions;

namespace CxFeed.Core.Content.WordPress;

/// <summary>
/// A post's content as stored (what the author typed: an export's <c>content:encoded</c>) made into
/// what the blog shows, in the order WordPress's <c>the_content</c> does it: Gutenberg block
/// comments dropped (and then no wpautop, as WordPress skips it for block posts); a bare URL of an
/// oEmbed provider alone on its line made a link (where WordPress would embed the player);
/// <see cref="Texturize"/>; <see cref="Autop"/>; a paragraph holding one shortcode unwrapped; <see cref="Shortcodes"/>.
/// <c>&lt;!--more--&gt;</c> (with its custom text) stays as written: the post reader knows it as
/// the more marker. Pure and deterministic.
/// </summary>
public static partial class WordPressContent
{
    /// <summary>
    /// Hosts WordPress embeds from by oEmbed without a plugin (its list of providers): a URL of
    /// one of them alone on a line is a player on the blog, and a link here. Another URL alone on
    /// a line stays text, as WordPress leaves it.
    /// </summary>
    private static readonly FrozenSet<string> OEmbedHosts = new[]
    {
        "youtube.com", "youtu.be", "vimeo.com", "dailymotion.com", "dai.ly", "flickr.com", "flic.kr", "smugmug.com",
        "scribd.com", "wordpress.tv", "animoto.com", "video214.com", "twitter.com", "x.com", "soundcloud.com",
        "slideshare.net", "spotify.com", "imgur.com", "issuu.com", "mixcloud.com", "ted.com", "reddit.com",
        "speakerdeck.com", "kickstarter.com", "kck.st", "cloudup.com", "reverbnation.com", "videopress.com",
        "tumblr.com", "amazon.com", "amzn.to", "someecards.com", "screencast.com", "tiktok.com", "pinterest.com",
        "wolframcloud.com", "anghami.com", "crowdsignal.com", "polldaddy.com", "poll.fm", "survey.fm",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The content as the blog shows it; <paramref name="media"/> gives galleries and playlists their files.</summary>
    public static string Render(string content, long postId = 0, MediaLibrary? media = null)
    {
        var hasBlocks = content.Contains("<!-- wp:", StringComparison.Ordinal);
        var text = hasBlocks ? BlockDelimiter().Replace(content, "") : content;
        text = Texturize.Apply(AutoEmbed(text));
        if (!hasBlocks)
            text = Autop.Apply(text);
        text = Shortcodes.Unautop(text);
        // A shortcode that was not alone in its paragraph (inside a plugin's wrapping shortcode)
        // leaves its figure in a paragraph, which a browser shows as the figure alone.
        return UnwrapLoneBlocks(Shortcodes.Render(text, postId, media));
    }

    /// <summary>A manual excerpt as the blog shows it: its typography, paragraphs from its lines (WordPress's <c>the_excerpt</c>).</summary>
    public static string RenderExcerpt(string excerpt) => Shortcodes.Unautop(Autop.Apply(Texturize.Apply(excerpt)));

    /// <summary>A title as the blog shows it (WordPress's <c>the_title</c>), still with its character references.</summary>
    public static string RenderTitle(string title) => Texturize.Apply(title).Trim();

    /// <summary>
    /// Rendered content with a paragraph that holds nothing but one <c>figure</c> or <c>div</c>
    /// made that element alone, as a browser shows it (a paragraph ends where a figure starts).
    /// A shortcode inside a plugin's wrapping shortcode is never unwrapped by
    /// <c>shortcode_unautop</c>, and the REST API's <c>content.rendered</c> has more: WordPress 6.1 renders
    /// the posts of one listing one after the other, and after a block post it runs wpautop after
    /// <c>shortcode_unautop</c> (its <c>_restore_wpautop_hook</c>): every classic post after it in
    /// the same response has its captions and galleries inside a paragraph
    /// (<c>&lt;p&gt;&lt;figure …&gt;…&lt;/figure&gt;&lt;/p&gt;</c>), which the post's own page does
    /// not have and a browser would split anyway. Elements of the same name nested inside are counted.
    /// </summary>
    public static string UnwrapLoneBlocks(string html)
    {
        if (!html.Contains("<p><", StringComparison.Ordinal))
            return html;
        StringBuilder? result = null;
        var copied = 0;
        for (var paragraph = html.IndexOf("<p>", StringComparison.Ordinal); paragraph >= 0; paragraph = html.IndexOf("<p>", paragraph + 3, StringComparison.Ordinal))
        {
            var start = SkipSpaces(html, paragraph + 3);
            var name = html.AsSpan(start).StartsWith("<figure") ? "figure" : html.AsSpan(start).StartsWith("<div") ? "div" : null;
            if (name is null || start + name.Length + 1 >= html.Length || html[start + name.Length + 1] is not (' ' or '>'))
                continue;
            var end = ElementEnd(html, start, name);
            var after = end < 0 ? -1 : SkipSpaces(html, end);
            if (after < 0 || string.CompareOrdinal(html, after, "</p>", 0, 4) != 0)
                continue;
            (result ??= ReusableBuilder.Take(html.Length)).Append(html, copied, paragraph - copied).Append(html, start, end - start);
            copied = after + 4;
            paragraph = copied - 3;
        }
        return result is null ? html : ReusableBuilder.Release(result.Append(html, copied, html.Length - copied));
    }

    /// <summary>Where the element <paramref name="name"/> opened at <paramref name="start"/> ends (after its end tag), or -1.</summary>
    private static int ElementEnd(string html, int start, string name)
    {
        var open = "<" + name;
        var close = "</" + name + ">";
        var depth = 0;
        var position = start;
        while (position < html.Length)
        {
            var next = html.IndexOf('<', position);
            if (next < 0)
                return -1;
            if (string.CompareOrdinal(html, next, close, 0, close.Length) == 0)
            {
                if (--depth == 0)
                    return next + close.Length;
                position = next + close.Length;
                continue;
            }
            if (string.CompareOrdinal(html, next, open, 0, open.Length) == 0 && next + open.Length < html.Length && html[next + open.Length] is ' ' or '>' or '\t' or '\n')
                depth++;
            position = HtmlSplitter.MarkupEnd(html, next);
        }
        return -1;
    }

    private static int SkipSpaces(string html, int position)
    {
        while (position < html.Length && html[position] is ' ' or '\t' or '\n' or '\r')
            position++;
        return position;
    }

    /// <summary>Bare oEmbed URLs alone on their line (newlines inside tags do not count as lines) become links.</summary>
    private static string AutoEmbed(string text)
    {
        // A URL alone on a line once the newlines inside tags are hidden is alone on a line of the
        // text as written too (its line holds no tag): without one there, the copy is not made.
        if (!text.Contains("http", StringComparison.OrdinalIgnoreCase) || !UrlAloneOnLine().IsMatch(text))
            return text;
        const string TagNewline = "<!-- wp-line-break -->";
        var protectedText = HtmlSplitter.ReplaceInTags(text, "\n", TagNewline);
        var embedded = UrlAloneOnLine().Replace(protectedText, match =>
            IsOEmbedUrl(match.Groups["url"].Value) && Shortcodes.LinkTo(match.Groups["url"].Value) is { } link
                ? match.Groups["before"].Value + link + match.Groups["after"].Value
                : match.Value);
        return embedded.Replace(TagNewline, "\n", StringComparison.Ordinal);
    }

    private static bool IsOEmbedUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
            return false;
        var host = uri.Host;
        while (true)
        {
            if (OEmbedHosts.Contains(host))
                return true;
            var dot = host.IndexOf('.');
            if (dot < 0)
                return false;
            host = host[(dot + 1)..];
        }
    }

    /// <summary>A block's delimiter comment: <c>&lt;!-- wp:name {"json"} --&gt;</c>, <c>&lt;!-- /wp:name --&gt;</c>, <c>&lt;!-- wp:name /--&gt;</c>.</summary>
    [GeneratedRegex(@"<!--[\t\n\v\f\r ]+/?wp:[a-z][a-z0-9_-]*(?:/[a-z][a-z0-9_-]*)?[\t\n\v\f\r ]+(?:\{.*?\}[\t\n\v\f\r ]+)?/?-->", RegexOptions.Singleline)]
    private static partial Regex BlockDelimiter();

    [GeneratedRegex(@"^(?<before>[\t\v\f\r ]*)(?<url>https?://[^\t\n\v\f\r <>""]+)(?<after>[\t\v\f\r ]*)$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex UrlAloneOnLine();
}
