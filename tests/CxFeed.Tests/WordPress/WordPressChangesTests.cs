using System.Net;

namespace CxFeed.Tests.WordPress;

/// <summary>
/// What an author does in WordPress reaches the feeds: a publish with the Update Services ping
/// within 3 s of the ping; without a ping, a publish, an edit, an unpublish and a trash within the
/// poll interval (plus the full listing, for what disappears) and 1 s. Each test changes its own posts.
/// </summary>
public sealed class WordPressChangesTests(WordPressSite wordpress) : IClassFixture<WordPressSite>
{
    private const string Blog = "https://www.heartofthecustomer.com/";
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan FullListing = TimeSpan.FromSeconds(2);

    private static async Task<string?> RssWithAsync(LiveCxFeed cxfeed, Func<string, bool> condition)
    {
        var (status, rss) = await cxfeed.GetTextAsync("feeds/posts.rss");
        return status == 200 && condition(rss) ? rss : null;
    }

    [WordPressFact]
    public async Task A_post_published_with_the_update_services_ping_is_in_the_feed_within_3_seconds_of_the_ping()
    {
        // Polling alone would take ten minutes: only the ping can bring the post in time.
        await using var cxfeed = await LiveCxFeed.StartAsync(wordpress.Address, new Dictionary<string, string?>
        {
            ["CxFeed:Content:WordPress:PollInterval"] = "00:10:00",
            ["CxFeed:Content:WordPress:FullListingInterval"] = "00:10:00",
        });
        await WordPressSourceTests.AllItemsAsync(cxfeed, 20);
        await wordpress.PostAsync("ping-sites", cxfeed.PingAddress.AbsoluteUri);

        var published = await wordpress.PostAsync("publish", "9100", "Published with a ping");

        var (rss, elapsed) = await LiveCxFeed.EventuallyAsync(
            () => RssWithAsync(cxfeed, text => text.Contains("<title>Published with a ping</title>")), "the pinged post in /feeds/posts.rss", TimeSpan.FromSeconds(3));
        Assert.Contains($"<guid isPermaLink=\"false\">{Blog}?p=9100</guid>", rss);
        Assert.Contains($"<link>{published.GetProperty("link").GetString()}</link>", rss);
        Assert.True(elapsed < TimeSpan.FromSeconds(3), $"{elapsed.TotalSeconds:0.00} s after the ping");
        await wordpress.PostAsync("ping-sites");
    }

    [WordPressFact]
    public async Task Without_a_ping_a_published_post_is_in_the_feed_within_the_poll_interval_plus_1_second()
    {
        await using var cxfeed = await LiveCxFeed.StartAsync(wordpress.Address);
        await WordPressSourceTests.AllItemsAsync(cxfeed, await CountAsync());

        // From the moment the publish script is done (the post is published by then).
        await wordpress.PostAsync("publish", "9200", "Published without a ping");
        var (rss, _) = await LiveCxFeed.EventuallyAsync(
            () => RssWithAsync(cxfeed, text => text.Contains("<title>Published without a ping</title>")), "the post in /feeds/posts.rss", Poll + TimeSpan.FromSeconds(1));

        Assert.Contains($"<guid isPermaLink=\"false\">{Blog}?p=9200</guid>", rss);
    }

    [WordPressFact]
    public async Task An_edit_in_wordpress_changes_the_item_and_keeps_its_id()
    {
        await using var cxfeed = await LiveCxFeed.StartAsync(wordpress.Address);
        await WordPressSourceTests.AllItemsAsync(cxfeed, await CountAsync());
        using var before = await cxfeed.Client.GetAsync("feeds/posts.rss");
        var etag = before.Headers.ETag!.Tag;

        await wordpress.PostAsync("edit", "4377", "Backorder Issues, Revisited");
        var (rss, _) = await LiveCxFeed.EventuallyAsync(
            () => RssWithAsync(cxfeed, text => text.Contains("<title>Backorder Issues, Revisited</title>")), "the edited title in /feeds/posts.rss", Poll + TimeSpan.FromSeconds(1));

        Assert.DoesNotContain("<title>Backorder Issues: The High Cost of Reduced Inventory</title>", rss);
        Assert.Contains($"<guid isPermaLink=\"false\">{Blog}?p=4377</guid>", rss);
        using var revalidation = new HttpRequestMessage(HttpMethod.Get, "feeds/posts.rss");
        revalidation.Headers.TryAddWithoutValidation("If-None-Match", etag);
        using var response = await cxfeed.Client.SendAsync(revalidation);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [WordPressFact]
    public async Task A_post_unpublished_to_draft_or_trashed_leaves_the_feeds_and_the_others_stay()
    {
        await using var cxfeed = await LiveCxFeed.StartAsync(wordpress.Address);
        var count = await CountAsync();
        await WordPressSourceTests.AllItemsAsync(cxfeed, count);

        await wordpress.PostAsync("unpublish", "4603");
        await wordpress.PostAsync("trash", "4452");
        // Gone posts are found by the full listing (every 2 s here), then the poll's rebuild.
        var (items, _) = await LiveCxFeed.EventuallyAsync(
            async () => await cxfeed.JsonItemsAsync() is { } now && now.Count == count - 2 ? now : null,
            "two items fewer in /feeds/posts.json", FullListing + Poll + TimeSpan.FromSeconds(1));

        var ids = items.Select(item => item.GetProperty("id").GetString()).ToList();
        Assert.DoesNotContain($"{Blog}?p=4603", ids);
        Assert.DoesNotContain($"{Blog}?p=4452", ids);
        Assert.Contains($"{Blog}?p=4687", ids);
        var (_, rss) = await cxfeed.GetTextAsync("feeds/posts.rss");
        Assert.DoesNotContain("CX Needs Change Management", rss);
    }

    /// <summary>How many posts WordPress publishes now (the tests of this class add and remove some).</summary>
    private async Task<int> CountAsync()
    {
        using var client = new HttpClient();
        using var response = await client.GetAsync(new Uri(wordpress.Address, "wp-json/wp/v2/posts?per_page=1&_fields=id"));
        return int.Parse(response.Headers.GetValues("X-WP-Total").Single(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
