using CxFeed.Core.Html;
using HtmlAgilityPack;

namespace CxFeed.Core.Content;

/// <summary>
/// Which parts of a page speak of the post itself, for the metadata the markup shows (a
/// <c>&lt;time&gt;</c>, a byline, microdata): the post's own article (the nearest
/// <c>&lt;article&gt;</c>, hAtom <c>hentry</c> or microformats <c>h-entry</c> around its body),
/// everything before the body's end, and what follows the body inside the same
/// <c>&lt;main&gt;</c> (block themes such as Twenty Twenty-Two print the date after the content)
/// — but never what lies in comments, related or recommended posts, sidebars, widgets, navigation,
/// or the site's own header and footer (a masthead's "today", the copyright line), unless that
/// container holds the body itself.
/// </summary>
internal sealed class PostScope
{
    private readonly HashSet<HtmlNode> _bodyAncestors;

    private PostScope(HtmlNode? body, int bodyStart, int bodyEnd)
    {
        Body = body;
        BodyStart = bodyStart;
        BodyEnd = bodyEnd;
        _bodyAncestors = [];
        for (var node = body; node is not null; node = node.ParentNode)
        {
            _bodyAncestors.Add(node);
            if (Article is null && node.NodeType == HtmlNodeType.Element && IsArticle(node))
                Article = node;
            if (Main is null && node.NodeType == HtmlNodeType.Element && IsMain(node))
                Main = node;
        }
    }

    /// <summary>The scope of a page whose body is not known: everything but the excluded containers.</summary>
    public static readonly PostScope Whole = new(null, int.MaxValue, int.MaxValue);

    public static PostScope Of(HtmlNode body, Range range) => new(body, range.Start.Value, range.End.Value);

    public HtmlNode? Body { get; }

    /// <summary>Where the body's content starts and ends in the page's text.</summary>
    public int BodyStart { get; }

    public int BodyEnd { get; }

    /// <summary>The post's own article element, when its body is inside one.</summary>
    public HtmlNode? Article { get; }

    public HtmlNode? Main { get; }

    /// <summary>Whether <paramref name="node"/> speaks of the post (see the type's summary).</summary>
    public bool Contains(HtmlNode node)
    {
        if (IsExcluded(node))
            return false;
        if (node.StreamPosition < BodyEnd)
            return true;
        return IsInside(node, Article) || IsInside(node, Main);
    }

    /// <summary>Whether <paramref name="node"/> is inside the body's content.</summary>
    public bool InBody(HtmlNode node) => Body is not null && node.StreamPosition >= BodyStart && node.StreamPosition < BodyEnd;

    /// <summary>Whether <paramref name="node"/> is inside the post's article (or, without one, its main element).</summary>
    public bool InArticle(HtmlNode node) => IsInside(node, Article ?? Main);

    /// <summary>Whether a container that is not the post's (comments, related posts, sidebar…) holds <paramref name="node"/>.</summary>
    public bool IsExcluded(HtmlNode node)
    {
        for (var element = node; element is not null && element.NodeType != HtmlNodeType.Document; element = element.ParentNode)
        {
            if (_bodyAncestors.Contains(element))
                return false;
            if (element.NodeType == HtmlNodeType.Element && IsForeign(element) && !(IsSiteChrome(element) && IsInside(element, Article)))
                return true;
        }
        return false;
    }

    private static bool IsInside(HtmlNode node, HtmlNode? container)
    {
        if (container is null)
            return false;
        for (var element = node; element is not null; element = element.ParentNode)
        {
            if (element == container)
                return true;
        }
        return false;
    }

    private static bool IsArticle(HtmlNode element) =>
        element.Name == "article"
        || element.GetAttributeValue("class", "") is { Length: > 0 } classes
           && (CssSelector.HasClass(classes, "hentry") || CssSelector.HasClass(classes, "h-entry") || CssSelector.HasClass(classes, "type-post"));

    private static bool IsMain(HtmlNode element) =>
        element.Name == "main" || element.GetAttributeValue("role", "").Equals("main", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A container of things that are not the post: by element (aside, nav), by role (the site's
    /// banner and content info), by microdata type (a Comment), or by a class or id that names
    /// comments, related or recommended posts, sidebars, widgets or the site's header and footer.
    /// </summary>
    internal static bool IsForeign(HtmlNode element)
    {
        if (element.Name is "aside" or "nav" or "body" or "html")
            return element.Name is "aside" or "nav";
        var role = element.GetAttributeValue("role", "");
        if (role.Equals("banner", StringComparison.OrdinalIgnoreCase) || role.Equals("contentinfo", StringComparison.OrdinalIgnoreCase)
            || role.Equals("complementary", StringComparison.OrdinalIgnoreCase) || role.Equals("navigation", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        if (element.GetAttributeValue("itemtype", "").Contains("Comment", StringComparison.Ordinal))
            return true;
        return Names(element.GetAttributeValue("class", "")) || Names(element.GetAttributeValue("id", ""));
    }

    /// <summary>
    /// The site's header and footer by their usual names: inside the post's article, the same
    /// names mean the article's own header (a magazine's <c>hgroup#masthead</c>), which is the post's.
    /// </summary>
    private static bool IsSiteChrome(HtmlNode element)
    {
        var role = element.GetAttributeValue("role", "");
        var names = (element.GetAttributeValue("class", "") + " " + element.GetAttributeValue("id", "")).ToLowerInvariant();
        return role.Equals("banner", StringComparison.OrdinalIgnoreCase) || role.Equals("contentinfo", StringComparison.OrdinalIgnoreCase)
            || names.Contains("masthead", StringComparison.Ordinal) || names.Contains("colophon", StringComparison.Ordinal)
            || names.Contains("site-header", StringComparison.Ordinal) || names.Contains("site-footer", StringComparison.Ordinal);
    }

    private static bool Names(string tokens)
    {
        if (tokens.Length == 0)
            return false;
        foreach (var raw in tokens.Split(HtmlTree.Whitespace, StringSplitOptions.RemoveEmptyEntries))
        {
            var token = raw.ToLowerInvariant();
            if (IsCommentSection(token) || token.Contains("related", StringComparison.Ordinal)
                || token.Contains("recommend", StringComparison.Ordinal) || token.StartsWith("sidebar", StringComparison.Ordinal) || token.EndsWith("-sidebar", StringComparison.Ordinal) || token.EndsWith("_sidebar", StringComparison.Ordinal)
                || token is "widget" or "widgets" or "widget-area" or "secondary" or "masthead" or "colophon" or "site-header" or "site-footer"
                    or "footer-widgets" or "popular-posts" or "more-posts" or "trending" or "respond" or "post-navigation" or "breadcrumbs" or "breadcrumb"
                || token.StartsWith("widget_", StringComparison.Ordinal) || token.StartsWith("widget-", StringComparison.Ordinal)
                || token.StartsWith("site-header", StringComparison.Ordinal) || token.StartsWith("site-footer", StringComparison.Ordinal)
                || token.Contains("latest-posts", StringComparison.Ordinal) || token.Contains("recent-posts", StringComparison.Ordinal)
                || IsMenu(token))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// A menu or a navigation bar by its class (<c>main-menu</c>, <c>advMenu</c>, <c>navbar</c>,
    /// <c>nav-primary</c>): its links to the site's sections and writers ("Forecasts from Mark
    /// Torregrossa") are not the post's byline.
    /// </summary>
    private static bool IsMenu(string token) =>
        token.Contains("menu", StringComparison.Ordinal) || token is "nav" or "navbar" or "navigation"
        || token.StartsWith("nav-", StringComparison.Ordinal) || token.StartsWith("navbar", StringComparison.Ordinal);

    /// <summary>
    /// A thread of comments (WordPress's <c>comments-area</c>, <c>comment-list</c>, <c>comment-body</c>,
    /// the block themes' <c>wp-block-comments</c>, Elementor's <c>…-post-comments</c>, Disqus), not
    /// a comment count beside the date (<c>social-comments</c>, <c>comments-link</c> stay).
    /// </summary>
    private static bool IsCommentSection(string token) =>
        token is "comments" or "comment" or "commentlist" or "respond" or "disqus_thread"
        || token.StartsWith("comment-", StringComparison.Ordinal) && token != "comment-count"
        || token.StartsWith("comments-", StringComparison.Ordinal) && token is not ("comments-link" or "comments-count")
        || token.StartsWith("wp-block-comment", StringComparison.Ordinal) || token.EndsWith("post-comments", StringComparison.Ordinal)
        || token.Contains("disqus", StringComparison.Ordinal);
}
