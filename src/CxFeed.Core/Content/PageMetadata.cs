using System.Net;
using CxFeed.Core.Html;
using HtmlAgilityPack;

namespace CxFeed.Core.Content;

/// <summary>
/// The standard places a page states facts about its post, gathered in one walk of the parsed
/// page, in document order and with character references decoded: <c>&lt;meta property|name&gt;</c>
/// (<c>og:*</c>, <c>article:*</c>, <c>author</c>), <c>&lt;link rel&gt;</c>, JSON-LD blocks,
/// <c>&lt;title&gt;</c>, the first <c>&lt;h1&gt;</c>, <c>&lt;time&gt;</c> elements, the links
/// marked <c>rel="author"</c>, <c>rel="category"</c> and <c>rel="tag"</c>, and <c>&lt;base href&gt;</c>.
/// Which of them a field takes first is <see cref="Precedence"/>'s business.
/// </summary>
internal sealed class PageMetadata
{
    private readonly List<(string Key, string Value)> _metas = [];
    private readonly Dictionary<string, string> _links = new(StringComparer.Ordinal);

    private PageMetadata(string siteTitle, TimeZoneInfo timeZone)
    {
        SiteTitle = siteTitle;
        TimeZone = timeZone;
    }

    /// <summary>The site's name, as titles written for search engines and sharing append it.</summary>
    public string SiteTitle { get; }

    /// <summary>The site's time zone, for dates written without an offset.</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>The raw text of each <c>&lt;script type="application/ld+json"&gt;</c>, in order.</summary>
    public List<string> JsonLdBlocks { get; } = [];

    /// <summary>What the JSON-LD blocks say of the article (empty when they say nothing).</summary>
    public JsonLdArticle JsonLd { get; set; } = JsonLdArticle.None;

    /// <summary>The document's <c>&lt;title&gt;</c> (not an SVG icon's).</summary>
    public string? Title { get; private set; }

    /// <summary>Every <c>&lt;h1&gt;</c> and every element classed or marked as a post's heading (<c>entry-title</c>, <c>itemprop="headline"</c>…), in order.</summary>
    public List<HtmlNode> Headings { get; } = [];

    public string? BaseHref { get; private set; }

    /// <summary>Every <c>&lt;time&gt;</c> element, in order.</summary>
    public List<HtmlNode> Times { get; } = [];

    /// <summary>Every element with a microdata <c>datePublished</c>, <c>dateModified</c> or <c>author</c>, with that property.</summary>
    public List<(string Property, HtmlNode Element)> ItemProps { get; } = [];

    /// <summary>Every element (not a <c>&lt;time&gt;</c>) whose classes name a date, a byline or an author (hAtom, microformats, themes' own).</summary>
    public List<HtmlNode> Classed { get; } = [];

    /// <summary>
    /// Which parts of the page speak of the post, once its body is known: a date or byline in
    /// comments, related posts or the site's footer is not the post's.
    /// </summary>
    public PostScope Scope { get; set; } = PostScope.Whole;

    /// <summary>Where the post's body ends in the text (the end of the page when it has none).</summary>
    public int BodyEnd => Scope.BodyEnd;

    /// <summary>
    /// Every name the page gives its site: <c>Site:Title</c>, <c>og:site_name</c>,
    /// <c>application-name</c>, and JSON-LD's WebSite and publisher names. A title loses them; an author is never one.
    /// </summary>
    public IReadOnlyCollection<string> SiteNames => _siteNames ??=
        [.. new[] { SiteTitle }.Concat(Metas("og:site_name")).Concat(Metas("application-name")).Concat(JsonLd.SiteNames)
            .Select(HtmlSource.CollapseWhitespace)
            .Where(name => name.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)];

    private IReadOnlyCollection<string>? _siteNames;

    /// <summary>
    /// The post's own heading, as readers see it above the post: the first element of the post
    /// marked as its title (classed <c>entry-title</c>, <c>post-title</c>, <c>wp-block-post-title</c>,
    /// or microdata <c>headline</c>), else the first <c>&lt;h1&gt;</c> of its article (not one
    /// inside the body's text, unless the body is the article); null when the page marks none.
    /// </summary>
    public HtmlNode? MarkedHeading => _markedHeading ??=
        Headings.FirstOrDefault(heading => IsMarkedAsTitle(heading) && Scope.Contains(heading) && !IsInBodyText(heading))
        ?? Headings.FirstOrDefault(heading => heading.Name == "h1" && Scope.Article is not null && Scope.InArticle(heading) && Scope.Contains(heading) && !IsInBodyText(heading));

    private HtmlNode? _markedHeading;

    /// <summary>
    /// The post's heading, marked or not: <see cref="MarkedHeading"/>, else the first
    /// <c>&lt;h1&gt;</c> that <see cref="Scope"/> says is the post's, else the page's first.
    /// </summary>
    public HtmlNode? PostHeading => _postHeading ??=
        MarkedHeading
        ?? Headings.FirstOrDefault(heading => heading.Name == "h1" && Scope.Contains(heading))
        ?? Headings.FirstOrDefault(heading => heading.Name == "h1");

    private HtmlNode? _postHeading;

    private static bool IsMarkedAsTitle(HtmlNode heading) =>
        heading.Name != "h1" || heading.GetAttributeValue("itemprop", "").Contains("headline", StringComparison.Ordinal)
        || heading.GetAttributeValue("class", "") is { Length: > 0 } classes && TitleClasses.Any(name => CssSelector.HasClass(classes, name));

    /// <summary>The classes WordPress themes and block themes give a single post's title.</summary>
    private static readonly string[] TitleClasses = ["entry-title", "post-title", "wp-block-post-title"];

    /// <summary>Whether <paramref name="heading"/> is part of the body's own text (the body being other than the article that holds the heading).</summary>
    private bool IsInBodyText(HtmlNode heading) => Scope.InBody(heading) && Scope.Body != Scope.Article;

    /// <summary>Every <c>&lt;h2&gt;</c>, in order: where a theme prints the site's name in the <c>&lt;h1&gt;</c>, the post's title is often its article's first <c>&lt;h2&gt;</c>.</summary>
    public List<HtmlNode> SecondHeadings { get; } = [];

    /// <summary>
    /// The heading of the post's own article (<see cref="PostScope.Article"/>) where the article
    /// holds no <c>&lt;h1&gt;</c> and the page marks no heading as a title anywhere (the page's
    /// <c>&lt;h1&gt;</c> is the site's logo): its first <c>&lt;h2&gt;</c> before the body, not
    /// inside the body's text. Its place says it is the headline readers see, whatever the title
    /// written for search engines says; a page that marks its headline has said which it is, and
    /// an <c>&lt;h2&gt;</c> beside it is a label or a kicker.
    /// </summary>
    public string? ArticleHeadingText
    {
        get
        {
            if (Scope.Article is not { } article || Scope.Body is null || Scope.Body == article
                || Headings.Any(heading => IsInside(heading, article) || IsMarkedAsTitle(heading)))
            {
                return null;
            }
            var heading = SecondHeadings.FirstOrDefault(heading => heading.StreamPosition < Scope.BodyStart && IsInside(heading, article) && !Scope.IsExcluded(heading));
            return heading is not null && HtmlSource.Text(heading) is { Length: > 0 } text ? text : null;
        }
    }

    private static bool IsInside(HtmlNode node, HtmlNode container)
    {
        for (var ancestor = node.ParentNode; ancestor is not null; ancestor = ancestor.ParentNode)
        {
            if (ancestor == container)
                return true;
        }
        return false;
    }

    /// <summary>The text of <see cref="MarkedHeading"/>.</summary>
    public string? MarkedHeadingText => MarkedHeading is { } heading && HtmlSource.Text(heading) is { Length: > 0 } text ? text : null;

    /// <summary>The text of <see cref="PostHeading"/>.</summary>
    public string? PostHeadingText => PostHeading is { } heading && HtmlSource.Text(heading) is { Length: > 0 } text ? text : null;

    /// <summary>A title from one of the page's sources, made the post's own (<see cref="TitleText"/>).</summary>
    public string? CleanTitle(string? written) => TitleText.Clean(written, SiteNames, PostHeadingText);

    /// <summary>Authors' names from one of the page's sources, made names (<see cref="AuthorNames"/>).</summary>
    public IReadOnlyList<string> CleanAuthors(IEnumerable<string> written) => [.. written.SelectMany(name => AuthorNames.Clean(name, SiteNames))];

    /// <summary>The text of each link to an author's page (WordPress's <c>/author/slug/</c>, news sites' <c>/people/</c>, <c>/contributors/</c>…), and the link.</summary>
    public List<(string Text, HtmlNode Link)> AuthorPageLinks { get; } = [];

    /// <summary>The paths of author pages: WordPress's, and those of the common news and magazine systems.</summary>
    private static readonly string[] AuthorPagePaths = ["/author/", "/authors/", "/people/", "/staff/", "/contributors/", "/contributor/", "/writers/", "/journalists/", "/profile/", "/profiles/", "/autor/", "/auteur/"];

    /// <summary>The text of each link marked <c>rel="author"</c>, and the link.</summary>
    public List<(string Text, HtmlNode Link)> AuthorLinks { get; } = [];

    public List<string> CategoryLinks { get; } = [];

    public List<string> TagLinks { get; } = [];

    public static PageMetadata Read(HtmlDocument document, string siteTitle, TimeZoneInfo timeZone)
    {
        var metadata = new PageMetadata(siteTitle, timeZone);
        var root = document.DocumentNode;
        var node = root.FirstChild;
        while (node is not null)
        {
            if (node.NodeType == HtmlNodeType.Element)
                metadata.Visit(node);
            node = HtmlTree.Next(node, root);
        }
        return metadata;
    }

    private void Visit(HtmlNode element)
    {
        if (element.Attributes["itemprop"]?.Value is { } itemprop)
            VisitItemProp(element, itemprop);
        if (element.Attributes["class"]?.Value is { } classAttribute && element.Name != "time" && NamesMetadata(classAttribute))
            Classed.Add(element);
        switch (element.Name)
        {
            case "meta":
                var key = Attribute(element, "property") ?? Attribute(element, "name");
                // A few sites write value= where the standard says content=.
                var content = Attribute(element, "content") ?? Attribute(element, "value");
                if (key is not null && content is not null)
                    _metas.Add((key.Trim().ToLowerInvariant(), content.Trim()));
                break;
            case "link":
                if (Attribute(element, "href") is { } href)
                {
                    foreach (var rel in RelTokens(element))
                        _links.TryAdd(rel, href.Trim());
                }
                break;
            case "a":
                VisitLink(element);
                break;
            case "script":
                if (Attribute(element, "type")?.Trim().Equals("application/ld+json", StringComparison.OrdinalIgnoreCase) == true
                    && element.FirstChild is HtmlTextNode script)
                {
                    JsonLdBlocks.Add(script.Text);
                }
                break;
            case "title":
                if (Title is null && !IsInsideSvg(element))
                    Title = HtmlSource.CollapseWhitespace(WebUtility.HtmlDecode((element.FirstChild as HtmlTextNode)?.Text ?? ""));
                break;
            case "h1":
                Headings.Add(element);
                break;
            case "h2" when element.GetAttributeValue("class", "") is not { Length: > 0 } h2Classes || !TitleClasses.Any(name => CssSelector.HasClass(h2Classes, name)):
                SecondHeadings.Add(element);
                break;
            case "h2" or "h3" or "div" or "span" or "p" when element.GetAttributeValue("class", "") is { Length: > 0 } classes
                                                             && TitleClasses.Any(name => CssSelector.HasClass(classes, name)):
                Headings.Add(element);
                break;
            case "time":
                Times.Add(element);
                break;
            case "base":
                BaseHref ??= Attribute(element, "href")?.Trim();
                break;
        }
    }

    private void VisitItemProp(HtmlNode element, string itemprop)
    {
        foreach (var property in itemprop.Split(HtmlTree.Whitespace, StringSplitOptions.RemoveEmptyEntries))
        {
            if (property is "datePublished" or "dateModified" or "author")
                ItemProps.Add((property, element));
            else if (property == "headline" && element.Name != "meta")
                Headings.Add(element);
        }
    }

    /// <summary>
    /// Classes that name a date or a byline: hAtom's <c>published</c>, <c>updated</c>,
    /// <c>author</c>, <c>fn</c>; microformats' <c>dt-published</c>, <c>p-author</c>; and the
    /// words themes use (<c>entry-date</c>, <c>post-date</c>, <c>posted-on</c>, <c>byline</c>, <c>entry-meta</c>…).
    /// </summary>
    private static bool NamesMetadata(string classes) =>
        classes.Contains("date", StringComparison.OrdinalIgnoreCase) || classes.Contains("publish", StringComparison.OrdinalIgnoreCase)
        || classes.Contains("updated", StringComparison.OrdinalIgnoreCase) || classes.Contains("posted", StringComparison.OrdinalIgnoreCase)
        || classes.Contains("author", StringComparison.OrdinalIgnoreCase) || classes.Contains("byline", StringComparison.OrdinalIgnoreCase)
        || classes.Contains("meta", StringComparison.OrdinalIgnoreCase) || CssSelector.HasClass(classes, "fn");

    private void VisitLink(HtmlNode link)
    {
        if (Attribute(link, "href") is { } href && AuthorPagePaths.Any(path => href.Contains(path, StringComparison.OrdinalIgnoreCase))
            && HtmlSource.Text(link) is { Length: > 0 } name)
        {
            AuthorPageLinks.Add((name, link));
        }
        var rels = RelTokens(link).ToHashSet(StringComparer.Ordinal);
        if (rels.Count == 0)
            return;
        var text = HtmlSource.Text(link);
        if (text.Length == 0)
            return;
        if (rels.Contains("author"))
            AuthorLinks.Add((text, link));
        // Some themes show terms as hashtags ("#chatbots"); the '#' is the theme's, not the term's.
        if (rels.Contains("category"))
            CategoryLinks.Add(text.TrimStart('#'));
        else if (rels.Contains("tag"))
            TagLinks.Add(text.TrimStart('#'));
    }

    /// <summary>The first <c>&lt;meta&gt;</c> content for a property or name, if any is not blank.</summary>
    public string? Meta(string key) => Metas(key).FirstOrDefault();

    /// <summary>Every non-blank <c>&lt;meta&gt;</c> content for a property or name, in order.</summary>
    public IEnumerable<string> Metas(string key) =>
        _metas.Where(meta => meta.Key == key && meta.Value.Length > 0).Select(meta => meta.Value);

    /// <summary>Every <c>&lt;meta&gt;</c> in order, for properties that group (<c>og:image</c> then its <c>og:image:width</c>…).</summary>
    public IReadOnlyList<(string Key, string Value)> AllMetas => _metas;

    /// <summary>
    /// A field of Parse.ly's older tag, <c>&lt;meta name="parsely-page" content='{"author": …, "pub_date": …}'&gt;</c>,
    /// which many news and WordPress sites still print instead of <c>parsely-author</c> and
    /// <c>parsely-pub-date</c>: a string, or each string of an array; none when the tag is not JSON.
    /// </summary>
    public IReadOnlyList<string> ParselyPage(string field)
    {
        if (Meta("parsely-page") is not { } json)
            return [];
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != System.Text.Json.JsonValueKind.Object
                || !document.RootElement.TryGetProperty(field, out var value))
            {
                return [];
            }
            return value.ValueKind switch
            {
                System.Text.Json.JsonValueKind.String => value.GetString() is { Length: > 0 } one ? [one] : [],
                System.Text.Json.JsonValueKind.Array => [.. value.EnumerateArray()
                    .Where(item => item.ValueKind == System.Text.Json.JsonValueKind.String)
                    .Select(item => item.GetString()!).Where(item => item.Length > 0)],
                _ => [],
            };
        }
        catch (System.Text.Json.JsonException)
        {
            return [];
        }
    }

    /// <summary>The <c>href</c> of the first <c>&lt;link&gt;</c> with a rel token.</summary>
    public string? Link(string rel) => _links.GetValueOrDefault(rel) is { Length: > 0 } href ? href : null;

    internal static string? Attribute(HtmlNode element, string name) =>
        element.Attributes[name] is { } attribute ? WebUtility.HtmlDecode(attribute.Value) : null;

    private static IEnumerable<string> RelTokens(HtmlNode element) =>
        (Attribute(element, "rel") ?? "").ToLowerInvariant().Split(HtmlTree.Whitespace, StringSplitOptions.RemoveEmptyEntries);

    private static bool IsInsideSvg(HtmlNode element)
    {
        for (var ancestor = element.ParentNode; ancestor is not null; ancestor = ancestor.ParentNode)
        {
            if (ancestor.Name == "svg")
                return true;
        }
        return false;
    }
}
