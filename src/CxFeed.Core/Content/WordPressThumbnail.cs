using System.Net;
using CxFeed.Core.Html;
using HtmlAgilityPack;

namespace CxFeed.Core.Content;

/// <summary>
/// The featured image as a WordPress theme prints it when no SEO plugin writes <c>og:image</c>:
/// <c>the_post_thumbnail()</c> (and the block themes' Post Featured Image block) give an
/// <c>&lt;img class="… wp-post-image"&gt;</c>, every theme alike. The first one of the post
/// (<see cref="PostScope"/>: not a related post's or a sidebar's) is taken, its lazy-loading
/// undone (<c>data-src</c>, <c>data-lazy-src</c>), with its width, height and alt.
/// </summary>
internal static class WordPressThumbnail
{
    public static ImageReference? Read(PageMetadata page)
    {
        if (page.Scope.Body?.OwnerDocument?.DocumentNode is not { } root)
            return null;
        foreach (var node in HtmlTree.Descendants(root))
        {
            if (node.NodeType != HtmlNodeType.Element || node.Name != "img" || !IsThumbnail(node) || !page.Scope.Contains(node))
                continue;
            var source = Attribute(node, "data-src") ?? Attribute(node, "data-lazy-src") ?? Attribute(node, "src");
            if (source is null || source.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
                continue;
            return new ImageReference(source, ImageReference.ParseDimension(Attribute(node, "width")), ImageReference.ParseDimension(Attribute(node, "height")),
                Alt: Attribute(node, "alt"));
        }
        return null;
    }

    private static bool IsThumbnail(HtmlNode image) =>
        (image.GetAttributeValue("class", null) ?? "").Split(HtmlTree.Whitespace, StringSplitOptions.RemoveEmptyEntries).Contains("wp-post-image", StringComparer.Ordinal);

    private static string? Attribute(HtmlNode node, string name) =>
        node.Attributes[name]?.Value is { } value && WebUtility.HtmlDecode(value).Trim() is { Length: > 0 } decoded ? decoded : null;
}
