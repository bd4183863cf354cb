using System.Collections.Immutable;

namespace CxFeed.Core.Syndication;

/// <summary>
/// One page of one feed in one format, ready to write: what every format carries, already
/// decided (links absolute, parameters added, content chosen). Writers only spell it out.
/// </summary>
/// <param name="Updated">The newest change among the page's items (never the clock).</param>
/// <param name="Dates">How this feed writes its dates (the site's time zone).</param>
public sealed record FeedDocument(
    string Title,
    string Description,
    Uri HomePage,
    string Language,
    FeedGenerator Generator,
    FeedAuthor Author,
    DateTimeOffset Updated,
    FeedDates Dates,
    FeedLinks Links,
    ImmutableArray<Uri> Hubs,
    ImmutableArray<FeedItem> Items);

/// <summary>The program that wrote the feed, as RSS, Atom and JSON Feed name it.</summary>
public sealed record FeedGenerator(string Name, Uri? Uri = null);

public sealed record FeedAuthor(string Name, Uri? Uri = null);

/// <summary>
/// The page's own address and its RFC 5005 paging links (first, last, previous: newer, next: older),
/// all absolute and all in the same format as the page. <see cref="First"/> is also the feed's
/// identity: Atom's feed id and JSON Feed's feed_url, the same on every page.
/// </summary>
public sealed record FeedLinks(Uri Self, Uri First, Uri Last, Uri? Previous, Uri? Next);

/// <summary>
/// One item of a feed.
/// </summary>
/// <param name="Id">The post's stable id (its shortlink or canonical URL), never with link parameters.</param>
/// <param name="Link">Where the item links to: the canonical URL, with the feed's link parameters.</param>
/// <param name="IdIsPermalink">True when <paramref name="Id"/> is the post's canonical URL (RSS guid isPermaLink).</param>
/// <param name="Summary">The plain-text excerpt.</param>
/// <param name="ContentHtml">The full cleaned HTML (with attribution) or the HTML excerpt.</param>
public sealed record FeedItem(
    string Id,
    bool IdIsPermalink,
    Uri Link,
    string Title,
    DateTimeOffset Published,
    DateTimeOffset Updated,
    ImmutableArray<FeedAuthor> Authors,
    ImmutableArray<FeedCategory> Categories,
    string Summary,
    string ContentHtml,
    FeedImage? Image);

/// <summary>A category or tag: its name, its slug, and the scheme (the site's category or tag archive base).</summary>
public sealed record FeedCategory(string Name, string Slug, Uri Scheme);

/// <summary>The item's featured image with what is known of it.</summary>
public sealed record FeedImage(Uri Url, string? MediaType, int? Width, int? Height);
