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

    private PageMetadata(string siteTitle) => SiteTitle = siteTitle;

    /// <summary>The site's name, as titles written for search engines and sharing append it.</summary>
    public string SiteTitle { get; }

    /// <summary>The raw text of each <c>&lt;script type="application/ld+json"&gt;</c>, in order.</summary>
    public List<string> JsonLdBlocks { get; } = [];

    /// <summary>What the JSON-LD blocks say of the article (empty when they say nothing).</summary>
    public JsonLdArticle JsonLd { get; set; } = JsonLdArticle.None;

    /// <summary>The document's <c>&lt;title&gt;</c> (not an SVG icon's).</summary>
    public string? Title { get; private set; }

    public string? FirstHeading { get; private set; }

    public string? BaseHref { get; private set; }

    /// <summary>Each <c>&lt;time&gt;</c>'s classes, its value (its <c>datetime</c>, else its text) and where it starts in the text.</summary>
    public List<(HashSet<string> Classes, string Value, int Position)> Times { get; } = [];

    /// <summary>
    /// Where the post's body ends in the text, once known: a <c>&lt;time&gt;</c> after it is a
    /// comment's or a sidebar's, not the post's.
    /// </summary>
    public int BodyEnd { get; set; } = int.MaxValue;

    /// <summary>The <c>&lt;time&gt;</c> elements before the end of the post's body, with a value.</summary>
    public IEnumerable<(HashSet<string> Classes, string Value, int Position)> PostTimes =>
        Times.Where(time => time.Position < BodyEnd && time.Value.Length > 0);

    public List<string> AuthorLinks { get; } = [];

    public List<string> CategoryLinks { get; } = [];

    public List<string> TagLinks { get; } = [];

    public static PageMetadata Read(HtmlDocument document, string siteTitle)
    {
        var metadata = new PageMetadata(siteTitle);
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
        switch (element.Name)
        {
            case "meta":
                var key = Attribute(element, "property") ?? Attribute(element, "name");
                var content = Attribute(element, "content");
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
                FirstHeading ??= HtmlSource.Text(element);
                break;
            case "time":
                var value = Attribute(element, "datetime") ?? HtmlSource.Text(element);
                var classes = (Attribute(element, "class") ?? "").Split(HtmlTree.Whitespace, StringSplitOptions.RemoveEmptyEntries);
                Times.Add((new HashSet<string>(classes, StringComparer.Ordinal), value.Trim(), element.StreamPosition));
                break;
            case "base":
                BaseHref ??= Attribute(element, "href")?.Trim();
                break;
        }
    }

    private void VisitLink(HtmlNode link)
    {
        var rels = RelTokens(link).ToHashSet(StringComparer.Ordinal);
        if (rels.Count == 0)
            return;
        var text = HtmlSource.Text(link);
        if (text.Length == 0)
            return;
        if (rels.Contains("author"))
            AuthorLinks.Add(text);
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

    /// <summary>The <c>href</c> of the first <c>&lt;link&gt;</c> with a rel token.</summary>
    public string? Link(string rel) => _links.GetValueOrDefault(rel) is { Length: > 0 } href ? href : null;

    /// <summary>
    /// A title as SEO plugins and themes write it for <c>&lt;title&gt;</c> and <c>og:title</c>,
    /// with the site's name and its separator taken off either end ("Title – Site", "Site | Title").
    /// </summary>
    public string? WithoutSiteName(string? title)
    {
        if (string.IsNullOrEmpty(title) || SiteTitle.Length == 0)
            return title;
        foreach (var separator in TitleSeparators)
        {
            var suffix = " " + separator + " " + SiteTitle;
            if (title.Length > suffix.Length && title.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                return title[..^suffix.Length].TrimEnd();
            var prefix = SiteTitle + " " + separator + " ";
            if (title.Length > prefix.Length && title.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                return title[prefix.Length..].TrimStart();
        }
        return title;
    }

    /// <summary>The separators Yoast SEO, Rank Math and WordPress themes put between a title and the site name.</summary>
    private static readonly string[] TitleSeparators = ["-", "–", "—", "|", "·", "•", "*", "⋆", "~", "«", "»", ">", "<", ":", "/"];

    private static string? Attribute(HtmlNode element, string name) =>
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
