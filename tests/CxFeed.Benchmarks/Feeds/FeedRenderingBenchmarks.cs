using BenchmarkDotNet.Attributes;
using CxFeed.Core.Publishing;

namespace CxFeed.Benchmarks.Feeds;

/// <summary>
/// Rendering feeds for 10,000 generated posts (median about 8 KB of cleaned HTML). <see cref="OneFeedThreeFormats"/> is
/// the npm <c>feed</c> package's work in its baseline (tests/CxFeed.Benchmarks/node, run by
/// feeds-vs-node.sh); <see cref="EveryFeedAllPagesCompressed"/> is all that <c>cxfeed build</c> publishes.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 7)]
public class FeedRenderingBenchmarks
{
    private Snapshot _snapshot = null!;

    [GlobalSetup]
    public void Setup() => _snapshot = FeedWorkloads.Snapshot();

    [Benchmark(Description = "one feed, 10,000 items, RSS + Atom + JSON")]
    public int OneFeedThreeFormats() => FeedWorkloads.RenderOneFullFeed(_snapshot).Sum(page => page.Bytes.Length);

    [Benchmark(Description = "every feed, format and page, gzip + brotli")]
    public int EveryFeedAllPagesCompressed() => FeedWorkloads.PublishEveryFeed(_snapshot).Files.Length;
}
