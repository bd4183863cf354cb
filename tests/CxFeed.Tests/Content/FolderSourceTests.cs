using System.Text;
using CxFeed.Core;
using CxFeed.Core.Content;

namespace CxFeed.Tests.Content;

public class FolderSourceTests
{
    private static readonly Uri Site = new("https://www.heartofthecustomer.com/");

    [Fact]
    public async Task Every_html_page_below_the_folder_is_read_in_ordinal_order_of_its_relative_path()
    {
        using var folder = new TemporaryFolder();
        folder.Write("cx-needs-change-management.html", "<p>b</p>"u8.ToArray());
        folder.Write("2021/06/your-next-cx-hire.html", "<p>a</p>"u8.ToArray());
        folder.Write("Zeta.HTML", "<p>z</p>"u8.ToArray());
        folder.Write("archive/b2b.html", "<p>c</p>"u8.ToArray());
        folder.Write("notes.txt", "not a page"u8.ToArray());
        folder.Write("image.png", [0x89, 0x50, 0x4E, 0x47]);
        folder.Write("page.htm", "<p>old extension</p>"u8.ToArray());
        folder.Write(".draft.html", "<p>hidden</p>"u8.ToArray());
        folder.Write(".git/index.html", "<p>hidden folder</p>"u8.ToArray());

        var pages = await ReadAsync(new FolderSource(folder.Path, Site));

        Assert.Equal(
            ["2021/06/your-next-cx-hire.html", "Zeta.HTML", "archive/b2b.html", "cx-needs-change-management.html"],
            pages.Select(page => page.Name));
        Assert.Equal("<p>a</p>", Encoding.UTF8.GetString(pages[0].Bytes.AsSpan()));
    }

    [Fact]
    public async Task A_folder_gone_missing_is_reported_with_its_path_and_the_setting_that_names_it()
    {
        using var folder = new TemporaryFolder();
        var missing = System.IO.Path.Combine(folder.Path, "posts");

        var failure = await Assert.ThrowsAsync<DirectoryNotFoundException>(() => new FolderSource(missing, Site).ListAsync());

        Assert.Equal($"the folder of post pages '{missing}' (CxFeed:Content:Path) does not exist", failure.Message);
    }

    [Fact]
    public async Task A_file_that_cannot_be_read_is_a_page_that_says_why_and_the_others_still_come()
    {
        using var folder = new TemporaryFolder();
        folder.Write("good.html", "<p>good</p>"u8.ToArray());
        // A symbolic link to itself: listed like a file, but every read fails (ELOOP), even for root.
        File.CreateSymbolicLink(System.IO.Path.Combine(folder.Path, "loop.html"), System.IO.Path.Combine(folder.Path, "loop.html"));

        var pages = await ReadAsync(new FolderSource(folder.Path, Site));

        Assert.Equal(["good.html", "loop.html"], pages.Select(page => page.Name));
        Assert.Null(pages[0].ReadError);
        Assert.NotNull(pages[1].ReadError);
        Assert.True(pages[1].Bytes.IsEmpty);
        var reading = new PostReader(new ContentOptions(), new SiteOptions { Title = "Heart of the Customer", BaseUrl = Site.AbsoluteUri })
            .Read(pages[1]);
        Assert.Null(reading.Post);
        Assert.Equal($"loop.html: could not be read: {pages[1].ReadError}", Assert.Single(reading.Problems).ToString());
    }

    [Fact]
    public async Task A_fifo_named_like_a_page_is_an_empty_page_and_never_blocks_the_read()
    {
        if (OperatingSystem.IsWindows())
            return;
        using var folder = new TemporaryFolder();
        folder.Write("good.html", "<p>good</p>"u8.ToArray());
        // As tests/load/faults.sh does: before this, opening the FIFO blocked the rebuild for good.
        Assert.Equal(0, MakeFifo(System.IO.Path.Combine(folder.Path, "fifo.html"), 0b110_100_100));

        var pages = await ReadAsync(new FolderSource(folder.Path, Site)).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["fifo.html", "good.html"], pages.Select(page => page.Name));
        Assert.True(pages[0].Bytes.IsEmpty);
        Assert.Equal("<p>good</p>", Encoding.UTF8.GetString(pages[1].Bytes.AsSpan()));
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int MakeFifo(string path, uint mode);

    [Fact]
    public async Task A_page_lives_at_its_slug_permalink_under_the_site()
    {
        using var folder = new TemporaryFolder();
        folder.Write("journey-mapping-mistakes-to-avoid.html", []);
        folder.Write("2021/06/your-next-cx-hire.html", []);
        folder.Write("what is #1?.html", []);

        var pages = await ReadAsync(new FolderSource(folder.Path, Site));

        Assert.Equal(
            [
                "https://www.heartofthecustomer.com/2021/06/your-next-cx-hire/",
                "https://www.heartofthecustomer.com/journey-mapping-mistakes-to-avoid/",
                "https://www.heartofthecustomer.com/what%20is%20%231%3F/",
            ],
            pages.Select(page => page.Address.AbsoluteUri));
    }

    [Theory]
    [InlineData("https://example.com/blog", "https://example.com/blog/slug/")]
    [InlineData("https://example.com/blog/", "https://example.com/blog/slug/")]
    [InlineData("https://example.com", "https://example.com/slug/")]
    public void A_site_in_a_subfolder_keeps_its_subfolder(string site, string address)
    {
        var source = new FolderSource(".", new Uri(site));

        Assert.Equal(address, source.AddressOf("slug.html").AbsoluteUri);
    }

    [Fact]
    public async Task The_seed_folder_holds_the_twenty_seed_posts()
    {
        var pages = await SeedPages.ReadAsync();

        Assert.Equal(20, pages.Length);
        Assert.All(pages, page => Assert.Equal($"https://www.heartofthecustomer.com/{page.Name[..^5]}/", page.Address.AbsoluteUri));
    }

    private static async Task<List<PostPage>> ReadAsync(FolderSource source)
    {
        var pages = new List<PostPage>();
        await foreach (var page in source.ReadAsync())
            pages.Add(page);
        return pages;
    }
}
