using System.IO.Compression;
using System.Security.Cryptography;

namespace CxFeed.Core.Publishing;

/// <summary>
/// One published file: its address, media type, bytes and their gzip and brotli forms (compressed
/// once, when published), strong ETags and a Last-Modified taken from the content. What a server
/// answers and what <c>cxfeed build</c> writes.
/// </summary>
public sealed class PublishedFile
{
    /// <summary>
    /// Fixed, so that the same bytes always compress to the same bytes (the gzip header carries no
    /// time). Chosen on feed pages: gzip's default level is within 0.1% of its smallest at 1.5 times
    /// the speed, and brotli 5 compresses better than gzip at its speed (90 MB/s here), where 9 and
    /// 11 gain 1–2% for 20–100 times the time.
    /// </summary>
    public const CompressionLevel GzipLevel = CompressionLevel.Optimal;

    public const int BrotliQuality = 5;

    private const int BrotliWindow = 22;

    private PublishedFile(string address, string contentType, DateTimeOffset lastModified, Representation identity, Representation gzip, Representation brotli)
    {
        Address = address;
        ContentType = contentType;
        LastModified = lastModified;
        Identity = identity;
        Gzip = gzip;
        Brotli = brotli;
    }

    /// <summary>The path it is served at, starting with '/', unescaped: <c>/feeds/posts.rss</c>.</summary>
    public string Address { get; }

    /// <summary>The Content-Type header, charset included.</summary>
    public string ContentType { get; }

    /// <summary>The newest change among what the file shows, in whole seconds (never the clock).</summary>
    public DateTimeOffset LastModified { get; }

    public Representation Identity { get; }

    public Representation Gzip { get; }

    public Representation Brotli { get; }

    /// <summary>The strong ETag of the bytes themselves; the encoded forms' tags derive from it.</summary>
    public string ETag => Identity.ETag;

    public IEnumerable<Representation> Representations => [Identity, Gzip, Brotli];

    /// <summary>Compresses <paramref name="content"/> and tags it. <paramref name="address"/> must start with '/'.</summary>
    public static PublishedFile Create(string address, string contentType, ReadOnlyMemory<byte> content, DateTimeOffset lastModified)
    {
        if (!address.StartsWith('/'))
            throw new ArgumentException($"'{address}' does not start with '/'", nameof(address));
        // Base64url of the first 16 bytes of SHA-256: 22 characters, collision-free for any real site.
        var tag = Convert.ToBase64String(SHA256.HashData(content.Span), 0, 16).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var seconds = new DateTimeOffset(lastModified.UtcTicks - lastModified.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        return new PublishedFile(
            address,
            contentType,
            seconds,
            new Representation(null, "", content, $"\"{tag}\""),
            new Representation("gzip", ".gz", CompressGzip(content), $"\"{tag}-gz\""),
            new Representation("br", ".br", CompressBrotli(content), $"\"{tag}-br\""));
    }

    /// <summary>A file as the publication store kept it: tags and date as they were published, bytes from its pack.</summary>
    internal static PublishedFile Stored(string address, string contentType, DateTimeOffset lastModified, Representation identity, Representation gzip, Representation brotli) =>
        new(address, contentType, lastModified, identity, gzip, brotli);

    private static byte[] CompressGzip(ReadOnlyMemory<byte> content)
    {
        using var output = new MemoryStream(content.Length / 3 + 64);
        using (var gzip = new GZipStream(output, GzipLevel, leaveOpen: true))
            gzip.Write(content.Span);
        var bytes = output.ToArray();
        // The header's modification time is zero already; its operating-system byte (RFC 1952
        // §2.3.1) is 3 on Unix and 10 on Windows: write 255, "unknown", so every machine agrees.
        bytes[9] = 0xFF;
        return bytes;
    }

    private static byte[] CompressBrotli(ReadOnlyMemory<byte> content)
    {
        var buffer = new byte[BrotliEncoder.GetMaxCompressedLength(content.Length)];
        using var encoder = new BrotliEncoder(BrotliQuality, BrotliWindow);
        var status = encoder.Compress(content.Span, buffer, out _, out var written, isFinalBlock: true);
        if (status != System.Buffers.OperationStatus.Done)
            throw new InvalidOperationException($"brotli could not compress {content.Length} bytes: {status}");
        return buffer[..written];
    }
}

/// <summary>
/// One form of a file's bytes. <paramref name="Coding"/> is the Content-Encoding token (none for
/// the bytes themselves), <paramref name="Extension"/> the suffix of its static file, and
/// <paramref name="ETag"/> a strong tag of its own (RFC 9110 §8.8.3: each coding is a different
/// representation).
/// </summary>
public sealed record Representation(string? Coding, string Extension, ReadOnlyMemory<byte> Bytes, string ETag);
