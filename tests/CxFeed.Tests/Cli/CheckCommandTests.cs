using CxFeed.Cli;
using CxFeed.Tests.Content;

namespace CxFeed.Tests.Cli;

public class CheckCommandTests
{
    [Fact]
    public async Task Check_reads_the_twenty_seed_posts_without_a_problem()
    {
        var run = await Cxfeed.RunAsync("check", "--content", SeedPages.Folder);

        Assert.Equal(("20 posts read, 0 problems\n", "", ExitCode.Ok), (run.Output, run.Error, run.ExitCode));
    }

    [Fact]
    public async Task Check_names_a_broken_page_among_the_seeds_still_counts_the_twenty_and_exits_1()
    {
        using var folder = CopyOfTheSeeds();
        folder.Write("draft.html", "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"u8.ToArray());

        var run = await Cxfeed.RunAsync("check", "--content", folder.Path);

        Assert.Equal(ExitCode.ContentProblems, run.ExitCode);
        Assert.Equal("draft.html: is not HTML: it is a PDF document\n20 posts read, 1 problem\n", run.Output);
    }

    [Fact]
    public async Task Check_names_both_files_of_a_duplicate_post()
    {
        using var folder = CopyOfTheSeeds();
        File.Copy(Path.Combine(folder.Path, "cx-needs-change-management.html"), Path.Combine(Directory.CreateDirectory(Path.Combine(folder.Path, "old")).FullName, "cx-needs-change-management.html"));

        var run = await Cxfeed.RunAsync("check", "--content", folder.Path);

        Assert.Equal(ExitCode.ContentProblems, run.ExitCode);
        Assert.Equal(
            "old/cx-needs-change-management.html: has the same id as cx-needs-change-management.html (https://www.heartofthecustomer.com/?p=4603)\n"
            + "20 posts read, 1 problem\n",
            run.Output);
    }

    [Fact]
    public async Task Check_on_a_page_with_several_problems_prints_a_line_for_each()
    {
        using var folder = new TemporaryFolder();
        folder.Write("one.html", "<html><head><title>Only a title</title></head><body><p>No body element a theme would use.</p></body></html>"u8.ToArray());

        var run = await Cxfeed.RunAsync("check", "--content", folder.Path);

        Assert.Equal(ExitCode.ContentProblems, run.ExitCode);
        Assert.Equal(
            "one.html: has no body: no post container (.entry-content, [itemprop=articleBody], article, main…) holds text, and no part of the page reads as running text\n"
            + "one.html: has no publication date: none of JSON-LD datePublished, article:published_time, microdata datePublished, hAtom published, <meta name=\"date\">, <meta name=\"pubdate\">, DC.date.issued, parsely-pub-date, sailthru.date, <time>, the page's text, parsely-page pub_date gives one\n"
            + "0 posts read, 2 problems\n",
            run.Output);
    }

    [Fact]
    public async Task Check_cleans_every_post_and_names_one_that_lost_most_of_its_text()
    {
        using var folder = CopyOfTheSeeds();
        WithComparisonBody(folder.Path, "cx-needs-change-management.html");
        var settings = Cleaning.LostTextGuardTests.TablesWithoutCells.SelectMany((element, i) => new[] { $"--CxFeed:Cleaning:AllowedElements:{i}", element });

        var run = await Cxfeed.RunAsync(["check", "--content", folder.Path, .. settings]);

        Assert.Equal(ExitCode.ContentProblems, run.ExitCode);
        Assert.Equal($"cx-needs-change-management.html: {Cleaning.LostTextGuardTests.Problem}\n20 posts read, 1 problem\n", run.Output);

        var defaults = await Cxfeed.RunAsync("check", "--content", folder.Path);
        Assert.Equal(("20 posts read, 0 problems\n", ExitCode.Ok), (defaults.Output, defaults.ExitCode));
    }

    /// <summary>Gives a seed page the comparison table as its whole post body.</summary>
    internal static void WithComparisonBody(string folder, string name)
    {
        var path = Path.Combine(folder, name);
        var html = File.ReadAllText(path);
        var start = html.IndexOf("itemprop=\"text\">", StringComparison.Ordinal) + "itemprop=\"text\">".Length;
        var end = html.IndexOf("</div><!-- .entry-content", StringComparison.Ordinal);
        File.WriteAllText(path, html[..start] + Cleaning.LostTextGuardTests.ComparisonBody + html[end..]);
    }

    [Fact]
    public async Task Check_on_an_empty_folder_reads_no_post_and_finds_no_problem()
    {
        using var folder = new TemporaryFolder();

        var run = await Cxfeed.RunAsync("check", "--content", folder.Path);

        Assert.Equal(("0 posts read, 0 problems\n", ExitCode.Ok), (run.Output, run.ExitCode));
    }

    [Fact]
    public async Task Check_on_a_content_path_that_is_not_a_folder_exits_2_naming_the_setting_and_the_folder()
    {
        using var folder = new TemporaryFolder();
        var missing = Path.Combine(folder.Path, "posts");

        var run = await Cxfeed.RunAsync("check", "--content", missing);

        Assert.Equal(ExitCode.Usage, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.Equal($"cxfeed: setting CxFeed:Content:Path: '{missing}' is not a folder ({missing})\n", run.Error);
    }

    [Fact]
    public async Task Check_with_an_unsupported_excerpt_selector_exits_2_naming_the_setting()
    {
        var run = await Cxfeed.RunAsync("check", "--content", SeedPages.Folder, "--CxFeed:Content:ExcerptSelectors:0", "div > p");

        Assert.Equal(ExitCode.Usage, run.ExitCode);
        Assert.Equal(
            "cxfeed: setting CxFeed:Content:ExcerptSelectors:0: 'div > p' is not a supported selector: '>' is not supported (only type, .class, #id, [attribute] and descendant selectors are)\n",
            run.Error);
    }

    private static TemporaryFolder CopyOfTheSeeds()
    {
        var folder = new TemporaryFolder();
        foreach (var file in Directory.GetFiles(SeedPages.Folder, "*.html"))
            File.Copy(file, Path.Combine(folder.Path, Path.GetFileName(file)));
        return folder;
    }
}
