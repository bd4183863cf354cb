using System.Collections.Immutable;
using CxFeed.Core.Publishing;
using CxFeed.Core.Syndication;

namespace CxFeed.Core.Pages;

/// <summary>
/// Renders the pages published beside the feeds, from the same snapshot and feed plan: the Posts
/// page (<c>/</c>, <c>/page/{n}/</c>), a page per category feed (<c>/category/{slug}/</c>…), and
/// <c>/feeds.opml</c>, every feed for readers that import subscriptions. Pure and deterministic,
/// as the feeds are. With a <see cref="PublishedFileCache"/>, a page rendered to the bytes it had is
/// not compressed again.
/// </summary>
public sealed class PageRenderer(SiteOptions site, PublishOptions publish, PagesOptions pages, PublishedFileCache? files = null)
{
    /// <summary>The feed the Posts page announces: the definition <c>feeds/posts.json</c>.</summary>
    public const string MainFeed = "posts";

    private const string CategoryPrefix = "category/";
    private const string TagPrefix = "tag/";

    private const string HtmlType = "text/html; charset=utf-8";
    private const string OpmlType = "text/x-opml; charset=utf-8";

    private readonly Uri _publicBase = publish.BaseUri;
    private readonly PostListWriter _writer = new(site, publish.BaseUri);
    private readonly FeedDates _dates = new(site.TimeZoneInfo);

    /// <summary>The feeds planned by <see cref="FeedRenderer.Plan"/> plus these pages: what <c>cxfeed build</c> writes and <c>cxfeed serve</c> serves.</summary>
    public Publication AddTo(Publication feeds, Snapshot snapshot, IEnumerable<PlannedFeed> plan) =>
        feeds.With(Render(snapshot, [.. plan]));

    public IEnumerable<PublishedFile> Render(Snapshot snapshot, IReadOnlyList<PlannedFeed> plan)
    {
        var main = plan.FirstOrDefault(feed => feed.Definition.Name == MainFeed)?.Definition;
        var mainLinks = main is null ? [] : Links(main);
        var all = Enumerable.Range(0, snapshot.Entries.Length).ToImmutableArray();
        var files = new List<PublishedFile>();
        files.AddRange(Listing(snapshot, all, "Posts", $"Posts – {site.Title}", PageAddresses.OfPosts, mainLinks));
        foreach (var (definition, selected) in plan)
        {
            if (!definition.Name.StartsWith(CategoryPrefix, StringComparison.Ordinal) || definition.Posts.Categories.IsEmpty)
                continue;
            var slug = definition.Name[CategoryPrefix.Length..];
            var name = definition.Posts.Categories[0];
            files.AddRange(Listing(snapshot, selected, name, $"{name} – {site.Title}", page => PageAddresses.OfCategory(slug, page), [.. mainLinks, .. Links(definition)]));
        }
        files.Add(Opml(snapshot, plan));
        return files;
    }

    private IEnumerable<PublishedFile> Listing(
        Snapshot snapshot, ImmutableArray<int> selected, string heading, string title, Func<int, string> address, ImmutableArray<FeedLink> feeds)
    {
        var perPage = pages.PostsPerPage;
        var pageCount = Math.Max(1, (selected.Length + perPage - 1) / perPage);
        var updated = selected.IsEmpty ? snapshot.LastChanged : selected.Max(index => snapshot.Entries[index].Post.LastChanged);
        for (var page = 1; page <= pageCount; page++)
        {
            var entries = selected.Skip((page - 1) * perPage).Take(perPage).Select(index => snapshot.Entries[index]).ToImmutableArray();
            var list = new PostList(title, heading, entries, page, pageCount, address, feeds);
            yield return Create(address(page), HtmlType, _writer.Write(list), updated);
        }
    }

    /// <summary>The definitions first, as in <c>feeds/</c>, then a folder of category feeds and one of tag feeds.</summary>
    private PublishedFile Opml(Snapshot snapshot, IReadOnlyList<PlannedFeed> plan)
    {
        var defined = ImmutableArray.CreateBuilder<OpmlFeed>();
        var categories = ImmutableArray.CreateBuilder<OpmlFeed>();
        var tags = ImmutableArray.CreateBuilder<OpmlFeed>();
        foreach (var (definition, _) in plan)
        {
            var format = FeedFormats.All.First(definition.Formats.Contains);
            var xmlUrl = FeedAddresses.Absolute(_publicBase, FeedAddresses.Of(definition.Name, format));
            var title = definition.Title ?? site.Title;
            if (definition.Name.StartsWith(CategoryPrefix, StringComparison.Ordinal))
            {
                var page = FeedAddresses.Absolute(_publicBase, PageAddresses.OfCategory(definition.Name[CategoryPrefix.Length..]));
                categories.Add(new OpmlFeed(title, definition.Description, format, xmlUrl, page));
            }
            else if (definition.Name.StartsWith(TagPrefix, StringComparison.Ordinal))
                tags.Add(new OpmlFeed(title, definition.Description, format, xmlUrl, site.BaseUri));
            else
                defined.Add(new OpmlFeed(title, definition.Description, format, xmlUrl, site.BaseUri));
        }
        var groups = ImmutableArray.CreateBuilder<OpmlGroup>();
        if (categories.Count > 0)
            groups.Add(new OpmlGroup("Categories", categories.ToImmutable()));
        if (tags.Count > 0)
            groups.Add(new OpmlGroup("Tags", tags.ToImmutable()));
        var bytes = OpmlWriter.Write($"{site.Title} – feeds", _dates.Rfc822(snapshot.LastChanged), defined.ToImmutable(), groups.ToImmutable());
        return Create(PageAddresses.Opml, OpmlType, bytes, snapshot.LastChanged);
    }

    private PublishedFile Create(string address, string contentType, byte[] content, DateTimeOffset lastModified) =>
        files is null ? PublishedFile.Create(address, contentType, content, lastModified) : files.Create(address, contentType, content, lastModified);

    /// <summary>Autodiscovery links to the first page of a feed in each of its formats.</summary>
    private ImmutableArray<FeedLink> Links(FeedDefinition definition)
    {
        var title = definition.Title ?? site.Title;
        return [.. FeedFormats.All.Where(definition.Formats.Contains).Select(format =>
            new FeedLink($"{title} ({FormatName(format)})", format, FeedAddresses.Absolute(_publicBase, FeedAddresses.Of(definition.Name, format))))];
    }

    private static string FormatName(FeedFormat format) => format switch
    {
        FeedFormat.Rss => "RSS",
        FeedFormat.Atom => "Atom",
        _ => "JSON Feed",
    };
}
