using System.Collections.Immutable;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CxFeed.Core;
using CxFeed.Core.Content;
using CxFeed.Core.Excerpts;
using CxFeed.Core.Publishing;

namespace CxFeed.Tests.Serving;

/// <summary>
/// A reading of the seed pages' standard metadata (og:title, canonical, article:*), the body as it
/// is and og:description as the excerpt, behind the real <see cref="SnapshotBuilder"/>: what the
/// server tests run on, so that they test serving (caching, freshness, last good versions) and not
/// the reader's or the cleaner's rules. A page without og:title or a title element cannot be read.
/// </summary>
public static partial class StandInPipeline
{
    public static SnapshotBuilder Builder() => new(Read, Publish);

    public static PostReading Read(PostPage page)
    {
        var html = Encoding.UTF8.GetString(page.Bytes.AsSpan());
        string? Meta(string property) => MetaTags().Matches(html).Where(match => match.Groups[1].Value == property).Select(match => WebUtility.HtmlDecode(match.Groups[2].Value)).FirstOrDefault();
        ImmutableArray<string> All(string property) => [.. MetaTags().Matches(html).Where(match => match.Groups[1].Value == property).Select(match => WebUtility.HtmlDecode(match.Groups[2].Value))];

        var title = Meta("og:title") ?? (Title().Match(html) is { Success: true } titleElement ? WebUtility.HtmlDecode(titleElement.Groups[1].Value).Split(" | ")[0].Trim() : null);
        if (string.IsNullOrEmpty(title))
            return new PostReading(page, null, [new Problem(page.Name, "has no title")]);
        var canonical = Canonical().Match(html) is { Success: true } link ? new Uri(link.Groups[1].Value) : page.Address;
        var published = DateTimeOffset.Parse(Meta("article:published_time") ?? "2020-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var body = Body().Match(html) is { Success: true } content ? content.Groups[1].Value.Trim() : "";
        var post = new Post(
            canonical.AbsoluteUri, page.Name, canonical, title, published, null,
            All("article:author"), All("article:section"), All("article:tag"), null, Meta("og:description"), null, body);
        return new PostReading(page, post, []);
    }

    public static (Entry Entry, ImmutableArray<Problem> Problems) Publish(Post post)
    {
        var text = post.ManualExcerpt ?? post.Title;
        var source = new ExcerptSource(post.Title, post.CanonicalUrl, post.BodyHtml);
        return (new Entry(post, post.BodyHtml, source, ExcerptBudget.Default, new Excerpt(text, $"<p>{WebUtility.HtmlEncode(text)}</p>", false)), []);
    }

    [GeneratedRegex("""<meta property="([a-z:_]+)" content="([^"]*)" */?>""")]
    private static partial Regex MetaTags();

    [GeneratedRegex("<title>([^<]*)</title>")]
    private static partial Regex Title();

    [GeneratedRegex("""<link rel="canonical" href="([^"]+)" */?>""")]
    private static partial Regex Canonical();

    [GeneratedRegex("""<div class="entry-content[^"]*"[^>]*>(.*?)</div><!-- \.entry-content""", RegexOptions.Singleline)]
    private static partial Regex Body();
}

/// <summary>Every <c>*.html</c> of a folder, named by relative path, at its slug permalink (as the folder source of the reader issue does).</summary>
public sealed class StandInFolderSource(string folder, Uri site) : IPostSource
{
    public async IAsyncEnumerable<PostPage> ReadAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var root = Path.GetFullPath(folder);
        foreach (var file in Directory.EnumerateFiles(root, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetRelativePath(root, file).Replace('\\', '/');
            var bytes = await File.ReadAllBytesAsync(file, cancellationToken);
            yield return new PostPage(name, new Uri(site, name[..^".html".Length] + "/"), [.. bytes]);
        }
    }
}
