using System.Collections.Immutable;

namespace CxFeed.Core.Publishing;

/// <summary>
/// The whole published state at one moment: every entry, newest first (published date, then id),
/// the problems found building it, and a <see cref="Version"/> that is a hash of all of it, so
/// that two snapshots of the same content have the same version on every machine. Immutable: a
/// server swaps whole snapshots and a request always sees one.
/// </summary>
public sealed class Snapshot
{
    private Snapshot(ImmutableArray<Entry> entries, ImmutableArray<Problem> problems, string version)
    {
        Entries = entries;
        Problems = problems;
        Version = version;
        LastChanged = entries.IsEmpty ? DateTimeOffset.UnixEpoch : entries.Max(entry => entry.Post.LastChanged);
    }

    public static Snapshot Empty { get; } = Create([], []);

    /// <summary>Entries newest first: by published date descending, then by id (ordinal).</summary>
    public ImmutableArray<Entry> Entries { get; }

    public ImmutableArray<Problem> Problems { get; }

    /// <summary>Lower-case hex SHA-256 of the entries' <see cref="Entry.Digest"/>s, in order, and the problems.</summary>
    public string Version { get; }

    /// <summary>The newest change of any entry; the Unix epoch when there is none (never the clock).</summary>
    public DateTimeOffset LastChanged { get; }

    public static Snapshot Create(IEnumerable<Entry> entries, IEnumerable<Problem> problems)
    {
        var ordered = entries.Order(NewestFirst.Instance).ToImmutableArray();
        var problemList = problems.ToImmutableArray();
        return new Snapshot(ordered, problemList, Hash(ordered, problemList));
    }

    /// <summary>The entries' digests in order, then the problems: each entry's content is hashed once, when it is made.</summary>
    private static string Hash(ImmutableArray<Entry> entries, ImmutableArray<Problem> problems)
    {
        using var hash = new FieldHash();
        hash.Add(entries.Length);
        foreach (var entry in entries)
            hash.Add(entry.Digest);
        hash.Add(problems.Length);
        foreach (var problem in problems)
            hash.Add(problem.Subject).Add(problem.Reason);
        return hash.Finish();
    }

    private sealed class NewestFirst : IComparer<Entry>
    {
        public static readonly NewestFirst Instance = new();

        public int Compare(Entry? x, Entry? y)
        {
            var byDate = y!.Post.Published.CompareTo(x!.Post.Published);
            return byDate != 0 ? byDate : string.CompareOrdinal(x.Post.Id, y.Post.Id);
        }
    }
}
