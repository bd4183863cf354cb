using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using CxFeed.Core;
using CxFeed.Core.Content;
using CxFeed.Core.Content.Crawl;
using CxFeed.Core.Store;
using CxFeed.Tests.Content;
using Microsoft.AspNetCore.Http;

namespace CxFeed.Tests.Crawl;

/// <summary>
/// The crawl against a small local site serving the seed blog's own pages (saved from the real
/// heartofthecustomer.com theme) at their addresses: what it fetches, how politely, what it stores
/// and skips, and where each fault stops it. The real WordPress proof is <see cref="CrawlWordPressTests"/>.
/// </summary>
public sealed class CrawlPullTests : IAsyncLifetime
{
    public const string Blog = "https://www.heartofthecustomer.com/";

    private static readonly string Seeds = Path.Combine(Repository.Root, "seeds", "posts");

    private readonly TemporaryFolder _folder = new();
    private FakeSite _site = null!;

    public async Task InitializeAsync() => _site = await FakeSite.StartAsync();

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        _folder.Dispose();
    }

    private PostStore Store => new(_folder.Path);

    private static readonly SiteOptions SiteSettings = new() { Title = "Heart of the Customer", BaseUrl = Blog, TimeZone = "America/Chicago" };

    private CrawlPull Crawl(CrawlOptions? options = null)
    {
        options ??= new CrawlOptions();
        options = new CrawlOptions
        {
            Start = options.Start.Length > 0 ? options.Start : Blog,
            ConnectTo = _site.Address.AbsoluteUri,
            Include = options.Include,
            Exclude = options.Exclude,
            MaxConcurrency = options.MaxConcurrency,
            Timeout = options.Timeout == TimeSpan.FromSeconds(30) ? TimeSpan.FromSeconds(5) : options.Timeout,
            MaxPages = options.MaxPages,
            MaxPageBytes = options.MaxPageBytes,
        };
        var client = new CrawlClient(options, new Uri("https://feeds.example.org/"), TimeProvider.System) { FirstBackoff = TimeSpan.FromMilliseconds(50) };
        return new CrawlPull(client, Store, options, new PostReader(new ContentOptions { Source = ContentOptions.CrawlSourceName }, SiteSettings), TimeProvider.System);
    }

    /// <summary>The seed pages at their own addresses (<c>/slug/</c>), each with an ETag; the sitemap lists them.</summary>
    private List<string> ServeSeeds(int count = 20, bool sitemap = true)
    {
        var slugs = Directory.GetFiles(Seeds, "*.html").Order(StringComparer.Ordinal).Take(count).Select(file => Path.GetFileNameWithoutExtension(file)).ToList();
        foreach (var slug in slugs)
            _site.Bytes($"/{slug}/", File.ReadAllBytes(Path.Combine(Seeds, slug + ".html")), "text/html", etag: $"\"{slug}-1\"");
        if (sitemap)
            _site.Page("/wp-sitemap.xml", UrlSet(slugs.Select(slug => (Blog + slug + "/", (string?)null))), "application/xml");
        return slugs;
    }

    private static string UrlSet(IEnumerable<(string Loc, string? Lastmod)> urls) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:image=\"http://www.google.com/schemas/sitemap-image/1.1\">\n"
        + string.Concat(urls.Select(url => $"<url><loc>{url.Loc}</loc>{(url.Lastmod is null ? "" : $"<lastmod>{url.Lastmod}</lastmod>")}<image:image><image:loc>{Blog}wp-content/uploads/x.jpg</image:loc></image:image></url>\n"))
        + "</urlset>\n";

    /// <summary>A WordPress tag archive as themes print it: body class "archive tag", three teasers.</summary>
    private static string TagArchive(string tag) => $$"""
        <!DOCTYPE html><html lang="en-US"><head><meta charset="UTF-8"><title>{{tag}} Archives - Heart of the Customer</title>
        <link rel="stylesheet" href="{{Blog}}wp-content/themes/hotc/style.css"></head>
        <body class="archive tag tag-{{tag}} tag-12 hfeed"><main id="main">
        <h1 class="page-title">Tag: {{tag}}</h1>
        <article class="post type-post"><h2 class="entry-title"><a href="{{Blog}}the-bots-are-coming/" rel="bookmark">The Bots Are Coming</a></h2><div class="entry-summary"><p>Bots are coming to customer service, and some of them are good.</p></div></article>
        <article class="post type-post"><h2 class="entry-title"><a href="{{Blog}}cx-needs-change-management/" rel="bookmark">CX Needs Change Management</a></h2><div class="entry-summary"><p>Change management is the part of CX most teams skip.</p></div></article>
        <article class="post type-post"><h2 class="entry-title"><a href="{{Blog}}journey-mapping-mistakes-to-avoid/" rel="bookmark">Journey Mapping Mistakes to Avoid</a></h2><div class="entry-summary"><p>Five mistakes that turn a journey map into wallpaper.</p></div></article>
        </main></body></html>
        """;

    private static long Id(string slug)
    {
        var text = File.ReadAllText(Path.Combine(Seeds, slug + ".html"));
        var at = text.IndexOf("?p=", StringComparison.Ordinal);
        return at < 0 ? -1 : long.Parse(text[(at + 3)..text.IndexOf('\'', at)], System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task A_crawl_stores_every_post_the_sitemap_lists_skips_an_archive_with_the_reason_and_names_itself_politely()
    {
        var slugs = ServeSeeds();
        _site.Page("/robots.txt", $"User-agent: *\nDisallow: /wp-admin/\nDisallow: /members-only/\n\nSitemap: {Blog}wp-sitemap.xml\n", "text/plain");
        _site.Page("/wp-sitemap.xml", UrlSet([.. slugs.Select(slug => (Blog + slug + "/", (string?)null)), (Blog + "tag/cx-data/", null), (Blog + "members-only/", null)]), "application/xml");
        _site.Page("/tag/cx-data/", TagArchive("cx-data"));
        _site.Page("/members-only/", "<html><body>secret</body></html>");

        var report = await Crawl().RunAsync(null, default);

        Assert.Empty(report.Problems);
        Assert.True(report.Complete);
        Assert.Equal((21, 20, 0), (report.Fetched, report.Changed, report.Removed));
        Assert.Equal(
            $"{Blog}members-only/: is disallowed by robots.txt\n{Blog}tag/cx-data/: is not a single post: WordPress marks it a tag archive (body class 'tag')",
            string.Join('\n', report.Skipped));
        // The stored pages are named by WordPress's own ids, from the shortlinks the pages print (four seeds print none).
        var withIds = slugs.Select(Id).Where(id => id > 0).ToList();
        Assert.Equal(16, withIds.Count);
        Assert.Subset(Store.StoredIds().ToHashSet(), withIds.ToHashSet());
        Assert.Equal(20, Store.StoredIds().Length);
        Assert.DoesNotContain("/members-only/", _site.Paths());
        Assert.Equal("/robots.txt", _site.Paths()[0]);
        Assert.All(_site.Requests, request => Assert.Equal("CxFeed/1.0 (+https://feeds.example.org/)", request.UserAgent));
        Assert.True(_site.MostInFlight <= 2, $"{_site.MostInFlight} requests were in flight at once");
    }

    [Fact]
    public async Task A_crawled_page_is_read_from_the_store_as_the_blog_served_it()
    {
        ServeSeeds(count: 20);
        await Crawl().RunAsync(null, default);

        var content = new ContentOptions { Source = ContentOptions.CrawlSourceName, StorePath = _folder.Path };
        var source = new FolderSource(Store.PostsPath, SiteSettings.BaseUri);
        var reader = new PostReader(content, SiteSettings);
        var stored = new List<PostReading>();
        await foreach (var page in source.ReadAsync())
            stored.Add(reader.Read(page));
        var seeds = new List<PostReading>();
        await foreach (var page in new FolderSource(Seeds, SiteSettings.BaseUri).ReadAsync())
            seeds.Add(reader.Read(page));

        // The same posts as the seed folder gives, field for field, body included: the store holds the page as fetched.
        var fromStore = stored.Select(reading => reading.Post!).ToDictionary(post => post.Id);
        Assert.Equal(20, fromStore.Count);
        foreach (var seed in seeds.Select(reading => reading.Post!))
        {
            var post = fromStore[seed.Id];
            Assert.Equal(Fields(seed), Fields(post));
        }
    }

    private static string[] Fields(Post post) =>
    [
        post.Id, post.CanonicalUrl.AbsoluteUri, post.Title, post.Published.ToString("O"), post.Updated?.ToString("O") ?? "", string.Join('|', post.Authors),
        string.Join('|', post.Categories), string.Join('|', post.Tags), post.FeaturedImage?.ToString() ?? "", post.ManualExcerpt ?? "", post.MoreMarker?.ToString() ?? "", post.BodyHtml,
    ];

    [Fact]
    public async Task The_next_crawl_asks_with_the_stored_validators_and_skips_what_the_sitemap_says_did_not_change()
    {
        var slugs = ServeSeeds(count: 4, sitemap: false);
        _site.Page("/wp-sitemap.xml", UrlSet([(Blog + slugs[0] + "/", "2024-05-01T10:00:00+00:00"), .. slugs.Skip(1).Select(slug => (Blog + slug + "/", (string?)null))]), "application/xml");
        var first = await Crawl().RunAsync(null, default);
        Assert.Equal(4, first.Changed);
        while (_site.Requests.TryDequeue(out _))
        {
        }

        var second = await Crawl().RunAsync(null, default);

        Assert.Equal((0, 0, 0, true), (second.Fetched, second.Changed, second.Removed, second.Complete));
        // robots.txt, the sitemap, and the three pages without a lastmod, each answered 304; the one whose lastmod is unchanged is not asked.
        Assert.Equal(["/robots.txt", "/wp-sitemap.xml", .. slugs.Skip(1).Select(slug => $"/{slug}/").Order(StringComparer.Ordinal)],
            _site.Paths().Take(2).Concat(_site.Paths().Skip(2).Order(StringComparer.Ordinal)).ToArray());
        Assert.All(_site.Requests.Skip(2), request => Assert.StartsWith("\"", request.IfNoneMatch));
        Assert.Equal(4, Store.StoredIds().Length);
    }

    [Fact]
    public async Task A_post_gone_from_the_sitemap_is_removed_after_a_complete_crawl_and_kept_after_an_incomplete_one()
    {
        var slugs = ServeSeeds(count: 3);
        await Crawl().RunAsync(null, default);
        _site.Page("/wp-sitemap.xml", UrlSet(slugs.Skip(1).Select(slug => (Blog + slug + "/", (string?)null))), "application/xml");
        _site.Status($"/{slugs[1]}/", 500);

        var broken = await Crawl().RunAsync(null, default);

        Assert.False(broken.Complete);
        Assert.Equal($"{Blog}{slugs[1]}/: answered 500 Internal Server Error; its last good version is kept", Assert.Single(broken.Problems).ToString());
        Assert.Equal(3, Store.StoredIds().Length);

        ServeSeeds(count: 3, sitemap: false);
        var whole = await Crawl().RunAsync(null, default);

        Assert.True(whole.Complete);
        Assert.Equal(1, whole.Removed);
        Assert.Equal(2, Store.StoredIds().Length);
    }

    [Fact]
    public async Task Robots_txt_rules_for_cxfeed_win_over_the_star_group_and_its_crawl_delay_spaces_the_requests()
    {
        var slugs = ServeSeeds(count: 3);
        _site.Page("/robots.txt", $"User-agent: *\nDisallow: /\n\nUser-agent: cxfeed\nAllow: /\nDisallow: /{slugs[2]}/$\nCrawl-delay: 0.3\n", "text/plain");

        var report = await Crawl().RunAsync(null, default);

        Assert.Equal(2, Store.StoredIds().Length);
        Assert.Equal($"{Blog}{slugs[2]}/: is disallowed by robots.txt", Assert.Single(report.Skipped).ToString());
        var starts = _site.Requests.Select(request => request.Timestamp).Order().ToList();
        var gaps = starts.Zip(starts.Skip(1), (a, b) => Stopwatch.GetElapsedTime(a, b)).ToList();
        Assert.All(gaps.Skip(1), gap => Assert.True(gap >= TimeSpan.FromMilliseconds(280), $"requests {gap.TotalMilliseconds:F0} ms apart, Crawl-delay 0.3 s"));
    }

    [Fact]
    public async Task Robots_txt_that_fails_with_a_server_error_means_crawl_nothing()
    {
        ServeSeeds(count: 2);
        _site.Status("/robots.txt", 503);

        var failure = await Assert.ThrowsAsync<CrawlFailure>(() => Crawl().RunAsync(null, default));

        Assert.Equal($"{Blog}robots.txt: could not be read (a server error or no answer): RFC 9309 asks a crawler to crawl nothing then", failure.Message);
        Assert.Empty(Store.StoredIds());
        Assert.All(_site.Paths(), path => Assert.Equal("/robots.txt", path));
    }

    [Fact]
    public async Task A_429_with_Retry_After_holds_the_host_that_long_and_is_asked_again()
    {
        var slugs = ServeSeeds(count: 2);
        var asked = 0;
        var page = File.ReadAllText(Path.Combine(Seeds, slugs[0] + ".html"));
        _site.Routes[$"/{slugs[0]}/"] = async context =>
        {
            if (Interlocked.Increment(ref asked) == 1)
            {
                context.Response.StatusCode = 429;
                context.Response.Headers.RetryAfter = "1";
                return;
            }
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync(page);
        };

        var started = Stopwatch.GetTimestamp();
        var report = await Crawl(new CrawlOptions { MaxConcurrency = 1 }).RunAsync(null, default);

        Assert.Empty(report.Problems);
        Assert.Equal(2, Store.StoredIds().Length);
        Assert.Equal(2, asked);
        Assert.True(Stopwatch.GetElapsedTime(started) >= TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Without_a_sitemap_the_listing_and_its_next_pages_give_the_posts_and_a_listing_that_links_to_itself_stops()
    {
        var slugs = ServeSeeds(count: 6, sitemap: false);
        string Listing(IEnumerable<string> posts, string? next) =>
            $"<html><head><title>Blog</title>{(next is null ? "" : $"<link rel=\"next\" href=\"{next}\">")}</head><body class=\"blog\"><main>"
            + string.Concat(posts.Select(slug => $"<article><h2 class=\"entry-title\"><a href=\"{Blog}{slug}/\">{slug}</a></h2><p>A teaser.</p></article>"))
            + "</main></body></html>";
        _site.Page("/", Listing(slugs.Take(3), Blog + "page/2/"));
        // Page 2 names itself as the next page: the loop ends there, said once.
        _site.Page("/page/2/", Listing(slugs.Skip(3), Blog + "page/2/"));

        var report = await Crawl().RunAsync(null, default);

        Assert.Equal(6, Store.StoredIds().Length);
        Assert.Equal($"{Blog}page/2/: is a listing page read already (its next page links back): the listing ends there", Assert.Single(report.Problems).ToString());
        Assert.Equal(1, _site.Paths().Count(path => path == "/page/2/"));
    }

    [Fact]
    public async Task Redirects_are_followed_on_the_blog_at_most_five_times_and_never_to_another_host()
    {
        var slugs = ServeSeeds(count: 3);
        _site.Status($"/{slugs[0]}/", 301, location: "https://evil.example/phish/");
        for (var hop = 0; hop < 6; hop++)
            _site.Status($"/{slugs[1]}/" + (hop == 0 ? "" : $"?hop={hop}"), 302, location: $"/{slugs[1]}/?hop={hop + 1}");
        _site.Status($"/{slugs[2]}/", 301, location: $"{Blog.Replace("www.", "", StringComparison.Ordinal)}{slugs[2]}-moved/");
        _site.Page($"/{slugs[2]}-moved/", File.ReadAllText(Path.Combine(Seeds, slugs[2] + ".html")));

        var report = await Crawl().RunAsync(null, default);

        Assert.Equal(
            [
                $"{Blog}{slugs[0]}/: leads to https://evil.example/phish/, off the blog (www.heartofthecustomer.com and its www twin): not followed",
                $"{Blog}{slugs[1]}/: redirects more than 5 times (last to {Blog}{slugs[1]}/?hop=6): not followed",
            ],
            report.Problems.Select(problem => problem.ToString()).ToArray());
        Assert.Single(Store.StoredIds());
        Assert.DoesNotContain($"/{slugs[1]}/?hop=6", _site.Paths());
    }

    [Fact]
    public async Task A_50_MB_page_stops_at_the_byte_limit_and_is_not_published_while_the_others_are()
    {
        var slugs = ServeSeeds(count: 2);
        var huge = Encoding.UTF8.GetBytes("<html><body class=\"single\"><article><p>" + new string('x', 50 * 1024 * 1024) + "</p></article></body></html>");
        _site.Bytes($"/{slugs[0]}/", huge, "text/html");

        // The limit, not the deadline, must stop it: on a loaded machine the test's usual 5 s deadline came first.
        var report = await Crawl(new CrawlOptions { MaxPageBytes = 1024 * 1024, Timeout = TimeSpan.FromSeconds(25) }).RunAsync(null, default);

        Assert.Equal($"{Blog}{slugs[0]}/: is larger than 1,048,576 bytes (decompressed): read that far and stopped; not published", Assert.Single(report.Problems).ToString());
        Assert.Single(Store.StoredIds());
        Assert.True(report.Bytes < 3 * 1024 * 1024, $"{report.Bytes} bytes read");
    }

    [Fact]
    public async Task A_gzip_bomb_stops_at_the_byte_limit_decompressed()
    {
        var slugs = ServeSeeds(count: 2);
        var bomb = new MemoryStream();
        using (var gzip = new GZipStream(bomb, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 200; i++)
                gzip.Write(zeros);
        }
        _site.Bytes($"/{slugs[0]}/", bomb.ToArray(), "text/html", contentEncoding: "gzip");

        // The limit, not the deadline, must stop it: on a loaded machine the test's usual 5 s deadline came first.
        var report = await Crawl(new CrawlOptions { MaxPageBytes = 1024 * 1024, Timeout = TimeSpan.FromSeconds(25) }).RunAsync(null, default);

        Assert.Equal($"{Blog}{slugs[0]}/: is larger than 1,048,576 bytes (decompressed): read that far and stopped; not published", Assert.Single(report.Problems).ToString());
        Assert.Single(Store.StoredIds());
    }

    [Fact]
    public async Task A_server_that_trickles_bytes_is_cut_off_at_the_timeout_and_the_other_pages_are_kept()
    {
        var slugs = ServeSeeds(count: 2);
        _site.Routes[$"/{slugs[0]}/"] = async context =>
        {
            context.Response.ContentType = "text/html";
            for (var i = 0; i < 100; i++)
            {
                await context.Response.WriteAsync("<p>a</p>", context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                await Task.Delay(100, context.RequestAborted);
            }
        };

        var report = await Crawl(new CrawlOptions { Timeout = TimeSpan.FromSeconds(1) }).RunAsync(null, default);

        var problem = Assert.Single(report.Problems).ToString();
        Assert.StartsWith($"{Blog}{slugs[0]}/: gave no complete answer within 00:00:01 (", problem);
        Assert.EndsWith(" bytes received): stopped", problem);
        Assert.Single(Store.StoredIds());
        Assert.False(report.Complete);
    }

    [Fact]
    public async Task A_sitemap_of_a_million_addresses_stops_at_MaxPages_and_keeps_the_first()
    {
        ServeSeeds(count: 1, sitemap: false);
        var sitemap = new StringBuilder("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
        for (var i = 0; i < 1_000_000; i++)
            sitemap.Append("<url><loc>").Append(Blog).Append("p/").Append(i).Append("/</loc></url>");
        sitemap.Append("</urlset>");
        var gzipped = new MemoryStream();
        using (var gzip = new GZipStream(gzipped, CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(Encoding.UTF8.GetBytes(sitemap.ToString()));
        _site.Page("/robots.txt", $"Sitemap: {Blog}sitemap.xml.gz\n", "text/plain");
        _site.Bytes("/sitemap.xml.gz", gzipped.ToArray(), "application/gzip");

        var report = await Crawl(new CrawlOptions { MaxPages = 50 }).RunAsync(null, default);

        Assert.Equal($"{Blog}sitemap.xml.gz: lists more than 50 addresses (CxFeed:Content:Crawl:MaxPages): the first 50 are kept; the 50 addresses before it are kept", report.Problems[0].ToString());
        Assert.Equal(50, _site.Paths().Count(path => path.StartsWith("/p/", StringComparison.Ordinal)));
        Assert.False(report.Complete);
    }
}
