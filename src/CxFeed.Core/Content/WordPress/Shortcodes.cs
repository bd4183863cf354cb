using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CxFeed.Core.Content.WordPress;

/// <summary>
/// WordPress's shortcodes rendered as the blog would show them, without WordPress: the core ones
/// (<c>[caption]</c> a figure with its figcaption, <c>[gallery]</c> the images from the media
/// library, <c>[embed]</c>, <c>[video]</c>, <c>[audio]</c> a link to the media, <c>[playlist]</c> a
/// list of links), an escaped <c>[[name]]</c> shown as <c>[name]</c>, and a plugin's shortcode
/// (a plugin that is gone, or whose output a feed cannot carry) removed with the text it wraps
/// kept. A bracketed word that is not written as a shortcode (<c>[sic]</c>, <c>[1]</c>) is text
/// and stays. Pure and deterministic.
/// </summary>
public static partial class Shortcodes
{
    /// <summary>Shortcodes WordPress itself registers, each rendered here.</summary>
    private static readonly FrozenSet<string> Core =
        new[] { "caption", "wp_caption", "gallery", "embed", "video", "audio", "playlist" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Shortcodes nest at most this deep; deeper ones are left as text (a hostile post cannot exhaust the stack).</summary>
    private const int MaxDepth = 32;

    /// <summary>The text with every shortcode rendered; <paramref name="media"/> gives galleries and playlists their files.</summary>
    public static string Render(string text, long postId = 0, MediaLibrary? media = null) =>
        Render(text, new Context(postId, media ?? MediaLibrary.Empty), 0);

    /// <summary>
    /// Unwraps a paragraph that holds one shortcode alone (<c>&lt;p&gt;[gallery]&lt;/p&gt;</c>), as
    /// WordPress's <c>shortcode_unautop</c> does after wpautop, so a figure or a gallery is never
    /// inside a paragraph. As WordPress's, the shortcode runs to its closing tag even across
    /// paragraphs (<c>&lt;p&gt;[note]a&lt;/p&gt;&lt;p&gt;b[/note]&lt;/p&gt;</c> loses its outer
    /// paragraph tags), which is what the blog shows.
    /// </summary>
    public static string Unautop(string text)
    {
        if (!text.Contains("<p>", StringComparison.Ordinal) || !text.Contains('['))
            return text;
        StringBuilder? result = null;
        var copied = 0;
        var paragraph = text.IndexOf("<p>", StringComparison.Ordinal);
        while (paragraph >= 0)
        {
            var next = paragraph + 3;
            var start = SkipSpaces(text, next);
            if (start < text.Length && text[start] == '[' && Shortcode.At(text, start) is { Escaped: false } shortcode && IsShortcode(shortcode))
            {
                // With its content up to the closing tag if a paragraph's end follows it, else the opening tag alone.
                var tagEnd = text.IndexOf(']', start) + 1;
                foreach (var end in shortcode.Content is null ? [tagEnd] : new[] { shortcode.End, tagEnd })
                {
                    var after = SkipSpaces(text, end);
                    if (string.CompareOrdinal(text, after, "</p>", 0, 4) != 0)
                        continue;
                    (result ??= ReusableBuilder.Take(text.Length)).Append(text, copied, paragraph - copied).Append(text, start, end - start);
                    copied = next = after + 4;
                    break;
                }
            }
            paragraph = text.IndexOf("<p>", next, StringComparison.Ordinal);
        }
        return result is null ? text : ReusableBuilder.Release(result.Append(text, copied, text.Length - copied));
    }

    /// <summary>Past the whitespace at <paramref name="position"/>, no-break spaces (written or as <c>&amp;nbsp;</c>) included, as WordPress's <c>wp_spaces_regexp()</c>.</summary>
    private static int SkipSpaces(string text, int position)
    {
        while (position < text.Length)
        {
            if (text[position] is ' ' or '\t' or '\n' or '\r' or '\u00A0')
                position++;
            else if (string.CompareOrdinal(text, position, "&nbsp;", 0, 6) == 0)
                position += 6;
            else
                break;
        }
        return position;
    }

    private sealed record Context(long PostId, MediaLibrary Media);

    private static string Render(string text, Context context, int depth)
    {
        if (!text.Contains('[') || depth > MaxDepth)
            return text;
        StringBuilder? result = null;
        var position = 0;
        var copied = 0;
        while (position < text.Length)
        {
            var next = text.IndexOfAny(['[', '<'], position);
            if (next < 0)
                break;
            if (text[next] == '<')
            {
                // Brackets inside a tag or a comment are the markup's, not shortcodes.
                position = HtmlSplitter.MarkupEnd(text, next);
                continue;
            }
            if (Shortcode.At(text, next) is not { } shortcode || !IsShortcode(shortcode))
            {
                position = next + 1;
                continue;
            }
            result ??= ReusableBuilder.Take(text.Length);
            result.Append(text, copied, shortcode.Start - copied);
            result.Append(shortcode.Escaped ? shortcode.Unescaped(text) : RenderOne(shortcode, context, depth));
            position = copied = shortcode.End;
        }
        return result is null ? text : ReusableBuilder.Release(result.Append(text, copied, text.Length - copied));
    }

    /// <summary>
    /// Whether a blog is taken to have registered the shortcode <paramref name="name"/>: a core
    /// one, or one with a plugin's prefix (<c>vc_row</c>, <c>et_pb-text</c>). Its tags are markup
    /// to <see cref="Texturize"/>, as registered shortcodes are to WordPress's.
    /// </summary>
    internal static bool IsRegisteredName(ReadOnlySpan<char> name) =>
        Core.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name) || name.IndexOfAny('_', '-') > 0;

    /// <summary>
    /// A core shortcode, or one written the way only a shortcode is: with a closing tag, with
    /// <c>name=value</c> attributes, self-closing, or with a plugin's prefix (<c>vc_row</c>,
    /// <c>et_pb-text</c>). <c>[sic]</c> and <c>[1]</c> are none of these.
    /// </summary>
    private static bool IsShortcode(Shortcode shortcode) =>
        Core.Contains(shortcode.Name)
        || shortcode.Content is not null
        || shortcode.Attributes.Count > 0
        || shortcode.Name.AsSpan().IndexOfAny('_', '-') > 0;

    private static string RenderOne(Shortcode shortcode, Context context, int depth) => shortcode.Name switch
    {
        "caption" or "wp_caption" => Caption(shortcode, context, depth),
        "gallery" => Gallery(shortcode, context),
        "embed" => LinkTo(shortcode.Content?.Trim()) ?? "",
        "video" => MediaLink(shortcode, VideoSources, context, depth),
        "audio" => MediaLink(shortcode, AudioSources, context, depth),
        "playlist" => Playlist(shortcode, context),
        // A plugin's shortcode: its output is unknown here, the text it wraps is the author's.
        _ => shortcode.Content is { } content ? Render(content, context, depth + 1) : "",
    };

    /// <summary>
    /// <c>[caption id="attachment_7" align="alignnone" width="300"]&lt;img …&gt; Caption text[/caption]</c>:
    /// the image (with its link) in a figure, the text after it (or the <c>caption</c> attribute) in its
    /// figcaption. Without a width or a caption WordPress shows the image alone, and so does this.
    /// </summary>
    private static string Caption(Shortcode shortcode, Context context, int depth)
    {
        var content = shortcode.Content ?? "";
        var caption = shortcode.Attribute("caption");
        if (caption is null && CaptionedImage().Match(content) is { Success: true } match)
        {
            content = match.Groups["image"].Value;
            caption = match.Groups["caption"].Value.Trim();
        }
        content = Render(content, context, depth + 1);
        _ = int.TryParse(shortcode.Attribute("width"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var width);
        if (width < 1 || string.IsNullOrEmpty(caption))
            return content;
        var align = shortcode.Attribute("align") ?? "alignnone";
        var @class = string.Join(' ', new[] { "wp-caption", align, shortcode.Attribute("class") ?? "" }.Where(part => part.Length > 0));
        return $"<figure class=\"{Attribute(@class)}\" style=\"width: {width}px\">{content}<figcaption class=\"wp-caption-text\">{caption}</figcaption></figure>";
    }

    /// <summary>
    /// <c>[gallery ids="1,2"]</c> (or <c>include</c>), else the images uploaded to the post, minus
    /// <c>exclude</c>: each image linked to its file, with its caption.
    /// </summary>
    private static string Gallery(Shortcode shortcode, Context context)
    {
        var ids = Ids(shortcode.Attribute("ids") ?? shortcode.Attribute("include"));
        var images = ids.Count > 0
            ? ids.Select(context.Media.Find).OfType<WordPressAttachment>()
            : context.Media.ChildrenOf(context.PostId);
        var excluded = Ids(shortcode.Attribute("exclude")).ToHashSet();
        var chosen = images.Where(image => image.IsImage && !excluded.Contains(image.Id)).ToList();
        if (string.Equals(shortcode.Attribute("order"), "DESC", StringComparison.OrdinalIgnoreCase))
            chosen.Reverse();
        if (chosen.Count == 0)
            return "";
        var columns = int.TryParse(shortcode.Attribute("columns"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var given) && given is > 0 and < 10 ? given : 3;
        var html = new StringBuilder($"<div class=\"gallery gallery-columns-{columns}\">");
        foreach (var image in chosen)
        {
            var url = Attribute(image.Url.AbsoluteUri);
            html.Append("<figure class=\"gallery-item\"><a href=\"").Append(url).Append("\"><img src=\"").Append(url).Append('"');
            if (image.Width is { } imageWidth && image.Height is { } imageHeight)
            {
                var (width, height) = Thumbnail(imageWidth, imageHeight);
                html.Append(CultureInfo.InvariantCulture, $" width=\"{width}\" height=\"{height}\"");
            }
            html.Append(" alt=\"").Append(Attribute(image.Alt ?? "")).Append("\" /></a>");
            if (image.Caption is { } caption)
                html.Append("<figcaption class=\"wp-caption-text gallery-caption\">").Append(caption).Append("</figcaption>");
            html.Append("</figure>");
        }
        return html.Append("</div>").ToString();
    }

    /// <summary>The largest side a gallery's thumbnail has (WordPress's default thumbnail size, 150×150).</summary>
    private const int ThumbnailSide = 150;

    /// <summary>
    /// The size a gallery shows an image at: WordPress's gallery shows the thumbnail, and an image
    /// without one at its own size scaled down to fit the thumbnail's box, rounded as WordPress's
    /// <c>wp_constrain_dimensions</c> rounds.
    /// </summary>
    private static (int Width, int Height) Thumbnail(int width, int height)
    {
        if (width <= 0 || height <= 0)
            return (width, height);
        var widthRatio = width > ThumbnailSide ? (double)ThumbnailSide / width : 1.0;
        var heightRatio = height > ThumbnailSide ? (double)ThumbnailSide / height : 1.0;
        var larger = Math.Max(widthRatio, heightRatio);
        var ratio = Round(width * larger) > ThumbnailSide || Round(height * larger) > ThumbnailSide ? Math.Min(widthRatio, heightRatio) : larger;
        var scaledWidth = Math.Max(1, Round(width * ratio));
        var scaledHeight = Math.Max(1, Round(height * ratio));
        // WordPress's own correction of a rounding that fell one pixel short of the box.
        if (width > ThumbnailSide && scaledWidth == ThumbnailSide - 1)
            scaledWidth = ThumbnailSide;
        if (height > ThumbnailSide && scaledHeight == ThumbnailSide - 1)
            scaledHeight = ThumbnailSide;
        return (scaledWidth, scaledHeight);
    }

    private static int Round(double value) => (int)Math.Round(value, MidpointRounding.AwayFromZero);

    private static readonly string[] VideoSources = ["src", "mp4", "m4v", "webm", "ogv", "wmv", "flv"];

    private static readonly string[] AudioSources = ["src", "mp3", "ogg", "flac", "m4a", "wav"];

    /// <summary><c>[video src=…]</c>, <c>[audio mp3=…]</c>: a link to the file; without one, the fallback the author wrote inside.</summary>
    private static string MediaLink(Shortcode shortcode, string[] sources, Context context, int depth)
    {
        var source = sources.Select(shortcode.Attribute).FirstOrDefault(value => !string.IsNullOrWhiteSpace(value));
        return LinkTo(source?.Trim()) ?? (shortcode.Content is { } content ? Render(content, context, depth + 1) : "");
    }

    /// <summary><c>[playlist ids="1,2"]</c> (or the post's own audio, or video with <c>type="video"</c>): a list of links to the files.</summary>
    private static string Playlist(Shortcode shortcode, Context context)
    {
        var video = string.Equals(shortcode.Attribute("type"), "video", StringComparison.Ordinal);
        var ids = Ids(shortcode.Attribute("ids") ?? shortcode.Attribute("include"));
        var files = (ids.Count > 0 ? ids.Select(context.Media.Find).OfType<WordPressAttachment>() : context.Media.ChildrenOf(context.PostId))
            .Where(file => video ? file.IsVideo : file.IsAudio)
            .ToList();
        if (files.Count == 0)
            return "";
        var html = new StringBuilder("<ol class=\"wp-playlist\">");
        foreach (var file in files)
        {
            var title = file.Title.Length > 0 ? file.Title : Path.GetFileName(file.Url.AbsolutePath);
            html.Append("<li><a href=\"").Append(Attribute(file.Url.AbsoluteUri)).Append("\">").Append(Text(title)).Append("</a></li>");
        }
        return html.Append("</ol>").ToString();
    }

    /// <summary>A link to an http(s) address showing the address; null when it is not one.</summary>
    internal static string? LinkTo(string? address)
    {
        if (!Settings.IsHttpUrl(address))
            return null;
        var url = System.Net.WebUtility.HtmlDecode(address!);
        return $"<a href=\"{Attribute(url)}\">{Text(url)}</a>";
    }

    private static List<long> Ids(string? list) =>
        list is null
            ? []
            : list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(id => long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0)
                .Where(id => id > 0)
                .ToList();

    private static string Attribute(string value) =>
        value.Replace("&", "&amp;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);

    private static string Text(string value) =>
        value.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>The image of a caption (with the link around it) and the text after it, as WordPress splits them.</summary>
    [GeneratedRegex(@"(?<image>(?:<a [^>]+>\s*)?<img [^>]+>(?:\s*</a>)?)(?<caption>.*)", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex CaptionedImage();
}
