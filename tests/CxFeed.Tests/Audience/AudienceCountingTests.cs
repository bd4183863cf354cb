using System.Globalization;
using System.Net;
using CxFeed.Audience;
using CxFeed.Tests.Access;
using CxFeed.Tests.Serving;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CxFeed.Tests.Audience;

/// <summary>Feed requests over HTTP, counted in the real SQLite database the server makes, read back as /stats reads it.</summary>
public sealed class AudienceCountingTests
{
    private static string Today => DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static CxFeedServer Start(string database, params (string Name, string? Value)[] more) =>
        PartnerServer.Start([
            ("CxFeed:Audience:DatabasePath", database),
            ("CxFeed:Audience:FlushInterval", "00:10:00"),
            ("CxFeed:Access:ClientAddressHeader", "X-Real-IP"),
            .. more]);

    private static string TemporaryDatabase() => Path.Combine(Path.GetTempPath(), $"cxfeed-audience-{Guid.NewGuid():N}", "audience.db");

    private static AudienceDay Day(string database, string feed)
    {
        using var db = AudienceDatabase.Open(database);
        return db.ReadDays(Today, feed).Single();
    }

    [Fact]
    public async Task Every_feed_request_is_counted_and_subscribers_are_aggregators_latest_counts_plus_distinct_readers()
    {
        var database = TemporaryDatabase();
        await using var server = Start(database);
        var file = server.Publication.Find("/feeds/posts.rss")!;
        (string, string) Agent(string value) => ("User-Agent", value);
        (string, string) From(string address) => ("X-Real-IP", address);

        // Feedly polls three times a day, its count growing: one source of its latest count.
        foreach (var count in new[] { 120, 121, 123 })
            (await server.GetAsync("/feeds/posts.rss", Agent($"Feedly/1.0 (+http://www.feedly.com/fetcher.html; {count} subscribers; )"), From("34.1.1.1"))).Dispose();
        (await server.GetAsync("/feeds/posts.atom", Agent("Inoreader/1.0 (+http://www.inoreader.com/feed-fetcher; 17 subscribers; )"), From("34.1.1.2"))).Dispose();
        // Two readers; the first polls again with a 304 and a HEAD: still one reader.
        (await server.GetAsync("/feeds/posts.rss", Agent("NetNewsWire (RSS Reader; https://netnewswire.com/)"), From("203.0.113.7"))).Dispose();
        (await server.GetAsync("/feeds/posts.rss", Agent("NetNewsWire (RSS Reader; https://netnewswire.com/)"), From("203.0.113.7"), ("If-None-Match", file.ETag))).Dispose();
        (await server.SendAsync(HttpMethod.Head, "/feeds/posts.rss", Agent("NetNewsWire (RSS Reader; https://netnewswire.com/)"), From("203.0.113.7"))).Dispose();
        (await server.GetAsync("/feeds/posts.json", Agent("Mozilla/5.0 (compatible; Miniflux/2.0.51; +https://miniflux.app)"), From("198.51.100.4"))).Dispose();
        // A link preview: a request, never a subscriber. The Posts page is not a feed: not counted.
        (await server.GetAsync("/feeds/posts.rss", Agent("Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)"), From("54.1.1.1"))).Dispose();
        (await server.GetAsync("/", Agent("curl/8.5.0"))).Dispose();
        server.Services.GetRequiredService<AudienceRecorder>().Flush();

        var day = Day(database, "posts");
        Assert.Equal(9, day.Requests);
        Assert.Equal(1, day.NotModified);
        Assert.Equal(1, day.Bots);
        Assert.Equal(123 + 17, day.AggregatorSubscribers);
        Assert.Equal(2, day.Aggregators);
        Assert.Equal(2, day.Readers);
        Assert.Equal(142, day.Subscribers);
        Assert.False(day.Absurd);
        using var db = AudienceDatabase.Open(database);
        Assert.Equal([("Feedly", 123L), ("Inoreader", 17L)], db.ReadAggregators(Today, "posts").Select(row => (row.Family, row.Subscribers)));
    }

    [Fact]
    public async Task No_client_address_is_stored_and_only_todays_salt_is_kept()
    {
        var database = TemporaryDatabase();
        using (var old = AudienceDatabase.Open(database))
            old.SaltOf("2020-01-01");
        await using var server = Start(database);

        (await server.GetAsync("/feeds/posts.rss", ("User-Agent", "curl/8.5.0"), ("X-Real-IP", "203.0.113.77"))).Dispose();
        server.Services.GetRequiredService<AudienceRecorder>().Flush();

        var bytes = File.ReadAllBytes(database).Concat(File.Exists(database + "-wal") ? File.ReadAllBytes(database + "-wal") : []).ToArray();
        Assert.Equal(-1, System.Text.Encoding.UTF8.GetString(bytes).IndexOf("203.0.113.77", StringComparison.Ordinal));
        using var connection = new SqliteConnection($"Data Source={database}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT group_concat(day) FROM salts";
        Assert.Equal(Today, command.ExecuteScalar());
    }

    [Fact]
    public async Task A_forged_count_is_capped_and_flagged()
    {
        var database = TemporaryDatabase();
        await using var server = Start(database);

        (await server.GetAsync("/feeds/posts.rss", ("User-Agent", "Feedly/1.0 (+http://www.feedly.com/fetcher.html; 1000000000000 subscribers; )"))).Dispose();
        server.Services.GetRequiredService<AudienceRecorder>().Flush();

        var day = Day(database, "posts");
        Assert.Equal(FetcherList.MaximumSubscribers, day.AggregatorSubscribers);
        Assert.True(day.Absurd);
    }

    [Fact]
    public async Task A_partners_pulls_are_kept_with_the_items_new_to_it()
    {
        var database = TemporaryDatabase();
        await using var server = Start(database);
        var basic = PartnerServer.Basic("customerthink", PartnerServer.Key);
        var first = server.Publication.Find("/feeds/private.rss")!;
        var recorder = server.Services.GetRequiredService<AudienceRecorder>();

        (await server.GetAsync("/feeds/private/page/2.rss", basic)).Dispose();
        recorder.Flush();
        (await server.GetAsync("/feeds/private.rss", basic)).Dispose();
        recorder.Flush();
        (await server.GetAsync("/feeds/private.rss", basic, ("If-None-Match", first.ETag))).Dispose();
        (await server.GetAsync("/feeds/private.rss")).Dispose();
        recorder.Flush();

        using var db = AudienceDatabase.Open(database);
        var pulls = db.ReadPulls(10);
        Assert.Equal([("/feeds/private.rss", 304), ("/feeds/private.rss", 200), ("/feeds/private/page/2.rss", 200)], pulls.Select(pull => (pull.Address, pull.Status)));
        Assert.All(pulls, pull => Assert.Equal(("customerthink", "private"), (pull.Partner, pull.Feed)));
        Assert.Empty(pulls[0].NewItems);
        // Page 2 had the 10 oldest posts, page 1 the 10 newest: each pull took 10 posts new to the partner.
        Assert.Equal(10, pulls[1].NewItems.Count);
        Assert.Equal(10, pulls[2].NewItems.Count);
        Assert.Empty(pulls[1].NewItems.Select(item => item.Id).Intersect(pulls[2].NewItems.Select(item => item.Id)));
        Assert.All(pulls[1].NewItems, item => Assert.False(string.IsNullOrWhiteSpace(item.Title)));
        // The anonymous 401 is a request of the feed, not a pull.
        Assert.Equal(4, db.ReadDays(Today, "private").Single().Requests);
    }

    [Fact]
    public async Task Answers_406_and_412_are_feed_requests_and_counted_with_their_status_but_never_as_readers()
    {
        var database = TemporaryDatabase();
        await using var server = Start(database);
        var reader = ("User-Agent", "NetNewsWire (RSS Reader; https://netnewswire.com/)");

        using var refused = await server.GetAsync("/feeds/posts.rss", reader, ("X-Real-IP", "203.0.113.9"), ("Accept-Encoding", "identity;q=0"));
        using var failed = await server.GetAsync("/feeds/posts.rss", reader, ("X-Real-IP", "203.0.113.9"), ("If-Match", "\"not-the-tag\""));
        server.Services.GetRequiredService<AudienceRecorder>().Flush();

        Assert.Equal(HttpStatusCode.NotAcceptable, refused.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, failed.StatusCode);
        var day = Day(database, "posts");
        Assert.Equal(2, day.Requests);
        Assert.Equal(0, day.NotModified);
        Assert.Equal(0, day.Readers);
        using var connection = new SqliteConnection($"Data Source={database}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT status, SUM(count) FROM requests WHERE feed = 'posts' GROUP BY status ORDER BY status";
        using var rows = command.ExecuteReader();
        var statuses = new List<(long, long)>();
        while (rows.Read())
            statuses.Add((rows.GetInt64(0), rows.GetInt64(1)));
        Assert.Equal([(406L, 1L), (412L, 1L)], statuses);
    }

    [Fact]
    public async Task Behind_nginx_a_wrong_key_counts_once_towards_the_limit_though_the_mirror_sees_it_too()
    {
        var database = TemporaryDatabase();
        await using var server = Start(database, ("CxFeed:Audience:CountedByProxy", "true"), ("CxFeed:Access:FailureLimit", "3"));

        // What nginx does with each client request of a partner feed: the mirror to count it, and,
        // the credentials bypassing its cache, the request itself passed on.
        var passed = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            var wrong = PartnerServer.Basic("customerthink", $"guess-{i:D12}-xxxx");
            using var mirror = await server.GetAsync("/feeds/private.rss", wrong, ("X-CxFeed-Mirror", "1"), ("X-Real-IP", "198.51.100.20"));
            Assert.Equal(HttpStatusCode.NoContent, mirror.StatusCode);
            using var response = await server.GetAsync("/feeds/private.rss", wrong, ("X-Real-IP", "198.51.100.20"));
            passed.Add((int)response.StatusCode);
        }
        server.Services.GetRequiredService<AudienceRecorder>().Flush();

        // FailureLimit 3: three wrong keys are answered 401, the fourth 429, as without nginx.
        Assert.Equal([401, 401, 401, 429], passed);
        // Each client request counted once: the four mirrors, not the requests passed on.
        Assert.Equal(4, Day(database, "private").Requests);
    }

    [Fact]
    public async Task A_corrupt_database_pauses_counting_feeds_keep_serving_and_counting_resumes_when_it_is_fixed()
    {
        var database = TemporaryDatabase();
        Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        File.WriteAllBytes(database, [.. System.Text.Encoding.ASCII.GetBytes("this is not a database"), .. new byte[4096]]);
        await using var server = Start(database);
        var recorder = server.Services.GetRequiredService<AudienceRecorder>();

        using var feed = await server.GetAsync("/feeds/posts.rss", ("User-Agent", "curl/8.5.0"));
        recorder.Flush();
        using var health = await server.GetAsync("/healthz");
        var text = await health.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.StartsWith("degraded\n", text);
        Assert.Contains($"audience: counting paused, {database} cannot be", text);

        File.Delete(database);
        (await server.GetAsync("/feeds/posts.rss", ("User-Agent", "curl/8.5.0"))).Dispose();
        recorder.Flush();
        using var healthy = await server.GetAsync("/healthz");

        Assert.Equal("ok\n", await healthy.Content.ReadAsStringAsync());
        Assert.Equal(2, Day(database, "posts").Requests);
    }

    [Fact]
    public async Task A_locked_database_keeps_the_counts_until_the_lock_goes()
    {
        var database = TemporaryDatabase();
        await using var server = Start(database);
        var recorder = server.Services.GetRequiredService<AudienceRecorder>();
        using var locker = new SqliteConnection($"Data Source={database};Pooling=False");
        locker.Open();
        using (var begin = locker.CreateCommand())
        {
            begin.CommandText = "BEGIN EXCLUSIVE";
            begin.ExecuteNonQuery();
        }

        (await server.GetAsync("/feeds/posts.rss", ("User-Agent", "curl/8.5.0"))).Dispose();
        recorder.Flush();
        Assert.Contains("database is locked", recorder.Problem);

        using (var rollback = locker.CreateCommand())
        {
            rollback.CommandText = "ROLLBACK";
            rollback.ExecuteNonQuery();
        }
        recorder.Flush();

        Assert.Null(recorder.Problem);
        Assert.Equal(1, Day(database, "posts").Requests);
    }

    [Fact]
    public async Task A_full_queue_drops_counts_never_requests()
    {
        var database = TemporaryDatabase();
        await using var server = Start(database, ("CxFeed:Audience:QueueCapacity", "2"));
        var recorder = server.Services.GetRequiredService<AudienceRecorder>();

        for (var i = 0; i < 6; i++)
        {
            using var response = await server.GetAsync("/feeds/posts.rss");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        recorder.Flush();

        Assert.Equal(4, recorder.Dropped);
        Assert.Equal(2, Day(database, "posts").Requests);
        using var db = AudienceDatabase.Open(database);
        Assert.Equal(4, db.ReadDropped(Today));
    }

    [Fact]
    public async Task Counting_off_makes_no_database()
    {
        var database = TemporaryDatabase();
        await using var server = Start(database, ("CxFeed:Audience:Enabled", "false"));

        (await server.GetAsync("/feeds/posts.rss")).Dispose();
        server.Services.GetRequiredService<AudienceRecorder>().Flush();

        Assert.False(File.Exists(database));
    }
}
