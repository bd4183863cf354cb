using System.Collections.Immutable;
using CxFeed.Core.Excerpts;

namespace CxFeed.Core.Syndication;

/// <summary>Who may read a feed: anyone, or only the partners it names (with their keys).</summary>
public enum FeedAccess
{
    Public,
    Partner,
}

/// <summary>Whether items carry the whole cleaned post or its excerpt.</summary>
public enum FeedContent
{
    Excerpt,
    Full,
}

/// <summary>
/// One feed, as data: a file in <c>feeds/</c> (its name is the file's) or an automatic category or
/// tag feed. <see cref="Name"/> is the path of its addresses below <c>/feeds/</c>.
/// </summary>
/// <param name="Title">The feed's title; null for the site's title.</param>
/// <param name="Description">The feed's description; null for the site's description.</param>
/// <param name="Attribution">A template appended to full content as a paragraph: <c>{site}</c>, <c>{link}</c>, <c>{title}</c>, <c>{author}</c>.</param>
/// <param name="LinkParameters">Query parameters added, in order, to item links (never to ids).</param>
public sealed record FeedDefinition(
    string Name,
    string? Title,
    string? Description,
    PostSelection Posts,
    FeedContent Content,
    ExcerptBudget ExcerptBudget,
    int ItemsPerPage,
    ImmutableArray<FeedFormat> Formats,
    string? Attribution,
    ImmutableArray<KeyValuePair<string, string>> LinkParameters)
{
    /// <summary>WordPress's default number of items in a feed.</summary>
    public const int DefaultItemsPerPage = 10;

    public const int MaxItemsPerPage = 10_000;

    /// <summary>
    /// <see cref="FeedAccess.Partner"/>: served only with the key of one of <see cref="Partners"/>,
    /// never listed in the OPML or announced by the pages, never written by <c>cxfeed build</c>.
    /// </summary>
    public FeedAccess Access { get; init; }

    /// <summary>The partners (names under <c>CxFeed:Access:Partners</c>) who may read a partner feed; empty for a public one.</summary>
    public ImmutableArray<string> Partners { get; init; } = [];

    public bool IsPublic => Access == FeedAccess.Public;

    /// <summary>A feed with every default: all posts, excerpts, 10 items a page, every format.</summary>
    public static FeedDefinition Default(string name) => new(
        name, null, null, PostSelection.All, FeedContent.Excerpt, ExcerptBudget.Default, DefaultItemsPerPage, FeedFormats.All, null, []);
}

/// <summary>
/// Which posts a feed shows: all of them, or those in any of the given categories, with any of the
/// given tags and by any of the given authors (each list that is not empty must match). Names are
/// compared by their slug, so case and punctuation do not matter.
/// </summary>
public sealed record PostSelection(ImmutableArray<string> Categories, ImmutableArray<string> Tags, ImmutableArray<string> Authors)
{
    public static PostSelection All { get; } = new([], [], []);

    public bool IsAll => Categories.IsEmpty && Tags.IsEmpty && Authors.IsEmpty;

    public bool Matches(ImmutableArray<string> categories, ImmutableArray<string> tags, ImmutableArray<string> authors) =>
        AnyOf(Categories, categories) && AnyOf(Tags, tags) && AnyOf(Authors, authors);

    private static bool AnyOf(ImmutableArray<string> wanted, ImmutableArray<string> present)
    {
        if (wanted.IsEmpty)
            return true;
        foreach (var name in present)
        {
            var slug = Slug.Of(name);
            foreach (var want in wanted)
            {
                if (Slug.Of(want) == slug)
                    return true;
            }
        }
        return false;
    }

    // Records compare arrays by reference; selections compare by content.
    public bool Equals(PostSelection? other) =>
        other is not null
        && Categories.SequenceEqual(other.Categories)
        && Tags.SequenceEqual(other.Tags)
        && Authors.SequenceEqual(other.Authors);

    public override int GetHashCode() => HashCode.Combine(Categories.Length, Tags.Length, Authors.Length);
}
