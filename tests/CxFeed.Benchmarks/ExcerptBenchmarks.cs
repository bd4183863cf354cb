using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using CxFeed.Benchmarks.Corpus;
using CxFeed.Core.Cleaning;
using CxFeed.Core.Excerpts;

namespace CxFeed.Benchmarks;

/// <summary>
/// The cost of excerpts relative to cleaning, over the cleaner's generated corpus (the same 1,000
/// posts and seed), in the same run: cleaning every post is the baseline; building every
/// post's excerpt (both forms) from its cleaned body is measured against it. The posts are cleaned
/// once, in setup. Goal: an excerpt under 10% of cleaning. Run:
/// <c>dotnet run -c Release --project tests/CxFeed.Benchmarks -- --filter '*ExcerptBenchmarks*'</c>
/// </summary>
[MemoryDiagnoser]
// A hundred warm-ups, not two: an excerpt pass is short, and the runtime's tiered, profile-guided
// compilation of the excerpt code goes on for about a second of passes on a busy machine (they
// fell from 85 ms to 20 ms within one launch). Once a pass took about 10 ms, thirty warm-ups
// ended before it did: the first measured passes of the 200-character excerpt still fell from
// 30 ms to 10 ms. The medians compare steady states.
[SimpleJob(RunStrategy.Monitoring, launchCount: 3, warmupCount: 100, iterationCount: 20)]
public class ExcerptBenchmarks
{
    private readonly HtmlCleaner _cleaner = new();
    private readonly ExcerptBuilder _builder = new();
    private IReadOnlyList<CorpusPost> _corpus = [];
    private ExcerptSource[] _sources = [];

    [GlobalSetup]
    public void Setup()
    {
        _corpus = WordPressCorpus.Generate(CleaningBenchmarks.Posts, CleaningBenchmarks.Seed);
        _sources = [.. _corpus.Select(post => new ExcerptSource(TitleOf(post.BaseUrl), post.BaseUrl, _cleaner.Clean(post.Html, post.BaseUrl).Html))];
    }

    [Benchmark(Baseline = true, Description = "Clean every post")]
    public long Clean()
    {
        long length = 0;
        foreach (var post in _corpus)
            length += _cleaner.Clean(post.Html, post.BaseUrl).Html.Length;
        return length;
    }

    [Benchmark(Description = "Excerpt every cleaned post, 55 words")]
    public long ExcerptByWords() => Excerpts(ExcerptBudget.Default);

    [Benchmark(Description = "Excerpt every cleaned post, 200 characters")]
    public long ExcerptByCharacters() => Excerpts(ExcerptBudget.Characters(200));

    private long Excerpts(ExcerptBudget budget)
    {
        long length = 0;
        foreach (var source in _sources)
        {
            var excerpt = _builder.Build(source, budget);
            length += excerpt.Text.Length + excerpt.Html.Length;
        }
        return length;
    }

    // The corpus has no titles; its slugs stand for them ("the-bots-are-coming-12").
    private static string TitleOf(Uri post) => post.Segments[^1].TrimEnd('/').Replace('-', ' ');
}
