using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using CxFeed.Core.Html;
using CxFeed.Core.Publishing;
using CxFeed.Core.Syndication;

namespace CxFeed.Core.Pages;

/// <summary>A feed a page announces: its title and format, and where it lives.</summary>
public sealed record FeedLink(string Title, FeedFormat Format, Uri Url);

/// <summary>
/// One page of a post listing (the Posts page or a category's), as the data its HTML shows.
/// <paramref name="Address"/> gives the address of any page of the listing (1-based).
/// </summary>
public sealed record PostList(
    string Title,
    string Heading,
    ImmutableArray<Entry> Entries,
    int Page,
    int PageCount,
    Func<int, string> Address,
    ImmutableArray<FeedLink> Feeds);

/// <summary>
/// Writes a post listing as a static HTML5 page with no script: for each post its title, date,
/// authors, plain excerpt and a "Read more" link to its canonical URL; pagination with rel=next
/// and rel=prev; autodiscovery links to its feeds. Every URL is absolute, from the site's and the
/// public base URLs only. Deterministic: dates in the site's time zone, written in the invariant
/// culture (the same words on every machine).
/// </summary>
public sealed class PostListWriter(SiteOptions site, Uri publicBase)
{
    /// <summary>Small and inline: the page needs no other request to read well.</summary>
    private const string Style =
        "body{max-width:44rem;margin:0 auto;padding:1rem 1.25rem;font:1.0625rem/1.6 Georgia,'Times New Roman',serif;color:#1f1f1f;background:#fff}"
        + "a{color:#0b5394}header p{margin:0;font-weight:bold}h1{margin:.25rem 0 1.5rem}"
        + "article{margin:0 0 2.25rem}article h2{margin:0;font-size:1.35rem;line-height:1.3}article h2 a{text-decoration:none}"
        + ".byline{margin:.25rem 0 .75rem;color:#555;font-size:.9375rem}"
        + "nav{display:flex;gap:1rem;justify-content:space-between;border-top:1px solid #ddd;padding-top:1rem}"
        + "footer{margin-top:2rem;color:#555;font-size:.9375rem}";

    private readonly FeedDates _dates = new(site.TimeZoneInfo);

    public byte[] Write(PostList list)
    {
        var html = new StringBuilder(4096 + list.Entries.Length * 1024);
        html.Append("<!DOCTYPE html>\n");
        html.Append($"<html lang=\"{Escape(site.Language)}\">\n<head>\n");
        html.Append("<meta charset=\"utf-8\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        var title = list.Page == 1 ? list.Title : $"{list.Title} – Page {list.Page}";
        html.Append($"<title>{Escape(title)}</title>\n");
        if (!string.IsNullOrWhiteSpace(site.Description))
            html.Append($"<meta name=\"description\" content=\"{Escape(site.Description)}\">\n");
        html.Append($"<link rel=\"canonical\" href=\"{Url(list.Address(list.Page))}\">\n");
        foreach (var feed in list.Feeds)
            html.Append($"<link rel=\"alternate\" type=\"{feed.Format.MediaType()}\" title=\"{Escape(feed.Title)}\" href=\"{Escape(feed.Url.AbsoluteUri)}\">\n");
        if (list.Page > 1)
            html.Append($"<link rel=\"prev\" href=\"{Url(list.Address(list.Page - 1))}\">\n");
        if (list.Page < list.PageCount)
            html.Append($"<link rel=\"next\" href=\"{Url(list.Address(list.Page + 1))}\">\n");
        html.Append($"<style>{Style}</style>\n</head>\n<body>\n");

        html.Append("<header>\n");
        html.Append($"<p><a href=\"{Escape(site.BaseUri.AbsoluteUri)}\">{Escape(site.Title)}</a></p>\n");
        html.Append($"<h1>{Escape(list.Heading)}</h1>\n");
        html.Append("</header>\n<main>\n");
        if (list.Entries.IsEmpty)
            html.Append("<p>No posts yet.</p>\n");
        foreach (var entry in list.Entries)
            Article(html, entry);
        html.Append("</main>\n");

        if (list.PageCount > 1)
        {
            html.Append("<nav aria-label=\"More posts\">\n");
            if (list.Page > 1)
                html.Append($"<a rel=\"prev\" href=\"{Url(list.Address(list.Page - 1))}\">Newer posts</a>\n");
            html.Append($"<span>Page {list.Page} of {list.PageCount}</span>\n");
            if (list.Page < list.PageCount)
                html.Append($"<a rel=\"next\" href=\"{Url(list.Address(list.Page + 1))}\">Older posts</a>\n");
            html.Append("</nav>\n");
        }

        html.Append("<footer>\n<p>Subscribe:");
        var separator = " ";
        foreach (var feed in list.Feeds)
        {
            html.Append($"{separator}<a href=\"{Escape(feed.Url.AbsoluteUri)}\" type=\"{feed.Format.MediaType()}\">{Escape(feed.Title)}</a>");
            separator = " · ";
        }
        html.Append($"{separator}<a href=\"{Url(PageAddresses.Opml)}\">Every feed (OPML)</a></p>\n");
        html.Append("</footer>\n</body>\n</html>\n");
        return Encoding.UTF8.GetBytes(html.ToString());
    }

    /// <summary>
    /// One post: "Read more" is a paragraph of its own, never glued to the excerpt's last word;
    /// its accessible name starts with the visible words and names the post.
    /// </summary>
    private void Article(StringBuilder html, Entry entry)
    {
        var post = entry.Post;
        var link = Escape(post.CanonicalUrl.AbsoluteUri);
        var local = _dates.InZone(post.Published);
        html.Append("<article>\n");
        html.Append($"<h2><a href=\"{link}\">{Escape(post.Title)}</a></h2>\n");
        html.Append($"<p class=\"byline\"><time datetime=\"{_dates.Rfc3339(post.Published)}\">{local.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture)}</time>");
        if (!post.Authors.IsEmpty)
            html.Append($" · {Escape(Names(post.Authors))}");
        html.Append("</p>\n");
        if (!string.IsNullOrWhiteSpace(entry.Excerpt.Text))
            html.Append($"<p>{Escape(entry.Excerpt.Text)}</p>\n");
        html.Append($"<p class=\"more\"><a href=\"{link}\" aria-label=\"Read more: {Escape(post.Title)}\">Read more</a></p>\n");
        html.Append("</article>\n");
    }

    /// <summary>"A", "A and B", "A, B and C".</summary>
    private static string Names(ImmutableArray<string> names) =>
        names.Length == 1 ? names[0] : $"{string.Join(", ", names[..^1])} and {names[^1]}";

    private string Url(string address) => Escape(FeedAddresses.Absolute(publicBase, address).AbsoluteUri);

    /// <summary>Escaped, without the characters no HTML document may carry (controls, lone surrogates).</summary>
    private static string Escape(string text) => HtmlText.Escape(XmlCharacters.Keep(text));
}
