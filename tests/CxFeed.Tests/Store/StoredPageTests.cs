using System.Collections.Immutable;
using System.Text;
using CxFeed.Core;
using CxFeed.Core.Content;
using CxFeed.Core.Content.WordPress;
using CxFeed.Core.Store;
using CxFeed.Tests.Content;

namespace CxFeed.Tests.Store;

/// <summary>A post written to the store as a page and read back by the post reader keeps every field.</summary>
public class StoredPageTests
{
    private static readonly SiteOptions Site = new()
    {
        Title = "Heart of the Customer",
        BaseUrl = "https://www.heartofthecustomer.com/",
        TimeZone = "America/Chicago",
    };

    public static WordPressPost Sample(long id = 4215, string title = "2021: The Year of CX Data") => new(
        id,
        new Uri("https://www.heartofthecustomer.com/2021-the-year-of-cx-data/"),
        new Uri($"https://www.heartofthecustomer.com/?p={id}"),
        title,
        new DateTimeOffset(2021, 1, 12, 15, 30, 0, TimeSpan.Zero),
        new DateTimeOffset(2021, 1, 13, 14, 5, 0, TimeSpan.Zero),
        ["Jim Tincher"],
        [new WordPressTerm("CX Data", "cx-data"), new WordPressTerm("Strategy & Planning", "strategy-planning")],
        [new WordPressTerm("data hygiene", "data-hygiene"), new WordPressTerm("digital transformation", "digital-transformation")],
        new PostImage(new Uri("https://www.heartofthecustomer.com/wp-content/uploads/2021/01/bad-cx-data.jpg"), 1024, 536, "image/jpeg", "bad cx data"),
        "<p>Given the year we’ve had, we need to talk <em>hygiene</em>.</p>",
        "<p>Given the year we’ve had, we need to talk hygiene.</p>\n<p><span id=\"more-4215\"></span></p>\n<p>Because I suspect &amp; you&#8217;ve been neglecting…</p>\n<figure class=\"wp-block-image\"><img src=\"https://www.heartofthecustomer.com/wp-content/uploads/2021/01/bad-cx-data.jpg\" alt=\"bad cx data\" width=\"1024\" height=\"536\"></figure>");

    private static Post Read(WordPressPost post)
    {
        var page = new PostPage(PostStore.PageName(post.Id), new Uri($"https://www.heartofthecustomer.com/{post.Id}/"), [.. StoredPage.Render(post)]);
        var reading = new PostReader(new ContentOptions { Source = ContentOptions.WordPressSourceName }, Site).Read(page);
        Assert.Empty(reading.Problems);
        return reading.Post!;
    }

    [Fact]
    public void Every_field_survives_the_page_and_the_reader()
    {
        var post = Sample();
        var read = Read(post);

        Assert.Equal("https://www.heartofthecustomer.com/?p=4215", read.Id);
        Assert.Equal("4215.html", read.Source);
        Assert.Equal(post.Link, read.CanonicalUrl);
        Assert.Equal(post.Title, read.Title);
        Assert.Equal(post.Published, read.Published);
        Assert.Equal(post.Modified, read.Updated);
        Assert.Equal(post.Authors.ToArray(), read.Authors.ToArray());
        Assert.Equal(["CX Data", "Strategy & Planning"], read.Categories.ToArray());
        Assert.Equal(["data hygiene", "digital transformation"], read.Tags.ToArray());
        Assert.Equal(post.FeaturedImage, read.FeaturedImage);
        Assert.Equal(post.ManualExcerptHtml, read.ManualExcerpt);
        Assert.Equal(post.ContentHtml, read.BodyHtml);
        Assert.Equal(post.ContentHtml.IndexOf("<span id=\"more-4215\">", StringComparison.Ordinal), read.MoreMarker);
    }

    [Theory]
    // A title whose text holds a character reference as letters ("&amp;") is not among these: the
    // reader decodes a title twice, as real pages encode titles twice far more often (docs/content.md).
    [InlineData("Q&A: “Why” <b>Bold</b> Isn’t Markup")]
    [InlineData("Tom & Jerry")]
    [InlineData("</script><script>alert(1)</script>")]
    [InlineData("Ends with a backslash \\")]
    public void Titles_with_markup_characters_come_back_as_written(string title)
    {
        var post = Sample(title: title) with { Authors = ["Jim <JT> O’Tincher"], Tags = [new WordPressTerm("a, b & <c>", "a-b-c")] };
        var read = Read(post);

        Assert.Equal(title, read.Title);
        Assert.Equal(["Jim <JT> O’Tincher"], read.Authors.ToArray());
        Assert.Equal(["a, b & <c>"], read.Tags.ToArray());
    }

    [Fact]
    public void A_post_without_excerpt_image_or_modification_reads_without_them()
    {
        var post = Sample() with { ManualExcerptHtml = null, FeaturedImage = null, Modified = null, Tags = [], Categories = [] };
        var read = Read(post);

        Assert.Null(read.ManualExcerpt);
        Assert.Null(read.FeaturedImage);
        Assert.Null(read.Updated);
        Assert.Empty(read.Categories);
        Assert.Empty(read.Tags);
    }

    [Fact]
    public void The_same_post_gives_the_same_bytes()
    {
        Assert.Equal(StoredPage.Render(Sample()), StoredPage.Render(Sample()));
        Assert.StartsWith("<!DOCTYPE html>", Encoding.UTF8.GetString(StoredPage.Render(Sample())), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_store_writes_only_changed_pages_and_keeps_its_state()
    {
        using var folder = new TemporaryFolder();
        var store = new PostStore(folder.Path);
        store.Open();

        Assert.True(await store.PutAsync(Sample()));
        Assert.False(await store.PutAsync(Sample()));
        Assert.True(await store.PutAsync(Sample() with { Title = "Changed" }));
        Assert.True(await store.PutAsync(Sample(id: 4301)));
        Assert.Equal([4215L, 4301L], store.StoredIds().ToArray());

        var state = new StoreState("wordpress",
            ImmutableSortedDictionary<long, DateTimeOffset>.Empty.Add(4215, Sample().Modified!.Value),
            new SourceCursor(Sample().Modified, "\"abc\"", null, new Uri("https://www.heartofthecustomer.com/"), new Uri("http://127.0.0.1:1/wp-json/")));
        await store.SaveStateAsync(state);
        var back = await store.ReadStateAsync();
        Assert.Equal(state.Source, back.Source);
        Assert.Equal(state.Posts, back.Posts);
        Assert.Equal(state.Cursor, back.Cursor);

        Assert.True(store.Remove(4301));
        Assert.False(store.Remove(4301));
        Assert.Equal([4215L], store.StoredIds().ToArray());
        Assert.Equal(["4215.html", "state.json"], Directory.EnumerateFiles(folder.Path, "*", SearchOption.AllDirectories).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_damaged_state_file_means_a_full_pull_and_keeps_the_pages()
    {
        using var folder = new TemporaryFolder();
        var store = new PostStore(folder.Path);
        store.Open();
        await store.PutAsync(Sample());
        folder.Write(PostStore.StateFile, "{\"Source\": \"wordpress\", \"Posts\": {"u8.ToArray());
        folder.Write("posts/.4216.html.0123.tmp", "<!DOCTYPE html><html><head><title>half"u8.ToArray());

        Assert.Equal(StoreState.Empty, await store.ReadStateAsync());
        store.Open();
        Assert.Equal([4215L], store.StoredIds().ToArray());
        Assert.False(File.Exists(Path.Combine(store.PostsPath, ".4216.html.0123.tmp")));
    }
}
