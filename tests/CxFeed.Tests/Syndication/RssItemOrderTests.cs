using System.Xml.Linq;
using CxFeed.Tests.Publishing;

namespace CxFeed.Tests.Syndication;

/// <summary>
/// RSS items list their elements as WordPress writes them (wp-includes/feed-rss2.php): title,
/// link, guid, pubDate, dc:creator, category, description, content:encoded, then the rest.
/// </summary>
public class RssItemOrderTests
{
    [Theory]
    [InlineData("/feeds/posts.rss")]
    [InlineData("/feeds/posts/page/2.rss")]
    [InlineData("/feeds/partner.rss")]
    public void Every_item_writes_its_elements_in_the_customary_order(string address)
    {
        var rss = XDocument.Parse(FeedRendererTests.RenderGoldenSnapshot().Text(address));
        var items = rss.Descendants("item").ToList();
        Assert.NotEmpty(items);

        string[] customary = ["title", "link", "guid", "pubDate", "dc:creator", "category", "description", "content:encoded", "media:content"];
        foreach (var item in items)
        {
            var names = item.Elements().Select(element => Prefixed(element)).ToList();
            var positions = names.Select(name => Array.IndexOf(customary, name)).ToList();
            Assert.DoesNotContain(-1, positions);
            Assert.Equal(positions.Order(), positions);
            Assert.Equal(["title", "link", "guid", "pubDate", "dc:creator"], names.Take(5));
        }
    }

    [Fact]
    public void An_item_with_an_image_ends_with_categories_description_content_and_media()
    {
        var rss = XDocument.Parse(FeedRendererTests.RenderGoldenSnapshot().Text("/feeds/posts.rss"));
        var withImage = rss.Descendants("item").First(item => item.Elements().Any(element => element.Name.LocalName == "content" && element.Name.NamespaceName.Contains("yahoo", StringComparison.Ordinal)));

        Assert.Equal(
            ["title", "link", "guid", "pubDate", "dc:creator", "category", "category", "category", "category", "description", "content:encoded", "media:content"],
            withImage.Elements().Select(Prefixed));
    }

    private static string Prefixed(XElement element) =>
        element.GetPrefixOfNamespace(element.Name.Namespace) is { Length: > 0 } prefix ? $"{prefix}:{element.Name.LocalName}" : element.Name.LocalName;
}
