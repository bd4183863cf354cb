using CxFeed.Audience;

namespace CxFeed.Tests.Audience;

/// <summary>What bounds the memory of counting, whatever the clients send.</summary>
public sealed class AudienceBatchTests
{
    [Fact]
    public void A_kept_batch_holds_at_most_its_bound_of_visitors_and_counts_the_rest_as_dropped()
    {
        var batch = new AudienceBatch();

        for (var i = 0; i < AudienceBatch.MaximumVisitors + 1_000; i++)
            batch.AddVisitor(new VisitorKey("2026-12-05", "posts", (UInt128)i));
        batch.AddVisitor(new VisitorKey("2026-12-05", "posts", 7));

        Assert.Equal(AudienceBatch.MaximumVisitors, batch.Visitors.Count);
        Assert.Equal(1_000, batch.Dropped);
    }

    [Fact]
    public void A_hundred_thousand_distinct_user_agents_make_no_more_families_than_the_list_has()
    {
        var families = new HashSet<string>(StringComparer.Ordinal);

        for (var i = 0; i < 100_000; i++)
            families.Add(FetcherList.Shipped.Classify($"Mozilla/5.0 (X11; rv:{i}) Gecko/{i} Reader-{i:x}\u0001\n").Family);
        for (var i = 0; i < 1_000; i++)
            families.Add(FetcherList.Shipped.Classify($"tool-{i} {new string('z', i % 3 == 0 ? 5_000 : 10)}").Family);

        Assert.Equal(["Browser", "Other"], families.Order(StringComparer.Ordinal));
    }
}
