using System.Collections.Immutable;
using CxFeed.Core.Html;

namespace CxFeed.Core.Content;

/// <summary>One standard place a field's value can come from; <paramref name="Name"/> is how problems and docs/content.md name it.</summary>
internal sealed record Source<T>(string Name, Func<PageMetadata, T?> Read) where T : class;

/// <summary>
/// For each field of a post, the standard places it is read from, in order: the first that gives
/// a value wins, and the others are not consulted (they are not merged). JSON-LD comes first, as
/// the most structured; then <c>article:*</c>, then <c>og:*</c>, then what the markup itself
/// shows. docs/content.md has the same table for people.
/// </summary>
internal static class Precedence
{
    public static readonly ImmutableArray<Source<string>> Title =
    [
        new("JSON-LD headline", page => page.JsonLd.Headline),
        new("og:title", page => page.WithoutSiteName(Collapsed(page.Meta("og:title")))),
        new("<title>", page => page.WithoutSiteName(page.Title)),
        new("<h1>", page => page.FirstHeading),
    ];

    public static readonly ImmutableArray<Source<string>> Published =
    [
        new("JSON-LD datePublished", page => page.JsonLd.DatePublished),
        new("article:published_time", page => page.Meta("article:published_time")),
        new("<time>", page => PublishedTime(page)),
    ];

    public static readonly ImmutableArray<Source<string>> Updated =
    [
        new("JSON-LD dateModified", page => page.JsonLd.DateModified),
        new("article:modified_time", page => page.Meta("article:modified_time")),
        new("og:updated_time", page => page.Meta("og:updated_time")),
        new("<time class=\"updated\">", page => UpdatedTime(page)),
    ];

    public static readonly ImmutableArray<Source<string>> Canonical =
    [
        new("<link rel=\"canonical\">", page => page.Link("canonical")),
        new("JSON-LD url", page => page.JsonLd.Url),
        new("og:url", page => page.Meta("og:url")),
    ];

    public static readonly ImmutableArray<Source<string>> Shortlink =
    [
        new("<link rel=\"shortlink\">", page => page.Link("shortlink")),
    ];

    public static readonly ImmutableArray<Source<IReadOnlyList<string>>> Authors =
    [
        new("JSON-LD author", page => page.JsonLd.Authors),
        new("article:author", page => page.Metas("article:author").Where(IsName).ToList()),
        new("<meta name=\"author\">", page => page.Metas("author").Where(IsName).ToList()),
        new("<a rel=\"author\">", page => page.AuthorLinks),
    ];

    public static readonly ImmutableArray<Source<IReadOnlyList<string>>> Categories =
    [
        new("JSON-LD articleSection", page => page.JsonLd.Sections),
        new("article:section", page => page.Metas("article:section").ToList()),
        new("<a rel=\"category\">", page => page.CategoryLinks),
    ];

    public static readonly ImmutableArray<Source<IReadOnlyList<string>>> Tags =
    [
        new("JSON-LD keywords", page => page.JsonLd.Keywords),
        new("article:tag", page => page.Metas("article:tag").ToList()),
        new("<a rel=\"tag\">", page => page.TagLinks),
    ];

    public static readonly ImmutableArray<Source<ImageReference>> FeaturedImage =
    [
        new("JSON-LD image", page => page.JsonLd.Image),
        new("og:image", OpenGraphImage),
    ];

    /// <summary>hAtom's <c>published</c> class first; else the first <c>&lt;time&gt;</c> that is not an update (of those before the body's end).</summary>
    private static string? PublishedTime(PageMetadata page) =>
        page.PostTimes.FirstOrDefault(time => time.Classes.Contains("published")).Value
        ?? page.PostTimes.FirstOrDefault(time => !time.Classes.Contains("updated")).Value;

    /// <summary>
    /// A <c>&lt;time class="updated"&gt;</c> that is not also <c>published</c>: WordPress themes
    /// class one element "published updated" when the post was never changed.
    /// </summary>
    private static string? UpdatedTime(PageMetadata page) =>
        page.PostTimes.FirstOrDefault(time => time.Classes.Contains("updated") && !time.Classes.Contains("published")).Value;

    /// <summary>The first <c>og:image</c> (or <c>og:image:url</c>) with the structured properties that follow it.</summary>
    private static ImageReference? OpenGraphImage(PageMetadata page)
    {
        ImageReference? image = null;
        foreach (var (key, value) in page.AllMetas)
        {
            if (key is "og:image" or "og:image:url")
            {
                if (image is not null)
                    break;
                if (value.Length > 0)
                    image = new ImageReference(value);
                continue;
            }
            image = key switch
            {
                _ when image is null => null,
                "og:image:width" => image with { Width = ImageReference.ParseDimension(value) },
                "og:image:height" => image with { Height = ImageReference.ParseDimension(value) },
                "og:image:type" => image with { MediaType = value.Length > 0 ? value : null },
                "og:image:alt" => image with { Alt = Collapsed(value) is { Length: > 0 } alt ? alt : null },
                _ => image,
            };
        }
        return image;
    }

    /// <summary><c>article:author</c> is meant to be a profile URL; only a name is an author's name.</summary>
    private static bool IsName(string value) => !Settings.IsHttpUrl(value);

    private static string? Collapsed(string? text) => text is null ? null : HtmlSource.CollapseWhitespace(text);
}
