using System.Collections.Immutable;
using CxFeed.Core.Html;
using HtmlAgilityPack;

namespace CxFeed.Core.Content.Crawl;

/// <summary>
/// What a blog's listing page (its home, <c>/page/2/</c>…) says, for a site without a sitemap:
/// the posts it links to and the next page. A post's link is the one its theme marks as the
/// entry's permalink (<c>rel="bookmark"</c>, WordPress's and hAtom's convention), else the link
/// of an entry's heading (<c>article h1-h3 a</c>, <c>.entry-title a</c>, <c>.post-title a</c>).
/// The next page is <c>&lt;link rel="next"&gt;</c> or <c>&lt;a rel="next"&gt;</c>; where a
/// WordPress page gives neither, <c>/page/N+1/</c> is tried (WordPress's own paging).
/// </summary>
public sealed record ListingPage(ImmutableArray<Uri> Posts, Uri? Next)
{
    private static readonly CssSelector Headings = CssSelector.Parse("article h1 a, article h2 a, article h3 a, .entry-title a, .post-title a, .hentry h2 a");

    public static ListingPage Read(ReadOnlySpan<byte> bytes, Uri address)
    {
        var document = new HtmlDocument { OptionReadEncoding = false };
        var text = PageText.Decode(bytes).Text;
        document.LoadHtml(text);
        var baseUrl = address;
        var links = HtmlTree.Descendants(document.DocumentNode).Where(node => node.NodeType == HtmlNodeType.Element).ToList();
        if (links.FirstOrDefault(node => node.Name == "base") is { } baseElement && Resolve(address, baseElement.GetAttributeValue("href", null)) is { } resolvedBase)
            baseUrl = resolvedBase;
        var bookmarks = links.Where(node => node.Name == "a" && Rels(node).Contains("bookmark")).ToList();
        var entries = bookmarks.Count > 0 ? bookmarks : links.Where(node => node.Name == "a" && Headings.Matches(node)).ToList();
        var posts = entries.Select(node => Resolve(baseUrl, node.GetAttributeValue("href", null)))
            .OfType<Uri>().Select(WithoutFragment).Where(post => post != WithoutFragment(address)).Distinct().ToImmutableArray();
        var next = links.Where(node => node.Name is "link" or "a" && Rels(node).Contains("next"))
            .Select(node => Resolve(baseUrl, node.GetAttributeValue("href", null))).OfType<Uri>().FirstOrDefault();
        if (next is null && posts.Length > 0 && MadeByWordPress(text))
            next = NextWordPressPage(address);
        return new ListingPage(posts, next is null ? null : WithoutFragment(next));
    }

    /// <summary><c>/page/N/</c> → <c>/page/N+1/</c>; any other listing → its <c>/page/2/</c>.</summary>
    private static Uri NextWordPressPage(Uri address)
    {
        var path = address.AbsolutePath;
        var at = path.LastIndexOf("/page/", StringComparison.Ordinal);
        if (at >= 0 && int.TryParse(path[(at + 6)..].TrimEnd('/'), out var number))
            return new Uri(address, path[..at] + $"/page/{number + 1}/");
        return new Uri(address, path.TrimEnd('/') + "/page/2/");
    }

    private static bool MadeByWordPress(string text) =>
        text.Contains("/wp-content/", StringComparison.Ordinal) || text.Contains("/wp-includes/", StringComparison.Ordinal);

    private static string[] Rels(HtmlNode node) =>
        (node.GetAttributeValue("rel", null) ?? "").ToLowerInvariant().Split(HtmlTree.Whitespace, StringSplitOptions.RemoveEmptyEntries);

    private static Uri? Resolve(Uri baseUrl, string? href) =>
        href is not null && Uri.TryCreate(baseUrl, System.Net.WebUtility.HtmlDecode(href).Trim(), out var url) && url.Scheme is "http" or "https" ? url : null;

    private static Uri WithoutFragment(Uri url) => url.Fragment.Length == 0 ? url : new Uri(url.GetLeftPart(UriPartial.Query));
}
