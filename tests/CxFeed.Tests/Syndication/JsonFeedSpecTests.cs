using CxFeed.Tests.Publishing;
using static CxFeed.Tests.Publishing.SamplePosts;

namespace CxFeed.Tests.Syndication;

public class JsonFeedSpecTests
{
    [Fact]
    public void Every_json_feed_page_follows_json_feed_1_1()
    {
        var publication = Renderer(publish: new() { BaseUrl = Publish.BaseUrl, Hubs = ["https://websub.example.com/hub"] })
            .Render(Snapshot(NextHire, SocialProof, Scorecard), [Feed() with { ItemsPerPage = 1 }, Feed("full") with { Content = Core.Syndication.FeedContent.Full }]);

        var json = publication.Files.Where(file => file.Address.EndsWith(".json")).ToList();
        Assert.True(json.Count > 10);
        foreach (var file in json)
            Assert.Equal([], JsonFeedSpec.Violations(publication.Text(file.Address)).Select(violation => $"{file.Address}: {violation}"));
    }

    [Fact]
    public void The_checker_finds_what_breaks_the_spec()
    {
        var violations = JsonFeedSpec.Violations("""
            {"version": "https://jsonfeed.org/version/1", "feed_url": "/feeds/posts.json", "author": {"name": "Jim"},
             "items": [{"id": "1", "date_published": "Tue, 08 Jun 2021 08:30:00 -0500"}, {"id": "1", "content_text": "x", "summary": 3}]}
            """);

        Assert.Equal(
            ["$.version: must be https://jsonfeed.org/version/1.1",
             "$.title: required, a string that is not empty",
             "$.author: not a JSON Feed 1.1 field",
             "$.feed_url: '/feeds/posts.json' is not an absolute http(s) URL",
             "$.author: JSON Feed 1.1 uses authors",
             "$.items[0]: content_html or content_text is required",
             "$.items[0].date_published: 'Tue, 08 Jun 2021 08:30:00 -0500' is not an RFC 3339 date",
             "$.items[1].id: '1' appears twice",
             "$.items[1].summary: a string"],
            violations);
    }
}
