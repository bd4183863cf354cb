using BenchmarkDotNet.Running;
using CxFeed.Benchmarks.Corpus;
using CxFeed.Benchmarks.Feeds;

// `-- pages DIR COUNT`: writes generated post pages for the server measurements (tests/load/freshness.sh).
if (args is ["pages", var folder, var count])
{
    PostPages.Write(folder, int.Parse(count, System.Globalization.CultureInfo.InvariantCulture), seed: 20240601);
    return 0;
}
// `-- markdown DIR COUNT`: the same posts as Markdown with front matter, for Hugo (tests/load/hugo.sh).
if (args is ["markdown", var markdownFolder, var markdownCount])
{
    PostPages.WriteMarkdown(markdownFolder, int.Parse(markdownCount, System.Globalization.CultureInfo.InvariantCulture), seed: 20240601);
    return 0;
}
// `-- --wxr-memory FILE POSTS`: the export reader's peak memory in a fresh process (docs/performance.md).
if (args is ["--wxr-memory", var export, var posts])
    return CxFeed.Benchmarks.Content.WxrBenchmarks.PeakMemory(export, int.Parse(posts, System.Globalization.CultureInfo.InvariantCulture));
if (FeedBaselineModes.TryRun(args, out var exitCode))
    return exitCode;
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
