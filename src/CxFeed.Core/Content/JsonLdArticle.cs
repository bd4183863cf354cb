using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Text.Json;
using CxFeed.Core.Html;

namespace CxFeed.Core.Content;

/// <summary>
/// What a page's JSON-LD says of its article: the first node, at the top of a block, in a
/// top-level array, in an <c>@graph</c> (at any depth) or as a page's <c>mainEntity</c>, whose
/// <c>@type</c> is schema.org's Article or one of its kinds (BlogPosting, NewsArticle…). The
/// dates fall back to the WebPage node's (Yoast and Rank Math put them there too, and only there
/// on some pages). References by <c>@id</c> (Yoast points the author and the image at other nodes
/// of its graph) are followed. An author that is an organisation and the article's publisher is
/// not an author. Text values have character references decoded, since WordPress plugins print
/// some titles entity-encoded even in JSON. A block wrapped in CDATA or an HTML comment (themes
/// do it for old browsers) is read inside its wrapper, and raw line breaks inside strings, which
/// strict JSON forbids but many plugins print, are read as spaces.
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
    string? Url,
    ImmutableArray<string> SiteNames)
{
    public static readonly JsonLdArticle None = new(null, null, null, [], [], [], null, null, null, []);

    private static readonly FrozenSet<string> PageTypes = new[] { "WebPage", "ItemPage" }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> OrganizationTypes = new[]
    {
        "Organization", "NewsMediaOrganization", "Corporation", "LocalBusiness", "OnlineBusiness", "EducationalOrganization",
        "NGO", "GovernmentOrganization", "WebSite",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> ArticleTypes = new[]
    {
        "Article", "AdvertiserContentArticle", "AnalysisNewsArticle", "BackgroundNewsArticle", "BlogPosting",
        "DiscussionForumPosting", "LiveBlogPosting", "NewsArticle", "OpinionNewsArticle", "Report",
        "ReportageNewsArticle", "ReviewNewsArticle", "SatiricalArticle", "ScholarlyArticle",
        "SocialMediaPosting", "TechArticle",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Types that say a page is something other than an article: a listing, a profile, a site's own pages, a product.</summary>
    private static readonly FrozenSet<string> OtherPageTypes = new[]
    {
        "CollectionPage", "SearchResultsPage", "ProfilePage", "AboutPage", "ContactPage", "CheckoutPage", "Product",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// The type of the first node that says the page is something other than an article
    /// (<see cref="OtherPageTypes"/>), when no node is an article: Yoast and Rank Math describe
    /// an archive as a CollectionPage and an author's page as a ProfilePage.
    /// </summary>
    public string? NotAnArticle { get; init; }

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
                var block = Unwrapped(blocks[i]);
                if (TryParse(block, out var document, out var error) || TryParse(WithoutControlCharacters(block), out document, out _))
                    documents.Add(document);
                else
                    invalid.Add((i + 1, error));
            }
            var nodes = documents.SelectMany(document => Nodes(document.RootElement)).ToList();
            var byId = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var node in nodes)
            {
                if (String(node, "@id") is { } id)
                    byId.TryAdd(id, node);
            }
            var article = nodes.FirstOrDefault(node => Types(node).Any(ArticleTypes.Contains));
            var page = nodes.FirstOrDefault(node => Types(node).Any(PageTypes.Contains));
            var siteNames = nodes.Where(node => Types(node).Contains("WebSite"))
                .Select(node => Text(node, "name"))
                .Concat(article.ValueKind == JsonValueKind.Object ? Values(article, "publisher").Select(publisher => Name(publisher, byId)) : [])
                .OfType<string>()
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToImmutableArray();
            if (article.ValueKind == JsonValueKind.Object)
                return From(article, page, byId) with { SiteNames = siteNames };
            var other = nodes.SelectMany(Types).FirstOrDefault(OtherPageTypes.Contains);
            if (page.ValueKind == JsonValueKind.Object)
                return None with { DatePublished = String(page, "datePublished"), DateModified = String(page, "dateModified"), SiteNames = siteNames, NotAnArticle = other };
            return None with { SiteNames = siteNames, NotAnArticle = other };
        }
        finally
        {
            foreach (var document in documents)
                document.Dispose();
        }
    }

    private static JsonLdArticle From(JsonElement article, JsonElement page, Dictionary<string, JsonElement> byId) => new(
        Text(article, "headline") ?? Text(article, "name"),
        String(article, "datePublished") ?? String(page, "datePublished"),
        String(article, "dateModified") ?? String(page, "dateModified"),
        [.. AuthorNamesOf(article, byId)],
        [.. Values(article, "articleSection").Select(TextOf).OfType<string>()],
        [.. Values(article, "keywords").Select(TextOf).OfType<string>().SelectMany(SplitKeywords)],
        Values(article, "image").Select(image => ImageOf(image, byId)).FirstOrDefault(image => image is not null)
            ?? (String(article, "thumbnailUrl") is { } thumbnail ? new ImageReference(thumbnail) : null),
        Text(article, "abstract"),
        String(article, "url"),
        []);

    /// <summary>
    /// The article's authors' names, in order: persons, and organisations other than the article's
    /// publisher (a news agency credited by name is an author; the site publishing the post is not).
    /// </summary>
    private static IEnumerable<string> AuthorNamesOf(JsonElement article, Dictionary<string, JsonElement> byId)
    {
        var publishers = Values(article, "publisher")
            .Select(publisher => Resolve(publisher, byId))
            .SelectMany(publisher => new[] { String(publisher, "@id"), publisher.ValueKind == JsonValueKind.Object ? Text(publisher, "name") : null })
            .OfType<string>()
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var author in Values(article, "author"))
        {
            var resolved = Resolve(author, byId);
            if (resolved.ValueKind == JsonValueKind.Object && Types(resolved).Any(OrganizationTypes.Contains)
                && (String(resolved, "@id") is { } id && publishers.Contains(id) || Text(resolved, "name") is { } name && publishers.Contains(name)))
            {
                continue;
            }
            if (Name(author, byId) is { } authorName)
                yield return authorName;
        }
    }

    /// <summary>
    /// Every node a block holds: the block itself or its array's items, the nodes of their
    /// <c>@graph</c>s (graphs may nest) and the objects they name as their <c>mainEntity</c>.
    /// </summary>
    private static IEnumerable<JsonElement> Nodes(JsonElement root)
    {
        var pending = new Queue<JsonElement>(root.ValueKind == JsonValueKind.Array ? root.EnumerateArray() : [root]);
        while (pending.TryDequeue(out var node))
        {
            if (node.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in node.EnumerateArray())
                    pending.Enqueue(item);
                continue;
            }
            if (node.ValueKind != JsonValueKind.Object)
                continue;
            yield return node;
            foreach (var property in (ReadOnlySpan<string>)["@graph", "mainEntity"])
            {
                if (node.TryGetProperty(property, out var inner))
                    pending.Enqueue(inner);
            }
        }
    }

    /// <summary>A block's JSON without the CDATA section or HTML comment some themes wrap it in.</summary>
    private static string Unwrapped(string block)
    {
        var text = block.Trim();
        var unwrapped = true;
        while (unwrapped)
        {
            unwrapped = false;
            foreach (var (open, close) in (ReadOnlySpan<(string, string)>)[("//<![CDATA[", "//]]>"), ("/*<![CDATA[*/", "/*]]>*/"), ("<![CDATA[", "]]>"), ("<!--", "-->")])
            {
                if (!text.StartsWith(open, StringComparison.Ordinal))
                    continue;
                text = text[open.Length..];
                var end = text.LastIndexOf(close, StringComparison.Ordinal);
                text = (end >= 0 ? text[..end] : text).Trim();
                unwrapped = true;
            }
        }
        return text;
    }

    private static bool TryParse(string json, [NotNullWhen(true)] out JsonDocument? document, out string error)
    {
        try
        {
            document = JsonDocument.Parse(json, Options);
            error = "";
            return true;
        }
        catch (JsonException exception)
        {
            document = null;
            error = exception.Message;
            return false;
        }
    }

    /// <summary>Control characters as spaces: a raw line break inside a string is invalid JSON but what many plugins print.</summary>
    private static string WithoutControlCharacters(string json) =>
        string.Create(json.Length, json, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
                span[i] = source[i] < ' ' ? ' ' : source[i];
        });

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
