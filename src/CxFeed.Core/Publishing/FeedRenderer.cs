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
        new(snapshot.Version, snapshot.Problems, RenderPages(snapshot, definitions)
            .AsParallel()
            .Select(page => PublishedFile.Create(page.Address, page.ContentType, page.Bytes, page.LastModified)));

    /// <summary>The bytes of every page of every feed in every format, in plan order: what <see cref="Render"/> compresses.</summary>
    public ImmutableArray<RenderedPage> RenderPages(Snapshot snapshot, IEnumerable<FeedDefinition> definitions)
    {
        var items = new ItemCache(this, snapshot.Entries);
        var pages = new List<PageJob>();
        foreach (var (definition, selected) in Plan(snapshot, definitions))
        {
            var feedItems = items.For(definition, selected);
            var updated = selected.IsEmpty ? snapshot.LastChanged : selected.Max(index => snapshot.Entries[index].Post.LastChanged);
            var pageCount = Math.Max(1, (feedItems.Length + definition.ItemsPerPage - 1) / definition.ItemsPerPage);
            foreach (var format in definition.Formats)
            {
                for (var page = 1; page <= pageCount; page++)
                {
                    var slice = feedItems.AsSpan().Slice(
                        (page - 1) * definition.ItemsPerPage,
                        Math.Min(definition.ItemsPerPage, feedItems.Length - (page - 1) * definition.ItemsPerPage));
                    pages.Add(new PageJob(definition, format, page, pageCount, [.. slice], updated));
                }
            }
        }
        // Pages are independent: write them on every core, in a stable order.
        return [.. pages.AsParallel().AsOrdered().Select(Render)];
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
        // One feed per slug; it is named as the newest post spells it.
        var bySlug = new SortedDictionary<string, (string Name, ImmutableArray<int>.Builder Entries)>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Length; i++)
        {
            foreach (var name in names(entries[i].Post))
            {
                var slug = Slug.Of(name);
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

    private RenderedPage Render(PageJob job)
    {
        var definition = job.Definition;
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
            job.Items);
        using var bytes = new PageBuffer(ExpectedLength(job.Items, format));
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

    private sealed record PageJob(FeedDefinition Definition, FeedFormat Format, int Page, int PageCount, ImmutableArray<FeedItem> Items, DateTimeOffset Updated);

    /// <summary>
    /// Items built once per entry and item style (content, excerpt budget, attribution, link
    /// parameters): the posts feed and every automatic feed share theirs.
    /// </summary>
    private sealed class ItemCache(FeedRenderer renderer, ImmutableArray<Entry> entries)
    {
        private readonly Dictionary<string, FeedItem?[]> _byStyle = new(StringComparer.Ordinal);

        public ImmutableArray<FeedItem> For(FeedDefinition definition, ImmutableArray<int> selected)
        {
            var style = string.Join("\u0000",
                [definition.Content.ToString(), definition.ExcerptBudget.ToString(), definition.Attribution ?? "", .. definition.LinkParameters.Select(parameter => $"{parameter.Key}={parameter.Value}")]);
            if (!_byStyle.TryGetValue(style, out var items))
                _byStyle[style] = items = new FeedItem?[entries.Length];
            var result = ImmutableArray.CreateBuilder<FeedItem>(selected.Length);
            foreach (var index in selected)
                result.Add(items[index] ??= renderer.Item(entries[index], definition));
            return result.MoveToImmutable();
        }
    }
}

/// <summary>A feed to render: its definition and the indexes of its entries in the snapshot, newest first.</summary>
public sealed record PlannedFeed(FeedDefinition Definition, ImmutableArray<int> EntryIndexes);

/// <summary>One page of one feed in one format as bytes, before compression.</summary>
public sealed record RenderedPage(string Address, string ContentType, ReadOnlyMemory<byte> Bytes, DateTimeOffset LastModified);
