using System.Text;
using CxFeed.Cli;
using CxFeed.Core.Content.WordPress;
using CxFeed.Core.Store;

namespace CxFeed.Tests.Content.WordPress;

/// <summary>The <c>wxr</c> source end to end: the export imported into the store, read by check and build as any source.</summary>
public class WxrSourceTests
{
    private static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");

    private static WxrExport Export(params long[] ids)
    {
        var export = new WxrExport();
        foreach (var id in ids)
        {
            export.Item(id, $"Post {id}: journey mapping", $"Paragraph one of {id}.\n\n[caption width=\"300\"]<img src=\"https://www.heartofthecustomer.com/wp-content/uploads/{id}.jpg\" alt=\"Map\" /> The map of {id}[/caption]\n\nParagraph two.",
                slug: $"post-{id}", terms: WxrExport.Category("category", "journey-mapping", "Journey Mapping"));
        }
        return export;
    }

    private static string[] Arguments(string verb, string export, string store, params string[] more) =>
        [verb, "--CxFeed:Content:Source", "wxr", "--CxFeed:Content:Wxr:Path", export, "--CxFeed:Content:StorePath", store, "--CxFeed:Site:TimeZone", "America/Chicago", .. more];

    [Fact]
    public async Task Check_imports_the_export_and_lists_its_problems_by_file_and_post()
    {
        using var folder = new TemporaryFolder();
        var export = Export(4215, 4603).Item(77, "Undated", "Text.", date: "0000-00-00 00:00:00", dateGmt: "0000-00-00 00:00:00");
        var file = folder.Write("export.xml", Encoding.UTF8.GetBytes(export.Document()));

        var run = await Cxfeed.RunAsync(Arguments("check", file, Path.Combine(folder.Path, "store")));

        Assert.Equal(ExitCode.ContentProblems, run.ExitCode);
        Assert.Equal(
            "export.xml, post 77: has no usable publication date (wp:post_date_gmt '0000-00-00 00:00:00', wp:post_date '0000-00-00 00:00:00')\n"
            + "2 posts read, 1 problem\n",
            run.Output);
    }

    [Fact]
    public async Task A_missing_export_stops_with_exit_2_naming_the_setting()
    {
        using var folder = new TemporaryFolder();

        var run = await Cxfeed.RunAsync(Arguments("check", Path.Combine(folder.Path, "missing.xml"), Path.Combine(folder.Path, "store")));

        Assert.Equal(ExitCode.Usage, run.ExitCode);
        Assert.Contains("CxFeed:Content:Wxr:Path: '", run.Error, StringComparison.Ordinal);
        Assert.Contains("missing.xml' is neither a file nor a folder", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_publishes_the_export_with_WordPress_ids_and_rendered_captions()
    {
        using var folder = new TemporaryFolder();
        var file = folder.Write("export.xml", Encoding.UTF8.GetBytes(Export(4215).Document()));
        var output = Path.Combine(folder.Path, "out");

        var run = await Cxfeed.RunAsync(Arguments("build", file, Path.Combine(folder.Path, "store"), "--out", output, "--feeds", Path.Combine(Repository.Root, "feeds")));

        Assert.Equal((ExitCode.Ok, ""), (run.ExitCode, run.Error));
        var rss = await File.ReadAllTextAsync(Path.Combine(output, "feeds", "customerthink.rss"));
        Assert.Contains("<guid isPermaLink=\"false\">https://www.heartofthecustomer.com/?p=4215</guid>", rss, StringComparison.Ordinal);
        Assert.Contains("&lt;figure&gt;&lt;img src=\"https://www.heartofthecustomer.com/wp-content/uploads/4215.jpg\" alt=\"Map\" /&gt;\n&lt;figcaption&gt;The map of 4215&lt;/figcaption&gt;", rss, StringComparison.Ordinal);
        Assert.Contains("<category>Journey Mapping</category>", rss, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_gone_from_the_export_leaves_the_store_and_a_truncated_export_removes_nothing()
    {
        using var folder = new TemporaryFolder();
        var store = new PostStore(Path.Combine(folder.Path, "store"));
        var file = Path.Combine(folder.Path, "export.xml");
        var import = new WxrImport(new WxrOptions { Path = file }, store, Chicago);
        await File.WriteAllTextAsync(file, Export(1, 2, 3).Document());
        var first = await import.RunAsync(CancellationToken.None);

        var document = Export(1, 2).Document();
        await File.WriteAllTextAsync(file, document[..(document.Length / 2)]);
        var truncated = await import.RunAsync(CancellationToken.None);
        var afterTruncated = store.StoredIds();
        await File.WriteAllTextAsync(file, document);
        var whole = await import.RunAsync(CancellationToken.None);

        Assert.Equal((3, 3, 0, true), (first.Fetched, first.Changed, first.Removed, first.Complete));
        Assert.Equal((0, false), (truncated.Removed, truncated.Complete));
        Assert.StartsWith("stopped reading at line ", Assert.Single(truncated.Problems).Reason, StringComparison.Ordinal);
        Assert.Equal<long>([1, 2, 3], afterTruncated);
        Assert.Equal((2, 0, 1), (whole.Fetched, whole.Changed, whole.Removed));
        Assert.Equal<long>([1, 2], store.StoredIds());
        Assert.Equal(WxrImport.SourceName, (await store.ReadStateAsync()).Source);
    }

    [Fact]
    public async Task A_post_that_turns_bad_keeps_its_last_good_page()
    {
        using var folder = new TemporaryFolder();
        var store = new PostStore(Path.Combine(folder.Path, "store"));
        var file = Path.Combine(folder.Path, "export.xml");
        var import = new WxrImport(new WxrOptions { Path = file }, store, Chicago);
        await File.WriteAllTextAsync(file, Export(1, 2).Document());
        await import.RunAsync(CancellationToken.None);
        var good = await File.ReadAllBytesAsync(Path.Combine(store.PostsPath, "2.html"));

        await File.WriteAllTextAsync(file, Export(1).Item(2, "Broken now", "Text.", date: "0000-00-00 00:00:00", dateGmt: "0000-00-00 00:00:00").Document());
        var report = await import.RunAsync(CancellationToken.None);

        Assert.Equal(0, report.Removed);
        Assert.Equal<long>([1, 2], store.StoredIds());
        Assert.Equal(good, await File.ReadAllBytesAsync(Path.Combine(store.PostsPath, "2.html")));
        Assert.Equal("export.xml, post 2", Assert.Single(report.Problems).Subject);
    }
}
