using CxFeed.Cli;

namespace CxFeed.Tests.Cli;

public sealed class BuildCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("cxfeed-build-cli-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

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
        var feeds = Directory.CreateDirectory(Path.Combine(_root, "feeds")).FullName;
        await File.WriteAllTextAsync(Path.Combine(feeds, "posts.json"), """{"formats": ["rss", "rdf"]}""");
        var output = Path.Combine(_root, "out");

        var run = await Cxfeed.RunAsync("build", "--out", output, "--feeds", feeds);

        Assert.Equal(ExitCode.Usage, run.ExitCode);
        Assert.Equal($"cxfeed: feed definition {feeds}/posts.json: formats[1]: 'rdf' is not one of rss, atom, json\n", run.Error);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task A_bad_public_base_url_names_the_setting()
    {
        var run = await Cxfeed.RunAsync("build", "--out", Path.Combine(_root, "out"), "--CxFeed:Publish:BaseUrl", "feeds.example.com");

        Assert.Equal(ExitCode.Usage, run.ExitCode);
        Assert.Equal("cxfeed: setting CxFeed:Publish:BaseUrl: 'feeds.example.com' is not an absolute http(s) URL\n", run.Error);
    }
}
