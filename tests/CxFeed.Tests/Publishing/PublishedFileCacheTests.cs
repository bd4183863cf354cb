using System.Text;
using CxFeed.Core.Publishing;
using static CxFeed.Tests.Publishing.SamplePosts;

namespace CxFeed.Tests.Publishing;

public class PublishedFileCacheTests
{
    private readonly List<string> _rendered = [];

    /// <summary>A planned file that notes when it is rendered.</summary>
    private PlannedFile Planned(string address, string key, string text, string type = "text/plain", DateTimeOffset? date = null) =>
        new(address, key, () =>
        {
            lock (_rendered)
                _rendered.Add(address);
            return new RenderedPage(address, type, Encoding.UTF8.GetBytes(text), date ?? DateTimeOffset.UnixEpoch);
        });

    [Fact]
    public void A_rebuild_renders_only_the_feed_pages_whose_entries_changed()
    {
        var cache = new PublishedFileCache();
        var feeds = Renderer();
        Publication Render(Snapshot snapshot) => new(snapshot.Version, [], cache.Publish(feeds.PlanFiles(snapshot, [.. feeds.Plan(snapshot, [Feed()])])));
        var before = Render(Snapshot(NextHire, SocialProof));

        var after = Render(Snapshot(NextHire, SocialProof with { Post = SocialProof.Post with { Categories = ["B2B", "Sales"] } }));

        Assert.Same(before.Find("/feeds/category/change-management.rss"), after.Find("/feeds/category/change-management.rss"));
        Assert.NotSame(before.Find("/feeds/posts.rss"), after.Find("/feeds/posts.rss"));
        Assert.NotEqual(before.Find("/feeds/posts.rss")!.ETag, after.Find("/feeds/posts.rss")!.ETag);
        Assert.Null(before.Find("/feeds/category/sales.rss"));
        Assert.NotNull(after.Find("/feeds/category/sales.rss"));
    }

    [Fact]
    public void A_file_whose_key_did_not_change_is_not_rendered_again()
    {
        var cache = new PublishedFileCache();
        var first = cache.Publish([Planned("/a", "1", "alpha"), Planned("/b", "1", "beta")]);
        _rendered.Clear();

        var second = cache.Publish([Planned("/a", "1", "alpha"), Planned("/b", "2", "beta, revised"), Planned("/c", "1", "gamma")]);

        Assert.Equal(["/b", "/c"], _rendered.Order(StringComparer.Ordinal));
        Assert.Same(first[0], second[0]);
        Assert.Equal("beta, revised", Encoding.UTF8.GetString(second[1].Identity.Bytes.Span));
        Assert.Equal(2, cache.LastRendered);
    }

    [Fact]
    public void A_new_key_that_renders_the_bytes_it_had_keeps_the_compressed_file()
    {
        var cache = new PublishedFileCache();
        var first = cache.Publish([Planned("/a", "1", "alpha")]);

        var second = cache.Publish([Planned("/a", "2", "alpha", date: DateTimeOffset.UnixEpoch.AddMilliseconds(999))]);

        Assert.Same(first[0], second[0]);
    }

    [Fact]
    public void The_same_bytes_with_another_date_or_type_are_a_new_file()
    {
        var cache = new PublishedFileCache();
        var first = cache.Publish([Planned("/a", "1", "alpha")])[0];

        Assert.NotSame(first, cache.Publish([Planned("/a", "2", "alpha", date: DateTimeOffset.UnixEpoch.AddSeconds(1))])[0]);
        Assert.NotSame(first, cache.Publish([Planned("/a", "3", "alpha", type: "text/html")])[0]);
    }

    [Fact]
    public void A_file_planned_at_one_address_and_rendered_at_another_is_an_error()
    {
        var cache = new PublishedFileCache();

        var failure = Assert.Throws<AggregateException>(() => cache.Publish([new PlannedFile("/a", "1", () => new RenderedPage("/b", "text/plain", new byte[] { 1 }, DateTimeOffset.UnixEpoch))]));

        Assert.Equal("a file planned at /a rendered at /b", Assert.Single(failure.InnerExceptions).Message);
    }
}
