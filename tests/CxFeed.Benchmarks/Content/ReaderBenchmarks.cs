using System.Text;
using BenchmarkDotNet.Attributes;
using CxFeed.Core;
using CxFeed.Core.Content;
using HtmlAgilityPack;

namespace CxFeed.Benchmarks.Content;

/// <summary>
/// The post reader on the 20 seed pages, against the baseline of what it cannot avoid: decoding
/// them and parsing them with HtmlAgilityPack, with the reader's parse options. The ratio is what
/// reading metadata, JSON-LD, dates and the body costs on top of the parse.
/// </summary>
[MemoryDiagnoser]
public class ReaderBenchmarks
{
    private readonly PostReader _reader = new(new ContentOptions(), new SiteOptions
    {
        Title = "Heart of the Customer",
        BaseUrl = "https://www.heartofthecustomer.com/",
        TimeZone = "America/Chicago",
    });

    private readonly List<PostPage> _pages = [];

    [GlobalSetup]
    public async Task LoadSeedsAsync()
    {
        var source = new FolderSource(SeedFolder(), new Uri("https://www.heartofthecustomer.com/"));
        await foreach (var page in source.ReadAsync())
            _pages.Add(page);
    }

    [Benchmark(Baseline = true, Description = "decode + HtmlAgilityPack parse")]
    public int Parse()
    {
        var nodes = 0;
        foreach (var page in _pages)
        {
            var document = new HtmlDocument { OptionMaxNestedChildNodes = PostReader.MaxDepth, OptionReadEncoding = false };
            document.LoadHtml(Encoding.UTF8.GetString(page.Bytes.AsSpan()));
            nodes += document.DocumentNode.ChildNodes.Count;
        }
        return nodes;
    }

    [Benchmark(Description = "PostReader.ReadAll")]
    public int ReadAll() => _reader.ReadAll(_pages).Posts.Length;

    private static string SeedFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "CxFeed.sln")))
                return Path.Combine(folder.FullName, "seeds", "posts");
        }
        throw new InvalidOperationException($"no CxFeed.sln above {AppContext.BaseDirectory}");
    }
}
