using System.Collections.Immutable;

namespace CxFeed.Core.Content;

/// <summary>
/// What the reader found in one post page: its metadata and its raw (not yet cleaned) body.
/// </summary>
/// <param name="Id">Stable item id: WordPress's shortlink when the page has one, else the canonical URL.</param>
/// <param name="Source">The <see cref="PostPage.Name"/> it was read from.</param>
/// <param name="MoreMarker">Index in <paramref name="BodyHtml"/> of a <c>&lt;!--more--&gt;</c> marker, if any.</param>
public sealed record Post(
    string Id,
    string Source,
    Uri CanonicalUrl,
    string Title,
    DateTimeOffset Published,
    DateTimeOffset? Updated,
    ImmutableArray<string> Authors,
    ImmutableArray<string> Categories,
    ImmutableArray<string> Tags,
    PostImage? FeaturedImage,
    string? ManualExcerpt,
    int? MoreMarker,
    string BodyHtml)
{
    /// <summary>The last time the post changed: its update when it has one, else its publication.</summary>
    public DateTimeOffset LastChanged => Updated is { } updated && updated > Published ? updated : Published;
}

/// <summary>An image that represents the post (og:image, JSON-LD image), with what the page says of it.</summary>
public sealed record PostImage(Uri Url, int? Width = null, int? Height = null, string? MediaType = null, string? Alt = null);
