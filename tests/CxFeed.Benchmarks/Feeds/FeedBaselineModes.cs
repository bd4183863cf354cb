using System.Collections.Immutable;
using System.Text.Json;
using CxFeed.Core.Content;
using CxFeed.Core.Excerpts;
using CxFeed.Core.Publishing;

namespace CxFeed.Benchmarks.Feeds;

/// <summary>
/// The benchmark program's modes besides BenchmarkDotNet, for feeds-vs-node.sh:
/// <c>--export-feed-items FILE</c> writes the generated posts, cleaned and excerpted, as JSON;
/// <c>--peak-memory one-feed|every-feed FILE</c> loads them back and renders once in a fresh
/// process, then prints its peak resident memory (VmHWM) as JSON. The npm baseline loads the same
/// file and measures itself the same way, so both peaks hold the same posts.
/// </summary>
public static class FeedBaselineModes
{
    public static bool TryRun(string[] args, out int exitCode)
    {
        exitCode = 0;
        switch (args)
        {
            case ["--export-feed-items", var file]:
                Export(file);
                return true;
            case ["--peak-memory", var workload, var file]:
                exitCode = PeakMemory(workload, file);
                return true;
            default:
                return false;
        }
    }

    /// <summary>One post as the file holds it: what the feeds show of it.</summary>
    private sealed record ExportedPost(
        string Id, string Title, string Link, string Summary, string ExcerptHtml, string Content,
        DateTimeOffset Published, DateTimeOffset Updated, string Author, string[] Categories, string[] Tags, string? Image);

    private sealed record ExportedFeed(ExportedSite Site, ExportedPost[] Items);

    private sealed record ExportedSite(string Title, string Description, string Link, string Language, string FeedBase);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static void Export(string file)
    {
        var site = FeedWorkloads.Site;
        var items = FeedWorkloads.Snapshot().Entries.Select(entry => new ExportedPost(
            entry.Post.Id, entry.Post.Title, entry.Post.CanonicalUrl.AbsoluteUri, entry.Excerpt.Text, entry.Excerpt.Html, entry.ContentHtml,
            entry.Post.Published, entry.Post.LastChanged, entry.Post.Authors[0], [.. entry.Post.Categories], [.. entry.Post.Tags],
            entry.Post.FeaturedImage?.Url.AbsoluteUri));
        using var output = File.Create(file);
        JsonSerializer.Serialize(output, new ExportedFeed(
            new ExportedSite(site.Title, site.Description, site.BaseUrl, site.Language, FeedWorkloads.Publish.BaseUrl), [.. items]), Json);
    }

    private static Snapshot Import(string file)
    {
        using var input = File.OpenRead(file);
        var feed = JsonSerializer.Deserialize<ExportedFeed>(input, Json)!;
        return Snapshot.Create(feed.Items.Select(item =>
        {
            var link = new Uri(item.Link);
            var image = item.Image is null ? null : new PostImage(new Uri(item.Image), 1200, 628, "image/jpeg");
            var post = new Post(item.Id, item.Id, link, item.Title, item.Published, item.Updated, [item.Author],
                [.. item.Categories], [.. item.Tags], image, null, null, item.Content);
            return new Entry(post, item.Content, new ExcerptSource(item.Title, link, item.Content), ExcerptBudget.Default,
                new Excerpt(item.Summary, item.ExcerptHtml, IsCut: true));
        }), []);
    }

    private static int PeakMemory(string workload, string file)
    {
        var snapshot = Import(file);
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
                (bytes, files) = (publication.Files.Sum(published => (long)published.Identity.Bytes.Length), publication.Files.Length);
                break;
            default:
                Console.Error.WriteLine("--peak-memory one-feed|every-feed ITEMS_JSON");
                return 2;
        }
        Console.WriteLine(JsonSerializer.Serialize(new { workload, files, bytes, peakBeforeRendering, peakRssBytes = PeakResidentBytes() }));
        return 0;
    }

    /// <summary>The process's peak resident set (Linux's VmHWM), the figure /usr/bin/time -v calls maximum resident set size.</summary>
    private static long PeakResidentBytes()
    {
        var line = File.ReadLines("/proc/self/status").First(line => line.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
    }
}
