using System.Collections.Frozen;

namespace CxFeed.Core.Publishing;

/// <summary>
/// Remembers the files of the last publication so that a rebuild compresses only what changed: a
/// file rendered to the same bytes, type and date at the same address is the previous
/// <see cref="PublishedFile"/> itself, with its gzip and brotli forms and tags. Compression is
/// most of a rebuild's time, and one edited post changes a few files out of thousands. Reads are
/// safe from many threads while a publication renders; <see cref="Keep"/> runs between renders.
/// </summary>
public sealed class PublishedFileCache
{
    private FrozenDictionary<string, PublishedFile> _previous = FrozenDictionary<string, PublishedFile>.Empty;

    /// <summary>The previous file when its bytes, type and date are these, else a new file (compressed now).</summary>
    public PublishedFile Create(string address, string contentType, ReadOnlyMemory<byte> content, DateTimeOffset lastModified)
    {
        if (_previous.TryGetValue(address, out var previous)
            && previous.ContentType == contentType
            && previous.LastModified.UtcTicks == lastModified.UtcTicks - lastModified.UtcTicks % TimeSpan.TicksPerSecond
            && previous.Identity.Bytes.Span.SequenceEqual(content.Span))
            return previous;
        return PublishedFile.Create(address, contentType, content, lastModified);
    }

    /// <summary>Every rendered feed page as a published file: the previous ones where the bytes did not change.</summary>
    public IEnumerable<PublishedFile> Publish(IEnumerable<RenderedPage> pages) =>
        pages.AsParallel().Select(page => Create(page.Address, page.ContentType, page.Bytes, page.LastModified));

    /// <summary>Makes <paramref name="publication"/>'s files the ones the next render compares with (and forgets older ones).</summary>
    public void Keep(Publication publication) =>
        Volatile.Write(ref _previous, publication.Files.ToFrozenDictionary(file => file.Address, StringComparer.Ordinal));
}
