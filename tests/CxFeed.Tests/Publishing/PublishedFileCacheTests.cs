using CxFeed.Core.Publishing;
using static CxFeed.Tests.Publishing.SamplePosts;

namespace CxFeed.Tests.Publishing;

public class PublishedFileCacheTests
{
    [Fact]
    public void A_rebuild_reuses_the_compressed_files_whose_bytes_did_not_change()
    {
        var cache = new PublishedFileCache();
        var feeds = Renderer();
        Publication Render(Snapshot snapshot) => new(snapshot.Version, [], cache.Publish(feeds.RenderPages(snapshot, [Feed()])));
        var before = Render(Snapshot(NextHire, SocialProof));
        cache.Keep(before);

        var after = Render(Snapshot(NextHire, SocialProof with { Post = SocialProof.Post with { Categories = ["B2B", "Sales"] } }));

        Assert.Same(before.Find("/feeds/category/change-management.rss"), after.Find("/feeds/category/change-management.rss"));
        Assert.NotSame(before.Find("/feeds/posts.rss"), after.Find("/feeds/posts.rss"));
        Assert.NotEqual(before.Find("/feeds/posts.rss")!.ETag, after.Find("/feeds/posts.rss")!.ETag);
        Assert.Null(before.Find("/feeds/category/sales.rss"));
        Assert.NotNull(after.Find("/feeds/category/sales.rss"));
    }

    [Fact]
    public void The_same_bytes_with_another_date_or_type_are_a_new_file()
    {
        var cache = new PublishedFileCache();
        var first = cache.Create("/a", "text/plain", new byte[] { 1, 2, 3 }, DateTimeOffset.UnixEpoch);
        cache.Keep(new Publication("v", [], [first]));

        Assert.Same(first, cache.Create("/a", "text/plain", new byte[] { 1, 2, 3 }, DateTimeOffset.UnixEpoch.AddMilliseconds(999)));
        Assert.NotSame(first, cache.Create("/a", "text/plain", new byte[] { 1, 2, 3 }, DateTimeOffset.UnixEpoch.AddSeconds(1)));
        Assert.NotSame(first, cache.Create("/a", "text/html", new byte[] { 1, 2, 3 }, DateTimeOffset.UnixEpoch));
        Assert.NotSame(first, cache.Create("/b", "text/plain", new byte[] { 1, 2, 3 }, DateTimeOffset.UnixEpoch));
    }
}
