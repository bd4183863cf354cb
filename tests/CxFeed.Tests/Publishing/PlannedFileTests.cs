using CxFeed.Core.Excerpts;
using CxFeed.Core.Publishing;
using CxFeed.Core.Syndication;
using static CxFeed.Tests.Publishing.SamplePosts;

namespace CxFeed.Tests.Publishing;

/// <summary>The keys a rebuild decides by: a key that misses an input would serve stale bytes.</summary>
public class PlannedFileTests
{
    private static Dictionary<string, string> Keys(Snapshot snapshot, params FeedDefinition[] definitions)
    {
        var renderer = Renderer();
        return renderer.PlanFiles(snapshot, [.. renderer.Plan(snapshot, definitions)]).ToDictionary(file => file.Address, file => file.Key);
    }

    [Fact]
    public void Every_field_of_a_feed_definition_is_part_of_its_key()
    {
        // A field added to FeedDefinition must be added to FeedRenderer.Key too; then to this list.
        Assert.Equal(
            ["Access", "Attribution", "Content", "Description", "ExcerptBudget", "Formats", "ItemsPerPage", "LinkParameters", "Name", "Partners", "Posts", "Title"],
            typeof(FeedDefinition).GetProperties().Where(property => property.CanWrite).Select(property => property.Name).Where(name => name != "EqualityContract").Order(StringComparer.Ordinal));
        var feed = Feed();
        FeedDefinition[] changed =
        [
            feed with { Name = "other" },
            feed with { Title = "Other" },
            feed with { Description = "Other" },
            feed with { Posts = PostSelection.All with { Categories = ["B2B"] } },
            feed with { Posts = PostSelection.All with { Tags = ["B2B"] } },
            feed with { Posts = PostSelection.All with { Authors = ["B2B"] } },
            feed with { Content = FeedContent.Full },
            feed with { ExcerptBudget = ExcerptBudget.Words(20) },
            feed with { ItemsPerPage = 3 },
            feed with { Formats = [FeedFormat.Atom] },
            feed with { Attribution = "From {site}." },
            feed with { LinkParameters = [new("utm_source", "x")] },
            feed with { Access = FeedAccess.Partner, Partners = ["acme"] },
            feed with { Access = FeedAccess.Partner, Partners = ["customerthink"] },
        ];

        var keys = changed.Select(FeedRenderer.Key).Prepend(FeedRenderer.Key(feed)).ToArray();

        Assert.Equal(keys.Length, keys.Distinct().Count());
        Assert.Equal(FeedRenderer.Key(feed), FeedRenderer.Key(Feed()));
    }

    [Fact]
    public void An_edited_entry_changes_the_keys_of_the_pages_that_show_it_and_no_others()
    {
        var one = Feed() with { ItemsPerPage = 1 };
        var before = Keys(Snapshot(NextHire, SocialProof, Scorecard), one);

        var after = Keys(Snapshot(NextHire, SocialProof, Scorecard with { ContentHtml = Scorecard.ContentHtml + "<p>P.S.</p>" }), one);

        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(
            ["/feeds/category/cx-strategy.atom", "/feeds/category/cx-strategy.json", "/feeds/category/cx-strategy.rss",
             "/feeds/posts/page/3.atom", "/feeds/posts/page/3.json", "/feeds/posts/page/3.rss",
             "/feeds/tag/cx-scorecard.atom", "/feeds/tag/cx-scorecard.json", "/feeds/tag/cx-scorecard.rss",
             "/feeds/tag/metrics.atom", "/feeds/tag/metrics.json", "/feeds/tag/metrics.rss"],
            before.Keys.Where(address => before[address] != after[address]).Order(StringComparer.Ordinal));
    }
}
