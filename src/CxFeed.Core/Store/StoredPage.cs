using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CxFeed.Core.Content.WordPress;

namespace CxFeed.Core.Store;

/// <summary>
/// A <see cref="WordPressPost"/> written as the standard post page a WordPress theme with an SEO
/// plugin serves, so that the same <see cref="Content.PostReader"/> that reads a folder of saved
/// pages reads the store and gives the same <see cref="Content.Post"/>: <c>&lt;link rel=canonical&gt;</c>
/// and <c>rel=shortlink</c>, <c>og:</c>/<c>article:</c> meta tags (the featured image with its
/// width, height, type and alt), a JSON-LD <c>BlogPosting</c> (headline, dates, authors; categories and tags
/// only as <c>article:section</c> and <c>article:tag</c>, since the reader splits JSON-LD keywords at
/// commas), the manual excerpt in <c>.entry-summary</c> before the body, and the body as
/// WordPress rendered it in <c>.entry-content</c>, last, so nothing after it can be taken for it.
/// The same post always gives the same bytes.
/// </summary>
public static class StoredPage
{
    /// <summary>The class of the element that holds the body, and the selector the reader finds it by.</summary>
    private const string BodyClass = "entry-content";

    public const string BodySelector = "." + BodyClass;

    public static byte[] Render(WordPressPost post)
    {
        var html = new StringBuilder(post.ContentHtml.Length + 4_096);
        html.Append("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<title>").Append(Text(post.Title)).Append("</title>\n");
        Link(html, "canonical", post.Link);
        Link(html, "shortlink", post.Shortlink);
        Meta(html, "og:type", "article");
        Meta(html, "og:title", post.Title);
        Meta(html, "og:url", post.Link.AbsoluteUri);
        if (post.FeaturedImage is { } image)
        {
            Meta(html, "og:image", image.Url.AbsoluteUri);
            if (image.Width is { } width)
                Meta(html, "og:image:width", width.ToString(CultureInfo.InvariantCulture));
            if (image.Height is { } height)
                Meta(html, "og:image:height", height.ToString(CultureInfo.InvariantCulture));
            if (image.MediaType is { } type)
                Meta(html, "og:image:type", type);
            if (image.Alt is { } alt)
                Meta(html, "og:image:alt", alt);
        }
        Meta(html, "article:published_time", Date(post.Published));
        if (post.Modified is { } modified)
            Meta(html, "article:modified_time", Date(modified));
        foreach (var author in post.Authors)
            Meta(html, "article:author", author);
        foreach (var category in post.Categories)
            Meta(html, "article:section", category.Name);
        foreach (var tag in post.Tags)
            Meta(html, "article:tag", tag.Name);
        html.Append("<script type=\"application/ld+json\">").Append(JsonLd(post)).Append("</script>\n");
        html.Append("</head>\n<body>\n");
        html.Append("<article id=\"post-").Append(post.Id.ToString(CultureInfo.InvariantCulture)).Append("\" class=\"post type-post status-publish\">\n");
        html.Append("<h1 class=\"entry-title\">").Append(Text(post.Title)).Append("</h1>\n");
        if (!string.IsNullOrWhiteSpace(post.ManualExcerptHtml))
            html.Append("<div class=\"entry-summary\">").Append(post.ManualExcerptHtml).Append("</div>\n");
        html.Append("<div class=\"").Append(BodyClass).Append("\">").Append(post.ContentHtml).Append("</div>\n");
        html.Append("</article>\n</body>\n</html>\n");
        return Encoding.UTF8.GetBytes(html.ToString());
    }

    /// <summary>
    /// The BlogPosting node (the default encoder escapes &lt;, &gt; and &amp;, so no text can close
    /// the script element). Text values have their ampersands written as <c>&amp;amp;</c>: the
    /// reader decodes character references in JSON-LD text (plugins print titles entity-encoded),
    /// so a title that says <c>&amp;lt;b&gt;</c> in words must reach it encoded once more.
    /// </summary>
    private static string JsonLd(WordPressPost post)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.Default }))
        {
            json.WriteStartObject();
            json.WriteString("@context", "https://schema.org");
            json.WriteString("@type", "BlogPosting");
            json.WriteString("@id", post.Link.AbsoluteUri + "#article");
            json.WriteString("url", post.Link.AbsoluteUri);
            json.WriteString("headline", Escape(post.Title));
            json.WriteString("datePublished", Date(post.Published));
            if (post.Modified is { } modified)
                json.WriteString("dateModified", Date(modified));
            if (!post.Authors.IsEmpty)
            {
                json.WriteStartArray("author");
                foreach (var author in post.Authors)
                {
                    json.WriteStartObject();
                    json.WriteString("@type", "Person");
                    json.WriteString("name", Escape(author));
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal);

    private static string Date(DateTimeOffset date) => date.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);

    private static string Text(string text) => WebUtility.HtmlEncode(text);

    private static void Link(StringBuilder html, string rel, Uri href) =>
        html.Append("<link rel=\"").Append(rel).Append("\" href=\"").Append(Text(href.AbsoluteUri)).Append("\">\n");

    private static void Meta(StringBuilder html, string property, string content) =>
        html.Append("<meta property=\"").Append(property).Append("\" content=\"").Append(Text(content)).Append("\">\n");
}
