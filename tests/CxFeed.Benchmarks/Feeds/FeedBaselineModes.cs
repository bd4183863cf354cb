using System.Text.Json;
using CxFeed.Core.Publishing;

namespace CxFeed.Benchmarks.Feeds;

/// <summary>
/// The benchmark program's modes besides BenchmarkDotNet, for feeds-vs-node.sh:
/// <c>--export-feed-items FILE</c> writes the generated posts for the npm baseline to render;
/// <c>--peak-memory one-feed|every-feed</c> renders once in a fresh process and prints its peak
/// resident memory (VmHWM) as JSON, measured the same way as the node baseline's.
/// </summary>
public static class FeedBaselineModes
{
    public static bool TryRun(string[] args, out int exitCode)
    {
        exitCode = 0;
        if (args is ["--export-feed-items", var file])
        {
            Export(file);
            return true;
        }
        if (args is ["--peak-memory", var workload])
        {
            exitCode = PeakMemory(workload);
            return true;
        }
        return false;
    }

    private static void Export(string file)
    {
        var snapshot = FeedWorkloads.Snapshot();
        using var output = File.Create(file);
        using var json = new Utf8JsonWriter(output);
        json.WriteStartObject();
        json.WriteStartObject("site");
        json.WriteString("title", FeedWorkloads.Site.Title);
        json.WriteString("description", FeedWorkloads.Site.Description);
        json.WriteString("link", FeedWorkloads.Site.BaseUrl);
        json.WriteString("language", FeedWorkloads.Site.Language);
        json.WriteString("feedBase", FeedWorkloads.Publish.BaseUrl);
        json.WriteEndObject();
        json.WriteStartArray("items");
        foreach (var entry in snapshot.Entries)
        {
            var post = entry.Post;
            json.WriteStartObject();
            json.WriteString("id", post.Id);
            json.WriteString("title", post.Title);
            json.WriteString("link", post.CanonicalUrl.AbsoluteUri);
            json.WriteString("summary", entry.Excerpt.Text);
            json.WriteString("content", entry.ContentHtml);
            json.WriteString("published", post.Published);
            json.WriteString("updated", post.LastChanged);
            json.WriteString("author", post.Authors[0]);
            json.WriteStartArray("categories");
            foreach (var name in post.Categories.Concat(post.Tags))
                json.WriteStringValue(name);
            json.WriteEndArray();
            if (post.FeaturedImage is { } image)
                json.WriteString("image", image.Url.AbsoluteUri);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static int PeakMemory(string workload)
    {
        var snapshot = FeedWorkloads.Snapshot();
        var peakBeforeRendering = PeakResidentBytes();
        long bytes;
        int files;
        switch (workload)
        {
            case "one-feed":
                var pages = FeedWorkloads.RenderOneFullFeed(snapshot);
                (bytes, files) = (pages.Sum(page => (long)page.Bytes.Length), pages.Length);
                break;
            case "every-feed":
                var publication = FeedWorkloads.PublishEveryFeed(snapshot);
                (bytes, files) = (publication.Files.Sum(file => (long)file.Identity.Bytes.Length), publication.Files.Length);
                break;
            default:
                Console.Error.WriteLine("--peak-memory one-feed|every-feed");
                return 2;
        }
        Console.WriteLine(JsonSerializer.Serialize(new { workload, files, bytes, peakBeforeRendering, peakRssBytes = PeakResidentBytes(), heapAfter = GC.GetTotalMemory(false) }));
        return 0;
    }

    /// <summary>The process's peak resident set (Linux's VmHWM), the figure /usr/bin/time -v calls maximum resident set size.</summary>
    private static long PeakResidentBytes()
    {
        var line = File.ReadLines("/proc/self/status").First(line => line.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
    }
}
