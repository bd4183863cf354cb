using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using CxFeed.Core.Content;
using CxFeed.Core.Excerpts;
using CxFeed.Core.Html;
using CxFeed.Core.Syndication;

namespace CxFeed.Core.Publishing;

/// <summary>
/// Renders a snapshot into every feed, format and page: the feeds defined in <c>feeds/</c> and the
/// automatic category and tag feeds. Pure: the same snapshot, definitions and settings give the
/// same bytes on every machine, since nothing here reads the clock, the host or a dictionary's order.
/// </summary>
public sealed class FeedRenderer(SiteOptions site, PublishOptions publish, FeedsOptions feeds, ExcerptBuilder excerpts)
{
    private readonly FeedDates _dates = new(site.TimeZoneInfo);
    private readonly Uri _publicBase = publish.BaseUri;
    private readonly Uri _home = site.BaseUri;
    private readonly Uri _categoryScheme = new(site.BaseUri, "category/");
    private readonly Uri _tagScheme = new(site.BaseUri, "tag/");
    private readonly ImmutableArray<Uri> _hubs = [.. publish.HubUris];
    private readonly FeedGenerator _generator = new(publish.Generator);

    /// <summary>Every page of every feed in every format it is defined in, compressed, with the snapshot's version and problems.</summary>
    public Publication Render(Snapshot snapshot, IEnumerable<FeedDefinition> definitions) =>
        new(snapshot.Version, snapshot.Problems, PlanFiles(snapshot, [.. Plan(snapshot, definitions)])
            .AsParallel()
            .Select(file => file.Render())
            .Select(page => PublishedFile.Create(page.Address, page.ContentType, page.Bytes, page.LastModified)));

    /// <summary>The bytes of every page of every feed in every format, in plan order: what <see cref="Render"/> compresses.</summary>
    public ImmutableArray<RenderedPage> RenderPages(Snapshot snapshot, IEnumerable<FeedDefinition> definitions) =>
        // Pages are independent: write them on every core, in a stable order.
        [.. PlanFiles(snapshot, [.. Plan(snapshot, definitions)]).AsParallel().AsOrdered().Select(file => file.Render())];

    /// <summary>
    /// Every page of every planned feed in every format, not yet rendered: each with a key made of
    /// what its bytes depend on (the definition, format, page, page count, newest change and the
    /// digests of the entries it shows), so that a rebuild renders only pages whose key changed.
    /// Items are made when a page is rendered, once per entry and item style, safely from several
    /// threads at once.
    /// </summary>
    public ImmutableArray<PlannedFile> PlanFiles(Snapshot snapshot, IReadOnlyList<PlannedFeed> feeds)
    {
        var entries = snapshot.Entries;
        var items = new ItemCache(entries);
        var files = ImmutableArray.CreateBuilder<PlannedFile>();
        using var key = new FieldHash();
        foreach (var feed in feeds)
        {
            var (definition, selected) = feed;
            var styleItems = items.For(definition);
            var updated = selected.IsEmpty ? snapshot.LastChanged : selected.Max(index => entries[index].Post.LastChanged);
            var pageCount = feed.PageCount;
            var definitionKey = Key(definition);
            for (var page = 1; page <= pageCount; page++)
            {
                var slice = feed.Page(page);
                key.Add(definitionKey).Add(page).Add(pageCount).Add(updated).Add(slice.Length);
                foreach (var index in slice)
                    key.Add(entries[index].Digest);
                var pageKey = key.Finish();
                foreach (var format in definition.Formats)
                {
                    var job = new PageJob(definition, format, page, pageCount, slice, styleItems, updated);
                    files.Add(new PlannedFile(FeedAddresses.Of(definition.Name, format, page), $"{pageKey} {format.Name()}", () => Render(job, entries)));
                }
            }
        }
        return files.ToImmutable();
    }

    /// <summary>Every field of a definition, each on its own: what a page's bytes depend on besides its entries.</summary>
    public static string Key(FeedDefinition definition)
    {
        using var key = new FieldHash();
        key.Add(definition.Name).Add(definition.Title).Add(definition.Description)
            .AddAll(definition.Posts.Categories).AddAll(definition.Posts.Tags).AddAll(definition.Posts.Authors)
            .Add(definition.Content.ToString()).Add(definition.ExcerptBudget.ToString()).Add(definition.ItemsPerPage)
            .AddAll([.. definition.Formats.Select(format => format.Name())])
            .Add(definition.Attribution)
            .AddAll([.. definition.LinkParameters.SelectMany(parameter => new[] { parameter.Key, parameter.Value })])
            .Add(definition.Access.ToString()).AddAll(definition.Partners);
        return key.Finish();
    }

    /// <summary>
    /// The feeds to render: the definitions in their order, then a feed per category and per tag
    /// (by slug) when enabled, each with the indexes of its entries in the snapshot (newest first).
    /// What a list of the feeds (an OPML file, a page of feeds) is made from.
    /// </summary>
    public IEnumerable<PlannedFeed> Plan(Snapshot snapshot, IEnumerable<FeedDefinition> definitions)
    {
        var entries = snapshot.Entries;
        foreach (var definition in definitions)
        {
            var selected = ImmutableArray.CreateBuilder<int>();
            for (var i = 0; i < entries.Length; i++)
            {
                var post = entries[i].Post;
                if (definition.Posts.Matches(post.Categories, post.Tags, post.Authors))
                    selected.Add(i);
            }
            yield return new PlannedFeed(definition, selected.ToImmutable());
        }
        if (feeds.CategoryFeeds)
        {
            foreach (var feed in Automatic(entries, "category", post => post.Categories, name => $"Posts filed under {name}."))
                yield return feed;
        }
        if (feeds.TagFeeds)
        {
            foreach (var feed in Automatic(entries, "tag", post => post.Tags, name => $"Posts tagged {name}."))
                yield return feed;
        }
    }

    private IEnumerable<PlannedFeed> Automatic(
        ImmutableArray<Entry> entries, string kind, Func<Post, ImmutableArray<string>> names, Func<string, string> describe)
    {
        // One feed per slug; it is named as the newest post spells it. A blog has few names, used by many posts: each is slugged once.
        var bySlug = new SortedDictionary<string, (string Name, ImmutableArray<int>.Builder Entries)>(StringComparer.Ordinal);
        var slugs = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Length; i++)
        {
            foreach (var name in names(entries[i].Post))
            {
                if (!slugs.TryGetValue(name, out var slug))
                    slugs[name] = slug = Slug.Of(name);
                if (!bySlug.TryGetValue(slug, out var feed))
                    bySlug[slug] = feed = (name, ImmutableArray.CreateBuilder<int>());
                if (feed.Entries.Count == 0 || feed.Entries[^1] != i)
                    feed.Entries.Add(i);
            }
        }
        foreach (var (slug, (name, selected)) in bySlug)
        {
            var definition = FeedDefinition.Default($"{kind}/{slug}") with
            {
                Title = $"{name} – {site.Title}",
                Description = describe(name),
                Posts = kind == "category" ? PostSelection.All with { Categories = [name] } : PostSelection.All with { Tags = [name] },
            };
            yield return new PlannedFeed(definition, selected.ToImmutable());
        }
    }

    private RenderedPage Render(PageJob job, ImmutableArray<Entry> entries)
    {
        var definition = job.Definition;
        var items = ImmutableArray.CreateBuilder<FeedItem>(job.Entries.Length);
        foreach (var index in job.Entries)
            items.Add(job.Items[index] ??= Item(entries[index], definition));
        var format = job.Format;
        Uri Page(int page) => FeedAddresses.Absolute(_publicBase, FeedAddresses.Of(definition.Name, format, page));
        var document = new FeedDocument(
            definition.Title ?? site.Title,
            definition.Description ?? (string.IsNullOrWhiteSpace(site.Description) ? site.Title : site.Description),
            _home,
            site.Language,
            _generator,
            new FeedAuthor(site.Title, _home),
            job.Updated,
            _dates,
            new FeedLinks(
                Page(job.Page),
                Page(1),
                Page(job.PageCount),
                job.Page > 1 ? Page(job.Page - 1) : null,
                job.Page < job.PageCount ? Page(job.Page + 1) : null),
            _hubs,
            items.MoveToImmutable());
        using var bytes = new PageBuffer(ExpectedLength(document.Items, format));
        switch (format)
        {
            case FeedFormat.Rss:
                RssFeedWriter.Write(document, bytes);
                break;
            case FeedFormat.Atom:
                AtomFeedWriter.Write(document, bytes);
                break;
            default:
                JsonFeedWriter.Write(document, bytes);
                break;
        }
        return new RenderedPage(FeedAddresses.Of(definition.Name, format, job.Page), format.ContentType(), bytes.ToMemory(), job.Updated);
    }

    /// <summary>
    /// About how many bytes a page takes: its text, plus a fifth in XML (escapes, multi-byte
    /// characters) or a tenth in JSON, plus the markup around each item. Measured on WordPress-style
    /// posts, within a few percent; a short guess only costs one copy of the page.
    /// </summary>
    private static int ExpectedLength(ImmutableArray<FeedItem> items, FeedFormat format)
    {
        var (times, per) = format == FeedFormat.Json ? (11, 10) : (6, 5);
        long characters = 4096;
        foreach (var item in items)
            characters += (item.ContentHtml.Length + item.Summary.Length + item.Title.Length) * times / per + 512;
        return (int)Math.Min(characters, Array.MaxLength);
    }

    /// <summary>An entry as an item of a feed of the given style: link parameters, content and attribution applied.</summary>
    internal FeedItem Item(Entry entry, FeedDefinition style)
    {
        var post = entry.Post;
        var excerpt = entry.ExcerptAt(style.ExcerptBudget, excerpts);
        var link = WithParameters(post.CanonicalUrl, style.LinkParameters);
        var content = style.Content == FeedContent.Full
            ? entry.ContentHtml + Attribution(style.Attribution, post)
            : excerpt.Html;
        var categories = ImmutableArray.CreateBuilder<FeedCategory>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in post.Categories)
        {
            if (seen.Add(name))
                categories.Add(new FeedCategory(name, Slug.Of(name), _categoryScheme));
        }
        foreach (var name in post.Tags)
        {
            if (seen.Add(name))
                categories.Add(new FeedCategory(name, Slug.Of(name), _tagScheme));
        }
        var image = post.FeaturedImage is { } featured
            ? new FeedImage(featured.Url, featured.MediaType, featured.Width, featured.Height)
            : null;
        return new FeedItem(
            post.Id,
            Uri.TryCreate(post.Id, UriKind.Absolute, out var id) && id == post.CanonicalUrl,
            link,
            post.Title,
            post.Published,
            post.LastChanged,
            [.. post.Authors.Select(author => new FeedAuthor(author))],
            categories.ToImmutable(),
            excerpt.Text,
            content,
            image);
    }

    /// <summary>The URL with the parameters appended to its query (before any fragment), names and values escaped.</summary>
    internal static Uri WithParameters(Uri url, ImmutableArray<KeyValuePair<string, string>> parameters)
    {
        if (parameters.IsEmpty)
            return url;
        var added = string.Join("&", parameters.Select(parameter => $"{Uri.EscapeDataString(parameter.Key)}={Uri.EscapeDataString(parameter.Value)}"));
        var builder = new UriBuilder(url);
        builder.Query = builder.Query.Length > 1 ? $"{builder.Query[1..]}&{added}" : added;
        return builder.Uri;
    }

    /// <summary>
    /// The attribution paragraph: the template's text HTML-escaped, its placeholders replaced by
    /// escaped values, the site and the post's canonical URL as links (the canonical URL as it is:
    /// link parameters are for the item link a reader follows, not for the credit).
    /// </summary>
    private string Attribution(string? template, Post post)
    {
        if (template is null)
            return "";
        var html = new StringBuilder("<p>");
        var at = 0;
        foreach (Match placeholder in FeedDefinitionReader.Placeholder().Matches(template))
        {
            html.Append(HtmlText.Escape(template[at..placeholder.Index]));
            html.Append(placeholder.Groups[1].Value switch
            {
                "site" => $"<a href=\"{HtmlText.Escape(_home.AbsoluteUri)}\">{HtmlText.Escape(site.Title)}</a>",
                "link" => $"<a href=\"{HtmlText.Escape(post.CanonicalUrl.AbsoluteUri)}\">{HtmlText.Escape(post.CanonicalUrl.AbsoluteUri)}</a>",
                "title" => HtmlText.Escape(post.Title),
                _ => HtmlText.Escape(post.Authors.IsEmpty ? site.Title : string.Join(", ", post.Authors)),
            });
            at = placeholder.Index + placeholder.Length;
        }
        html.Append(HtmlText.Escape(template[at..]));
        return html.Append("</p>").ToString();
    }

    /// <param name="Entries">The indexes in the snapshot of the entries the page shows.</param>
    /// <param name="Items">The items of the feed's style, by index in the snapshot, made when first needed.</param>
    private sealed record PageJob(
        FeedDefinition Definition, FeedFormat Format, int Page, int PageCount, ImmutableArray<int> Entries, FeedItem?[] Items, DateTimeOffset Updated);

    /// <summary>
    /// Items made once per entry and item style (content, excerpt budget, attribution, link
    /// parameters): the posts feed and every automatic feed share theirs. The slots fill when pages
    /// render, on several threads: two threads may make the same item, alike, and either is kept.
    /// </summary>
    private sealed class ItemCache(ImmutableArray<Entry> entries)
    {
        private readonly Dictionary<string, FeedItem?[]> _byStyle = new(StringComparer.Ordinal);

        /// <summary>The slots of the definition's style (called while planning, on one thread).</summary>
        public FeedItem?[] For(FeedDefinition definition)
        {
            var style = string.Join("\u0000",
                [definition.Content.ToString(), definition.ExcerptBudget.ToString(), definition.Attribution ?? "", .. definition.LinkParameters.Select(parameter => $"{parameter.Key}={parameter.Value}")]);
            if (!_byStyle.TryGetValue(style, out var items))
                _byStyle[style] = items = new FeedItem?[entries.Length];
            return items;
        }
    }
}

/// <summary>A feed to render: its definition and the indexes of its entries in the snapshot, newest first.</summary>
public sealed record PlannedFeed(FeedDefinition Definition, ImmutableArray<int> EntryIndexes)
{
    /// <summary>How many pages the feed has: <see cref="FeedDefinition.ItemsPerPage"/> entries a page, one page when it has none.</summary>
    public int PageCount => Math.Max(1, (EntryIndexes.Length + Definition.ItemsPerPage - 1) / Definition.ItemsPerPage);

    /// <summary>The entries page <paramref name="page"/> (from 1) shows, newest first.</summary>
    public ImmutableArray<int> Page(int page)
    {
        var start = (page - 1) * Definition.ItemsPerPage;
        return EntryIndexes.Slice(start, Math.Min(Definition.ItemsPerPage, EntryIndexes.Length - start));
    }
}

/// <summary>One page of one feed in one format as bytes, before compression.</summary>
public sealed record RenderedPage(string Address, string ContentType, ReadOnlyMemory<byte> Bytes, DateTimeOffset LastModified);
