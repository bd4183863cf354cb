using System.Text;
using CxFeed.Core.Publishing;
using CxFeed.Tests.Content;
using static CxFeed.Tests.Publishing.SamplePosts;

namespace CxFeed.Tests.Publishing;

public sealed class PublicationFolderTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    private string Root => _folder.Path;

    public void Dispose() => _folder.Dispose();

    private static Publication Sample() =>
        Renderer(new() { CategoryFeeds = false, TagFeeds = false }).Render(Snapshot(NextHire, SocialProof, Scorecard), [Feed() with { ItemsPerPage = 2 }]);

    private static SortedDictionary<string, byte[]> Files(string folder) =>
        new(Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(path => Path.GetRelativePath(folder, path).Replace('\\', '/'), File.ReadAllBytes), StringComparer.Ordinal);

    [Fact]
    public async Task Each_address_is_written_as_a_file_with_its_gzip_and_brotli_siblings()
    {
        var publication = Sample();
        var output = Path.Combine(Root, "site");

        await PublicationFolder.WriteAsync(publication, output);

        var files = Files(output);
        Assert.Equal(
            [".cxfeed-build",
             "feeds/posts.atom", "feeds/posts.atom.br", "feeds/posts.atom.gz",
             "feeds/posts.json", "feeds/posts.json.br", "feeds/posts.json.gz",
             "feeds/posts.rss", "feeds/posts.rss.br", "feeds/posts.rss.gz",
             "feeds/posts/page/2.atom", "feeds/posts/page/2.atom.br", "feeds/posts/page/2.atom.gz",
             "feeds/posts/page/2.json", "feeds/posts/page/2.json.br", "feeds/posts/page/2.json.gz",
             "feeds/posts/page/2.rss", "feeds/posts/page/2.rss.br", "feeds/posts/page/2.rss.gz"],
            files.Keys);
        var rss = publication.Find("/feeds/posts/page/2.rss")!;
        Assert.Equal(rss.Identity.Bytes.ToArray(), files["feeds/posts/page/2.rss"]);
        Assert.Equal(rss.Gzip.Bytes.ToArray(), files["feeds/posts/page/2.rss.gz"]);
        Assert.Equal(rss.Brotli.Bytes.ToArray(), files["feeds/posts/page/2.rss.br"]);
        Assert.Equal($"cxfeed build\nversion {publication.Version}\n", Encoding.UTF8.GetString(files[".cxfeed-build"]));
    }

    [Fact]
    public async Task Building_twice_gives_identical_files_and_leaves_no_temporary_folder()
    {
        var first = Path.Combine(Root, "first");
        var second = Path.Combine(Root, "second");

        await PublicationFolder.WriteAsync(Sample(), first);
        await PublicationFolder.WriteAsync(Sample(), second);
        var before = Files(second);
        await PublicationFolder.WriteAsync(Sample(), second);

        Assert.Equal(Files(first), Files(second));
        Assert.Equal(before, Files(second));
        Assert.Equal(["first", "second"], Directory.GetFileSystemEntries(Root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_new_build_replaces_the_old_one_whole()
    {
        var output = Path.Combine(Root, "site");
        var bigger = Renderer().Render(Snapshot(NextHire, SocialProof, Scorecard), [Feed()]);
        await PublicationFolder.WriteAsync(bigger, output);
        Assert.True(File.Exists(Path.Combine(output, "feeds", "tag", "hiring.rss")));

        await PublicationFolder.WriteAsync(Sample(), output);

        Assert.False(Directory.Exists(Path.Combine(output, "feeds", "tag")));
        Assert.True(File.Exists(Path.Combine(output, "feeds", "posts", "page", "2.rss")));
    }

    [Fact]
    public async Task A_killed_builds_folders_are_cleared_by_the_next_build_but_a_running_ones_are_not()
    {
        var output = Path.Combine(Root, "site");
        await PublicationFolder.WriteAsync(Sample(), output);
        // What a build killed in the middle of its write leaves: its folder, named with its process id.
        using var finished = System.Diagnostics.Process.Start("true")!;
        await finished.WaitForExitAsync();
        var killed = Directory.CreateDirectory(Path.Combine(Root, $".site.building-{finished.Id}")).FullName;
        Directory.CreateDirectory(Path.Combine(killed, "feeds"));
        await File.WriteAllTextAsync(Path.Combine(killed, "feeds", "posts.rss"), "<rss>half");
        var killedOld = Directory.CreateDirectory(Path.Combine(Root, $".site.old-{finished.Id}")).FullName;
        // Process 1 always runs: its folder is another build under way.
        var running = Directory.CreateDirectory(Path.Combine(Root, ".site.building-1")).FullName;
        var otherOutput = Directory.CreateDirectory(Path.Combine(Root, $".other.building-{finished.Id}")).FullName;

        await PublicationFolder.WriteAsync(Sample(), output);

        Assert.False(Directory.Exists(killed));
        Assert.False(Directory.Exists(killedOld));
        Assert.True(Directory.Exists(running));
        Assert.True(Directory.Exists(otherOutput));
        Assert.True(File.Exists(Path.Combine(output, "feeds", "posts.rss")));
    }

    [Fact]
    public async Task A_folder_holding_anything_else_is_never_replaced()
    {
        var home = Path.Combine(Root, "home");
        Directory.CreateDirectory(home);
        await File.WriteAllTextAsync(Path.Combine(home, "notes.txt"), "mine");

        var refused = await Assert.ThrowsAsync<IOException>(() => PublicationFolder.WriteAsync(Sample(), home));

        Assert.Contains("is not a folder cxfeed build wrote", refused.Message);
        Assert.Equal("mine", await File.ReadAllTextAsync(Path.Combine(home, "notes.txt")));
        Assert.Equal(["home"], Directory.GetFileSystemEntries(Root).Select(Path.GetFileName));
    }

    [Fact]
    public async Task An_empty_folder_is_built_into()
    {
        var empty = Path.Combine(Root, "empty");
        Directory.CreateDirectory(empty);

        await PublicationFolder.WriteAsync(Sample(), empty);

        Assert.True(File.Exists(Path.Combine(empty, "feeds", "posts.rss")));
    }

    [Fact]
    public void On_linux_the_old_and_new_builds_are_exchanged_in_one_call()
    {
        if (!OperatingSystem.IsLinux())
            return;
        var old = Directory.CreateDirectory(Path.Combine(Root, "old")).FullName;
        var fresh = Directory.CreateDirectory(Path.Combine(Root, "new")).FullName;
        File.WriteAllText(Path.Combine(old, "which"), "old");
        File.WriteAllText(Path.Combine(fresh, "which"), "new");

        Assert.True(PublicationFolder.TryExchange(fresh, old));

        Assert.Equal("new", File.ReadAllText(Path.Combine(old, "which")));
        Assert.Equal("old", File.ReadAllText(Path.Combine(fresh, "which")));
    }

    [Theory]
    [InlineData("/feeds/posts.rss", "feeds/posts.rss")]
    [InlineData("/feeds/category/cx-strategy/page/2.atom", "feeds/category/cx-strategy/page/2.atom")]
    [InlineData("/", "index.html")]
    [InlineData("/category/b2b/", "category/b2b/index.html")]
    [InlineData("/feeds.opml", "feeds.opml")]
    public void An_address_maps_to_a_path_below_the_folder(string address, string path)
    {
        Assert.Equal(path.Replace('/', Path.DirectorySeparatorChar), PublicationFolder.RelativePath(address));
    }

    [Theory]
    [InlineData("feeds/posts.rss")]
    [InlineData("/feeds/../../etc/passwd")]
    [InlineData("/feeds//posts.rss")]
    [InlineData("/feeds/..")]
    public void An_address_that_would_leave_the_folder_is_refused(string address)
    {
        Assert.Throws<ArgumentException>(() => PublicationFolder.RelativePath(address));
    }
}
