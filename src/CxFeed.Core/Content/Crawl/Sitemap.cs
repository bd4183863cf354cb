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
        if (bytes.Length >= 2 && bytes.Span[0] == 0x1f && bytes.Span[1] == 0x8b)
            (bytes, stopped) = Decompress(bytes, maxBytes);
        try
        {
            using var stream = new MemoryStream(bytes.ToArray(), writable: false);
            var text = bytes.Span.TrimStart(" \t\r\n\uFEFF"u8).TrimStart((byte)0xEF).TrimStart((byte)0xBB).TrimStart((byte)0xBF);
            var found = text.IsEmpty || text[0] != (byte)'<'
                ? (false, ReadText(stream, address, entries, maxEntries))
                : ReadXml(stream, address, entries, maxEntries);
            isIndex = found.Item1;
            stopped ??= found.Item2;
        }
        catch (XmlException error)
        {
            // A sitemap cut at the byte limit ends mid-element: the limit is the reason, said already.
            stopped ??= $"is not a sitemap that can be read: stopped at line {error.LineNumber}, column {error.LinePosition}: {error.Message}";
        }
        if (stopped is not null && entries.Count > 0)
            stopped += $"; the {entries.Count:N0} addresses before it are kept";
        return new Sitemap(isIndex, entries.ToImmutable(), stopped);
    }

    /// <summary>A gzip sitemap's bytes, at most <paramref name="maxBytes"/> of them (a gzip bomb stops there).</summary>
    private static (ReadOnlyMemory<byte> Bytes, string? Stopped) Decompress(ReadOnlyMemory<byte> compressed, long maxBytes)
    {
        using var gzip = new GZipStream(new MemoryStream(compressed.ToArray(), writable: false), CompressionMode.Decompress);
        var output = new MemoryStream();
        var chunk = new byte[65_536];
        try
        {
            while (gzip.Read(chunk, 0, chunk.Length) is var read and > 0)
            {
                if (output.Length + read > maxBytes)
                {
                    output.Write(chunk, 0, (int)(maxBytes - output.Length));
                    return (output.ToArray(), $"holds more than {maxBytes:N0} bytes decompressed: read that far and stopped");
                }
                output.Write(chunk, 0, read);
            }
        }
        catch (InvalidDataException error)
        {
            return (output.ToArray(), $"could not be decompressed ({error.Message})");
        }
        return (output.ToArray(), null);
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

    private static string? ReadText(Stream stream, Uri address, ImmutableArray<SitemapEntry>.Builder entries, int maxEntries)
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
}
