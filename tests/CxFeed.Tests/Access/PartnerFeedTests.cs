using System.Net;
using System.Text;
using CxFeed.Tests.Serving;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CxFeed.Tests.Access;

/// <summary>Every rule of a partner feed (<c>"access": "partner"</c>), asked over HTTP: status, headers and bytes.</summary>
public sealed class PartnerFeedTests
{
    private const string Feed = "/feeds/private.rss";

    [Theory]
    [InlineData("GET")]
    [InlineData("HEAD")]
    public async Task Without_a_key_a_partner_feed_is_401_with_a_basic_challenge_and_none_of_its_bytes(string method)
    {
        await using var server = PartnerServer.Start();

        using var response = await server.SendAsync(new HttpMethod(method), Feed);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Basic realm=\"cxfeed partner feed\", charset=\"UTF-8\"", response.Header("WWW-Authenticate"));
        Assert.Equal("no-store", response.Header("Cache-Control"));
        Assert.Equal("", response.Header("ETag"));
        Assert.DoesNotContain("<rss", body);
        if (method == "GET")
            Assert.StartsWith("Unauthorized: this feed is for partners.", body);
    }

    [Theory]
    [InlineData(PartnerServer.Key)]
    [InlineData(PartnerServer.NextKey)]
    public async Task With_either_of_the_partners_two_keys_basic_gives_the_feed_privately(string key)
    {
        await using var server = PartnerServer.Start();
        var file = server.Publication.Find(Feed)!;

        using var response = await server.GetAsync(Feed, PartnerServer.Basic("customerthink", key));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(file.Identity.Bytes.ToArray(), await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(file.ETag, response.Header("ETag"));
        Assert.Equal("private, max-age=300", response.Raw("Cache-Control"));
        Assert.Equal("Accept-Encoding, Authorization", response.Header("Vary"));
    }

    [Fact]
    public async Task The_key_in_the_address_works_for_importers_that_take_only_a_url()
    {
        await using var server = PartnerServer.Start();
        var file = server.Publication.Find("/feeds/private/page/2.json")!;

        using var right = await server.GetAsync($"/feeds/private/page/2.json?key={PartnerServer.Key}");
        using var wrong = await server.GetAsync("/feeds/private/page/2.json?key=ct-3f9a1c7e5b2d4a61");

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(file.Identity.Bytes.ToArray(), await right.Content.ReadAsByteArrayAsync());
        Assert.Equal("private, max-age=300", right.Raw("Cache-Control"));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
    }

    [Theory]
    [InlineData("customerthink", PartnerServer.AcmeKey)]
    [InlineData("acme", PartnerServer.AcmeKey)]
    [InlineData("customerthink", PartnerServer.OwnerKey)]
    [InlineData("customerthink", "ct-3f9a1c7e5b2d4a6")]
    [InlineData("acme", PartnerServer.Key)]
    [InlineData("", "")]
    public async Task Another_partners_key_the_owner_key_or_a_near_miss_gets_401(string user, string key)
    {
        await using var server = PartnerServer.Start();

        using var response = await server.GetAsync(Feed, PartnerServer.Basic(user, key));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("<rss", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Two_partners_never_see_each_others_feed()
    {
        await using var server = PartnerServer.Start();

        using var acmeOwn = await server.GetAsync("/feeds/acme-only.atom", PartnerServer.Basic("acme", PartnerServer.AcmeKey));
        using var acmeOther = await server.GetAsync(Feed, PartnerServer.Basic("acme", PartnerServer.AcmeKey));
        using var ctOther = await server.GetAsync($"/feeds/acme-only.atom?key={PartnerServer.Key}");

        Assert.Equal(HttpStatusCode.OK, acmeOwn.StatusCode);
        Assert.Contains("For Acme", await acmeOwn.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, acmeOther.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, ctOther.StatusCode);
    }

    [Fact]
    public async Task The_right_etag_without_a_key_is_401_not_304()
    {
        await using var server = PartnerServer.Start();
        var file = server.Publication.Find(Feed)!;

        using var anonymous = await server.GetAsync(Feed, ("If-None-Match", file.ETag));
        using var partner = await server.GetAsync(Feed, ("If-None-Match", file.ETag), PartnerServer.Basic("customerthink", PartnerServer.Key));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("", anonymous.Header("ETag"));
        Assert.Equal(HttpStatusCode.NotModified, partner.StatusCode);
        Assert.Equal("private, max-age=300", partner.Raw("Cache-Control"));
    }

    [Fact]
    public async Task A_partner_feed_is_not_in_the_opml_list_and_public_feeds_stay_public()
    {
        await using var server = PartnerServer.Start();

        using var opml = await server.GetAsync("/feeds.opml");
        var text = await opml.Content.ReadAsStringAsync();
        using var posts = await server.GetAsync("/feeds/posts.rss");

        Assert.Contains("/feeds/posts.rss", text);
        Assert.DoesNotContain("private", text);
        Assert.DoesNotContain("acme-only", text);
        Assert.Equal(HttpStatusCode.OK, posts.StatusCode);
        Assert.StartsWith("public, ", posts.Header("Cache-Control"));
    }

    [Fact]
    public async Task A_partner_posts_feed_is_announced_by_no_page()
    {
        await using var server = CxFeedServer.Start(PartnerServer.Settings(), prepare: (_, feeds) =>
            File.WriteAllText(Path.Combine(feeds, "posts.json"), """{ "access": "partner", "partners": ["customerthink"] }"""));

        using var home = await server.GetAsync("/");
        var html = await home.Content.ReadAsStringAsync();
        using var category = await server.GetAsync("/category/change-management/");
        var categoryHtml = await category.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.DoesNotContain("rel=\"alternate\"", html);
        Assert.DoesNotContain("/feeds/posts.", categoryHtml);
        Assert.Contains("/feeds/category/change-management.rss", categoryHtml);
    }

    [Fact]
    public async Task Wrong_keys_at_a_high_rate_get_429_then_even_the_right_key_waits()
    {
        await using var server = PartnerServer.Start(("CxFeed:Access:FailureLimit", "5"));

        var statuses = new List<int>();
        for (var i = 0; i < 7; i++)
        {
            using var response = await server.GetAsync(Feed, PartnerServer.Basic("customerthink", $"guess-{i:D12}-xxxx"));
            statuses.Add((int)response.StatusCode);
        }
        using var right = await server.GetAsync(Feed, PartnerServer.Basic("customerthink", PartnerServer.Key));
        using var anonymous = await server.GetAsync("/feeds/posts.rss");

        Assert.Equal([401, 401, 401, 401, 401, 429, 429], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.Equal("60", right.Header("Retry-After"));
        Assert.Equal(HttpStatusCode.OK, anonymous.StatusCode);
    }

    [Fact]
    public async Task No_log_line_holds_a_key_even_at_trace_level()
    {
        var lines = new LogLines();
        await using var server = CxFeedServer.Start(
            PartnerServer.Settings(("Logging:LogLevel:Default", "Trace"), ("Logging:LogLevel:Microsoft.AspNetCore", "Trace")),
            services => services.AddSingleton<ILoggerProvider>(lines),
            PartnerServer.AddPartnerFeeds);

        using var byUrl = await server.GetAsync($"{Feed}?key={PartnerServer.Key}");
        using var byBasic = await server.GetAsync(Feed, PartnerServer.Basic("customerthink", PartnerServer.NextKey));
        using var wrong = await server.GetAsync($"{Feed}?key={PartnerServer.AcmeKey}");

        Assert.Equal(HttpStatusCode.OK, byUrl.StatusCode);
        Assert.NotEmpty(lines.All);
        foreach (var key in new[] { PartnerServer.Key, PartnerServer.NextKey, PartnerServer.AcmeKey, PartnerServer.OwnerKey })
            Assert.DoesNotContain(lines.All, line => line.Contains(key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bad_key_setting_stops_serve_naming_the_setting_but_never_the_key()
    {
        var run = await Cxfeed.RunAsync("serve", "--urls", "http://127.0.0.1:0",
            "--CxFeed:Access:Partners:customerthink:Keys:0", "short-secret",
            "--CxFeed:Access:OwnerKeys:0", "owner key with spaces ok?");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("cxfeed: setting CxFeed:Access:Partners:customerthink:Keys:0: a key must be 16 to 512 characters (this one is 12)", run.Error);
        Assert.Contains("cxfeed: setting CxFeed:Access:OwnerKeys:0: a key must be printable ASCII", run.Error);
        Assert.DoesNotContain("short-secret", run.Error);
        Assert.DoesNotContain("spaces ok", run.Error);
    }

    [Fact]
    public async Task Keys_come_from_a_secrets_file_outside_the_repository_and_never_from_one_inside()
    {
        var outside = Path.Combine(Path.GetTempPath(), $"cxfeed-secrets-{Guid.NewGuid():N}.json");
        File.WriteAllText(outside, $$"""{ "Partners": { "customerthink": { "Keys": ["{{PartnerServer.NextKey}}"] } } }""");
        var inside = Path.Combine(Repository.Root, "tests", $"secrets-{Guid.NewGuid():N}.json");
        File.WriteAllText(inside, $$"""{ "OwnerKeys": ["{{PartnerServer.OwnerKey}}"] }""");
        try
        {
            await using (var server = CxFeedServer.Start(new Dictionary<string, string?> { ["CxFeed:Access:SecretsFile"] = outside }, prepare: PartnerServer.AddPartnerFeeds))
            {
                using var response = await server.GetAsync(Feed, PartnerServer.Basic("customerthink", PartnerServer.NextKey));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
            var run = await Cxfeed.RunAsync("serve", "--urls", "http://127.0.0.1:0", "--CxFeed:Access:SecretsFile", inside);

            Assert.Equal(2, run.ExitCode);
            Assert.Contains($"cxfeed: setting CxFeed:Access:SecretsFile: '{inside}' is inside the git work tree {Repository.Root}", run.Error);
            Assert.DoesNotContain(PartnerServer.OwnerKey, run.Error);
        }
        finally
        {
            File.Delete(outside);
            File.Delete(inside);
        }
    }

    [Fact]
    public async Task Build_writes_no_partner_feed_to_the_static_output()
    {
        var root = Path.Combine(Path.GetTempPath(), $"cxfeed-build-{Guid.NewGuid():N}");
        var feeds = Path.Combine(root, "feeds");
        Directory.CreateDirectory(feeds);
        foreach (var file in Directory.GetFiles(Path.Combine(Repository.Root, "feeds")))
            File.Copy(file, Path.Combine(feeds, Path.GetFileName(file)));
        PartnerServer.AddPartnerFeeds("", feeds);
        try
        {
            var run = await Cxfeed.RunAsync("build", "--out", Path.Combine(root, "site"), "--content", Path.Combine(Repository.Root, "seeds", "posts"), "--feeds", feeds);

            Assert.Equal(0, run.ExitCode);
            var written = Directory.GetFiles(Path.Combine(root, "site"), "*", SearchOption.AllDirectories);
            Assert.Contains(written, path => path.EndsWith("feeds/posts.rss", StringComparison.Ordinal));
            Assert.DoesNotContain(written, path => path.Contains("private", StringComparison.Ordinal) || path.Contains("acme-only", StringComparison.Ordinal));
            Assert.DoesNotContain("private", File.ReadAllText(Path.Combine(root, "site", "feeds.opml")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Every log line written, formatted, with its exception.</summary>
    private sealed class LogLines : ILoggerProvider
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _lines = new();

        public IReadOnlyCollection<string> All => _lines;

        public ILogger CreateLogger(string categoryName) => new Lines(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Lines(LogLines owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var line = new StringBuilder($"{category}: {formatter(state, exception)} {exception}");
                if (state is IEnumerable<KeyValuePair<string, object?>> properties)
                {
                    foreach (var (name, value) in properties)
                        line.Append($" {name}={value}");
                }
                owner._lines.Enqueue(line.ToString());
            }
        }
    }
}
