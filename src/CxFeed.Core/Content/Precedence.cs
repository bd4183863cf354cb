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
        new("the post's heading", page => page.CleanTitle(page.MarkedHeadingText)),
        // The <h1> just above the post is what readers see, where og:title is often written for
        // sharing ("Kashmir issue: China snubs…" over "China snubs…"); it must speak of the same
        // thing, or it is a pop-up's or a logo's ("thanks for visiting cnnmoney.").
        new("the post's <h1>", page => page.Scope.Body is not null && page.PostHeading is { } h1 && h1.StreamPosition < page.Scope.BodyStart
            && page.Scope.Contains(h1) && page.CleanTitle(page.PostHeadingText) is { } heading
            && TitleText.IsSameSubject(heading, page.Meta("og:title") ?? page.Title) ? heading : null),
        // A theme that prints the site's name in the <h1> puts the post's title in its article's first <h2>.
        new("the post's article heading", page => page.CleanTitle(page.ArticleHeadingText)),
        new("JSON-LD headline", page => page.CleanTitle(page.JsonLd.Headline) is { } headline
            && !TitleText.IsCutFrom(headline, page.CleanTitle(page.Meta("og:title")) ?? page.PostHeadingText) ? headline : null),
        new("og:title", page => page.CleanTitle(page.Meta("og:title"))),
        new("twitter:title", page => page.CleanTitle(page.Meta("twitter:title"))),
        // A <title> that is only the site's name is the post's title when the post has no heading: better than none.
        new("<title>", page => page.CleanTitle(page.Title) ?? (page.PostHeadingText is null ? page.Title : null)),
        new("<h1>", page => page.CleanTitle(page.PostHeadingText) ?? page.PostHeadingText),
    ];

    /// <summary>
    /// The publication date, from the most structured source to the least: metadata first
    /// (JSON-LD, Open Graph's article, microdata, hAtom and microformats, the meta tags of
    /// Dublin Core, Parse.ly and Sailthru), then the markup (<c>&lt;time&gt;</c>), then the text.
    /// </summary>
    public static readonly ImmutableArray<Source<string>> Published =
    [
        new("JSON-LD datePublished", page => page.JsonLd.DatePublished),
        new("article:published_time", page => page.Meta("article:published_time")),
        new("microdata datePublished", page => PostMarkup.MicrodataDate(page, "datePublished")),
        new("hAtom published", PostMarkup.PublishedClass),
        new("<meta name=\"date\">", page => page.Meta("date")),
        new("<meta name=\"pubdate\">", page => page.Meta("pubdate") ?? page.Meta("publishdate") ?? page.Meta("publish-date") ?? page.Meta("publish_date")),
        new("DC.date.issued", page => page.Meta("dc.date.issued") ?? page.Meta("dcterms.issued") ?? page.Meta("dcterms.created") ?? page.Meta("dc.date")),
        new("parsely-pub-date", page => page.Meta("parsely-pub-date")),
        new("sailthru.date", page => page.Meta("sailthru.date")),
        new("<time>", PostMarkup.Time),
        new("the page's text", PostMarkup.VisibleDate),
        // Parse.ly's older JSON tag: its pub_date is often the CMS's midnight or a zone label
        // written by hand ("07:38:00AM EST" in October), so it only dates a page that shows none.
        new("parsely-page pub_date", page => page.ParselyPage("pub_date").FirstOrDefault()),
    ];

    public static readonly ImmutableArray<Source<string>> Updated =
    [
        new("JSON-LD dateModified", page => page.JsonLd.DateModified),
        new("article:modified_time", page => page.Meta("article:modified_time")),
        new("og:updated_time", page => page.Meta("og:updated_time")),
        new("microdata dateModified", page => PostMarkup.MicrodataDate(page, "dateModified")),
        new("hAtom updated", PostMarkup.UpdatedClass),
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
        new("JSON-LD author", page => page.CleanAuthors(page.JsonLd.Authors)),
        new("article:author", page => page.CleanAuthors(page.Metas("article:author").Where(IsName))),
        new("<meta name=\"author\">", page => page.CleanAuthors(page.Metas("author").Where(IsName))),
        new("parsely-author", page => page.CleanAuthors(page.Metas("parsely-author").Concat(page.Metas("sailthru.author")).Concat(page.Metas("dc.creator")))),
        new("parsely-page author", page => page.CleanAuthors(page.ParselyPage("authors").Concat(page.ParselyPage("author")))),
        new("microdata author", page => page.CleanAuthors(PostMarkup.MicrodataAuthors(page))),
        new(".author .fn", page => page.CleanAuthors(PostMarkup.CardAuthors(page))),
        new("<a rel=\"author\">", page => page.CleanAuthors(PostMarkup.AuthorLinks(page))),
        new("link to an author page", page => page.CleanAuthors(PostMarkup.AuthorPageLinks(page))),
        new("byline", PostMarkup.Byline),
        new("the page's text", PostMarkup.TextByline),
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
        new("img.wp-post-image", WordPressThumbnail.Read),
    ];

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
