using System.Collections.Immutable;
using System.Text.RegularExpressions;
using CxFeed.Core;
using CxFeed.Core.Cleaning;
using CxFeed.Core.Content;
using CxFeed.Core.Excerpts;
using CxFeed.Core.Publishing;
using CxFeed.Reading.Corpus;

namespace CxFeed.Reading.Readers;

/// <summary>
/// cxfeed's own path, exactly as the feeds take it: <see cref="PostReader"/> reads the page, then
/// <see cref="Entry.Create"/> cleans the body with <see cref="HtmlCleaner"/> and cuts the excerpt
/// with <see cref="ExcerptBuilder"/> at the default budget. Each page is read as a blog owner would
/// configure cxfeed for its site: the default body selectors, <c>Site:BaseUrl</c> the page's origin,
/// <c>Site:Title</c> the site's name from <c>og:site_name</c> (else the host), time zone UTC.
/// </summary>
public sealed partial class CxFeedReader
{
    private readonly HtmlCleaner _cleaner = new();
    private readonly ExcerptBuilder _excerpts = new();

    /// <summary>Everything the reader needs of a page, prepared once outside the timed passes.</summary>
    public sealed record Prepared(PostReader Reader, PostPage Page);

    public static Prepared Prepare(CorpusPage page)
    {
        var address = new Uri(page.Url);
        var site = new SiteOptions
        {
            Title = SiteName(page.Html) ?? address.Host,
            BaseUrl = address.GetLeftPart(UriPartial.Authority) + "/",
            TimeZone = "UTC",
        };
        return new Prepared(new PostReader(new ContentOptions(), site), new PostPage(page.Name + ".html", address, page.Html));
    }

    public PageReading Read(Prepared prepared)
    {
        var reading = prepared.Reader.Read(prepared.Page);
        if (reading.Post is not { } post)
            return PageReading.None(string.Join("; ", reading.Problems.Select(problem => problem.Reason)));
        var (entry, _) = Entry.Create(post, _cleaner, _excerpts, ExcerptBudget.Default);
        return new PageReading(true, post.Title, post.Published, post.Authors, entry.ContentHtml, entry.Excerpt.Text);
    }

    /// <summary>What cxfeed reads on one page, every problem included, beside what is true of it: for work on one page (<c>--show</c>).</summary>
    public static string Show(CorpusPage page)
    {
        var prepared = Prepare(page);
        var reading = prepared.Reader.Read(prepared.Page);
        var shown = new System.Text.StringBuilder($"== {page.Name} ({page.Kind}{(page.Dated ? "" : ", undated")}) {page.Url}\n");
        foreach (var problem in reading.Problems)
            shown.Append($"   problem: {problem.Reason}\n");
        if (reading.Post is { } post)
        {
            var (entry, _) = Entry.Create(post, new HtmlCleaner(), new ExcerptBuilder(), ExcerptBudget.Default);
            shown.Append($"   title:   {post.Title}\n      true: {page.Title}\n");
            shown.Append($"   date:    {post.Published:o}\n      true: {page.Published}\n");
            shown.Append($"   authors: [{string.Join(", ", post.Authors)}]\n      true: [{string.Join(", ", page.Authors ?? [])}]\n");
            shown.Append($"   excerpt: {entry.Excerpt.Text}\n");
        }
        return shown.ToString();
    }

    private static string? SiteName(ImmutableArray<byte> html)
    {
        var head = System.Text.Encoding.UTF8.GetString(html.AsSpan()[..Math.Min(html.Length, 200_000)]);
        var match = SiteNameMeta().Match(head);
        return match.Success ? System.Net.WebUtility.HtmlDecode(match.Groups["name"].Value).Trim() is { Length: > 0 } name ? name : null : null;
    }

    [GeneratedRegex("""<meta\s[^>]*property\s*=\s*["']og:site_name["'][^>]*content\s*=\s*["'](?<name>[^"']*)["']""", RegexOptions.IgnoreCase)]
    private static partial Regex SiteNameMeta();
}
