using CxFeed.Core;
using CxFeed.Core.Content;
using CxFeed.Core.Content.WordPress;
using CxFeed.Core.Store;
using CxFeed.Tests.Content;
using Xunit.Abstractions;

namespace CxFeed.Tests.Sources;

/// <summary>The pull against a fake REST API: what it stores, what it asks, what it removes.</summary>
public sealed class WordPressPullTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly DateTime January = new(2021, 1, 12, 15, 30, 0, DateTimeKind.Utc);

    private readonly FakeBlog _blog = new();
    private readonly TemporaryFolder _folder = new();

    private PostStore Store => new(_folder.Path);

    private WordPressPull Pull(TimeSpan? timeout = null) => new(
        new WordPressApi(new WordPressOptions { BaseUrl = _blog.BaseUrl.AbsoluteUri, Timeout = timeout ?? TimeSpan.FromSeconds(5) }, null),
        Store, new WordPressOptions { BaseUrl = _blog.BaseUrl.AbsoluteUri }, editContext: false, TimeProvider.System);

    private Post Read(long id)
    {
        var site = new SiteOptions { Title = "Heart of the Customer", BaseUrl = FakeBlog.Home + "/", TimeZone = "America/Chicago" };
        var source = new FolderSource(Store.PostsPath, site.BaseUri);
        var listed = source.ListAsync().Result.Single(page => page.Name == $"{id}.html");
        var reading = new PostReader(new ContentOptions(), site).Read(source.ReadAsync(listed).Result!);
        Assert.Empty(reading.Problems);
        return reading.Post!;
    }

    [Fact]
    public async Task A_full_pull_stores_each_published_post_as_the_folder_source_reads_it()
    {
        _blog.Posts.Add(FakeBlog.Post(4215, "2021: The Year of <em>CX</em> Data &#8211; &#8220;Hygiene&#8221;", January, January.AddDays(1)) with
        {
            Image = FakeBlog.Home + "/wp-content/uploads/2021/01/bad-cx-data.jpg",
            Excerpt = "<p>The author&#8217;s own summary.</p>\n",
        });
        _blog.Posts.Add(FakeBlog.Post(4301, "Five Questions", January.AddDays(20)));
        _blog.Posts.Add(FakeBlog.Post(4302, "Members only", January.AddDays(21)) with { Protected = true });
        _blog.Posts.Add(FakeBlog.Post(4303, "A draft", January.AddDays(22)) with { Status = "draft" });

        var report = await Pull().FullAsync(null, default);

        Assert.Equal((2, 2, 0, true), (report.Fetched, report.Changed, report.Removed, report.Complete));
        Assert.Empty(report.Problems);
        Assert.Equal([4215L, 4301L], Store.StoredIds().ToArray());
        var post = Read(4215);
        Assert.Equal("https://www.heartofthecustomer.com/?p=4215", post.Id);
        Assert.Equal("https://www.heartofthecustomer.com/post-4215/", post.CanonicalUrl.AbsoluteUri);
        Assert.Equal("2021: The Year of CX Data – “Hygiene”", post.Title);
        Assert.Equal(new DateTimeOffset(January), post.Published);
        Assert.Equal(new DateTimeOffset(January.AddDays(1)), post.Updated);
        Assert.Equal(["Jim Tincher"], post.Authors.ToArray());
        Assert.Equal(["Strategy & Planning"], post.Categories.ToArray());
        Assert.Equal(["CX data"], post.Tags.ToArray());
        Assert.Equal(new PostImage(new Uri(FakeBlog.Home + "/wp-content/uploads/2021/01/bad-cx-data.jpg"), 1024, 536, "image/jpeg", "bad cx data"), post.FeaturedImage);
        Assert.Equal("<p>The author&#8217;s own summary.</p>", post.ManualExcerpt);
        Assert.NotNull(post.MoreMarker);
        var generated = Read(4301);
        Assert.Null(generated.ManualExcerpt);
        Assert.Null(generated.Updated);
    }

    [Fact]
    public async Task A_poll_of_an_unchanged_1000_post_blog_is_two_small_requests()
    {
        for (var id = 1; id <= 1000; id++)
            _blog.Posts.Add(FakeBlog.Post(id, $"Post {id}", January.AddHours(id)));
        var pull = Pull();
        var first = await pull.FullAsync(null, default);
        Assert.Equal(1000, first.Changed);

        _blog.ResetCounts();
        var poll = await pull.ChangesAsync(default);

        var bytes = _blog.BytesIn + _blog.BytesOut;
        output.WriteLine($"unchanged poll of 1,000 posts: {_blog.Requests} requests, {bytes} bytes on the wire ({_blog.BytesIn} sent, {_blog.BytesOut} received)");
        Assert.Equal((0, 0), (poll.Fetched, poll.Changed));
        Assert.True(_blog.Requests <= 2, $"{_blog.Requests} requests");
        Assert.True(bytes <= 10_000, $"{bytes} bytes");
    }

    [Fact]
    public async Task After_a_restart_the_first_poll_asks_only_for_changes()
    {
        _blog.Posts.Add(FakeBlog.Post(1, "One", January));
        await Pull().FullAsync(null, default);
        _blog.ResetCounts();

        await Pull().ChangesAsync(default);

        Assert.Equal(2, _blog.Requests);
        Assert.All(_blog.Paths, path => Assert.StartsWith("/wp-json/wp/v2/posts?", path, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_poll_fetches_an_edit_and_a_new_post_and_a_listing_removes_a_deleted_one()
    {
        _blog.Posts.Add(FakeBlog.Post(1, "One", January));
        _blog.Posts.Add(FakeBlog.Post(2, "Two", January.AddDays(1)));
        _blog.Posts.Add(FakeBlog.Post(3, "Three", January.AddDays(2)));
        var pull = Pull();
        await pull.FullAsync(null, default);

        _blog.Posts[0] = FakeBlog.Post(1, "One, edited", January, January.AddDays(30));
        _blog.Posts.Add(FakeBlog.Post(4, "Four", January.AddDays(31)));
        var poll = await pull.ChangesAsync(default);
        Assert.Equal(2, poll.Changed);
        Assert.Equal("One, edited", Read(1).Title);
        Assert.Equal("Four", Read(4).Title);

        // A scheduled post goes live with an older modification time: the newest-by-date look finds it.
        _blog.Posts.Add(FakeBlog.Post(5, "Scheduled", January.AddDays(40), January.AddDays(3)));
        Assert.Equal(1, (await pull.ChangesAsync(default)).Changed);

        _blog.Posts.RemoveAll(post => post.Id == 2);
        Assert.Equal(0, (await pull.ChangesAsync(default)).Removed);
        Assert.Contains(2L, Store.StoredIds());
        var listing = await pull.FullAsync(null, default);
        Assert.Equal((0, 1), (listing.Changed, listing.Removed));
        Assert.Equal([1L, 3L, 4L, 5L], Store.StoredIds().ToArray());
    }

    [Fact]
    public async Task An_empty_or_incomplete_listing_removes_nothing()
    {
        _blog.Posts.AddRange([FakeBlog.Post(1, "One", January), FakeBlog.Post(2, "Two", January.AddDays(1))]);
        var pull = Pull();
        await pull.FullAsync(null, default);

        _blog.Posts.Clear();
        var empty = await pull.FullAsync(null, default);
        Assert.Equal(0, empty.Removed);
        Assert.Contains(empty.Problems, problem => problem.Reason.StartsWith("lists no published posts while the store holds 2", StringComparison.Ordinal));

        _blog.Posts.Add(FakeBlog.Post(1, "One", January));
        _blog.AnnouncedTotal = 2;
        var incomplete = await pull.FullAsync(null, default);
        Assert.Equal(0, incomplete.Removed);
        Assert.Contains(incomplete.Problems, problem => problem.Reason.StartsWith("announced 2 posts but listed 1 distinct ids", StringComparison.Ordinal));
        Assert.Equal([1L, 2L], Store.StoredIds().ToArray());
    }

    [Fact]
    public async Task A_post_with_fields_of_the_wrong_types_is_reported_and_the_others_are_kept()
    {
        _blog.Posts.Add(FakeBlog.Post(1, "Good", January));
        _blog.Posts.Add(FakeBlog.Post(2, "Bad", January.AddDays(1)));
        _blog.Fault = request => request.Query("include") is not null
            ? FakeAnswer.Json("[" + _blog.Posts[0].ToJson(null, true).ToJsonString() + ",{\"id\":2,\"modified_gmt\":\"2021-01-13T15:30:00\",\"date_gmt\":17,\"link\":[],\"title\":{\"rendered\":3}}]")
            : null;

        var report = await Pull().FullAsync(null, default);

        Assert.Equal([1L], Store.StoredIds().ToArray());
        var problem = Assert.Single(report.Problems);
        Assert.Equal($"{_blog.BaseUrl}wp-json/wp/v2/posts/2: 'date_gmt' is Number, not a date", problem.ToString());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _blog.DisposeAsync();
        _folder.Dispose();
    }
}
