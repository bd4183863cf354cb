using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CxFeed.Reading.Corpus;
using CxFeed.Reading.Readers;
using CxFeed.Reading.Reporting;
using CxFeed.Reading.Scoring;

// The reading benchmark (docs/reading.md); tests/reading/run.sh runs it.
//   --corpus DIR      the saved pages and their truth (tests/reading/corpus)
//   --out DIR         where table.md, failures.tsv and scores.json go
//   --passes N        timed passes over the corpus for the speed column (median), default 5
//   --peers DIR       also score the JavaScript peers' readings found there (read-peers.mjs)
//   --smartreader     also run SmartReader
//   --baseline P      pages per second of the baseline reader, for the speed ratio
//   --speed P         cxfeed's pages per second as measured outside (run.sh, alternating with the baseline); no timed passes
//   --speed-only      print cxfeed's pages per second and stop (run.sh measures a baseline so)
//   --show NAME       print what cxfeed reads on the pages whose name contains NAME (every problem, the
//                     title, date, authors, excerpt) beside their truth, and stop: for work on one page
Options options;
try
{
    options = Options.Parse(args);
}
catch (ArgumentException error)
{
    Console.Error.WriteLine($"CxFeed.Reading: {error.Message}");
    return 2;
}
var corpus = CorpusPage.Load(options.Corpus);
if (options.Show is { } shown)
{
    foreach (var page in corpus.Where(page => page.Name.Contains(shown, StringComparison.Ordinal)))
        Console.WriteLine(CxFeedReader.Show(page));
    return 0;
}

var cxfeed = MeasureCxFeed(corpus, options.Speed is null ? options.Passes : 0);
if (options.Speed is { } measured)
    cxfeed = cxfeed with { PagesPerSecond = measured };
if (options.SpeedOnly)
{
    Console.WriteLine(cxfeed.PagesPerSecond!.Value.ToString("0.0", CultureInfo.InvariantCulture));
    return 0;
}

var results = new List<ReaderResult> { cxfeed };
if (options.SmartReader)
    results.Add(Measure("SmartReader 0.11.1", corpus, SmartReaderPeer.Read, passes: 1));
if (options.Peers is { } peers)
{
    foreach (var (file, label) in new[] { ("readability.json", "Readability 0.6.0 (jsdom 26)"), ("postlight.json", "Postlight parser 2.2.3") })
    {
        var path = Path.Combine(peers, file);
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"{path}: not found, run tests/reading/run.sh --peers first; {label} left out");
            continue;
        }
        var peer = JsonPeer.Load(path);
        var scores = corpus.Select(page => PageScore.Of(page, peer.Readings.TryGetValue(page.Name, out var reading) ? reading : PageReading.None("not read"))).ToImmutableArray();
        results.Add(new ReaderResult(label, scores, corpus.Length / (peer.MedianMilliseconds / 1000)));
    }
}

Directory.CreateDirectory(options.Out);
var blogs = corpus.Where(page => page.Kind == "blog post").Select(page => page.Name).ToHashSet(StringComparer.Ordinal);
var report =
    $"All {corpus.Length} pages ({corpus.Count(page => page.IsPost)} posts, {blogs.Count} of them blog posts):\n\n" +
    Table.Write(results, _ => true, options.Baseline) +
    $"\nBlog posts only ({blogs.Count}):\n\n" +
    Table.Write(results, page => blogs.Contains(page.Page), options.Baseline);
File.WriteAllText(Path.Combine(options.Out, "table.md"), report);
File.WriteAllText(Path.Combine(options.Out, "failures.tsv"), Failures.Write(results));
File.WriteAllText(Path.Combine(options.Out, "scores.json"), JsonSerializer.Serialize(
    results.ToDictionary(result => result.Reader, result => result.Pages), new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }));
Console.Write(report);
Console.WriteLine($"\nPer page: {Path.Combine(options.Out, "failures.tsv")}, {Path.Combine(options.Out, "scores.json")}");
return 0;

static ReaderResult MeasureCxFeed(ImmutableArray<CorpusPage> corpus, int passes)
{
    var reader = new CxFeedReader();
    var prepared = corpus.Select(CxFeedReader.Prepare).ToList();
    var readings = prepared.Select(reader.Read).ToList();
    var times = new List<double>();
    for (var pass = 0; pass < passes; pass++)
    {
        var clock = Stopwatch.StartNew();
        foreach (var page in prepared)
            reader.Read(page);
        times.Add(clock.Elapsed.TotalSeconds);
    }
    var scores = corpus.Zip(readings, PageScore.Of).ToImmutableArray();
    return new ReaderResult("cxfeed", scores, times.Count == 0 ? null : corpus.Length / Median(times));
}

static ReaderResult Measure(string label, ImmutableArray<CorpusPage> corpus, Func<CorpusPage, PageReading> read, int passes)
{
    var readings = new List<PageReading>();
    var times = new List<double>();
    for (var pass = 0; pass < passes; pass++)
    {
        var clock = Stopwatch.StartNew();
        foreach (var page in corpus)
        {
            PageReading reading;
            try
            {
                reading = read(page);
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                reading = PageReading.None($"threw {error.GetType().Name}: {error.Message}");
            }
            if (pass == 0)
                readings.Add(reading);
        }
        times.Add(clock.Elapsed.TotalSeconds);
    }
    return new ReaderResult(label, corpus.Zip(readings, PageScore.Of).ToImmutableArray(), corpus.Length / Median(times));
}

static double Median(List<double> values)
{
    values.Sort();
    return values[values.Count / 2];
}

/// <summary>The command line, checked: a wrong option is an <see cref="ArgumentException"/> naming it (exit 2).</summary>
internal sealed record Options(string Corpus, string Out, int Passes, string? Peers, bool SmartReader, double? Baseline, double? Speed, bool SpeedOnly, string? Show)
{
    public static Options Parse(string[] args)
    {
        var options = new Options("tests/reading/corpus", "tests/reading/out", 5, null, false, null, null, false, null);
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value");
            options = args[i] switch
            {
                "--corpus" => options with { Corpus = Value() },
                "--out" => options with { Out = Value() },
                "--passes" => options with { Passes = int.TryParse(Value(), CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException("--passes must be a positive number") },
                "--peers" => options with { Peers = Value() },
                "--smartreader" => options with { SmartReader = true },
                "--baseline" => options with { Baseline = double.TryParse(Value(), CultureInfo.InvariantCulture, out var p) && p > 0 ? p : throw new ArgumentException("--baseline must be pages per second") },
                "--speed" => options with { Speed = double.TryParse(Value(), CultureInfo.InvariantCulture, out var q) && q > 0 ? q : throw new ArgumentException("--speed must be pages per second") },
                "--speed-only" => options with { SpeedOnly = true },
                "--show" => options with { Show = Value() },
                _ => throw new ArgumentException($"unknown option {name}"),
            };
        }
        return Directory.Exists(options.Corpus) ? options : throw new ArgumentException($"--corpus {options.Corpus}: no such folder");
    }
}
