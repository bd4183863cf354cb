using System.Collections.Immutable;
using System.Text;
using CxFeed.Core;
using CxFeed.Core.Content;
using CxFeed.Core.Excerpts;
using CxFeed.Core.Publishing;

namespace CxFeed.Tests.Publishing;

/// <summary>
/// The builder with a reader and a cleaner that count their calls and fail on request, so that
/// caching and "one bad post never takes the others down" are checked without the real ones' rules.
/// </summary>
public class SnapshotBuilderTests
{
    private readonly List<string> _read = [];
    private readonly List<string> _cleaned = [];

    private SnapshotBuilder Builder() => new(Read, Publish);

    /// <summary>A page "says" its title in its bytes; "unreadable" or a read error gives no post, "throw" and "clean-throw" throw.</summary>
    private PostReading Read(PostPage page)
    {
        lock (_read)
            _read.Add(page.Name);
        if (page.ReadError is { } error)
            return new PostReading(page, null, [new Problem(page.Name, $"could not be read: {error}")]);
        var text = Encoding.UTF8.GetString(page.Bytes.AsSpan());
        if (text == "throw")
            throw new InvalidOperationException("the parser fell over");
        if (text == "unreadable")
            return new PostReading(page, null, [new Problem(page.Name, "has no title")]);
        var slug = Path.GetFileNameWithoutExtension(page.Name);
        var post = new Post(
            $"https://www.heartofthecustomer.com/{slug}/", page.Name, new Uri($"https://www.heartofthecustomer.com/{slug}/"), text,
            new DateTimeOffset(2021, 1, slug.Length, 15, 0, 0, TimeSpan.Zero), null, ["Jim Tincher"], [], [], null, null, null, $"<p>{text}</p>");
        return new PostReading(page, post, []);
    }

    private (Entry, ImmutableArray<Problem>) Publish(Post post)
    {
        lock (_cleaned)
            _cleaned.Add(post.Source);
        if (post.Title == "clean-throw")
            throw new InvalidOperationException("the cleaner fell over");
        var source = new ExcerptSource(post.Title, post.CanonicalUrl, post.BodyHtml);
        return (new Entry(post, post.BodyHtml, source, ExcerptBudget.Default, new Excerpt(post.Title, post.BodyHtml, false)), []);
    }

    private static PostPage Page(string name, string text) =>
        new(name, new Uri($"https://www.heartofthecustomer.com/{Path.GetFileNameWithoutExtension(name)}/"), [.. Encoding.UTF8.GetBytes(text)]);

    private static string[] Titles(Snapshot snapshot) => [.. snapshot.Entries.Select(entry => entry.Post.Title)];

    [Fact]
    public void A_page_whose_bytes_did_not_change_is_not_read_or_cleaned_again()
    {
        var builder = Builder();
        builder.Build([Page("a.html", "Alpha"), Page("bb.html", "Beta")]);
        _read.Clear();
        _cleaned.Clear();

        var snapshot = builder.Build([Page("a.html", "Alpha"), Page("bb.html", "Beta, revised")]);

        Assert.Equal(["bb.html"], _read);
        Assert.Equal(["bb.html"], _cleaned);
        Assert.Equal(["Beta, revised", "Alpha"], Titles(snapshot));
        Assert.Equal((2, 2, 1), builder.LastBuild);
    }

    [Fact]
    public void The_same_pages_give_the_same_version()
    {
        var pages = new[] { Page("a.html", "Alpha"), Page("bb.html", "Beta") };

        Assert.Equal(Builder().Build(pages).Version, Builder().Build(pages).Version);
        Assert.NotEqual(Builder().Build(pages).Version, Builder().Build([pages[0]]).Version);
    }

    [Fact]
    public void A_reader_that_throws_costs_only_its_page_and_is_reported_by_name()
    {
        var snapshot = Builder().Build([Page("a.html", "Alpha"), Page("broken.html", "throw"), Page("ccc.html", "Gamma")]);

        Assert.Equal(["Gamma", "Alpha"], Titles(snapshot));
        Assert.Equal([new Problem("broken.html", "could not be read: the parser fell over")], snapshot.Problems.ToArray());
    }

    [Fact]
    public void A_cleaner_that_throws_costs_only_its_page_and_is_reported_by_name()
    {
        var snapshot = Builder().Build([Page("a.html", "Alpha"), Page("dirty.html", "clean-throw")]);

        Assert.Equal(["Alpha"], Titles(snapshot));
        Assert.Equal([new Problem("dirty.html", "could not be cleaned: the cleaner fell over")], snapshot.Problems.ToArray());
    }

    [Fact]
    public void A_good_page_that_turns_bad_keeps_its_last_good_version_until_it_is_fixed()
    {
        var builder = Builder();
        builder.Build([Page("a.html", "Alpha"), Page("bb.html", "Beta")]);

        var broken = builder.Build([Page("a.html", "Alpha"), Page("bb.html", "unreadable")]);
        var stillBroken = builder.Build([Page("a.html", "Alpha"), Page("bb.html", "unreadable")]);
        var fixedAgain = builder.Build([Page("a.html", "Alpha"), Page("bb.html", "Beta, fixed")]);

        Assert.Equal(["Beta", "Alpha"], Titles(broken));
        Assert.Equal(
            [new Problem("bb.html", "has no title"), new Problem("bb.html", SnapshotBuilder.KeepsLastGoodVersion)],
            broken.Problems.ToArray());
        Assert.Equal(broken.Version, stillBroken.Version);
        Assert.Equal(["Beta, fixed", "Alpha"], Titles(fixedAgain));
        Assert.Empty(fixedAgain.Problems);
    }

    [Fact]
    public void A_page_that_throws_after_being_good_also_keeps_its_last_good_version()
    {
        var builder = Builder();
        builder.Build([Page("bb.html", "Beta")]);

        var snapshot = builder.Build([Page("bb.html", "throw")]);

        Assert.Equal(["Beta"], Titles(snapshot));
        Assert.Equal(
            [new Problem("bb.html", "could not be read: the parser fell over"), new Problem("bb.html", SnapshotBuilder.KeepsLastGoodVersion)],
            snapshot.Problems.ToArray());
    }

    [Fact]
    public void A_page_that_is_gone_is_forgotten()
    {
        var builder = Builder();
        builder.Build([Page("a.html", "Alpha"), Page("bb.html", "Beta")]);

        var snapshot = builder.Build([Page("a.html", "Alpha")]);
        _read.Clear();
        var back = builder.Build([Page("a.html", "Alpha"), Page("bb.html", "Beta")]);

        Assert.Equal(["Alpha"], Titles(snapshot));
        Assert.Equal(["bb.html"], _read);
        Assert.Equal(["Beta", "Alpha"], Titles(back));
    }

    [Fact]
    public void Two_pages_of_the_same_post_publish_it_once()
    {
        var snapshot = Builder().Build([Page("a.html", "Alpha"), Page("a.html", "Alpha")]);

        Assert.Equal(["Alpha"], Titles(snapshot));
    }

    /// <summary>A source of pages in memory, each with the stamp a test gives it; counts reads.</summary>
    private sealed class StampedSource : IPostSource
    {
        public Dictionary<string, (string Text, PageStamp Stamp, string? Error)> Pages { get; } = new(StringComparer.Ordinal);

        public List<string> Reads { get; } = [];

        public Task<IReadOnlyList<ListedPage>> ListAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<ListedPage>>([.. Pages.OrderBy(page => page.Key, StringComparer.Ordinal)
                .Select(page => new ListedPage(page.Key, Page(page.Key, "").Address, page.Value.Stamp))]);

        public Task<PostPage?> ReadAsync(ListedPage page, CancellationToken cancellationToken = default)
        {
            lock (Reads)
                Reads.Add(page.Name);
            return Task.FromResult(Pages.TryGetValue(page.Name, out var found)
                ? Page(page.Name, found.Text) with { ReadError = found.Error, Bytes = found.Error is null ? Page(page.Name, found.Text).Bytes : [] }
                : null);
        }
    }

    private static PageStamp Settled(long length, long ticks) => new(length, ticks, Settled: true);

    [Fact]
    public async Task A_listed_page_whose_settled_stamp_did_not_change_is_not_even_read()
    {
        var source = new StampedSource();
        source.Pages["a.html"] = ("Alpha", Settled(5, 100), null);
        source.Pages["bb.html"] = ("Beta", Settled(4, 100), null);
        var builder = Builder();
        await builder.BuildAsync(source);
        source.Reads.Clear();
        _cleaned.Clear();

        source.Pages["bb.html"] = ("Beta, revised", Settled(13, 200), null);
        var snapshot = await builder.BuildAsync(source);

        Assert.Equal(["bb.html"], source.Reads);
        Assert.Equal(["bb.html"], _cleaned);
        Assert.Equal(["Beta, revised", "Alpha"], Titles(snapshot));
        Assert.Equal((2, 1, 1), builder.LastBuild);
    }

    [Fact]
    public async Task A_page_written_too_recently_to_trust_its_stamp_is_read_again_but_cleaned_only_if_its_bytes_changed()
    {
        var source = new StampedSource();
        source.Pages["a.html"] = ("Alpha", new PageStamp(5, 100, Settled: false), null);
        var builder = Builder();
        await builder.BuildAsync(source);
        _cleaned.Clear();

        // Same length, same time, other bytes: a second write within the file system's timestamp granularity.
        source.Pages["a.html"] = ("Omega", new PageStamp(5, 100, Settled: true), null);
        var changed = await builder.BuildAsync(source);
        var settled = await builder.BuildAsync(source);

        Assert.Equal(["a.html", "a.html"], source.Reads);
        Assert.Equal(["a.html"], _cleaned);
        Assert.Equal(["Omega"], Titles(changed));
        Assert.Equal((1, 0, 0), builder.LastBuild);
        Assert.Same(changed.Entries[0], settled.Entries[0]);
    }

    [Fact]
    public async Task A_page_that_could_not_be_read_is_read_again_at_every_build()
    {
        var source = new StampedSource();
        source.Pages["a.html"] = ("", Settled(5, 100), "Permission denied");
        var builder = Builder();
        var denied = await builder.BuildAsync(source);

        // A permission fixed changes neither length nor time.
        source.Pages["a.html"] = ("Alpha", Settled(5, 100), null);
        var readable = await builder.BuildAsync(source);

        Assert.Equal(["a.html", "a.html"], source.Reads);
        Assert.Empty(denied.Entries);
        Assert.Equal(["Alpha"], Titles(readable));
    }

    [Fact]
    public async Task A_page_listed_but_gone_before_it_is_read_is_left_out()
    {
        var source = new GoneSource();

        var snapshot = await Builder().BuildAsync(source);

        Assert.Empty(snapshot.Entries);
        Assert.Empty(snapshot.Problems);
    }

    private sealed class GoneSource : IPostSource
    {
        public Task<IReadOnlyList<ListedPage>> ListAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<ListedPage>>([new ListedPage("a.html", new Uri("https://www.heartofthecustomer.com/a/"), Settled(5, 100))]);

        public Task<PostPage?> ReadAsync(ListedPage page, CancellationToken cancellationToken = default) => Task.FromResult<PostPage?>(null);
    }
}
