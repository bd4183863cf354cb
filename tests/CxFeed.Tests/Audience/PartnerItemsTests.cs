using CxFeed.Audience;
using CxFeed.Serving;
using CxFeed.Tests.Access;
using CxFeed.Tests.Serving;
using Microsoft.Extensions.DependencyInjection;

namespace CxFeed.Tests.Audience;

/// <summary>
/// The items a partner's pull takes are known when the pages are planned, never read back from the
/// bytes: every page of every partner feed, in every format, carries exactly the items (id and
/// title) its bytes show, read here with <see cref="FeedItems"/> as the check.
/// </summary>
public sealed class PartnerItemsTests
{
    private static List<ServedFile> PartnerFiles(CxFeedServer server) =>
        [.. server.Services.GetRequiredService<LivePublication>().Current.Files.Values.Where(served => !served.Partners.IsEmpty)];

    [Fact]
    public async Task Every_page_of_every_partner_feed_carries_the_items_its_bytes_show()
    {
        await using var server = PartnerServer.Start();

        var files = PartnerFiles(server);

        // private: 20 posts in 2 pages; acme-only: 5 a page, 4 pages; each in RSS, Atom and JSON.
        Assert.Equal(18, files.Count);
        Assert.Contains(files, served => served.File.Address == "/feeds/acme-only/page/4.json");
        foreach (var served in files)
        {
            Assert.NotNull(served.Items);
            Assert.NotEmpty(served.Items);
            Assert.Equal(FeedItems.Read(served.File, served.Format), served.Items);
        }
        var state = server.Services.GetRequiredService<LivePublication>().Current;
        Assert.All(state.Files.Values.Where(served => served.Partners.IsEmpty), served => Assert.Null(served.Items));
    }

    [Fact]
    public async Task After_a_post_goes_the_pages_carry_their_new_items()
    {
        await using var server = PartnerServer.Start();
        var before = server.Publication.Find("/feeds/private.rss")!.ETag;

        File.Delete(Directory.GetFiles(server.Content, "*.html").Order(StringComparer.Ordinal).First());
        await CxFeedServer.EventuallyAsync(() => Task.FromResult(server.Publication.Find("/feeds/private.rss")!.ETag != before ? "" : null), "the post's removal published");

        var files = PartnerFiles(server);
        foreach (var served in files)
            Assert.Equal(FeedItems.Read(served.File, served.Format), served.Items);
        // The 19 posts left, each once, over the pages of the RSS feed.
        var ids = files.Where(served => served.File.Address.StartsWith("/feeds/private", StringComparison.Ordinal) && served.Format == "rss").SelectMany(served => served.Items!).Select(item => item.Id).ToList();
        Assert.Equal(19, ids.Count);
        Assert.Equal(19, ids.Distinct().Count());
    }
}
