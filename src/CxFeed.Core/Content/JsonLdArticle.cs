using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Net;
using System.Text.Json;
using CxFeed.Core.Html;

namespace CxFeed.Core.Content;

/// <summary>
/// What a page's JSON-LD says of its article: the first node, at the top of a block, in a
/// top-level array or in an <c>@graph</c>, whose <c>@type</c> is schema.org's Article or one of
/// its kinds (BlogPosting, NewsArticle…). References by <c>@id</c> (Yoast points the author and
/// the image at other nodes of its graph) are followed. Text values have character references
/// decoded, since WordPress plugins print some titles entity-encoded even in JSON.
/// </summary>
internal sealed record JsonLdArticle(
    string? Headline,
    string? DatePublished,
    string? DateModified,
    ImmutableArray<string> Authors,
    ImmutableArray<string> Sections,
    ImmutableArray<string> Keywords,
    ImageReference? Image,
    string? Abstract,
    string? Url)
{
    public static readonly JsonLdArticle None = new(null, null, null, [], [], [], null, null, null);

    private static readonly FrozenSet<string> ArticleTypes = new[]
    {
        "Article", "AdvertiserContentArticle", "AnalysisNewsArticle", "BackgroundNewsArticle", "BlogPosting",
        "DiscussionForumPosting", "LiveBlogPosting", "NewsArticle", "OpinionNewsArticle", "Report",
        "ReportageNewsArticle", "ReviewNewsArticle", "SatiricalArticle", "ScholarlyArticle",
        "SocialMediaPosting", "TechArticle",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 64,
    };

    /// <summary>Reads the blocks; <paramref name="invalid"/> gets, for each block that is not JSON, its number (from 1) and why.</summary>
    public static JsonLdArticle Read(IReadOnlyList<string> blocks, List<(int Block, string Reason)> invalid)
    {
        var documents = new List<JsonDocument>();
        try
        {
            for (var i = 0; i < blocks.Count; i++)
            {
                try
                {
                    documents.Add(JsonDocument.Parse(blocks[i], Options));
                }
                catch (JsonException error)
                {
                    invalid.Add((i + 1, error.Message));
                }
            }
            var nodes = documents.SelectMany(document => Nodes(document.RootElement)).ToList();
            var byId = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var node in nodes)
            {
                if (String(node, "@id") is { } id)
                    byId.TryAdd(id, node);
            }
            foreach (var node in nodes)
            {
                if (Types(node).Any(ArticleTypes.Contains))
                    return From(node, byId);
            }
            return None;
        }
        finally
        {
            foreach (var document in documents)
                document.Dispose();
        }
    }

    private static JsonLdArticle From(JsonElement article, Dictionary<string, JsonElement> byId) => new(
        Text(article, "headline") ?? Text(article, "name"),
        String(article, "datePublished"),
        String(article, "dateModified"),
        [.. Values(article, "author").Select(author => Name(author, byId)).OfType<string>()],
        [.. Values(article, "articleSection").Select(TextOf).OfType<string>()],
        [.. Values(article, "keywords").Select(TextOf).OfType<string>().SelectMany(SplitKeywords)],
        Values(article, "image").Select(image => ImageOf(image, byId)).FirstOrDefault(image => image is not null)
            ?? (String(article, "thumbnailUrl") is { } thumbnail ? new ImageReference(thumbnail) : null),
        Text(article, "abstract"),
        String(article, "url"));

    /// <summary>Every node a block holds at its top: the block itself or its array's items, and their <c>@graph</c>s.</summary>
    private static IEnumerable<JsonElement> Nodes(JsonElement root)
    {
        var tops = root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().ToList() : [root];
        foreach (var top in tops.Where(top => top.ValueKind == JsonValueKind.Object))
        {
            yield return top;
            if (top.TryGetProperty("@graph", out var graph) && graph.ValueKind == JsonValueKind.Array)
            {
                foreach (var node in graph.EnumerateArray().Where(node => node.ValueKind == JsonValueKind.Object))
                    yield return node;
            }
        }
    }

    /// <summary>A node's types without a vocabulary prefix (<c>schema:BlogPosting</c>, <c>https://schema.org/BlogPosting</c>).</summary>
    private static IEnumerable<string> Types(JsonElement node) =>
        Values(node, "@type").Where(type => type.ValueKind == JsonValueKind.String)
            .Select(type => type.GetString()!)
            .Select(type => type[(type.LastIndexOfAny(['/', ':', '#']) + 1)..]);

    /// <summary>A property's values: the items of an array, or the value itself.</summary>
    private static IEnumerable<JsonElement> Values(JsonElement node, string property)
    {
        if (!node.TryGetProperty(property, out var value))
            return [];
        return value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList() : [value];
    }

    private static JsonElement Resolve(JsonElement value, Dictionary<string, JsonElement> byId) =>
        value.ValueKind == JsonValueKind.Object && !value.TryGetProperty("name", out _) && !value.TryGetProperty("url", out _)
        && String(value, "@id") is { } id && byId.TryGetValue(id, out var node)
            ? node
            : value;

    /// <summary>A person's or organisation's name; a bare string that is a URL is an identifier, not a name.</summary>
    private static string? Name(JsonElement author, Dictionary<string, JsonElement> byId)
    {
        var resolved = Resolve(author, byId);
        var name = resolved.ValueKind == JsonValueKind.Object ? Text(resolved, "name") : TextOf(resolved);
        return name is null || Settings.IsHttpUrl(name) ? null : name;
    }

    private static ImageReference? ImageOf(JsonElement image, Dictionary<string, JsonElement> byId)
    {
        var resolved = Resolve(image, byId);
        if (resolved.ValueKind == JsonValueKind.String)
            return new ImageReference(resolved.GetString()!);
        if (resolved.ValueKind != JsonValueKind.Object)
            return null;
        var url = String(resolved, "url") ?? String(resolved, "contentUrl");
        return url is null ? null : new ImageReference(url, Dimension(resolved, "width"), Dimension(resolved, "height"), String(resolved, "encodingFormat"));
    }

    /// <summary>A width or height: a number, a string of digits ("1200", "1200px"), or a QuantitativeValue.</summary>
    private static int? Dimension(JsonElement node, string property)
    {
        if (!node.TryGetProperty(property, out var value))
            return null;
        if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty("value", out var quantity))
            value = quantity;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number > 0)
            return number;
        return value.ValueKind == JsonValueKind.String ? ImageReference.ParseDimension(value.GetString()) : null;
    }

    private static IEnumerable<string> SplitKeywords(string keywords) =>
        keywords.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>A string property as written (URLs, dates), trimmed; null when absent or blank.</summary>
    private static string? String(JsonElement node, string property) =>
        node.ValueKind == JsonValueKind.Object && node.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
        && value.GetString()!.Trim() is { Length: > 0 } text
            ? text
            : null;

    /// <summary>A text property with character references decoded and whitespace collapsed; null when absent or blank.</summary>
    private static string? Text(JsonElement node, string property) =>
        node.TryGetProperty(property, out var value) ? TextOf(value) : null;

    private static string? TextOf(JsonElement value) =>
        value.ValueKind == JsonValueKind.String
        && HtmlSource.CollapseWhitespace(WebUtility.HtmlDecode(value.GetString()!)) is { Length: > 0 } text
            ? text
            : null;
}
