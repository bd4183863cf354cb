using System.Collections.Immutable;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using CxFeed.Core;
using CxFeed.Core.Content;
using CxFeed.Core.Excerpts;
using CxFeed.Core.Publishing;
using CxFeed.Core.Syndication;
using static CxFeed.Tests.Publishing.SamplePosts;

namespace CxFeed.Tests.Publishing;

public class FeedRendererTests
{
    private static readonly FeedsOptions NoAutomaticFeeds = new() { CategoryFeeds = false, TagFeeds = false };

    private static readonly FeedDefinition Partner = Feed("partner") with
    {
        Title = "Heart of the Customer for partners",
        Content = FeedContent.Full,
        Attribution = "This post first appeared on {site} at {link}.",
        LinkParameters = [new("utm_source", "customerthink"), new("utm_medium", "syndication")],
    };

    /// <summary>
    /// The snapshot whose every byte is checked against the files in <c>Golden/</c> (reviewed by
    /// hand): three posts, an excerpt feed of two items a page and a full partner feed, a hub.
    /// </summary>
    internal static Publication RenderGoldenSnapshot() =>
        Renderer(NoAutomaticFeeds, new PublishOptions { BaseUrl = Publish.BaseUrl, Hubs = ["https://pubsubhubbub.appspot.com/"] })
            .Render(Snapshot(Scorecard, NextHire, SocialProof), [Feed() with { ItemsPerPage = 2 }, Partner]);

    internal static string GoldenName(string address) => address.TrimStart('/').Replace('/', '_');

    [Fact]
    public void Every_feed_page_and_format_is_exactly_the_reviewed_bytes()
    {
        var publication = RenderGoldenSnapshot();
        var folder = Path.Combine(Repository.Root, "tests", "CxFeed.Tests", "Publishing", "Golden");

        Assert.Equal(
            Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal),
            publication.Files.Select(file => GoldenName(file.Address)).Order(StringComparer.Ordinal));
        foreach (var file in publication.Files)
        {
            var expected = File.ReadAllText(Path.Combine(folder, GoldenName(file.Address)));
            Assert.Equal(expected, publication.Text(file.Address));
        }
    }

    [Fact]
    public void Items_are_newest_first_and_posts_published_at_the_same_instant_are_ordered_by_id()
    {
        var twin = Make("https://www.heartofthecustomer.com/?p=4688", "twin", "Twin", NextHire.Post.Published, null, [], [], null,
            "<p>Twin.</p>", new Excerpt("Twin.", "<p>Twin.</p>", false));

        var publication = Renderer(NoAutomaticFeeds).Render(Snapshot(Scorecard, twin, SocialProof, NextHire), [Feed()]);

        using var json = JsonDocument.Parse(publication.Text("/feeds/posts.json"));
        Assert.Equal(
            ["https://www.heartofthecustomer.com/?p=4687", "https://www.heartofthecustomer.com/?p=4688", SocialProof.Post.Id, Scorecard.Post.Id],
            json.RootElement.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetString()));
    }

    [Fact]
    public void Later_pages_link_to_the_first_last_previous_and_next_pages_in_their_own_format()
    {
        var publication = Renderer(NoAutomaticFeeds).Render(Snapshot(NextHire, SocialProof, Scorecard), [Feed() with { ItemsPerPage = 1 }]);

        Assert.Equal(
            ["/feeds/posts.atom", "/feeds/posts.json", "/feeds/posts.rss",
             "/feeds/posts/page/2.atom", "/feeds/posts/page/2.json", "/feeds/posts/page/2.rss",
             "/feeds/posts/page/3.atom", "/feeds/posts/page/3.json", "/feeds/posts/page/3.rss"],
            publication.Files.Select(file => file.Address));
        var rss = publication.Text("/feeds/posts/page/2.rss");
        Assert.Contains("""<atom:link rel="self" href="https://feeds.heartofthecustomer.com/feeds/posts/page/2.rss" type="application/rss+xml" />""", rss);
        Assert.Contains("""<atom:link rel="first" href="https://feeds.heartofthecustomer.com/feeds/posts.rss" type="application/rss+xml" />""", rss);
        Assert.Contains("""<atom:link rel="last" href="https://feeds.heartofthecustomer.com/feeds/posts/page/3.rss" type="application/rss+xml" />""", rss);
        Assert.Contains("""<atom:link rel="previous" href="https://feeds.heartofthecustomer.com/feeds/posts.rss" type="application/rss+xml" />""", rss);
        Assert.Contains("""<atom:link rel="next" href="https://feeds.heartofthecustomer.com/feeds/posts/page/3.rss" type="application/rss+xml" />""", rss);
        var atom = publication.Text("/feeds/posts/page/3.atom");
        Assert.Contains("""<link rel="previous" type="application/atom+xml" href="https://feeds.heartofthecustomer.com/feeds/posts/page/2.atom" />""", atom);
        Assert.DoesNotContain("rel=\"next\"", atom);
        Assert.Contains("<id>https://feeds.heartofthecustomer.com/feeds/posts.atom</id>", atom);
        Assert.Equal("https://feeds.heartofthecustomer.com/feeds/posts/page/3.json", NextUrl(publication, "/feeds/posts/page/2.json"));
        Assert.Null(NextUrl(publication, "/feeds/posts/page/3.json"));
    }

    [Fact]
    public void Following_next_links_from_the_first_page_reaches_every_post_once()
    {
        var entries = Enumerable.Range(1, 23).Select(day => Make(
            $"https://www.heartofthecustomer.com/?p={day}", $"post-{day}", $"Post {day}",
            new DateTimeOffset(2019, 1, day, 15, 0, 0, TimeSpan.Zero), null, ["B2B"], [], null,
            $"<p>Post {day}.</p>", new Excerpt($"Post {day}.", $"<p>Post {day}.</p>", false))).ToArray();
        var publication = Renderer(NoAutomaticFeeds).Render(Snapshot(entries), [Feed() with { ItemsPerPage = 5 }]);

        var ids = new List<string>();
        for (var address = "/feeds/posts.json"; address is not null;)
        {
            using var json = JsonDocument.Parse(publication.Text(address));
            ids.AddRange(json.RootElement.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetString()!));
            address = json.RootElement.TryGetProperty("next_url", out var next) ? new Uri(next.GetString()!).AbsolutePath : null!;
        }

        Assert.Equal(Enumerable.Range(1, 23).Reverse().Select(day => $"https://www.heartofthecustomer.com/?p={day}"), ids);
    }

    [Fact]
    public void A_feed_no_post_matches_is_one_empty_page_dated_by_the_newest_post()
    {
        var publication = Renderer(NoAutomaticFeeds).Render(
            Snapshot(NextHire, Scorecard),
            [Feed("bots") with { Posts = PostSelection.All with { Categories = ["Contact Center"] } }]);

        var atom = publication.Text("/feeds/bots.atom");
        Assert.DoesNotContain("<entry>", atom);
        Assert.Contains("<updated>2021-06-10T11:02:00-05:00</updated>", atom);
        Assert.Equal(NextHire.Post.LastChanged, publication.Find("/feeds/bots.rss")!.LastModified);
        Assert.Null(publication.Find("/feeds/bots/page/2.rss"));
    }

    [Theory]
    [InlineData("""{"categories": ["CX strategy"]}""", new[] { "?p=4687", "?p=1395" })]
    [InlineData("""{"tags": ["B2B"]}""", new[] { "unmask-the-power-of-social-proof/" })]
    [InlineData("""{"categories": ["CX Strategy", "B2B"]}""", new[] { "?p=4687", "unmask-the-power-of-social-proof/", "?p=1395" })]
    [InlineData("""{"categories": ["CX Strategy"], "tags": ["metrics"]}""", new[] { "?p=1395" })]
    [InlineData("""{"authors": ["jim tincher"]}""", new[] { "?p=4687", "unmask-the-power-of-social-proof/", "?p=1395" })]
    [InlineData("""{"authors": ["Guest Author"]}""", new string[0])]
    public void A_feed_shows_the_posts_its_definition_selects(string posts, string[] idEndings)
    {
        var (definition, problems) = FeedDefinitionReader.Read("selected", "feeds/selected.json", System.Text.Encoding.UTF8.GetBytes($$"""{"posts": {{posts}}}"""));
        Assert.Empty(problems);

        var publication = Renderer(NoAutomaticFeeds).Render(Snapshot(NextHire, SocialProof, Scorecard), [definition!]);

        Assert.Equal(idEndings.Select(ending => "https://www.heartofthecustomer.com/" + ending), Ids(publication, "/feeds/selected.json"));
    }

    [Fact]
    public void Every_category_and_tag_has_its_own_feed_named_as_its_newest_post_spells_it()
    {
        var publication = Renderer().Render(Snapshot(NextHire, SocialProof, Scorecard), []);

        Assert.Equal(
            ["b2b", "change-management", "cx-strategy"],
            publication.Files.Where(file => file.Address.StartsWith("/feeds/category/") && file.Address.EndsWith(".rss")).Select(file => file.Address["/feeds/category/".Length..^4]));
        Assert.Equal(
            ["b2b", "change-management", "cx-scorecard", "cx-team", "hiring", "metrics", "pre-sales-journey", "social-proof"],
            publication.Files.Where(file => file.Address.StartsWith("/feeds/tag/") && file.Address.EndsWith(".json")).Select(file => file.Address["/feeds/tag/".Length..^5]));
        Assert.Equal([NextHire.Post.Id, Scorecard.Post.Id], Ids(publication, "/feeds/category/cx-strategy.json"));
        Assert.Contains("<title>CX Strategy – Heart of the Customer</title>", publication.Text("/feeds/category/cx-strategy.rss"));
        Assert.Contains("<atom:link rel=\"self\" href=\"https://feeds.heartofthecustomer.com/feeds/tag/pre-sales-journey.rss\"", publication.Text("/feeds/tag/pre-sales-journey.rss"));
    }

    [Fact]
    public void Automatic_feeds_can_be_switched_off_one_kind_at_a_time()
    {
        var snapshot = Snapshot(NextHire, SocialProof);

        var tagsOnly = Renderer(new FeedsOptions { CategoryFeeds = false }).Render(snapshot, []);

        Assert.DoesNotContain(tagsOnly.Files, file => file.Address.StartsWith("/feeds/category/"));
        Assert.Contains(tagsOnly.Files, file => file.Address == "/feeds/tag/hiring.atom");
        Assert.Empty(Renderer(NoAutomaticFeeds).Render(snapshot, []).Files);
    }

    [Fact]
    public void Link_parameters_go_on_item_links_and_never_on_ids()
    {
        var publication = Renderer(NoAutomaticFeeds).Render(Snapshot(SocialProof), [Partner]);

        var rss = publication.Text("/feeds/partner.rss");
        Assert.Contains("<link>https://www.heartofthecustomer.com/unmask-the-power-of-social-proof/?utm_source=customerthink&amp;utm_medium=syndication</link>", rss);
        Assert.Contains("""<guid isPermaLink="true">https://www.heartofthecustomer.com/unmask-the-power-of-social-proof/</guid>""", rss);
        var atom = publication.Text("/feeds/partner.atom");
        Assert.Contains("<id>https://www.heartofthecustomer.com/unmask-the-power-of-social-proof/</id>", atom);
        Assert.Contains("""href="https://www.heartofthecustomer.com/unmask-the-power-of-social-proof/?utm_source=customerthink&amp;utm_medium=syndication" />""", atom);
    }

    [Theory]
    [InlineData("https://www.heartofthecustomer.com/post/", "https://www.heartofthecustomer.com/post/?utm_source=customer%20think&ref=a%26b")]
    [InlineData("https://www.heartofthecustomer.com/?p=12", "https://www.heartofthecustomer.com/?p=12&utm_source=customer%20think&ref=a%26b")]
    [InlineData("https://www.heartofthecustomer.com/post/#more-12", "https://www.heartofthecustomer.com/post/?utm_source=customer%20think&ref=a%26b#more-12")]
    public void Link_parameters_are_escaped_and_added_before_the_fragment(string url, string expected)
    {
        var withParameters = FeedRenderer.WithParameters(new Uri(url), [new("utm_source", "customer think"), new("ref", "a&b")]);

        Assert.Equal(expected, withParameters.AbsoluteUri);
    }

    [Fact]
    public void The_attribution_escapes_the_site_title_and_the_post_title()
    {
        var site = new CxFeed.Core.SiteOptions { Title = "Heart & <Customer>", BaseUrl = Site.BaseUrl, TimeZone = Site.TimeZone };
        var renderer = new FeedRenderer(site, Publish, NoAutomaticFeeds, new ExcerptBuilder());
        var definition = Partner with { Attribution = "“{title}” by {author} first appeared on {site} at {link} & nowhere else." };

        var publication = renderer.Render(Snapshot(Scorecard with { Post = Scorecard.Post with { Title = "Scores <and> “Metrics”" } }), [definition]);

        using var json = JsonDocument.Parse(publication.Text("/feeds/partner.json"));
        Assert.EndsWith(
            """<p>“Scores &lt;and&gt; “Metrics”” by Jim Tincher first appeared on <a href="https://www.heartofthecustomer.com/">Heart &amp; &lt;Customer&gt;</a> at <a href="https://www.heartofthecustomer.com/your-cx-scorecard-is-probably-measuring-the-wrong-thing/">https://www.heartofthecustomer.com/your-cx-scorecard-is-probably-measuring-the-wrong-thing/</a> &amp; nowhere else.</p>""",
            json.RootElement.GetProperty("items")[0].GetProperty("content_html").GetString());
    }

    [Fact]
    public void Excerpt_feeds_carry_the_html_excerpt_and_full_feeds_the_cleaned_body()
    {
        var publication = Renderer(NoAutomaticFeeds).Render(Snapshot(SocialProof), [Feed(), Partner with { Attribution = null }]);

        Assert.Equal(SocialProof.Excerpt.Html, ContentHtml(publication, "/feeds/posts.json"));
        Assert.Equal(SocialProof.ContentHtml, ContentHtml(publication, "/feeds/partner.json"));
        Assert.Contains("<description>In B2B, your buyers trust their peers more than they trust you &amp;lt;and your sales team&amp;gt;. Case studies Reference calls</description>", publication.Text("/feeds/partner.rss"));
    }

    [Fact]
    public void A_feed_is_published_only_in_the_formats_it_names()
    {
        var publication = Renderer(NoAutomaticFeeds).Render(Snapshot(NextHire), [Feed() with { Formats = [FeedFormat.Atom] }]);

        Assert.Equal(["/feeds/posts.atom"], publication.Files.Select(file => file.Address));
    }

    [Fact]
    public void Self_links_keep_the_path_of_the_public_base()
    {
        var publication = Renderer(NoAutomaticFeeds, new PublishOptions { BaseUrl = "https://www.example.com/cx/feeds-home" }).Render(Snapshot(NextHire), [Feed()]);

        Assert.Contains("""<link rel="self" type="application/atom+xml" href="https://www.example.com/cx/feeds-home/feeds/posts.atom" />""", publication.Text("/feeds/posts.atom"));
    }

    [Fact]
    public void The_same_snapshot_renders_to_the_same_bytes_every_time()
    {
        var first = Renderer().Render(Snapshot(NextHire, SocialProof, Scorecard), [Feed() with { ItemsPerPage = 1 }, Partner]);
        var second = Renderer().Render(Snapshot(Scorecard, SocialProof, NextHire), [Feed() with { ItemsPerPage = 1 }, Partner]);

        Assert.Equal(first.Version, second.Version);
        Assert.Equal(first.Files.Select(file => file.Address), second.Files.Select(file => file.Address));
        foreach (var (one, other) in first.Files.Zip(second.Files))
        {
            Assert.Equal(one.Identity.Bytes.ToArray(), other.Identity.Bytes.ToArray());
            Assert.Equal(one.Gzip.Bytes.ToArray(), other.Gzip.Bytes.ToArray());
            Assert.Equal(one.Brotli.Bytes.ToArray(), other.Brotli.Bytes.ToArray());
            Assert.Equal(one.ETag, other.ETag);
            Assert.Equal(one.LastModified, other.LastModified);
        }
    }

    [Theory]
    [InlineData("/feeds/posts.rss")]
    [InlineData("/feeds/posts/page/2.rss")]
    [InlineData("/feeds/partner.rss")]
    [InlineData("/feeds/posts.atom")]
    [InlineData("/feeds/partner.atom")]
    public void Dotnets_own_reader_reads_back_the_ids_titles_links_and_dates_of_the_posts(string address)
    {
        var publication = Renderer(NoAutomaticFeeds).Render(Snapshot(NextHire, SocialProof, Scorecard), [Feed() with { ItemsPerPage = 2 }, Partner]);
        var posts = new[] { NextHire, SocialProof, Scorecard }.Select(entry => entry.Post).ToDictionary(post => post.Id);
        var query = address.Contains("partner") ? "?utm_source=customerthink&utm_medium=syndication" : "";

        using var reader = XmlReader.Create(new MemoryStream(publication.Find(address)!.Identity.Bytes.ToArray()));
        var feed = SyndicationFeed.Load(reader);

        Assert.NotEmpty(feed.Items);
        foreach (var item in feed.Items)
        {
            var post = posts[item.Id];
            Assert.Equal(post.Title, item.Title.Text);
            Assert.Equal(post.CanonicalUrl.AbsoluteUri + query, Assert.Single(item.Links, link => link.RelationshipType is null or "alternate").Uri.AbsoluteUri);
            Assert.Equal(post.Published, item.PublishDate);
            if (address.EndsWith(".atom"))
                Assert.Equal(post.LastChanged, item.LastUpdatedTime);
        }
        Assert.Equal(NextHire.Post.LastChanged, feed.LastUpdatedTime);
    }

    [Fact]
    public void Characters_xml_forbids_never_reach_a_feed_even_from_titles_and_categories()
    {
        const string bad = "\u0001\u000B\uFFFE\uD83D";
        var entry = Make(
            "https://www.heartofthecustomer.com/?p=77", "control", $"Word{bad} paste", NextHire.Post.Published, null,
            [$"CX{bad} Strategy"], [$"tag{bad}"], null, $"<p>Body{bad} text</p>", new Excerpt($"Body{bad} text", $"<p>Body{bad} text</p>", false),
            authors: [$"Jim{bad} Tincher"]);
        var publication = Renderer().Render(Snapshot(entry), [Feed(), Partner]);

        Assert.NotEmpty(publication.Files);
        foreach (var file in publication.Files)
        {
            var text = publication.Text(file.Address);
            Assert.True(XmlCharacters.FirstForbidden(text) < 0, file.Address);
            if (file.Address.EndsWith(".json"))
            {
                Assert.DoesNotContain("\\u000", text);
                Assert.DoesNotContain("\\uD83D", text, StringComparison.OrdinalIgnoreCase);
                using var json = JsonDocument.Parse(text);
                Assert.Equal("Word paste", json.RootElement.GetProperty("items")[0].GetProperty("title").GetString());
                continue;
            }
            using var reader = XmlReader.Create(new StringReader(text), new XmlReaderSettings { CheckCharacters = true });
            var feed = SyndicationFeed.Load(reader);
            Assert.Equal("Word paste", Assert.Single(feed.Items).Title.Text);
        }
    }

    [Fact]
    public void Each_file_has_its_media_type_a_strong_etag_and_the_newest_change_as_last_modified()
    {
        var publication = Renderer(NoAutomaticFeeds).Render(Snapshot(SocialProof, Scorecard), [Feed()]);

        var rss = publication.Find("/feeds/posts.rss")!;
        Assert.Equal("application/rss+xml; charset=utf-8", rss.ContentType);
        Assert.Equal("application/atom+xml; charset=utf-8", publication.Find("/feeds/posts.atom")!.ContentType);
        Assert.Equal("application/feed+json; charset=utf-8", publication.Find("/feeds/posts.json")!.ContentType);
        Assert.Equal(new DateTimeOffset(2020, 12, 1, 16, 30, 0, TimeSpan.Zero), rss.LastModified);
        Assert.Matches("^\"[A-Za-z0-9_-]{22}\"$", rss.ETag);
        Assert.Equal(rss.ETag[..^1] + "-gz\"", rss.Gzip.ETag);
        Assert.Equal(rss.ETag[..^1] + "-br\"", rss.Brotli.ETag);
        Assert.NotEqual(rss.ETag, publication.Find("/feeds/posts.atom")!.ETag);
    }

    [Fact]
    public void The_utf8_bytes_have_no_byte_order_mark_and_unix_newlines()
    {
        var publication = Renderer(NoAutomaticFeeds).Render(Snapshot(NextHire), [Feed()]);

        foreach (var file in publication.Files)
        {
            var bytes = file.Identity.Bytes.ToArray();
            Assert.NotEqual(0xEF, bytes[0]);
            Assert.DoesNotContain((byte)'\r', bytes);
            Assert.Equal((byte)'\n', bytes[^1]);
        }
    }

    private static string? NextUrl(Publication publication, string address)
    {
        using var json = JsonDocument.Parse(publication.Text(address));
        return json.RootElement.TryGetProperty("next_url", out var next) ? next.GetString() : null;
    }

    private static List<string> Ids(Publication publication, string address)
    {
        using var json = JsonDocument.Parse(publication.Text(address));
        return [.. json.RootElement.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetString()!)];
    }

    private static string? ContentHtml(Publication publication, string address)
    {
        using var json = JsonDocument.Parse(publication.Text(address));
        return json.RootElement.GetProperty("items")[0].GetProperty("content_html").GetString();
    }
}
