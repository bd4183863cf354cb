using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using CxFeed.Core.Html;
using HtmlAgilityPack;

namespace CxFeed.Core.Content.WordPress;

/// <summary>
/// One post of the REST API (<c>/wp/v2/posts</c> with <c>_embed</c>) made a <see cref="WordPressPost"/>:
/// the title's text with character references decoded and any markup dropped; the dates from
/// <c>date_gmt</c> and <c>modified_gmt</c> (UTC; a modification not after the publication is no
/// modification); the link as WordPress states it and the shortlink <c>home/?p=ID</c>;
/// <c>content.rendered</c> as it is (with its <c>span#more-ID</c>); the author's name, the featured
/// image and the category and tag names and slugs from <c>_embedded</c>; the manual excerpt as
/// <see cref="ExcerptOrigin"/> decides. A post whose fields have the wrong types is not taken: the
/// reason names the field.
/// </summary>
public static class RestPost
{
    /// <summary>The post, or why it is left out (<see cref="RestPostReading.Post"/> null).</summary>
    public static RestPostReading Read(JsonElement post, ApiRoot api)
    {
        if (post.ValueKind != JsonValueKind.Object)
            return RestPostReading.Bad(null, $"a post is {post.ValueKind}, not an object");
        if (!post.TryGetProperty("id", out var idValue) || idValue.ValueKind != JsonValueKind.Number || !idValue.TryGetInt64(out var id) || id <= 0)
            return RestPostReading.Bad(null, "a post has no numeric 'id'");
        try
        {
            var modified = Date(post, "modified_gmt");
            if (post.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.String && status.GetString() != "publish")
                return new RestPostReading(id, modified, null, $"is {status.GetString()}, not published");
            if (Nested(post, "content", "protected") is { ValueKind: JsonValueKind.True })
                return new RestPostReading(id, modified, null, "is password-protected: not published");
            var published = Date(post, "date_gmt") ?? throw new FieldException("date_gmt", "is missing");
            var link = Url(post, "link");
            var title = Text(Rendered(post, "title") ?? "");
            var content = WordPressContent.UnwrapLoneBlocks(Rendered(post, "content") ?? throw new FieldException("content.rendered", "is missing"));
            var excerpt = ExcerptOrigin.Manual(post, content);
            var embedded = post.TryGetProperty("_embedded", out var value) && value.ValueKind == JsonValueKind.Object ? value : default;
            var (categories, tags) = Terms(embedded);
            var wordPressPost = new WordPressPost(
                id,
                link,
                api.Shortlink(id),
                title,
                published,
                modified > published ? modified : null,
                Authors(embedded),
                categories,
                tags,
                FeaturedImage(embedded),
                excerpt,
                content);
            return new RestPostReading(id, modified, wordPressPost, null);
        }
        catch (FieldException wrong)
        {
            return RestPostReading.Bad(id, $"'{wrong.Field}' {wrong.Message}");
        }
        catch (InvalidOperationException notText) when (notText.InnerException is DecoderFallbackException)
        {
            // The JSON parser checks the structure, not the bytes inside strings: a string that is
            // not UTF-8 throws only when it is read.
            return RestPostReading.Bad(id, "holds a string that is not UTF-8 text");
        }
    }

    /// <summary>Text of HTML: character references decoded, markup dropped, whitespace collapsed.</summary>
    public static string Text(string html)
    {
        if (!html.Contains('<'))
            return HtmlSource.CollapseWhitespace(WebUtility.HtmlDecode(html));
        var document = new HtmlDocument();
        document.LoadHtml(html);
        return HtmlSource.CollapseWhitespace(HtmlSource.Text(document.DocumentNode));
    }

    /// <summary>A <c>*_gmt</c> date: WordPress writes it without an offset, in UTC.</summary>
    private static DateTimeOffset? Date(JsonElement post, string name)
    {
        if (!post.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        if (value.ValueKind != JsonValueKind.String)
            throw new FieldException(name, $"is {value.ValueKind}, not a date");
        return DateTime.TryParseExact(value.GetString(), ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd HH:mm:ss"], CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date)
            ? new DateTimeOffset(date, TimeSpan.Zero)
            : throw new FieldException(name, $"'{value.GetString()}' is not a date");
    }

    private static Uri Url(JsonElement post, string name)
    {
        if (!post.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String)
            throw new FieldException(name, "is not a string");
        return Uri.TryCreate(value.GetString(), UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? url
            : throw new FieldException(name, $"'{value.GetString()}' is not an absolute http(s) URL");
    }

    /// <summary><c>field.rendered</c> (null when the field is absent); any other type is a wrong field.</summary>
    public static string? Rendered(JsonElement post, string field)
    {
        if (!post.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        if (value.ValueKind == JsonValueKind.String)
            return value.GetString();
        if (value.ValueKind != JsonValueKind.Object)
            throw new FieldException(field, $"is {value.ValueKind}, not an object");
        if (!value.TryGetProperty("rendered", out var rendered) || rendered.ValueKind == JsonValueKind.Null)
            return null;
        return rendered.ValueKind == JsonValueKind.String ? rendered.GetString() : throw new FieldException(field + ".rendered", $"is {rendered.ValueKind}, not a string");
    }

    public static JsonElement? Nested(JsonElement element, string name, string inner) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
        && value.TryGetProperty(inner, out var innerValue) ? innerValue : null;

    private static ImmutableArray<string> Authors(JsonElement embedded)
    {
        var names = ImmutableArray.CreateBuilder<string>();
        foreach (var author in Array(embedded, "author"))
        {
            if (author.ValueKind == JsonValueKind.Object && author.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String
                && Text(name.GetString()!) is { Length: > 0 } text)
                names.Add(text);
        }
        return names.ToImmutable();
    }

    private static (ImmutableArray<WordPressTerm> Categories, ImmutableArray<WordPressTerm> Tags) Terms(JsonElement embedded)
    {
        var categories = ImmutableArray.CreateBuilder<WordPressTerm>();
        var tags = ImmutableArray.CreateBuilder<WordPressTerm>();
        foreach (var taxonomy in Array(embedded, "wp:term"))
        {
            if (taxonomy.ValueKind != JsonValueKind.Array)
                continue;
            foreach (var term in taxonomy.EnumerateArray())
            {
                if (term.ValueKind != JsonValueKind.Object
                    || !term.TryGetProperty("taxonomy", out var kind) || kind.ValueKind != JsonValueKind.String
                    || !term.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String
                    || !term.TryGetProperty("slug", out var slug) || slug.ValueKind != JsonValueKind.String)
                    continue;
                // Term names come HTML-escaped from WordPress ("Strategy &amp; Planning").
                var read = new WordPressTerm(Text(name.GetString()!), slug.GetString()!);
                if (read.Name.Length == 0)
                    continue;
                if (kind.GetString() == "category")
                    categories.Add(read);
                else if (kind.GetString() == "post_tag")
                    tags.Add(read);
            }
        }
        return (categories.ToImmutable(), tags.ToImmutable());
    }

    private static PostImage? FeaturedImage(JsonElement embedded)
    {
        var media = Array(embedded, "wp:featuredmedia").FirstOrDefault();
        if (media.ValueKind != JsonValueKind.Object || !media.TryGetProperty("source_url", out var source) || source.ValueKind != JsonValueKind.String
            || !Uri.TryCreate(source.GetString(), UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            return null;
        int? Dimension(string name) =>
            Nested(media, "media_details", name) is { ValueKind: JsonValueKind.Number } number && number.TryGetInt32(out var value) && value > 0 ? value : null;
        string? String(string name) =>
            media.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;
        return new PostImage(url, Dimension("width"), Dimension("height"), String("mime_type"), String("alt_text") is { } alt ? WebUtility.HtmlDecode(alt) : null);
    }

    private static IEnumerable<JsonElement> Array(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : [];

    /// <summary>A field of the wrong type or form.</summary>
    public sealed class FieldException(string field, string message) : Exception(message)
    {
        public string Field { get; } = field;
    }
}

/// <summary>
/// A post as the REST API gave it: its id and modification time when they could be read, and the
/// post, or the reason it is left out (not published, password-protected, a field of the wrong type).
/// </summary>
public sealed record RestPostReading(long? Id, DateTimeOffset? Modified, WordPressPost? Post, string? LeftOut)
{
    public static RestPostReading Bad(long? id, string reason) => new(id, null, null, reason);
}
