using System.Diagnostics;
using System.Text.Json;
using System.Xml;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using CxFeed.Core.Content.WordPress;

namespace CxFeed.Benchmarks.Content;

/// <summary>
/// The export reader on a generated export (<see cref="GeneratedExport"/>; 10,000 posts are about
/// 200 MB), against the floor of a bare <see cref="XmlReader"/> pass over the same file with the
/// same settings that takes every text node's value. The reader reads the file twice (the media
/// library first) and renders every post (wpautop, shortcodes), so the ratio is the whole cost of
/// the source over parsing the file once. The export is written once, to the temporary folder,
/// by the first benchmark's setup (<c>WXR_POSTS</c> posts, default 10,000).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessRuns))]
public class WxrBenchmarks
{
    /// <summary>
    /// In process (building a separate benchmark project timed out on the loaded machine), one
    /// invocation per iteration: each reads the whole file. The in-process toolchain gives up on a
    /// benchmark after 5 minutes by default, which a 10,000-post read on the loaded machine passes.
    /// </summary>
    private sealed class InProcessRuns : ManualConfig
    {
        public InProcessRuns() =>
            AddJob(Job.Default.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromHours(2), logOutput: true))
                .WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(5).WithInvocationCount(1).WithUnrollFactor(1));
    }

    private static readonly XmlReaderSettings Bare = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true };

    private readonly WxrReader _reader = new(TimeZoneInfo.FindSystemTimeZoneById("America/Chicago"));

    private string _file = "";

    public static string ExportFile(int posts) => Path.Combine(Path.GetTempPath(), $"cxfeed-wxr-bench-{posts}.xml");

    public static int Posts => int.TryParse(Environment.GetEnvironmentVariable("WXR_POSTS"), out var posts) ? posts : 10_000;

    [GlobalSetup]
    public void WriteExport()
    {
        _file = ExportFile(Posts);
        if (!File.Exists(_file))
            GeneratedExport.Write(_file, Posts);
    }

    [Benchmark(Baseline = true, Description = "bare XmlReader pass")]
    public long BarePass() => BareRead(_file);

    [Benchmark(Description = "WxrReader.Read (two passes, rendered)")]
    public long Read()
    {
        long length = 0;
        foreach (var item in _reader.Read(_file))
            length += item.Post?.ContentHtml.Length ?? 0;
        return length;
    }

    public static long BareRead(string file)
    {
        long characters = 0;
        using var xml = XmlReader.Create(file, Bare);
        while (xml.Read())
        {
            if (xml.NodeType is XmlNodeType.Text or XmlNodeType.CDATA)
                characters += xml.Value.Length;
        }
        return characters;
    }

    /// <summary>
    /// <c>--wxr-memory FILE POSTS</c>: writes the export if it is missing, then in this fresh process
    /// measures the resident memory (VmRSS) once idle, reads the whole export keeping nothing, and
    /// prints the peak (VmHWM) and the difference as JSON.
    /// </summary>
    public static int PeakMemory(string file, int posts)
    {
        if (!File.Exists(file))
            GeneratedExport.Write(file, posts);
        GC.Collect();
        var idle = Status("VmRSS");
        var reader = new WxrReader(TimeZoneInfo.FindSystemTimeZoneById("America/Chicago"));
        var watch = Stopwatch.StartNew();
        var read = 0;
        foreach (var item in reader.Read(file))
            read += item.Post is null ? 0 : 1;
        var peak = Status("VmHWM");
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            file,
            bytes = new FileInfo(file).Length,
            posts = read,
            seconds = Math.Round(watch.Elapsed.TotalSeconds, 1),
            idleMiB = idle / 1024,
            peakMiB = peak / 1024,
            aboveIdleMiB = (peak - idle) / 1024,
        }));
        return 0;
    }

    /// <summary>A field of /proc/self/status, in KiB.</summary>
    private static long Status(string field) =>
        File.ReadLines("/proc/self/status").Where(line => line.StartsWith(field + ":", StringComparison.Ordinal))
            .Select(line => long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture))
            .Single();
}
