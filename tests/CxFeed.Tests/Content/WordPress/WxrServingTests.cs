using System.Text;
using CxFeed.Tests.Serving;

namespace CxFeed.Tests.Content.WordPress;

/// <summary><c>serve</c> with the <c>wxr</c> source: the export in the feeds at the first request, and a newer export followed.</summary>
public class WxrServingTests
{
    [Fact]
    public async Task Serve_publishes_the_export_at_once_and_follows_a_newer_export()
    {
        var folder = Path.Combine(Path.GetTempPath(), "cxfeed-wxr-serve-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        var export = Path.Combine(folder, "export.xml");
        await File.WriteAllTextAsync(export, new WxrExport().Item(4215, "2021: The Year of CX Data", "For years, CX leaders struggled.\n\nThat ends.").Document(), Encoding.UTF8);
        try
        {
            await using var server = CxFeedServer.Start(new Dictionary<string, string?>
            {
                ["CxFeed:Content:Source"] = "wxr",
                ["CxFeed:Content:Wxr:Path"] = export,
                ["CxFeed:Content:StorePath"] = Path.Combine(folder, "store"),
            });

            var first = await (await server.GetAsync("/feeds/posts.rss")).Content.ReadAsStringAsync();
            await File.WriteAllTextAsync(export, new WxrExport()
                .Item(4215, "2021: The Year of CX Data", "For years, CX leaders struggled.\n\nThat ends.")
                .Item(4603, "CX Needs Change Management", "Change is hard.", dateGmt: "2021-03-02 15:00:00")
                .Document(), Encoding.UTF8);
            var second = await CxFeedServer.EventuallyAsync(async () =>
                await (await server.GetAsync("/feeds/posts.rss")).Content.ReadAsStringAsync() is var rss && rss.Contains("?p=4603", StringComparison.Ordinal) ? rss : null,
                "the newer export's post in /feeds/posts.rss");

            Assert.Contains("<guid isPermaLink=\"false\">https://www.heartofthecustomer.com/?p=4215</guid>", first, StringComparison.Ordinal);
            Assert.DoesNotContain("?p=4603", first, StringComparison.Ordinal);
            Assert.Contains("<title>CX Needs Change Management</title>", second, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
