using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

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
    }

    public static Snapshot Empty { get; } = Create([], []);

    /// <summary>Entries newest first: by published date descending, then by id (ordinal).</summary>
    public ImmutableArray<Entry> Entries { get; }

    public ImmutableArray<Problem> Problems { get; }

    /// <summary>Lower-case hex SHA-256 of a canonical serialisation of the entries and problems.</summary>
    public string Version { get; }

    /// <summary>The newest change of any entry; the Unix epoch when there is none (never the clock).</summary>
    public DateTimeOffset LastChanged =>
        Entries.IsEmpty ? DateTimeOffset.UnixEpoch : Entries.Max(entry => entry.Post.LastChanged);

    public static Snapshot Create(IEnumerable<Entry> entries, IEnumerable<Problem> problems)
    {
        var ordered = entries.Order(NewestFirst.Instance).ToImmutableArray();
        var problemList = problems.ToImmutableArray();
        return new Snapshot(ordered, problemList, Hash(ordered, problemList));
    }

    /// <summary>Every field that can reach a feed, each length-prefixed so that no two contents serialise alike.</summary>
    private static string Hash(ImmutableArray<Entry> entries, ImmutableArray<Problem> problems)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string? value)
        {
            if (value is null)
            {
                hash.AppendData([0xFF]);
                return;
            }
            var bytes = Encoding.UTF8.GetBytes(value);
            hash.AppendData(BitConverter.GetBytes(bytes.Length));
            hash.AppendData(bytes);
        }
        void AddAll(ImmutableArray<string> values)
        {
            Add(values.Length.ToString(CultureInfo.InvariantCulture));
            foreach (var value in values)
                Add(value);
        }
        static string Date(DateTimeOffset? date) => date?.ToString("O", CultureInfo.InvariantCulture) ?? "";

        Add(entries.Length.ToString(CultureInfo.InvariantCulture));
        foreach (var entry in entries)
        {
            var post = entry.Post;
            Add(post.Id);
            Add(post.Source);
            Add(post.CanonicalUrl.AbsoluteUri);
            Add(post.Title);
            Add(Date(post.Published));
            Add(Date(post.Updated));
            AddAll(post.Authors);
            AddAll(post.Categories);
            AddAll(post.Tags);
            Add(post.FeaturedImage?.Url.AbsoluteUri);
            Add(post.FeaturedImage?.MediaType);
            Add(post.FeaturedImage?.Width?.ToString(CultureInfo.InvariantCulture));
            Add(post.FeaturedImage?.Height?.ToString(CultureInfo.InvariantCulture));
            Add(post.FeaturedImage?.Alt);
            Add(entry.ContentHtml);
            Add(entry.ExcerptSource.Teaser);
            Add(entry.ExcerptSource.ManualExcerpt);
            Add(entry.ExcerptBudget.ToString());
            Add(entry.Excerpt.Text);
            Add(entry.Excerpt.Html);
        }
        Add(problems.Length.ToString(CultureInfo.InvariantCulture));
        foreach (var problem in problems)
        {
            Add(problem.Subject);
            Add(problem.Reason);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
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
