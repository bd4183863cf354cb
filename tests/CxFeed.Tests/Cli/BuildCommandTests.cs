using System.Text;
using CxFeed.Cli;
using CxFeed.Core.Publishing;
using CxFeed.Tests.Content;

namespace CxFeed.Tests.Cli;

public sealed class BuildCommandTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static readonly string Seeds = Path.Combine(Repository.Root, "seeds", "posts");

    private static readonly string Feeds = Path.Combine(Repository.Root, "feeds");

    private static SortedDictionary<string, byte[]> Files(string folder) =>
        new(Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(path => Path.GetRelativePath(folder, path).Replace('\\', '/'), File.ReadAllBytes), StringComparer.Ordinal);

    [Fact]
    public async Task Building_the_seeds_writes_every_feed_format_and_page_and_building_again_changes_nothing()
    {
        var output = Path.Combine(_folder.Path, "site");

        var first = await Cxfeed.RunAsync("build", "--out", output, "--content", Seeds, "--feeds", Feeds);
        var files = Files(output);
        var second = await Cxfeed.RunAsync("build", "--out", output, "--content", Seeds, "--feeds", Feeds);

        Assert.Equal("", first.Error);
        Assert.Equal(ExitCode.Ok, first.ExitCode);
        Assert.Matches(@"^\d+ files from 20 posts written to .*site \(version [0-9a-f]{12}\)\n$", first.Output);
        Assert.Equal(first.Output, second.Output);
        Assert.Equal(files, Files(output));
        foreach (var file in new[] { "feeds/posts.rss", "feeds/posts/page/2.atom", "feeds/customerthink.json", "feeds/category/journey-mapping.rss", "feeds/tag/b2b.json" })
        {
            Assert.Contains(file, files.Keys);
            Assert.Contains(file + ".gz", files.Keys);
            Assert.Contains(file + ".br", files.Keys);
        }
        Assert.DoesNotContain("feeds/posts/page/3.rss", files.Keys);
        var customerThink = Encoding.UTF8.GetString(files["feeds/customerthink.rss"]);
        Assert.Contains("<link>https://www.heartofthecustomer.com/your-next-cx-hire-shouldnt-be-a-cx-hire/?utm_source=customerthink&amp;utm_medium=syndication</link>", customerThink);
        Assert.Contains("This post first appeared on", customerThink);
        Assert.Contains("""<atom:link rel="self" href="http://localhost:5080/feeds/customerthink.rss" type="application/rss+xml" />""", customerThink);
    }

    [Fact]
    public async Task A_broken_post_is_reported_by_name_and_the_others_are_still_published()
    {
        var content = Path.Combine(_folder.Path, "posts");
        Directory.CreateDirectory(content);
        File.Copy(Path.Combine(Seeds, "the-bots-are-coming.html"), Path.Combine(content, "the-bots-are-coming.html"));
        _folder.Write("posts/broken.html", "<html><body><p>No title, no date, no canonical link.</p></body></html>"u8.ToArray());
        var output = Path.Combine(_folder.Path, "site");

        var run = await Cxfeed.RunAsync("build", "--out", output, "--content", content, "--feeds", Feeds);

        Assert.Equal(ExitCode.ContentProblems, run.ExitCode);
        Assert.StartsWith("cxfeed build: broken.html: ", run.Error);
        Assert.Contains("problems: the feeds hold the posts that could be published", run.Output);
        Assert.Contains("<title>The Bots are Coming!</title>", File.ReadAllText(Path.Combine(output, "feeds", "posts.rss")));
    }

    [Fact]
    public async Task Build_without_an_output_folder_is_a_usage_error()
    {
        var run = await Cxfeed.RunAsync("build");

        Assert.Equal(ExitCode.Usage, run.ExitCode);
        Assert.Equal("cxfeed build: --out DIR is required\n", run.Error);
    }

    [Fact]
    public async Task A_broken_feed_definition_stops_the_build_naming_the_file_and_the_field()
    {
        var definition = _folder.Write("feeds/posts.json", """{"formats": ["rss", "rdf"]}"""u8.ToArray());
        var output = Path.Combine(_folder.Path, "out");

        var run = await Cxfeed.RunAsync("build", "--out", output, "--feeds", Path.GetDirectoryName(definition)!);

        Assert.Equal(ExitCode.Usage, run.ExitCode);
        Assert.Equal($"cxfeed: feed definition {definition}: formats[1]: 'rdf' is not one of rss, atom, json\n", run.Error);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task A_bad_public_base_url_names_the_setting()
    {
        var run = await Cxfeed.RunAsync("build", "--out", Path.Combine(_folder.Path, "out"), "--CxFeed:Publish:BaseUrl", "feeds.example.com");

        Assert.Equal(ExitCode.Usage, run.ExitCode);
        Assert.Equal("cxfeed: setting CxFeed:Publish:BaseUrl: 'feeds.example.com' is not an absolute http(s) URL\n", run.Error);
    }

    [Fact]
    public async Task A_folder_that_is_not_a_build_is_never_replaced()
    {
        _folder.Write("mine/notes.txt", "keep me"u8.ToArray());

        var run = await Cxfeed.RunAsync("build", "--out", Path.Combine(_folder.Path, "mine"), "--content", Seeds, "--feeds", Feeds);

        Assert.Equal(ExitCode.Usage, run.ExitCode);
        Assert.Contains($"is not a folder cxfeed build wrote (no {PublicationFolder.Marker} in it)", run.Error);
        Assert.Equal("keep me", File.ReadAllText(Path.Combine(_folder.Path, "mine", "notes.txt")));
    }
}
