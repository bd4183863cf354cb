using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace CxFeed.Tests.Serving;

/// <summary>Every endpoint, header and status of a feed server, asked over HTTP in-process.</summary>
public sealed class EndpointTests(SeedServer fixture) : IClassFixture<SeedServer>
{
    private readonly CxFeedServer _server = fixture.Server;

    [Theory]
    [InlineData("/feeds/posts.rss", "application/rss+xml; charset=utf-8")]
    [InlineData("/feeds/posts.atom", "application/atom+xml; charset=utf-8")]
    [InlineData("/feeds/posts.json", "application/feed+json; charset=utf-8")]
    [InlineData("/feeds/posts/page/2.rss", "application/rss+xml; charset=utf-8")]
    [InlineData("/feeds/customerthink.atom", "application/atom+xml; charset=utf-8")]
    [InlineData("/feeds/category/change-management.json", "application/feed+json; charset=utf-8")]
    [InlineData("/feeds.opml", "text/x-opml; charset=utf-8")]
    [InlineData("/", "text/html; charset=utf-8")]
    [InlineData("/page/2/", "text/html; charset=utf-8")]
    [InlineData("/category/change-management/", "text/html; charset=utf-8")]
    public async Task Each_address_answers_with_its_bytes_type_and_caching_headers(string path, string contentType)
    {
        var file = _server.Publication.Find(path)!;

        using var response = await _server.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Header("Content-Type"));
        Assert.Equal(file.Identity.Bytes.ToArray(), await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(file.Identity.Bytes.Length.ToString(), response.Header("Content-Length"));
        Assert.Equal(file.ETag, response.Header("ETag"));
        Assert.Matches("^\"[A-Za-z0-9_-]{22}\"$", response.Header("ETag"));
        Assert.Equal(file.LastModified.ToString("R"), response.Header("Last-Modified"));
        Assert.Equal("public, max-age=300, stale-while-revalidate=60, stale-if-error=86400", response.Header("Cache-Control"));
        Assert.Equal("Accept-Encoding", response.Header("Vary"));
        Assert.Equal("", response.Header("Content-Encoding"));
    }

    [Fact]
    public async Task The_etag_is_a_hash_of_the_bytes_sent()
    {
        using var response = await _server.GetAsync("/feeds/posts.rss");
        var hash = SHA256.HashData(await response.Content.ReadAsByteArrayAsync());

        var expected = Convert.ToBase64String(hash, 0, 16).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        Assert.Equal($"\"{expected}\"", response.Header("ETag"));
    }

    [Fact]
    public async Task Head_gives_the_headers_and_length_without_a_body()
    {
        var file = _server.Publication.Find("/feeds/posts.atom")!;

        using var response = await _server.SendAsync(HttpMethod.Head, "/feeds/posts.atom", ("Accept-Encoding", "gzip"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(file.Gzip.ETag, response.Header("ETag"));
        Assert.Equal("gzip", response.Header("Content-Encoding"));
        Assert.Equal(file.Gzip.Bytes.Length.ToString(), response.Header("Content-Length"));
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Gzip_is_sent_compressed_at_build_time_with_its_own_etag()
    {
        var file = _server.Publication.Find("/feeds/posts.rss")!;

        using var response = await _server.GetAsync("/feeds/posts.rss", ("Accept-Encoding", "gzip"));
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("gzip", response.Header("Content-Encoding"));
        Assert.Equal(file.Gzip.ETag, response.Header("ETag"));
        Assert.EndsWith("-gz\"", response.Header("ETag"));
        Assert.Equal(file.Gzip.Bytes.ToArray(), body);
        using var gzip = new GZipStream(new MemoryStream(body), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        gzip.CopyTo(plain);
        Assert.Equal(file.Identity.Bytes.ToArray(), plain.ToArray());
    }

    [Theory]
    [InlineData("gzip, deflate, br", "br")]
    [InlineData("br;q=0.5, gzip", "gzip")]
    [InlineData("gzip;q=0.8, identity", "")]
    [InlineData("*", "br")]
    [InlineData("br;q=0, *;q=0.3", "gzip")]
    [InlineData("deflate", "")]
    [InlineData("identity;q=0, gzip", "gzip")]
    public async Task The_coding_follows_accept_encoding_and_its_q_values(string acceptEncoding, string coding)
    {
        using var response = await _server.GetAsync("/feeds/posts.json", ("Accept-Encoding", acceptEncoding));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(coding, response.Header("Content-Encoding"));
        Assert.Equal("Accept-Encoding", response.Header("Vary"));
    }

    [Fact]
    public async Task A_client_that_refuses_every_coding_gets_406()
    {
        using var response = await _server.GetAsync("/feeds/posts.json", ("Accept-Encoding", "identity;q=0, deflate"));

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
    }

    [Fact]
    public async Task If_none_match_with_the_current_etag_gives_304_with_the_headers_of_a_200()
    {
        var file = _server.Publication.Find("/feeds/posts.rss")!;

        using var response = await _server.GetAsync("/feeds/posts.rss", ("Accept-Encoding", "br"), ("If-None-Match", file.Brotli.ETag));

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Equal(file.Brotli.ETag, response.Header("ETag"));
        Assert.Equal("public, max-age=300, stale-while-revalidate=60, stale-if-error=86400", response.Header("Cache-Control"));
        Assert.Equal("Accept-Encoding", response.Header("Vary"));
        Assert.Equal(file.LastModified.ToString("R"), response.Header("Last-Modified"));
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_tag_of_another_coding_does_not_revalidate()
    {
        var file = _server.Publication.Find("/feeds/posts.rss")!;

        using var response = await _server.GetAsync("/feeds/posts.rss", ("Accept-Encoding", "gzip"), ("If-None-Match", file.ETag));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task If_modified_since_the_last_modification_gives_304_and_an_earlier_date_200()
    {
        var file = _server.Publication.Find("/feeds/posts.atom")!;

        using var same = await _server.GetAsync("/feeds/posts.atom", ("If-Modified-Since", file.LastModified.ToString("R")));
        using var earlier = await _server.GetAsync("/feeds/posts.atom", ("If-Modified-Since", file.LastModified.AddSeconds(-1).ToString("R")));

        Assert.Equal(HttpStatusCode.NotModified, same.StatusCode);
        Assert.Equal(HttpStatusCode.OK, earlier.StatusCode);
    }

    [Fact]
    public async Task If_modified_since_is_ignored_when_if_none_match_is_present()
    {
        var file = _server.Publication.Find("/feeds/posts.atom")!;

        using var response = await _server.GetAsync("/feeds/posts.atom",
            ("If-None-Match", "\"an-old-tag\""), ("If-Modified-Since", file.LastModified.ToString("R")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/feeds/unknown.rss")]
    [InlineData("/feeds/posts.xml")]
    [InlineData("/feeds/posts/page/99.rss")]
    [InlineData("/feeds/posts/page/1.rss")]
    [InlineData("/FEEDS/POSTS.RSS")]
    [InlineData("/feeds%2Fposts.rss")]
    [InlineData("/feeds/posts.rss/")]
    [InlineData("/feeds/../appsettings.json")]
    [InlineData("/%2e%2e/%2e%2e/etc/passwd")]
    [InlineData("/..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/appsettings.json")]
    [InlineData("/page/99/")]
    [InlineData("/category/no-such-category/")]
    public async Task An_address_that_is_not_published_is_404_whatever_it_spells(string path)
    {
        using var response = await _server.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", response.Header("Content-Type"));
        Assert.Equal("Not found: no feed or page is published at this address.\n", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_page_without_its_trailing_slash_redirects_to_the_public_address()
    {
        using var response = await _server.GetAsync("/category/change-management", ("Host", "evil.example"));

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("https://feeds.example.com/category/change-management/", response.Header("Location"));
    }

    [Fact]
    public async Task Other_methods_are_405_with_allow()
    {
        using var response = await _server.SendAsync(HttpMethod.Post, "/feeds/posts.rss");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("GET, HEAD", response.Header("Allow"));
    }

    [Theory]
    [InlineData("/feeds/posts.rss")]
    [InlineData("/")]
    [InlineData("/feeds.opml")]
    public async Task A_forged_host_header_changes_nothing_in_the_bytes(string path)
    {
        using var honest = await _server.GetAsync(path, ("Accept-Encoding", "gzip"));
        using var forged = await _server.GetAsync(path, ("Accept-Encoding", "gzip"), ("Host", "evil.example"), ("X-Forwarded-Host", "evil.example"));

        Assert.Equal(await honest.Content.ReadAsByteArrayAsync(), await forged.Content.ReadAsByteArrayAsync());
        Assert.Equal(honest.Header("ETag"), forged.Header("ETag"));
        Assert.DoesNotContain("evil.example", Encoding.UTF8.GetString(_server.Publication.Find(path)!.Identity.Bytes.Span));
    }

    [Fact]
    public async Task Healthz_says_ok_and_is_never_cached()
    {
        using var response = await _server.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok\n", await response.Content.ReadAsStringAsync());
        Assert.Equal("no-store", response.Header("Cache-Control"));
        Assert.Equal("text/plain; charset=utf-8", response.Header("Content-Type"));
    }
}

/// <summary>One server on the seeds for the tests that only read from it.</summary>
public sealed class SeedServer : IAsyncLifetime
{
    public CxFeedServer Server { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Server = CxFeedServer.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
