using System.Text;
using System.Text.Json;
using HtmlAgilityPack;

namespace CxFeed.Core.Content.WordPress;

/// <summary>
/// Whether a post's excerpt is the author's own or the one WordPress made up. With an Application
/// Password (<c>context=edit</c>) the API gives <c>excerpt.raw</c>: the post has a manual excerpt
/// exactly when it is not empty. Anonymously only <c>excerpt.rendered</c> is given, and for a post
/// without a manual excerpt WordPress fills it with its own (<c>wp_trim_excerpt</c>: the post's
/// first 55 words, shortcodes and non-text blocks left out, then "[…]" or a theme's "Continue
/// reading" link). So: the rendered excerpt is WordPress's own when its text, up to its last "[…]",
/// "[...]" or "…", is found in the text of the content (whitespace ignored, captions, galleries,
/// scripts and styles left out of both), and the author's otherwise. An author's excerpt copied
/// word for word from the post's start is taken for a generated one: the feed then cuts its own
/// excerpt from the same words.
/// </summary>
public static class ExcerptOrigin
{
    private static readonly string[] Ellipses = ["[…]", "[...]", "…"];

    /// <summary>The manual excerpt's HTML, or null when the post has none (or WordPress made it up).</summary>
    public static string? Manual(JsonElement post, string contentHtml)
    {
        if (!post.TryGetProperty("excerpt", out var excerpt) || excerpt.ValueKind != JsonValueKind.Object)
            return null;
        if (excerpt.TryGetProperty("protected", out var isProtected) && isProtected.ValueKind == JsonValueKind.True)
            return null;
        var rendered = RestPost.Rendered(post, "excerpt")?.Trim();
        if (excerpt.TryGetProperty("raw", out var raw) && raw.ValueKind == JsonValueKind.String)
            return string.IsNullOrWhiteSpace(raw.GetString()) ? null : string.IsNullOrEmpty(rendered) ? raw.GetString()!.Trim() : rendered;
        if (string.IsNullOrEmpty(rendered))
            return null;
        return IsGenerated(rendered, contentHtml) ? null : rendered;
    }

    /// <summary>True when the excerpt's words, without WordPress's trailing ellipsis and link, are the content's own.</summary>
    public static bool IsGenerated(string excerptHtml, string contentHtml)
    {
        var excerpt = Squeezed(RestPost.Text(excerptHtml));
        // The bracketed forms first: the "…" inside "[…]" must not leave its bracket behind.
        var cut = Ellipses.Select(ellipsis => excerpt.LastIndexOf(ellipsis, StringComparison.Ordinal)).FirstOrDefault(index => index >= 0, -1);
        // What follows the ellipsis is a theme's "Continue reading …" link, never long.
        if (cut >= 0 && excerpt.Length - cut <= 120)
            excerpt = excerpt[..cut];
        if (excerpt.Length == 0)
            return true;
        var content = Squeezed(ContentText(contentHtml));
        return content.Contains(excerpt, StringComparison.Ordinal);
    }

    /// <summary>The content's text as <c>wp_trim_excerpt</c> sees it, roughly: without captions, galleries, scripts and styles.</summary>
    private static string ContentText(string html)
    {
        var document = new HtmlDocument();
        document.LoadHtml(html);
        var left = document.DocumentNode.Descendants()
            .Where(node => node.Name is "figcaption" or "script" or "style" or "noscript"
                || node.GetClasses().Any(name => name is "wp-caption-text" or "gallery-caption"))
            .ToList();
        foreach (var node in left)
            node.Remove();
        return RestPost.Text(document.DocumentNode.InnerHtml);
    }

    private static string Squeezed(string text)
    {
        var squeezed = new StringBuilder(text.Length);
        foreach (var character in text)
        {
            if (!char.IsWhiteSpace(character))
                squeezed.Append(character);
        }
        return squeezed.ToString();
    }
}
