using CxFeed.Core;
using CxFeed.Core.Publishing;
using static CxFeed.Tests.Publishing.SamplePosts;

namespace CxFeed.Tests.Publishing;

public class SnapshotTests
{
    [Fact]
    public void Entries_are_ordered_newest_first_whatever_order_they_come_in()
    {
        var snapshot = Snapshot(Scorecard, NextHire, SocialProof);

        Assert.Equal([NextHire, SocialProof, Scorecard], snapshot.Entries.ToArray());
    }

    [Fact]
    public void The_version_is_a_hash_of_the_content_not_of_the_order_it_came_in()
    {
        var version = Snapshot(Scorecard, NextHire).Version;

        Assert.Matches("^[0-9a-f]{64}$", version);
        Assert.Equal(version, Snapshot(NextHire, Scorecard).Version);
        Assert.NotEqual(version, Snapshot(NextHire, Scorecard with { ContentHtml = Scorecard.ContentHtml + "<p>P.S.</p>" }).Version);
        Assert.NotEqual(version, Snapshot(NextHire, Scorecard with { Post = Scorecard.Post with { Title = "Renamed" } }).Version);
        Assert.NotEqual(version, Core.Publishing.Snapshot.Create([NextHire, Scorecard], [new Problem("x.html", "no title")]).Version);
    }

    [Fact]
    public void Fields_that_run_together_do_not_hash_alike()
    {
        var one = Scorecard with { Post = Scorecard.Post with { Categories = ["CX", "Strategy"] } };
        var other = Scorecard with { Post = Scorecard.Post with { Categories = ["CXStrategy"] } };

        Assert.NotEqual(Snapshot(one).Version, Snapshot(other).Version);
    }

    [Fact]
    public void Last_changed_is_the_newest_update_of_any_entry_and_the_epoch_for_none()
    {
        Assert.Equal(NextHire.Post.Updated, Snapshot(Scorecard, NextHire, SocialProof).LastChanged);
        Assert.Equal(DateTimeOffset.UnixEpoch, Core.Publishing.Snapshot.Empty.LastChanged);
    }
}
