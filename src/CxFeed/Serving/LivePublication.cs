using System.Collections.Frozen;
using System.Collections.Immutable;
using CxFeed.Core;
using CxFeed.Core.Publishing;
using Microsoft.Extensions.Primitives;

namespace CxFeed.Serving;

/// <summary>A published file with the header values a response needs, made once when it is published, not per request.</summary>
public sealed class ServedFile(PublishedFile file)
{
    public PublishedFile File { get; } = file;

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

    /// <param name="previous">The state it replaces: a file published again as it was keeps its header values.</param>
    public ServingState(Publication? publication, ImmutableArray<Problem> rebuildProblems, ServingState? previous = null)
    {
        Publication = publication;
        RebuildProblems = rebuildProblems;
        var before = previous?.Files ?? FrozenDictionary<string, ServedFile>.Empty;
        Files = publication is null
            ? FrozenDictionary<string, ServedFile>.Empty
            : publication.Files.ToFrozenDictionary(
                file => file.Address,
                file => before.TryGetValue(file.Address, out var served) && ReferenceEquals(served.File, file) ? served : new ServedFile(file),
                StringComparer.Ordinal);
    }

    public Publication? Publication { get; }

    /// <summary>Why the last rebuild could not replace the publication (empty when it did).</summary>
    public ImmutableArray<Problem> RebuildProblems { get; }

    public FrozenDictionary<string, ServedFile> Files { get; }

    /// <summary>This publication still serving, with the problems of the rebuild that failed to replace it.</summary>
    public ServingState Failed(ImmutableArray<Problem> problems) => new(Publication, problems, Files);

    private ServingState(Publication? publication, ImmutableArray<Problem> rebuildProblems, FrozenDictionary<string, ServedFile> files)
    {
        Publication = publication;
        RebuildProblems = rebuildProblems;
        Files = files;
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
