using System.IO.Compression;
using System.Text;
using CxFeed.Core.Publishing;

namespace CxFeed.Tests.Publishing;

public class PublishedFileTests
{
    private static readonly byte[] Feed = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<item><title>Journey Mapping Mistakes to Avoid</title></item>\n", 200)));

    [Fact]
    public void The_gzip_and_brotli_forms_decompress_to_the_bytes()
    {
        var file = PublishedFile.Create("/feeds/posts.rss", "application/rss+xml; charset=utf-8", Feed, DateTimeOffset.UnixEpoch);

        using var gzip = new GZipStream(new MemoryStream(file.Gzip.Bytes.ToArray()), CompressionMode.Decompress);
        using var fromGzip = new MemoryStream();
        gzip.CopyTo(fromGzip);
        using var brotli = new BrotliStream(new MemoryStream(file.Brotli.Bytes.ToArray()), CompressionMode.Decompress);
        using var fromBrotli = new MemoryStream();
        brotli.CopyTo(fromBrotli);

        Assert.Equal(Feed, fromGzip.ToArray());
        Assert.Equal(Feed, fromBrotli.ToArray());
        Assert.True(file.Gzip.Bytes.Length < Feed.Length / 10);
    }

    [Fact]
    public void The_gzip_header_carries_no_time_and_no_operating_system()
    {
        var file = PublishedFile.Create("/feeds/posts.rss", "application/rss+xml", Feed, DateTimeOffset.UnixEpoch);

        // RFC 1952: magic, deflate, no flags, MTIME 0, XFL, OS 255 (unknown).
        Assert.Equal(new byte[] { 0x1F, 0x8B, 8, 0, 0, 0, 0, 0 }, file.Gzip.Bytes[..8].ToArray());
        Assert.Equal(0xFF, file.Gzip.Bytes.Span[9]);
    }

    [Fact]
    public void The_representations_name_their_coding_and_file_extension()
    {
        var file = PublishedFile.Create("/feeds/posts.atom", "application/atom+xml", Feed, DateTimeOffset.UnixEpoch);

        Assert.Equal([(null, ""), ("gzip", ".gz"), ("br", ".br")], file.Representations.Select(form => (form.Coding, form.Extension)));
        Assert.Equal(3, file.Representations.Select(form => form.ETag).Distinct().Count());
    }

    [Fact]
    public void Last_modified_is_the_content_date_in_whole_seconds()
    {
        var changed = new DateTimeOffset(2021, 6, 10, 11, 2, 0, 750, TimeSpan.FromHours(-5));

        var file = PublishedFile.Create("/feeds/posts.json", "application/feed+json", Feed, changed);

        Assert.Equal(new DateTimeOffset(2021, 6, 10, 16, 2, 0, TimeSpan.Zero), file.LastModified);
    }

    [Fact]
    public void An_address_must_start_with_a_slash()
    {
        Assert.Throws<ArgumentException>(() => PublishedFile.Create("feeds/posts.rss", "application/rss+xml", Feed, DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void Other_renderers_add_their_files_to_a_publication_but_never_over_another()
    {
        var feeds = new Publication("v1", [], [PublishedFile.Create("/feeds/posts.rss", "application/rss+xml", Feed, DateTimeOffset.UnixEpoch)]);

        var withPages = feeds.With([PublishedFile.Create("/", "text/html; charset=utf-8", "<!doctype html>"u8.ToArray(), DateTimeOffset.UnixEpoch)]);

        Assert.Equal(["/", "/feeds/posts.rss"], withPages.Files.Select(file => file.Address));
        Assert.Equal("v1", withPages.Version);
        Assert.NotNull(withPages.Find("/"));
        Assert.Null(feeds.Find("/"));
        Assert.Throws<ArgumentException>(() => withPages.With([PublishedFile.Create("/feeds/posts.rss", "application/rss+xml", Feed, DateTimeOffset.UnixEpoch)]));
    }
}
