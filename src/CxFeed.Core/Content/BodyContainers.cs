using System.Collections.Immutable;

namespace CxFeed.Core.Content;

/// <summary>
/// An element that may hold a post's own text, and how far it is trusted: a container made for
/// the text alone (<c>.entry-content</c>, <c>[itemprop=articleBody]</c>) weighs 1, one that also
/// holds the post's header and footer (<c>article</c>) less, one that holds the whole page's
/// middle (<c>main</c>) less again. A candidate's score is its weight times the text it holds
/// that is not a link, so an inner container wins over the <c>article</c> around it unless the
/// article holds clearly more of the post.
/// </summary>
/// <param name="Selector">A <see cref="Html.CssSelector"/>.</param>
/// <param name="Weight">Between 0 and 1.</param>
/// <param name="From">The standard, theme or plugin that writes it.</param>
public sealed record BodyContainer(string Selector, double Weight, string From);

/// <summary>
/// A part of a page that is never the post's own text: a candidate inside one is not the post,
/// and its text does not count for the candidate around it.
/// </summary>
/// <param name="Selector">A <see cref="Html.CssSelector"/>.</param>
/// <param name="From">The standard, theme or plugin that writes it.</param>
/// <param name="Reason">Why it is not the post.</param>
/// <param name="UnlessItHoldsAnArticle">
/// The part is the post's after all when it holds an article container (weight 0.8 or more):
/// sites built of "widgets" put the article in one, and a sidebar never holds the article.
/// Comments and related posts never give way: their items are often <c>&lt;article&gt;</c>s.
/// </param>
public sealed record NotThePost(string Selector, string From, string Reason, bool UnlessItHoldsAnArticle = false);

/// <summary>
/// Where a theme prints the post's lead (its standfirst, the first paragraph set apart) just before
/// the body container, as its sibling rather than inside it: the post's own words all the same.
/// </summary>
/// <param name="Selector">A <see cref="Html.CssSelector"/>.</param>
/// <param name="From">The standard, theme or plugin that writes it.</param>
public sealed record BodyLead(string Selector, string From);

/// <summary>The tables the body finder works from (docs/content.md lists them).</summary>
public static class BodyTables
{
    /// <summary>Where themes, page builders and standards keep a post, most specific first.</summary>
    public static ImmutableArray<BodyContainer> Containers { get; } =
    [
        new("[itemprop=articleBody]", 1.0, "schema.org microdata"),
        new(".entry-content", 1.0, "WordPress themes (hAtom)"),
        new(".wp-block-post-content", 1.0, "WordPress block themes"),
        new(".elementor-widget-theme-post-content", 1.0, "Elementor Pro's post content widget"),
        new(".et_pb_post_content", 1.0, "Divi's post content module"),
        new(".td-post-content", 1.0, "Newspaper (tagDiv)"),
        new(".post-content", 0.95, "many themes"),
        new(".post-body", 0.95, "many themes, Blogger"),
        new(".post-entry", 0.95, "many themes"),
        new(".entry-body", 0.95, "many themes"),
        new(".article-body", 0.95, "news sites"),
        new(".article-content", 0.95, "news sites"),
        new(".article-text, .article_body, .article_content", 0.95, "news sites (SitePoint, cricket.com.au…)"),
        new(".entry_content, .post_content, .post-text", 0.95, "themes writing the hAtom names with underscores, Blogger-like themes"),
        new(".story-content", 0.95, "news sites"),
        new("#article-body, #articleBody, .articleBody", 0.95, "news sites"),
        new(".article__body", 0.95, "news sites (BEM)"),
        new(".post__content", 0.95, "themes (BEM)"),
        new(".story-body", 0.95, "news sites"),
        new(".single-content", 0.95, "themes"),
        new(".entry", 0.9, "older WordPress themes (Kubrick)"),
        new(".blog-content, .blog-post-content", 0.9, "themes (a blog section of a magazine's site)"),
        new("article", 0.8, "HTML"),
        new(".hentry", 0.8, "WordPress (hAtom)"),
        new("[role=main]", 0.6, "ARIA"),
        new("main", 0.6, "HTML"),
        new("#content", 0.5, "WordPress themes"),
    ];

    /// <summary>A post's lead printed just before its body container (<see cref="BodyLead"/>).</summary>
    public static ImmutableArray<BodyLead> Leads { get; } =
    [
        new(".article__lead, .article__standfirst", "news sites (BEM)"),
        new(".article-lead, .article-standfirst, .standfirst", "news sites"),
        new(".entry-lead, .post-lead", "themes"),
    ];

    /// <summary>Parts of a page that are not the post: the site around it, what readers add, what points elsewhere.</summary>
    public static ImmutableArray<NotThePost> NotThePost { get; } =
    [
        new("nav", "HTML", "navigation"),
        new("aside", "HTML", "a sidebar or a pull-out beside the text", UnlessItHoldsAnArticle: true),
        new("header", "HTML", "a page's or article's header: site name, title, byline", UnlessItHoldsAnArticle: true),
        new("footer", "HTML", "a page's or article's footer", UnlessItHoldsAnArticle: true),
        new("form", "HTML", "a search, comment or newsletter form"),
        new("[role=navigation], [role=complementary], [role=banner], [role=contentinfo]", "ARIA", "landmarks around the main content", UnlessItHoldsAnArticle: true),
        new("#comments, .comments-area, .comment-respond, .comment, .commentlist, .comment-list", "WordPress themes", "readers' comments and the comment form"),
        new("#disqus_thread, .wpdiscuz_top_clearing, #wpdcom", "Disqus, wpDiscuz", "readers' comments"),
        new(".sidebar, #sidebar, .widget-area, .widget", "WordPress themes", "sidebars and their widgets", UnlessItHoldsAnArticle: true),
        new(".jp-relatedposts, .yarpp-related, .crp_related, .rp4wp-related-posts, .related-posts, .related", "Jetpack, YARPP, Contextual Related Posts, themes", "related posts"),
        new(".entry-header, .entry-meta, .entry-footer, .post-meta, .byline", "WordPress themes", "the post's title, byline, date, categories and tags"),
        new(".post-navigation, .navigation, .nav-links", "WordPress themes", "links to the previous and next posts"),
        new(".sharedaddy, .addtoany_share_save_container, .a2a_kit, .swp_social_panel, .dpsp-content-wrapper, .shareaholic-canvas, .et_social_inline", "Jetpack, AddToAny, Social Warfare, Grow, Shareaholic, Monarch", "share buttons"),
        new(".author-box, .saboxplugin-wrap, .author-bio, .author-info", "Genesis, Simple Author Box, themes", "the author's box"),
    ];

    /// <summary>
    /// WordPress's <c>&lt;body&gt;</c> classes for pages that are not one post, each with what it
    /// means. A page classed <c>single</c> is a post whatever else it says.
    /// </summary>
    public static ImmutableArray<(string Class, string Means)> ListingBodyClasses { get; } =
    [
        ("search", "a search results page"),
        ("category", "a category archive"),
        ("tag", "a tag archive"),
        ("author", "an author's archive"),
        ("date", "a date archive"),
        ("archive", "an archive"),
        ("blog", "the blog's list of posts"),
        ("home", "the site's home page"),
        ("error404", "a page not found"),
    ];
}
