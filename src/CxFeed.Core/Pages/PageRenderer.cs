using System.Collections.Immutable;
using CxFeed.Core.Publishing;
using CxFeed.Core.Syndication;

namespace CxFeed.Core.Pages;

/// <summary>
/// Renders the pages published beside the feeds, from the same snapshot and feed plan: the Posts
/// page (<c>/</c>, <c>/page/{n}/</c>), a page per category feed (<c>/category/{slug}/</c>…), and
/// <c>/feeds.opml</c>, every feed for readers that import subscriptions. Pure and deterministic,
/// as the feeds are. Planned with keys as the feeds are (<see cref="PlanFiles"/>), so that a
/// <see cref="PublishedFileCache"/> renders again only the pages whose posts changed.
/// </summary>
public sealed class PageRenderer(SiteOptions site, PublishOptions publish, PagesOptions pages)
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

    public IEnumerable<PublishedFile> Render(Snapshot snapshot, IReadOnlyList<PlannedFeed> plan) =>
        PlanFiles(snapshot, plan)
            .Select(file => file.Render())
            .Select(page => PublishedFile.Create(page.Address, page.ContentType, page.Bytes, page.LastModified));

    /// <summary>
    /// Every page and the OPML list, not yet rendered, each with a key made of what its bytes
    /// depend on: for a listing page its title, links, page, page count, newest change and the
    /// digests of the entries it shows; for the list of feeds, the feeds and the newest change.
    /// </summary>
    public ImmutableArray<PlannedFile> PlanFiles(Snapshot snapshot, IReadOnlyList<PlannedFeed> plan)
    {
        // A partner feed is never announced: not by the pages, not in the OPML list.
        var main = plan.FirstOrDefault(feed => feed.Definition.Name == MainFeed && feed.Definition.IsPublic)?.Definition;
        var mainLinks = main is null ? [] : Links(main);
        var all = Enumerable.Range(0, snapshot.Entries.Length).ToImmutableArray();
        var files = ImmutableArray.CreateBuilder<PlannedFile>();
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
        return files.ToImmutable();
    }

    private IEnumerable<PlannedFile> Listing(
        Snapshot snapshot, ImmutableArray<int> selected, string heading, string title, Func<int, string> address, ImmutableArray<FeedLink> feeds)
    {
        var perPage = pages.PostsPerPage;
        var pageCount = Math.Max(1, (selected.Length + perPage - 1) / perPage);
        var updated = selected.IsEmpty ? snapshot.LastChanged : selected.Max(index => snapshot.Entries[index].Post.LastChanged);
        using var key = new FieldHash();
        for (var page = 1; page <= pageCount; page++)
        {
            var start = (page - 1) * perPage;
            var entries = selected.Slice(start, Math.Min(perPage, selected.Length - start)).Select(index => snapshot.Entries[index]).ToImmutableArray();
            var list = new PostList(title, heading, entries, page, pageCount, address, feeds);
            var pageAddress = address(page);
            key.Add(HtmlType).Add(pageAddress).Add(title).Add(heading).Add(page).Add(pageCount).Add(updated).Add(feeds.Length);
            foreach (var feed in feeds)
                key.Add(feed.Title).Add(feed.Format.Name()).Add(feed.Url.AbsoluteUri);
            key.Add(entries.Length);
            foreach (var entry in entries)
                key.Add(entry.Digest);
            yield return new PlannedFile(pageAddress, key.Finish(), () => new RenderedPage(pageAddress, HtmlType, _writer.Write(list), updated));
        }
    }

    /// <summary>The definitions first, as in <c>feeds/</c>, then a folder of category feeds and one of tag feeds.</summary>
    private PlannedFile Opml(Snapshot snapshot, IReadOnlyList<PlannedFeed> plan)
    {
        var defined = ImmutableArray.CreateBuilder<OpmlFeed>();
        var categories = ImmutableArray.CreateBuilder<OpmlFeed>();
        var tags = ImmutableArray.CreateBuilder<OpmlFeed>();
        using var key = new FieldHash();
        key.Add(OpmlType).Add(snapshot.LastChanged).Add(plan.Count);
        foreach (var (definition, _) in plan)
        {
            if (!definition.IsPublic)
                continue;
            var format = FeedFormats.All.First(definition.Formats.Contains);
            var xmlUrl = FeedAddresses.Absolute(_publicBase, FeedAddresses.Of(definition.Name, format));
            var title = definition.Title ?? site.Title;
            key.Add(definition.Name).Add(title).Add(definition.Description).Add(format.Name());
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
        var lastChanged = snapshot.LastChanged;
        var (feeds, folders) = (defined.ToImmutable(), groups.ToImmutable());
        return new PlannedFile(PageAddresses.Opml, key.Finish(), () => new RenderedPage(
            PageAddresses.Opml, OpmlType, OpmlWriter.Write($"{site.Title} – feeds", _dates.Rfc822(lastChanged), feeds, folders), lastChanged));
    }

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
