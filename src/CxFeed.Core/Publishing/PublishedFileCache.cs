using System.Collections.Immutable;

namespace CxFeed.Core.Publishing;

/// <summary>
/// Remembers the files of the last publication so that a rebuild renders and compresses only what
/// changed. A planned file whose key is the one it had is the previous <see cref="PublishedFile"/>
/// itself, not rendered at all; a file rendered again to the same bytes, type and date is the
/// previous one too, with its gzip and brotli forms and tags. Rendering and compression are most of
/// a first build's time, and one edited post changes a few files out of thousands. One cache
/// serves one renderer's settings (the keys do not hold them); publishes are serialised.
/// </summary>
public sealed class PublishedFileCache
{
    private Dictionary<string, (string Key, PublishedFile File)> _previous = new(StringComparer.Ordinal);

    /// <summary>How many files the last publish rendered (the others kept their key).</summary>
    public int LastRendered { get; private set; }

    /// <summary>
    /// The published file of every planned one, in plan order, rendering on every core only those
    /// whose key changed; then these files are the ones the next publish compares with. Keys are
    /// derived from the content, so what is remembered is right even if this publication is never served.
    /// </summary>
    public ImmutableArray<PublishedFile> Publish(IReadOnlyList<PlannedFile> planned)
    {
        var previous = _previous;
        var files = new PublishedFile[planned.Count];
        var changed = new List<int>();
        for (var i = 0; i < planned.Count; i++)
        {
            if (previous.TryGetValue(planned[i].Address, out var before) && before.Key == planned[i].Key)
                files[i] = before.File;
            else
                changed.Add(i);
        }
        Parallel.ForEach(changed, i => files[i] = Render(planned[i], previous));
        LastRendered = changed.Count;
        var kept = new Dictionary<string, (string Key, PublishedFile File)>(planned.Count, StringComparer.Ordinal);
        for (var i = 0; i < planned.Count; i++)
            kept[planned[i].Address] = (planned[i].Key, files[i]);
        _previous = kept;
        return [.. files];
    }

    /// <summary>The key each file of the last publish was planned with, by address: what a stored publication keeps.</summary>
    public IReadOnlyDictionary<string, string> Keys =>
        _previous.ToDictionary(pair => pair.Key, pair => pair.Value.Key, StringComparer.Ordinal);

    /// <summary>
    /// Starts from files published before (a stored publication, checked), each with the key it
    /// was planned with: the next publish renders only the files whose key is not theirs.
    /// </summary>
    public void Seed(IEnumerable<PublishedFile> files, IReadOnlyDictionary<string, string> keys)
    {
        var seeded = new Dictionary<string, (string Key, PublishedFile File)>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (keys.TryGetValue(file.Address, out var key) && key.Length > 0)
                seeded[file.Address] = (key, file);
        }
        _previous = seeded;
    }

    /// <summary>
    /// Remembers these files in place of the ones of the same address and ETags (the same bytes
    /// from elsewhere, such as a store's pack), so that the rendered copies can be let go.
    /// </summary>
    public void Rebind(IEnumerable<PublishedFile> files)
    {
        var rebound = new Dictionary<string, (string Key, PublishedFile File)>(_previous, StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (rebound.TryGetValue(file.Address, out var before) && !ReferenceEquals(before.File, file) && SameTags(before.File, file))
                rebound[file.Address] = (before.Key, file);
        }
        _previous = rebound;
    }

    private static bool SameTags(PublishedFile first, PublishedFile second) =>
        first.Identity.ETag == second.Identity.ETag && first.Gzip.ETag == second.Gzip.ETag && first.Brotli.ETag == second.Brotli.ETag
        && first.LastModified == second.LastModified && first.ContentType == second.ContentType;

    private static PublishedFile Render(PlannedFile file, Dictionary<string, (string Key, PublishedFile File)> previous)
    {
        var page = file.Render();
        if (page.Address != file.Address)
            throw new InvalidOperationException($"a file planned at {file.Address} rendered at {page.Address}");
        return previous.TryGetValue(file.Address, out var before)
            ? Create(before.File, page)
            : PublishedFile.Create(page.Address, page.ContentType, page.Bytes, page.LastModified);
    }

    /// <summary>The previous file when the page's bytes, type and date (to the second) are its, else a new file (compressed now).</summary>
    internal static PublishedFile Create(PublishedFile previous, RenderedPage page)
    {
        var lastModified = page.LastModified.UtcTicks;
        if (previous.ContentType == page.ContentType
            && previous.LastModified.UtcTicks == lastModified - lastModified % TimeSpan.TicksPerSecond
            && previous.Identity.Bytes.Span.SequenceEqual(page.Bytes.Span))
            return previous;
        return PublishedFile.Create(page.Address, page.ContentType, page.Bytes, page.LastModified);
    }
}
