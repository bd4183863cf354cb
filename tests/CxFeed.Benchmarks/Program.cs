using BenchmarkDotNet.Running;
using CxFeed.Benchmarks.Feeds;

if (FeedBaselineModes.TryRun(args, out var exitCode))
    return exitCode;
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
