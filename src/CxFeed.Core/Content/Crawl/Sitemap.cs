using System.Collections.Immutable;
using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace CxFeed.Core.Content.Crawl;

/// <summary>An address a sitemap lists, with its <c>lastmod</c> when it gives one.</summary>
public readonly record struct SitemapEntry(Uri Address, DateTimeOffset? LastModified);

/// <summary>
/// What one sitemap file says (sitemaps.org 0.9): the pages of a <c>&lt;urlset&gt;</c> or the
/// sitemaps of a <c>&lt;sitemapindex&gt;</c>, or, for a text sitemap, one address a line. A gzip
/// sitemap (<c>.xml.gz</c>, by its first bytes) is decompressed up to the same byte limit as a
/// plain one (a gzip bomb stops there). The XML is read with no DTD and no resolver. At most
/// <c>maxEntries</c> are read; <see cref="Stopped"/> says why the reading ended early, and what
/// was read before is kept.
/// </summary>
public sealed record Sitemap(bool IsIndex, ImmutableArray<SitemapEntry> Entries, string? Stopped)
{
    public static Sitemap Read(ReadOnlyMemory<byte> bytes, Uri address, int maxEntries, long maxBytes)
    {
        var entries = ImmutableArray.CreateBuilder<SitemapEntry>();
        var isIndex = false;
        string? stopped = null;
        var gzip = bytes.Length >= 2 && bytes.Span[0] == 0x1f && bytes.Span[1] == 0x8b;
        try
        {
            // Read as a stream, so that a huge sitemap stops at maxEntries having decompressed no more than it needed.
            using var stream = Open(bytes, gzip, maxBytes);
            var head = new byte[512];
            using (var peek = Open(bytes, gzip, maxBytes))
                head = head[..peek.ReadAtLeast(head, head.Length, throwOnEndOfStream: false)];
            var text = head.AsSpan().TrimStart(" \t\r\n"u8);
            if (text.StartsWith("\uFEFF"u8))
                text = text[3..];
            (isIndex, stopped) = text.IsEmpty || text[0] != (byte)'<'
                ? (false, ReadText(stream, entries, maxEntries))
                : ReadXml(stream, address, entries, maxEntries);
        }
        catch (XmlException error)
        {
            stopped = $"is not a sitemap that can be read: stopped at line {error.LineNumber}, column {error.LinePosition}: {error.Message}";
        }
        catch (SizeLimitException)
        {
            stopped = $"holds more than {maxBytes:N0} bytes decompressed: read that far and stopped";
        }
        catch (InvalidDataException error)
        {
            stopped = $"could not be decompressed ({error.Message})";
        }
        if (stopped is not null && entries.Count > 0)
            stopped += $"; the {entries.Count:N0} addresses before it are kept";
        return new Sitemap(isIndex, entries.ToImmutable(), stopped);
    }

    private static Stream Open(ReadOnlyMemory<byte> bytes, bool gzip, long maxBytes)
    {
        var raw = new MemoryStream(bytes.ToArray(), writable: false);
        return gzip ? new BoundedStream(new GZipStream(raw, CompressionMode.Decompress), maxBytes) : raw;
    }

    private static (bool IsIndex, string? Stopped) ReadXml(Stream stream, Uri address, ImmutableArray<SitemapEntry>.Builder entries, int maxEntries)
    {
        using var xml = XmlReader.Create(stream, new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
        });
        xml.MoveToContent();
        var isIndex = xml.LocalName == "sitemapindex";
        if (!isIndex && xml.LocalName != "urlset")
            return (false, $"is not a sitemap: its root is <{xml.LocalName}>, not <urlset> or <sitemapindex>");
        var item = isIndex ? "sitemap" : "url";
        // Extensions (image:loc, video:…) are in namespaces of their own: only the sitemap's own loc counts.
        var ns = xml.NamespaceURI;
        string? loc = null, lastmod = null;
        xml.Read();
        while (!xml.EOF)
        {
            // ReadElementContentAsString moves past the element itself: no Read after it.
            if (xml.NodeType == XmlNodeType.Element && xml.NamespaceURI == ns && xml.LocalName is "loc")
            {
                loc = xml.ReadElementContentAsString().Trim();
                continue;
            }
            if (xml.NodeType == XmlNodeType.Element && xml.NamespaceURI == ns && xml.LocalName is "lastmod")
            {
                lastmod = xml.ReadElementContentAsString().Trim();
                continue;
            }
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == item && xml.NamespaceURI == ns)
                (loc, lastmod) = (null, null);
            else if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == item && xml.NamespaceURI == ns && loc is not null)
            {
                if (entries.Count == maxEntries)
                    return (isIndex, $"lists more than {maxEntries:N0} addresses (CxFeed:Content:Crawl:MaxPages): the first {maxEntries:N0} are kept");
                if (Uri.TryCreate(address, loc, out var url))
                    entries.Add(new SitemapEntry(url, Date(lastmod)));
            }
            xml.Read();
        }
        return (isIndex, null);
    }

    private static string? ReadText(Stream stream, ImmutableArray<SitemapEntry>.Builder entries, int maxEntries)
    {
        using var text = new StreamReader(stream);
        while (text.ReadLine() is { } line)
        {
            if (line.Trim() is not { Length: > 0 } value || !Uri.TryCreate(value, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
                continue;
            if (entries.Count == maxEntries)
                return $"lists more than {maxEntries:N0} addresses (CxFeed:Content:Crawl:MaxPages): the first {maxEntries:N0} are kept";
            entries.Add(new SitemapEntry(url, null));
        }
        return null;
    }

    /// <summary>W3C datetime as sitemaps write it: a date, or a date and time with a zone.</summary>
    private static DateTimeOffset? Date(string? value) =>
        value is not null && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date) ? date : null;

    /// <summary>A decompressed sitemap grew past the byte limit (a gzip bomb).</summary>
    private sealed class SizeLimitException() : IOException("the sitemap's size limit was reached");

    /// <summary>Fails with <see cref="SizeLimitException"/> once more than the limit was read.</summary>
    private sealed class BoundedStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

        private int Count(int read)
        {
            _read += read;
            if (_read > limit)
                throw new SizeLimitException();
            return read;
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _read;
            set => throw new NotSupportedException();
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
