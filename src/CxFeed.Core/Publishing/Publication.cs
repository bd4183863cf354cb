using System.Collections.Frozen;
using System.Collections.Immutable;

namespace CxFeed.Core.Publishing;

/// <summary>
/// Everything published from one snapshot: files by address, the snapshot's version and its
/// problems. Immutable and pure data; renderers add their files with <see cref="With"/> (the
/// feeds first, then pages such as the post listing), and the server and <c>cxfeed build</c>
/// both serve exactly this.
/// </summary>
public sealed class Publication
{
    private FrozenDictionary<string, PublishedFile>? _byAddress;

    public Publication(string version, ImmutableArray<Problem> problems, IEnumerable<PublishedFile> files)
    {
        Version = version;
        Problems = problems;
        Files = [.. files.OrderBy(file => file.Address, StringComparer.Ordinal)];
        // Ordered, an address taken twice is two neighbours.
        for (var i = 1; i < Files.Length; i++)
        {
            if (Files[i].Address == Files[i - 1].Address)
                throw new ArgumentException($"two files at {Files[i].Address}", nameof(files));
        }
    }

    /// <summary>The version of the snapshot it was rendered from.</summary>
    public string Version { get; }

    public ImmutableArray<Problem> Problems { get; }

    /// <summary>Every file, in ordinal order of address.</summary>
    public ImmutableArray<PublishedFile> Files { get; }

    /// <summary>The file at an unescaped address such as <c>/feeds/posts.rss</c> (case-sensitive), or null.</summary>
    public PublishedFile? Find(string address) =>
        // Made when first needed: the server answers from its own dictionary, and a rebuild should not pay for this one.
        LazyInitializer.EnsureInitialized(ref _byAddress, () => Files.ToFrozenDictionary(file => file.Address, StringComparer.Ordinal))
            .GetValueOrDefault(address);

    /// <summary>This publication with more files; an address already taken is an error.</summary>
    public Publication With(IEnumerable<PublishedFile> files) => new(Version, Problems, Files.Concat(files));
}
