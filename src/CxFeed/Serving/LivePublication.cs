using System.Collections.Frozen;
using System.Collections.Immutable;
using FeedItem = CxFeed.Audience.FeedItem;
using CxFeed.Core;
using CxFeed.Core.Publishing;
using CxFeed.Core.Syndication;
using Microsoft.Extensions.Primitives;

namespace CxFeed.Serving;

/// <summary>A published file with the header values a response needs, made once when it is published, not per request.</summary>
public sealed class ServedFile(PublishedFile file, ImmutableArray<string> partners, IReadOnlyList<FeedItem>? items = null)
{
    public PublishedFile File { get; } = file;

    /// <summary>The partners who may read it; empty for a public file (every file but a partner feed's).</summary>
    public ImmutableArray<string> Partners { get; } = partners;

    /// <summary>A partner feed page's items (<see cref="Audience.PartnerItems"/>), what a pull takes; null for other files, and until a rebuild has planned a stored publication.</summary>
    public IReadOnlyList<FeedItem>? Items { get; } = items;

    /// <summary>The feed and format of a feed page (for the audience counts); null for pages and the OPML list.</summary>
    public string? Feed { get; } = FeedAddresses.TryParse(file.Address, out var feed, out _) ? feed : null;

    public string Format { get; } = FeedAddresses.TryParse(file.Address, out _, out var format) ? format.Name() : "";

    public StringValues ContentType { get; } = file.ContentType;

    /// <summary>RFC 9110 §5.6.7 IMF-fixdate.</summary>
    public StringValues LastModified { get; } = file.LastModified.ToString("R");
}

/// <summary>
/// What the server answers from at one moment: the last good publication (none before the first
/// build succeeds), its files by address, and why the last rebuild failed, if it did.
/// </summary>
public sealed class ServingState
{
    public static ServingState NotBuilt { get; } = new(null, []);

    /// <param name="previous">The state it replaces: a file published again as it was keeps its header values, and a store problem stays.</param>
    /// <param name="partnerFeeds">The partner feeds by name, with the partners allowed; every other feed is public.</param>
    /// <param name="checking">The publication is a stored one that the first rebuild has not checked yet.</param>
    /// <param name="partnerItems">The partner feed pages' items by address, when the publication was just planned; else a file keeps the items of the one it replaces with the same ETag.</param>
    public ServingState(
        Publication? publication, ImmutableArray<Problem> rebuildProblems, ServingState? previous = null,
        IReadOnlyDictionary<string, ImmutableArray<string>>? partnerFeeds = null, bool checking = false,
        IReadOnlyDictionary<string, IReadOnlyList<FeedItem>>? partnerItems = null)
    {
        Publication = publication;
        RebuildProblems = rebuildProblems;
        Checking = checking;
        StoreProblem = previous?.StoreProblem;
        var before = previous?.Files ?? FrozenDictionary<string, ServedFile>.Empty;
        Files = publication is null
            ? FrozenDictionary<string, ServedFile>.Empty
            : publication.Files.ToFrozenDictionary(
                file => file.Address,
                file =>
                {
                    var partners = partnerFeeds is not null && FeedAddresses.TryParse(file.Address, out var feed, out _)
                        ? partnerFeeds.GetValueOrDefault(feed, []) : [];
                    before.TryGetValue(file.Address, out var served);
                    var items = partners.IsEmpty ? null
                        : partnerItems is not null ? (partnerItems.TryGetValue(file.Address, out var planned) ? planned : null)
                        : served is not null && served.File.ETag == file.ETag ? served.Items : null;
                    return served is not null && ReferenceEquals(served.File, file) && served.Partners.SequenceEqual(partners) && ReferenceEquals(served.Items, items)
                        ? served : new ServedFile(file, partners, items);
                },
                StringComparer.Ordinal);
    }

    public Publication? Publication { get; }

    /// <summary>Why the last rebuild could not replace the publication (empty when it did).</summary>
    public ImmutableArray<Problem> RebuildProblems { get; }

    public FrozenDictionary<string, ServedFile> Files { get; }

    /// <summary>
    /// True while the publication is the one kept on disk from before the start, answered at once
    /// and not yet checked against the content (the first rebuild does that).
    /// </summary>
    public bool Checking { get; }

    /// <summary>Why the last save of the publication to disk failed (null when it did not): the next start would build first.</summary>
    public string? StoreProblem { get; }

    /// <summary>This publication still serving, with the problems of the rebuild that failed to replace it.</summary>
    public ServingState Failed(ImmutableArray<Problem> problems) => new(Publication, problems, Files, Checking, StoreProblem);

    /// <summary>This state, with why the publication could not be saved to disk (or null once it was).</summary>
    public ServingState WithStoreProblem(string? problem) => new(Publication, RebuildProblems, Files, Checking, problem);

    private ServingState(Publication? publication, ImmutableArray<Problem> rebuildProblems, FrozenDictionary<string, ServedFile> files, bool checking, string? storeProblem)
    {
        Publication = publication;
        RebuildProblems = rebuildProblems;
        Files = files;
        Checking = checking;
        StoreProblem = storeProblem;
    }
}

/// <summary>
/// The one reference requests read: a request reads <see cref="Current"/> once and answers from
/// that whole state, so it never sees half of two publications; the rebuild swaps in a new state
/// atomically.
/// </summary>
public sealed class LivePublication
{
    private ServingState _current = ServingState.NotBuilt;

    public ServingState Current => Volatile.Read(ref _current);

    /// <summary>Makes <paramref name="next"/> current and gives back the state it replaced.</summary>
    public ServingState Swap(ServingState next) => Interlocked.Exchange(ref _current, next);
}
