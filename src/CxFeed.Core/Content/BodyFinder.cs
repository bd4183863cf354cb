using System.Collections.Immutable;
using CxFeed.Core.Html;
using CxFeed.Core.Store;
using HtmlAgilityPack;

namespace CxFeed.Core.Content;

/// <summary>
/// Finds a post page's own body: the element that holds the post's text, not the first element a
/// selector matches. Candidates (<see cref="BodyTables.Containers"/>) outside the parts that are
/// not the post (<see cref="BodyTables.NotThePost"/>: comments, sidebars, related posts…) are
/// scored by the text they hold that is not a link, times their weight; the best wins, the
/// earlier on a tie. When none holds anything, paragraphs are scored as Readability does
/// (<see cref="ParagraphScoring"/>). A page that is not one post (a WordPress archive, a list of
/// articles none of which stands out) is said to be so. Configured selectors
/// (<c>CxFeed:Content:BodySelectors</c>) replace the table: the owner knows the theme.
/// </summary>
internal sealed class BodyFinder
{
    /// <summary>A list of articles with fewer than this many is not taken for a listing.</summary>
    private const int ListingArticles = 3;

    /// <summary>The post of a page that lists articles holds at least this many times the text of any other.</summary>
    private const double StandsOut = 2.0;

    private static readonly CssSelector NotThePostSelector =
        CssSelector.Parse(string.Join(", ", BodyTables.NotThePost.Where(part => !part.UnlessItHoldsAnArticle).Select(part => part.Selector)));

    private static readonly CssSelector UnlessItHoldsAnArticleSelector =
        CssSelector.Parse(string.Join(", ", BodyTables.NotThePost.Where(part => part.UnlessItHoldsAnArticle).Select(part => part.Selector)));

    /// <summary>The containers that hold an article: a part that holds one is not a sidebar.</summary>
    private static readonly CssSelector ArticleContainer =
        CssSelector.Parse(string.Join(", ", BodyTables.Containers.Where(container => container.Weight >= 0.8).Select(container => container.Selector)));

    private static readonly ImmutableArray<(CssSelector Selector, double Weight)> Containers =
        [.. BodyTables.Containers.Select(container => (CssSelector.Parse(container.Selector), container.Weight))];

    private static readonly CssSelector AnyContainer =
        CssSelector.Parse(string.Join(", ", BodyTables.Containers.Select(container => container.Selector)));

    private static readonly CssSelector ArticleSelector = CssSelector.Parse("article, .hentry, .type-post");

    private static readonly CssSelector LeadSelector = CssSelector.Parse(string.Join(", ", BodyTables.Leads.Select(lead => lead.Selector)));

    private readonly ImmutableArray<CssSelector> _configured;

    public BodyFinder(ContentOptions content)
    {
        // The store's pages are written by cxfeed (StoredPage): their body is where it was put, never
        // a guess that a long title or manual excerpt beside a short post could mislead.
        _configured = content.StoresRenderedPages
            ? [CssSelector.Parse(StoredPage.BodySelector)]
            : [.. content.BodySelectors.Select(CssSelector.Parse)];
    }

    /// <param name="address">The page's address, or its canonical URL: a listing's is the site's root.</param>
    public BodyFinding Find(HtmlNode root, string text, PageMetadata page, Uri address)
    {
        if (NotASingle(root, text, page, address) is { } listing)
            return BodyFinding.Failed(Reasons.NotAPost(listing));
        var map = PageTextMap.Measure(root, NotThePostSelector, UnlessItHoldsAnArticleSelector, ArticleContainer);
        return _configured.IsEmpty ? Score(map) : Configured(map);
    }

    /// <summary>Each configured selector in turn; of its matches, the one holding the most text outside the parts that are not the post.</summary>
    private BodyFinding Configured(PageTextMap map)
    {
        foreach (var selector in _configured)
        {
            var matches = map.Elements.Where(selector.Matches).ToList();
            if (matches.Count == 0)
                continue;
            var best = matches.MaxBy(element => Content(map[element])) ?? matches[0];
            if (Content(map[best]) == 0)
                best = matches.FirstOrDefault(HasContent);
            return best is not null ? BodyFinding.Found(best) : BodyFinding.Failed(Reasons.EmptyBody(selector.Text));
        }
        return BodyFinding.Failed(Reasons.NoBody(_configured.Select(selector => selector.Text)));
    }

    private static BodyFinding Score(PageTextMap map)
    {
        HtmlNode? best = null;
        var bestScore = 0.0;
        HtmlNode? firstMatch = null;
        var firstWeight = 0.0;
        foreach (var element in map.Elements)
        {
            if (!AnyContainer.Matches(element) || map.IsExcluded(element))
                continue;
            var weight = Weight(element);
            if (firstMatch is null || weight > firstWeight)
                (firstMatch, firstWeight) = (element, weight);
            var score = weight * Content(map[element]);
            if (score > bestScore)
                (best, bestScore) = (element, score);
        }
        if (ListsArticles(map) is { } listing)
            return BodyFinding.Failed(Reasons.NotAPost(listing));
        if (best is not null && Weight(best) < NamedForTheText && NamedInside(map, best) is { } named)
            best = named;
        if (best is not null)
        {
            var body = Weight(best) >= 1.0 ? best : Tighten(map, best);
            return BodyFinding.Found(body, LeadBefore(map, body));
        }
        if (ParagraphScoring.Best(map) is { } scored)
            return BodyFinding.Found(Tighten(map, scored));
        if (firstMatch is not null)
            return BodyFinding.Failed(Reasons.EmptyBody(Containers.First(container => container.Selector.Matches(firstMatch)).Selector.Text));
        return BodyFinding.Failed(Reasons.NoRunningText);
    }

    /// <summary>
    /// A container made for the post's text (weight <see cref="NamedForTheText"/> or more) inside a
    /// broader winner (<c>article</c>, <c>main</c>), holding most of its running text: the broad one
    /// won on the text of an author's bio, related stories or comments printed in markup no table
    /// names, all of it outside the container the theme made for the post.
    /// </summary>
    /// <remarks>
    /// Failing that, a container of the winner's own kind nested in it (an <c>article</c> in an
    /// <c>article</c>) holding most of its running text and standing out among the others of its
    /// kind there (<see cref="StandsOut"/> times the next): news themes wrap the story's
    /// <c>article</c> in a page-wide one that also holds the tag row and the "Latest" and "Most
    /// viewed" teasers (each an <c>article</c> too), whose few sentences keep
    /// <see cref="Tighten"/> above the story.
    /// </remarks>
    private static HtmlNode? NamedInside(PageTextMap map, HtmlNode broad)
    {
        var running = map[broad].RunningChars;
        var broadWeight = Weight(broad);
        HtmlNode? named = null, sameKind = null;
        var nextSameKind = 0;
        foreach (var element in HtmlTree.Descendants(broad))
        {
            if (element == broad || element.NodeType != HtmlNodeType.Element || map.IsExcluded(element) || !AnyContainer.Matches(element))
                continue;
            var weight = Weight(element);
            if (weight >= NamedForTheText)
            {
                if (named is null || Content(map[element]) > Content(map[named]))
                    named = element;
            }
            else if (weight >= broadWeight)
            {
                var chars = map[element].RunningChars;
                if (sameKind is null || chars > map[sameKind].RunningChars)
                    (sameKind, nextSameKind) = (element, sameKind is null ? 0 : map[sameKind].RunningChars);
                else
                    nextSameKind = Math.Max(nextSameKind, chars);
            }
        }
        if (named is not null && map[named].RunningChars >= HoldsMostOfIt * running)
            return named;
        return sameKind is not null && map[sameKind].RunningChars >= HoldsMostOfIt * running && map[sameKind].RunningChars >= StandsOut * nextSameKind ? sameKind : null;
    }

    /// <summary>
    /// The post's lead when the theme prints it as the element just before the body (a
    /// <see cref="BodyTables.Leads"/> name, with text, outside the parts that are not the post):
    /// a split body, whose first paragraph a reader must not lose.
    /// </summary>
    private static HtmlNode? LeadBefore(PageTextMap map, HtmlNode body)
    {
        var sibling = body.PreviousSibling;
        while (sibling is not null && sibling.NodeType != HtmlNodeType.Element)
            sibling = sibling.PreviousSibling;
        return sibling is not null && LeadSelector.Matches(sibling) && !map.IsExcluded(sibling) && map[sibling].TextChars > 0 && !AnyContainer.Matches(sibling)
            ? sibling
            : null;
    }

    /// <summary>The weight of a container a theme names for the post's text alone (<c>.post-content</c>, <c>.article-body</c>…).</summary>
    private const double NamedForTheText = 0.95;

    /// <summary>The share of a broad winner's running text a named container inside it must hold to be the body instead.</summary>
    private const double HoldsMostOfIt = 0.6;

    /// <summary>
    /// The innermost element below <paramref name="body"/> that still holds nearly all of its
    /// running text (<see cref="KeepsRunningText"/>): a broad container (<c>main</c>,
    /// <c>article</c>) also holds the page's headline, share bars and teasers beside the element
    /// that holds the post.
    /// </summary>
    private static HtmlNode Tighten(PageTextMap map, HtmlNode body)
    {
        var running = map[body].RunningChars;
        // Where little of the text is in paragraphs (a post written in line breaks), running text says too little of where the post is.
        if (running < RepresentativeShare * map[body].TextChars)
            return body;
        var current = body;
        while (true)
        {
            HtmlNode? inner = null;
            for (var child = current.FirstChild; child is not null; child = child.NextSibling)
            {
                if (child.NodeType == HtmlNodeType.Element && map[child].RunningChars >= KeepsRunningText * running)
                {
                    inner = child;
                    break;
                }
            }
            if (inner is null)
                return current;
            current = inner;
        }
    }

    /// <summary>The share of a container's running text an element inside it must hold to be the body instead.</summary>
    private const double KeepsRunningText = 0.95;

    /// <summary>The share of a container's text that must be running text for <see cref="Tighten"/> to go by it.</summary>
    private const double RepresentativeShare = 0.5;

    private static double Weight(HtmlNode element)
    {
        foreach (var (selector, weight) in Containers)
        {
            if (selector.Matches(element))
                return weight;
        }
        return 0;
    }

    /// <summary>What a candidate holds: text that is not a link, and media (a post may be one image), an image as much as a short sentence.</summary>
    private static double Content(TextStats stats) => stats.TextChars + 50.0 * stats.Media;

    /// <summary>
    /// Why WordPress says the page is not one post: its <c>&lt;body&gt;</c> classes name an
    /// archive, a search or the posts page and not <c>single</c>. Other generators use such
    /// classes for their own ends, so they count only on a page WordPress made; and themes built
    /// on WordPress for news sites class their articles <c>home</c> or <c>blog</c> too, so those
    /// two count only on the site's root address.
    /// </summary>
    private static string? NotASingle(HtmlNode root, string text, PageMetadata page, Uri address)
    {
        if (!MadeByWordPress(text, page) || BodyElement(root) is not { } body)
            return null;
        var classes = (body.GetAttributeValue("class", null) ?? "").Split(HtmlTree.Whitespace, StringSplitOptions.RemoveEmptyEntries);
        if (classes.Contains("single", StringComparer.Ordinal) || classes.Contains("single-post", StringComparer.Ordinal))
            return null;
        foreach (var (name, means) in BodyTables.ListingBodyClasses)
        {
            if (classes.Contains(name, StringComparer.Ordinal) && (name is not ("home" or "blog") || IsRoot(page, address)))
                return $"WordPress marks it {means} (body class '{name}')";
        }
        return null;
    }

    /// <summary>Whether the page's canonical URL, else its address, is its site's root or a page of it (<c>/page/2/</c>).</summary>
    private static bool IsRoot(PageMetadata page, Uri address)
    {
        var url = page.Link("canonical") is { } canonical && Uri.TryCreate(address, canonical, out var resolved) ? resolved : address;
        var path = url.AbsolutePath.Trim('/');
        return path.Length == 0 || path.StartsWith("page/", StringComparison.Ordinal);
    }

    /// <summary>Whether WordPress made the page: its generator tag, or its content and scripts under <c>/wp-content/</c> and <c>/wp-includes/</c>.</summary>
    internal static bool MadeByWordPress(string text, PageMetadata page) =>
        page.Meta("generator")?.StartsWith("WordPress", StringComparison.OrdinalIgnoreCase) == true
        || text.Contains("/wp-content/", StringComparison.Ordinal)
        || text.Contains("/wp-includes/", StringComparison.Ordinal);

    private static HtmlNode? BodyElement(HtmlNode root)
    {
        var node = root.FirstChild;
        while (node is not null)
        {
            if (node.NodeType == HtmlNodeType.Element && node.Name == "body")
                return node;
            // The body is never inside the head or anything in it.
            node = node.Name == "head" ? HtmlTree.NextSkippingChildren(node, root) : HtmlTree.Next(node, root);
        }
        return null;
    }

    /// <summary>
    /// Why the page is a list of articles rather than one: at least three articles (outside
    /// comments, sidebars and related posts), none holding twice the text of the next. A page
    /// that says it is an article (<c>og:type</c>) is one.
    /// </summary>
    private static string? ListsArticles(PageTextMap map)
    {
        if (SaysItIsAnArticle(map))
            return null;
        var articles = new List<(HtmlNode Element, double Content)>();
        foreach (var element in map.Elements)
        {
            if (!ArticleSelector.Matches(element) || map.IsExcluded(element) || Content(map[element]) == 0)
                continue;
            if (articles.Count > 0 && IsInside(element, articles[^1].Element))
                continue;
            articles.Add((element, Content(map[element])));
        }
        if (articles.Count < ListingArticles)
            return null;
        var sizes = articles.Select(article => article.Content).OrderDescending().ToList();
        return sizes[0] >= StandsOut * sizes[1] ? null : $"it lists {articles.Count} articles and none of them stands out as the post";
    }

    /// <summary><c>og:type</c> is <c>article</c>, written as Open Graph says or as some sites do (<c>name</c>, <c>value</c>).</summary>
    private static bool SaysItIsAnArticle(PageTextMap map)
    {
        foreach (var element in map.Elements)
        {
            if (element.Name == "body")
                return false;
            if (element.Name != "meta")
                continue;
            var key = element.GetAttributeValue("property", null) ?? element.GetAttributeValue("name", null);
            if (string.Equals(key?.Trim(), "og:type", StringComparison.OrdinalIgnoreCase))
                return string.Equals((element.GetAttributeValue("content", null) ?? element.GetAttributeValue("value", null))?.Trim(), "article", StringComparison.OrdinalIgnoreCase);
        }
        return false;
    }

    private static bool IsInside(HtmlNode element, HtmlNode container)
    {
        for (var ancestor = element.ParentNode; ancestor is not null; ancestor = ancestor.ParentNode)
        {
            if (ancestor == container)
                return true;
        }
        return false;
    }

    /// <summary>Text that shows or an element that is content by itself, anywhere inside (for a configured container whose text the map does not count).</summary>
    private static bool HasContent(HtmlNode element) => PostReader.HasContent(element);
}

/// <summary>
/// The body found (<paramref name="Element"/>) and the lead printed just before it, when the theme
/// splits the post so (<paramref name="Lead"/>), or why there is none (<paramref name="Failure"/>).
/// </summary>
internal sealed record BodyFinding(HtmlNode? Element, string? Failure, HtmlNode? Lead = null)
{
    public static BodyFinding Found(HtmlNode element, HtmlNode? lead = null) => new(element, null, lead);

    public static BodyFinding Failed(string reason) => new(null, reason);
}
