using System.Globalization;
using System.Net;
using System.Text.Json;
using CxFeed.Tests.Serving;

namespace CxFeed.Tests.WordPress;

/// <summary>
/// cxfeed on the WordPress source, end to end against the real WordPress holding the seed blog:
/// the feeds hold exactly the posts WordPress lists, as WordPress has them, with the item ids the
/// folder source gives the same posts.
/// </summary>
public sealed class WordPressSourceTests(WordPressSite wordpress) : IClassFixture<WordPressSite>
{
    private const string Blog = "https://www.heartofthecustomer.com/";
    private static readonly TimeSpan FirstPull = TimeSpan.FromSeconds(60);

    /// <summary>WordPress's own list of published posts, with authors, terms and featured images.</summary>
    private async Task<List<JsonElement>> WordPressListsAsync()
    {
        using var client = new HttpClient();
        var text = await client.GetStringAsync(new Uri(wordpress.Address, "wp-json/wp/v2/posts?per_page=100&_embed=author,wp:term,wp:featuredmedia"));
        return [.. JsonDocument.Parse(text).RootElement.Clone().EnumerateArray()];
    }

    internal static async Task<List<JsonElement>> AllItemsAsync(LiveCxFeed cxfeed, int count) =>
        (await LiveCxFeed.EventuallyAsync(async () => await cxfeed.JsonItemsAsync() is { } items && items.Count == count ? items : null,
            $"{count} items in /feeds/posts.json", FirstPull)).Value;

    [WordPressFact]
    public async Task The_feeds_hold_exactly_the_posts_wordpress_lists_with_their_ids_titles_dates_links_terms_and_images()
    {
        var listed = await WordPressListsAsync();
        await using var cxfeed = await LiveCxFeed.StartAsync(wordpress.Address);

        var items = (await AllItemsAsync(cxfeed, listed.Count)).ToDictionary(item => item.GetProperty("id").GetString()!);

        Assert.Equal(20, listed.Count);
        foreach (var post in listed)
        {
            var id = $"{Blog}?p={post.GetProperty("id").GetInt64()}";
            Assert.True(items.TryGetValue(id, out var item), $"{id} is not in the feed");
            Assert.Equal(post.GetProperty("link").GetString(), item.GetProperty("url").GetString());
            Assert.Equal(WebUtility.HtmlDecode(post.GetProperty("title").GetProperty("rendered").GetString()), item.GetProperty("title").GetString());
            Assert.Equal(Utc(post.GetProperty("date_gmt").GetString()!), DateTimeOffset.Parse(item.GetProperty("date_published").GetString()!, CultureInfo.InvariantCulture));
            var modified = Utc(post.GetProperty("modified_gmt").GetString()!);
            if (modified != Utc(post.GetProperty("date_gmt").GetString()!))
                Assert.Equal(modified, DateTimeOffset.Parse(item.GetProperty("date_modified").GetString()!, CultureInfo.InvariantCulture));
            Assert.Equal("Jim Tincher", item.GetProperty("authors")[0].GetProperty("name").GetString());

            var embedded = post.GetProperty("_embedded");
            // Categories and tags, each name once: a category and a tag of the same name are one tag in a feed.
            var terms = embedded.GetProperty("wp:term").EnumerateArray().SelectMany(taxonomy => taxonomy.EnumerateArray())
                .Select(term => WebUtility.HtmlDecode(term.GetProperty("name").GetString()!).ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal);
            Assert.Equal(terms, item.GetProperty("tags").EnumerateArray().Select(tag => tag.GetString()!.ToLowerInvariant()).Order(StringComparer.Ordinal));
            if (embedded.TryGetProperty("wp:featuredmedia", out var media))
                Assert.Equal(media[0].GetProperty("source_url").GetString(), item.GetProperty("image").GetString());
            else
                Assert.False(item.TryGetProperty("image", out _), $"{id} has no featured image in WordPress");
        }
        Assert.Equal(listed.Count, items.Count);
    }

    [WordPressFact]
    public async Task The_seed_posts_keep_the_item_ids_the_folder_source_gives_them()
    {
        await using var folder = CxFeedServer.Start();
        var folderIds = new Dictionary<string, string>();
        for (string? next = "/feeds/posts.json"; next is not null;)
        {
            using var response = await folder.GetAsync(next);
            var feed = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            foreach (var item in feed.GetProperty("items").EnumerateArray())
                folderIds[item.GetProperty("url").GetString()!] = item.GetProperty("id").GetString()!;
            next = feed.TryGetProperty("next_url", out var url) ? "/" + url.GetString()![CxFeedServer.PublicBase.Length..] : null;
        }
        await using var cxfeed = await LiveCxFeed.StartAsync(wordpress.Address);

        var items = await AllItemsAsync(cxfeed, 20);

        Assert.Equal(20, folderIds.Count);
        var same = items.Where(item => folderIds[item.GetProperty("url").GetString()!] == item.GetProperty("id").GetString()).ToList();
        // The four seed pages that show no post id anywhere have their canonical URL as id in the
        // folder source; WordPress knows their ids. Every other id is unchanged.
        var differ = items.Except(same).Select(item => folderIds[item.GetProperty("url").GetString()!]).Order(StringComparer.Ordinal);
        Assert.Equal(
        [
            Blog + "dont-go-the-extra-mile-in-the-wrong-direction/",
            Blog + "interview-building-a-world-class-cx-capability/",
            Blog + "the-bots-are-coming/",
            Blog + "unmask-the-power-of-social-proof/",
        ], differ);
        Assert.Equal(16, same.Count);
    }

    [WordPressFact]
    public async Task The_authors_manual_excerpt_is_the_feed_summary_and_wordpress_generated_ones_are_not()
    {
        await using var cxfeed = await LiveCxFeed.StartAsync(wordpress.Address);

        var items = (await AllItemsAsync(cxfeed, 20)).ToDictionary(item => item.GetProperty("id").GetString()!);

        Assert.Equal("Hiring for CX? Look for someone who knows how to change an organization, not only how to run a survey.",
            items[Blog + "?p=4687"].GetProperty("summary").GetString());
        // 4603 has no manual excerpt: the summary is cxfeed's own cut of the post, never WordPress's "[…]".
        var generated = items[Blog + "?p=4603"].GetProperty("summary").GetString()!;
        Assert.StartsWith("You probably moved into customer experience (CX) because of a passion for customers.", generated);
        Assert.DoesNotContain("[…]", generated);
        Assert.DoesNotContain("[&hellip;]", generated);
    }

    [WordPressFact]
    public async Task Content_from_wordpress_is_clean_in_the_full_feed_captions_galleries_and_relative_links_included()
    {
        await using var cxfeed = await LiveCxFeed.StartAsync(wordpress.Address);
        await AllItemsAsync(cxfeed, 20);

        var items = (await cxfeed.JsonItemsAsync("feeds/customerthink.json")).ToDictionary(item => item.GetProperty("id").GetString()!);

        var captioned = items[Blog + "?p=2702"].GetProperty("content_html").GetString()!;
        Assert.Contains("src=\"https://www.heartofthecustomer.com/wp-content/uploads/2019/04/The-Why-Behind-CX-Pros-Failure-to-Prove-Business-Results.png\"", captioned);
        Assert.Contains("<a href=\"https://www.heartofthecustomer.com/forrester-predicts-1-in-4-cx-pros-will-lose-their-jobs/\">here</a>", captioned);
        Assert.DoesNotContain("loading=", captioned);
        var gallery = items[Blog + "?p=1395"].GetProperty("content_html").GetString()!;
        Assert.DoesNotContain("<style", gallery);
        Assert.DoesNotContain("#gallery-1", gallery);
        Assert.Contains("scorecard-retention.jpg", gallery);
    }

    private static DateTimeOffset Utc(string wordpressGmt) =>
        DateTimeOffset.Parse(wordpressGmt + "Z", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
}
