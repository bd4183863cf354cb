using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using CxFeed.Benchmarks.Corpus;
using CxFeed.Core.Cleaning;
using Ganss.Xss;
using HtmlAgilityPack;

namespace CxFeed.Benchmarks;

/// <summary>
/// Cleaning throughput over 1,000 generated WordPress posts, against two baselines measured in
/// the same run: HtmlAgilityPack parsing and serialising with no cleaning (the floor), and
/// HtmlSanitizer with its default settings. Run:
/// <c>dotnet run -c Release --project tests/CxFeed.Benchmarks -- --filter '*CleaningBenchmarks*'</c>
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 3, warmupCount: 2, iterationCount: 10)]
[Config(typeof(Throughput))]
public class CleaningBenchmarks
{
    public const int Posts = 1000;
    public const int Seed = 20261123;

    private static readonly Lazy<IReadOnlyList<CorpusPost>> Corpus = new(() => WordPressCorpus.Generate(Posts, Seed));

    private readonly HtmlCleaner _cleaner = new();
    private readonly HtmlSanitizer _sanitizer = new();

    public static long CorpusBytes => Corpus.Value.Sum(post => (long)Encoding.UTF8.GetByteCount(post.Html));

    [GlobalSetup]
    public void Setup() => _ = Corpus.Value;

    [Benchmark(Baseline = true, Description = "HtmlAgilityPack parse + serialise")]
    public long HtmlAgilityPackParseAndSerialise()
    {
        long length = 0;
        foreach (var post in Corpus.Value)
        {
            var document = new HtmlDocument();
            document.LoadHtml(post.Html);
            length += document.DocumentNode.OuterHtml.Length;
        }
        return length;
    }

    [Benchmark(Description = "CxFeed HtmlCleaner")]
    public long CxFeedClean()
    {
        long length = 0;
        foreach (var post in Corpus.Value)
            length += _cleaner.Clean(post.Html, post.BaseUrl).Html.Length;
        return length;
    }

    [Benchmark(Description = "HtmlSanitizer (defaults)")]
    public long HtmlSanitizerDefaults()
    {
        long length = 0;
        foreach (var post in Corpus.Value)
            length += _sanitizer.Sanitize(post.Html, post.BaseUrl.AbsoluteUri).Length;
        return length;
    }

    private sealed class Throughput : ManualConfig
    {
        public Throughput() => AddColumn(StatisticColumn.Median, new ThroughputColumn("MB/s", () => CorpusBytes));
    }
}
