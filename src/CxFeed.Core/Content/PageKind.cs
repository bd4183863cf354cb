using System.Collections.Frozen;
using CxFeed.Core.Html;

namespace CxFeed.Core.Content;

/// <summary>
/// What a page says it is when it is not a single post, in the standard places a site states it:
/// its own address (a front page), its JSON-LD, Open Graph's <c>og:type</c> and, on a page
/// WordPress made, its <c>&lt;body&gt;</c> classes. Each is the site's own statement, not a guess
/// from the layout: a feed must not carry the front page, an about page, an image's page, a
/// profile or a product, however much they look like a post. The layout's signs (a list of
/// articles, a WordPress archive) are <see cref="BodyFinder"/>'s.
/// </summary>
internal static class PageKind
{
    /// <summary>Open Graph types that name something other than an article (ogp.me and Facebook's types).</summary>
    private static readonly FrozenDictionary<string, string> OpenGraphTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["profile"] = "a profile",
        ["product"] = "a product",
        ["product.item"] = "a product",
        ["product.group"] = "a product",
        ["book"] = "a book",
        ["books.book"] = "a book",
        ["music.song"] = "a song",
        ["music.album"] = "an album",
        ["music.playlist"] = "a playlist",
        ["business.business"] = "a business",
        ["place"] = "a place",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// <c>&lt;body&gt;</c> classes WordPress gives what is not a post, though it has one page of
    /// its own: a Page (About, Contact: <c>page</c> with <c>page-id-N</c>), an attachment's page
    /// (the image of a gallery, which WordPress also classes <c>single</c>) and WooCommerce's product.
    /// </summary>
    private static readonly (string Class, string Means)[] WordPressClasses =
    [
        ("attachment", "an attachment's page"),
        ("single-product", "a product"),
        ("page", "a page, not a post"),
    ];

    /// <summary>Why the page is not a single post, by its own statement; null when it says nothing of the kind. Its body is known (<see cref="PageMetadata.Scope"/>).</summary>
    /// <param name="address">Where the page was served: a relative canonical URL is resolved against it.</param>
    public static string? WhyNotAPost(string text, PageMetadata page, Uri address)
    {
        if (OwnAddress(page, address) is { } own && IsFrontPage(own))
            return $"its own address {own.AbsoluteUri} is the site's front page";
        if (page.JsonLd.NotAnArticle is { } type)
            return $"its JSON-LD says it is a {type} and names no article";
        if (page.Meta("og:type") is { } openGraph && OpenGraphTypes.TryGetValue(openGraph.Trim(), out var means))
            return $"its og:type '{openGraph.Trim()}' says it is {means}";
        return WordPressClass(text, page);
    }

    /// <summary>The address the page gives itself: its canonical URL, else <c>og:url</c>; null when it gives none that resolves.</summary>
    private static Uri? OwnAddress(PageMetadata page, Uri address)
    {
        foreach (var written in new[] { page.Link("canonical"), page.Meta("og:url") })
        {
            if (written is not null && Uri.TryCreate(address, written.Trim(), out var own) && (own.Scheme == Uri.UriSchemeHttp || own.Scheme == Uri.UriSchemeHttps))
                return own;
        }
        return null;
    }

    /// <summary>
    /// The site's root (<c>/</c>, <c>/index.html</c>, <c>/index.php</c>) or a later page of it
    /// (<c>/page/2/</c>), without a query: <c>/?p=123</c> is a post at WordPress's plain permalink.
    /// </summary>
    private static bool IsFrontPage(Uri own)
    {
        if (own.Query.Length > 1)
            return false;
        var path = own.AbsolutePath.Trim('/');
        return path.Length == 0 || path is "index.html" or "index.php"
            || path.StartsWith("page/", StringComparison.Ordinal) && int.TryParse(path.AsSpan(5).TrimEnd('/'), out _);
    }

    /// <summary>A Page, an attachment or a product, by the body classes of a page WordPress made (a Page only with its <c>page-id-N</c>: other systems use the word).</summary>
    private static string? WordPressClass(string text, PageMetadata page)
    {
        var body = page.Scope.Body;
        while (body is not null && body.Name != "body")
            body = body.ParentNode;
        if (body is null || !BodyFinder.MadeByWordPress(text, page))
            return null;
        var classes = (body.GetAttributeValue("class", null) ?? "").Split(HtmlTree.Whitespace, StringSplitOptions.RemoveEmptyEntries);
        foreach (var (name, means) in WordPressClasses)
        {
            if (!classes.Contains(name, StringComparer.Ordinal))
                continue;
            if (name == "page" && !classes.Any(other => other.StartsWith("page-id-", StringComparison.Ordinal)))
                continue;
            return $"WordPress marks it {means} (body class '{name}')";
        }
        return null;
    }
}
