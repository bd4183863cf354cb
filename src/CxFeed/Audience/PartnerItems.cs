using System.Collections.Frozen;
using CxFeed.Core.Publishing;

namespace CxFeed.Audience;

/// <summary>
/// The items of every page of the partner feeds, by address, taken from the snapshot and the plan
/// a rebuild renders them from (each item's id and title as the feed writes them: the post's id and
/// title): what a partner takes with a pull, known when the files are made, so that counting a pull
/// never reads a feed's bytes back. Only partner feeds: nobody else's pulls are kept with their items.
/// </summary>
public static class PartnerItems
{
    public static FrozenDictionary<string, IReadOnlyList<FeedItem>> Of(Snapshot snapshot, IEnumerable<PlannedFeed> plan)
    {
        var items = new Dictionary<string, IReadOnlyList<FeedItem>>(StringComparer.Ordinal);
        foreach (var feed in plan)
        {
            if (feed.Definition.IsPublic)
                continue;
            // Paged as FeedRenderer.PlanFiles pages the files, by the same rule.
            for (var page = 1; page <= feed.PageCount; page++)
            {
                IReadOnlyList<FeedItem> pageItems = [.. feed.Page(page).Select(index => snapshot.Entries[index].Post).Select(post => new FeedItem(post.Id, post.Title))];
                foreach (var format in feed.Definition.Formats)
                    items[FeedAddresses.Of(feed.Definition.Name, format, page)] = pageItems;
            }
        }
        return items.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
