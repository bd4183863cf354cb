using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using CxFeed.Core.Publishing;

namespace CxFeed.Tests.Serving;

/// <summary>
/// The publication follows the content within seconds of a change, whole: each test edits its own
/// copy of the seeds and polls, with a deadline, for what a feed reader would see.
/// </summary>
public sealed class FreshnessTests
{
    private const string Post = "cx-needs-change-management.html";
    private const string Title = "CX Needs Change Management";

    private static async Task<string> ETagAsync(CxFeedServer server, string path)
    {
        using var response = await server.GetAsync(path);
        return response.Header("ETag");
    }

    private static async Task<string> TextAsync(CxFeedServer server, string path)
    {
        using var response = await server.GetAsync(path);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task An_edited_post_gives_the_feed_a_new_etag_within_seconds()
    {
        await using var server = CxFeedServer.Start();
        var before = await ETagAsync(server, "/feeds/posts.rss");

        server.Edit(Post, html => html.Replace(Title, "CX Needs Change Management, Revised"));

        var after = await CxFeedServer.EventuallyAsync(async () =>
            await ETagAsync(server, "/feeds/posts.rss") is var etag && etag != before ? etag : null, "a new ETag for /feeds/posts.rss");
        Assert.Contains("CX Needs Change Management, Revised", await TextAsync(server, "/feeds/posts.rss"));
        using var revalidation = await server.GetAsync("/feeds/posts.rss", ("If-None-Match", before));
        Assert.Equal(HttpStatusCode.OK, revalidation.StatusCode);
        using var current = await server.GetAsync("/feeds/posts.rss", ("If-None-Match", after));
        Assert.Equal(HttpStatusCode.NotModified, current.StatusCode);
    }

    [Fact]
    public async Task A_post_that_turns_bad_keeps_its_last_good_version_and_health_says_degraded()
    {
        await using var server = CxFeedServer.Start();
        var before = await TextAsync(server, "/feeds/posts.atom");
        Assert.Contains(Title, before);

        File.WriteAllText(Path.Combine(server.Content, Post), "<!DOCTYPE html><html><body><p>Oops, the theme broke.</p></body></html>");

        var health = await CxFeedServer.EventuallyAsync(async () =>
            await TextAsync(server, "/healthz") is var text && text.StartsWith("degraded\n", StringComparison.Ordinal) ? text : null, "/healthz degraded");
        Assert.Contains($"{Post}: {SnapshotBuilder.KeepsLastGoodVersion}", health);
        using var response = await server.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before, await TextAsync(server, "/feeds/posts.atom"));
    }

    [Fact]
    public async Task A_post_that_cleaning_emptied_is_named_by_health()
    {
        var settings = Cleaning.LostTextGuardTests.TablesWithoutCells
            .Select((element, i) => new KeyValuePair<string, string?>($"CxFeed:Cleaning:AllowedElements:{i}", element))
            .ToDictionary();
        await using var server = CxFeedServer.Start(settings, prepare: (content, _) => Cli.CheckCommandTests.WithComparisonBody(content, Post));

        using var response = await server.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"degraded\n{Post}: {Cleaning.LostTextGuardTests.Problem}\n", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_bad_feed_definition_fails_the_rebuild_and_the_last_publication_keeps_serving()
    {
        await using var server = CxFeedServer.Start();
        var etag = await ETagAsync(server, "/feeds/customerthink.rss");

        File.WriteAllText(Path.Combine(server.Feeds, "broken.json"), """{ "formats": ["rdf"] }""");
        server.Edit(Post, html => html.Replace(Title, "A change that must wait"));

        var health = await CxFeedServer.EventuallyAsync(async () =>
            await TextAsync(server, "/healthz") is var text && text.Contains("rebuild failed") ? text : null, "/healthz reporting the failed rebuild");
        Assert.StartsWith("degraded\nrebuild failed: ", health);
        Assert.Contains("broken.json: formats[0]: 'rdf' is not one of rss, atom, json", health);
        Assert.Equal(etag, await ETagAsync(server, "/feeds/customerthink.rss"));

        File.Delete(Path.Combine(server.Feeds, "broken.json"));
        await CxFeedServer.EventuallyAsync(async () => await TextAsync(server, "/healthz") is "ok\n" ? "" : null, "/healthz ok again");
        Assert.Contains("A change that must wait", await TextAsync(server, "/feeds/customerthink.rss"));
    }

    [Fact]
    public async Task Without_any_publication_every_address_and_health_say_503()
    {
        await using var server = CxFeedServer.Start(prepare: (_, feeds) => File.WriteAllText(Path.Combine(feeds, "posts.json"), "{ not json"));

        using var feed = await server.GetAsync("/feeds/posts.rss");
        using var health = await server.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, feed.StatusCode);
        Assert.Equal("5", feed.Header("Retry-After"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        var text = await health.Content.ReadAsStringAsync();
        Assert.StartsWith("unavailable: no publication could be built yet\nrebuild failed: ", text);
        Assert.Contains("posts.json: is not JSON", text);
    }

    [Fact]
    public async Task A_removed_post_leaves_the_feeds_and_a_new_one_joins_them()
    {
        await using var server = CxFeedServer.Start();
        var added = File.ReadAllText(Path.Combine(server.Content, Post))
            .Replace(Title, "A Brand New Post")
            .Replace("cx-needs-change-management/", "a-brand-new-post/")
            .Replace("?p=4603", "?p=9999");

        File.Delete(Path.Combine(server.Content, Post));
        File.WriteAllText(Path.Combine(server.Content, "a-brand-new-post.html"), added);

        var feed = await CxFeedServer.EventuallyAsync(async () =>
            await TextAsync(server, "/feeds/posts.json") is var text && text.Contains("A Brand New Post") && !text.Contains(Title) ? text : null,
            "the new post in and the old one out");
        Assert.Contains("https://www.heartofthecustomer.com/a-brand-new-post/", feed);
    }

    [Fact]
    public async Task Under_load_while_posts_change_every_body_matches_its_etag()
    {
        await using var server = CxFeedServer.Start();
        var mismatches = new ConcurrentBag<string>();
        var seen = new ConcurrentDictionary<string, bool>();
        using var stop = new CancellationTokenSource();

        async Task HammerAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                using var response = await server.GetAsync("/feeds/posts.rss");
                var body = await response.Content.ReadAsByteArrayAsync();
                var tag = "\"" + Convert.ToBase64String(SHA256.HashData(body), 0, 16).TrimEnd('=').Replace('+', '-').Replace('/', '_') + "\"";
                if (response.Header("ETag") != tag)
                    mismatches.Add($"{response.Header("ETag")} for a body hashing to {tag}");
                if (response.Header("Content-Length") != body.Length.ToString())
                    mismatches.Add($"Content-Length {response.Header("Content-Length")} for {body.Length} bytes");
                seen[tag] = true;
            }
        }

        var hammers = Enumerable.Range(0, 8).Select(_ => Task.Run(HammerAsync)).ToArray();
        for (var edit = 1; edit <= 4; edit++)
        {
            var revised = $"Revision {edit} of a post";
            server.Edit(Post, html => html.Replace(edit == 1 ? Title : $"Revision {edit - 1} of a post", revised));
            await CxFeedServer.EventuallyAsync(async () => await TextAsync(server, "/feeds/posts.rss") is var text && text.Contains(revised) ? text : null, revised);
        }
        stop.Cancel();
        await Task.WhenAll(hammers);

        Assert.Empty(mismatches);
        Assert.True(seen.Count >= 2, $"the hammers saw {seen.Count} versions");
    }

    [Fact]
    public async Task Without_file_system_events_the_rescan_notices_new_and_edited_posts()
    {
        // A content folder missing at start cannot be watched: only the rescan (every second here) sees it.
        await using var server = CxFeedServer.Start(prepare: (content, _) => Directory.Delete(content, recursive: true));
        using (var before = await server.GetAsync("/feeds/posts.rss"))
            Assert.Equal(HttpStatusCode.ServiceUnavailable, before.StatusCode);

        Directory.CreateDirectory(server.Content);
        foreach (var file in Directory.GetFiles(Path.Combine(Repository.Root, "seeds", "posts")))
            File.Copy(file, Path.Combine(server.Content, Path.GetFileName(file)));
        var first = await CxFeedServer.EventuallyAsync(async () =>
        {
            using var response = await server.GetAsync("/feeds/posts.rss");
            return response.StatusCode == HttpStatusCode.OK ? response.Header("ETag") : null;
        }, "the posts found by the rescan");
        server.Edit(Post, html => html.Replace(Title, "CX Needs Change Management, Rescanned"));

        await CxFeedServer.EventuallyAsync(async () =>
            await ETagAsync(server, "/feeds/posts.rss") is var etag && etag != first ? etag : null, "the edit found by the rescan");
        Assert.Contains("CX Needs Change Management, Rescanned", await TextAsync(server, "/feeds/posts.rss"));
    }
}
