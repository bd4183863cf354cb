using BenchmarkDotNet.Running;
using CxFeed.Benchmarks.Corpus;
using CxFeed.Benchmarks.Feeds;

// `-- pages DIR COUNT`: writes generated post pages for the server measurements (tests/load/freshness.sh).
if (args is ["pages", var folder, var count])
{
    PostPages.Write(folder, int.Parse(count, System.Globalization.CultureInfo.InvariantCulture), seed: 20240601);
    return 0;
}
if (FeedBaselineModes.TryRun(args, out var exitCode))
    return exitCode;
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
