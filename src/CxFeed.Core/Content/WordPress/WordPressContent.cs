using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace CxFeed.Core.Content.WordPress;

/// <summary>
/// A post's content as stored (what the author typed: an export's <c>content:encoded</c>) made into
/// what the blog shows, in the order WordPress's <c>the_content</c> does it: Gutenberg block
/// comments dropped (and then no wpautop, as WordPress skips it for block posts); a bare URL of an
/// oEmbed provider alone on its line made a link (where WordPress would embed the player);
/// <see cref="Autop"/>; a paragraph holding one shortcode unwrapped; <see cref="Shortcodes"/>.
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
        text = AutoEmbed(text);
        if (!hasBlocks)
            text = Autop.Apply(text);
        text = Shortcodes.Unautop(text);
        return Shortcodes.Render(text, postId, media);
    }

    /// <summary>A manual excerpt as the blog shows it: paragraphs from its lines (WordPress's <c>the_excerpt</c>).</summary>
    public static string RenderExcerpt(string excerpt) => Shortcodes.Unautop(Autop.Apply(excerpt));

    /// <summary>Bare oEmbed URLs alone on their line (newlines inside tags do not count as lines) become links.</summary>
    private static string AutoEmbed(string text)
    {
        if (!text.Contains("http", StringComparison.OrdinalIgnoreCase))
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
