using CxFeed.Cli;
using CxFeed.Tests.Content;

namespace CxFeed.Tests.Cleaning;

public class CleanCommandTests
{
    [Fact]
    public async Task Clean_writes_the_cleaned_fragment_to_standard_output()
    {
        var run = await Cxfeed.RunWithInputAsync(
            "<p class=\"intro\">Read <a href=\"/cx-research/\" target=\"_blank\">our research</a>.<script>alert(1)</script></p>",
            "clean", "--base", "https://www.heartofthecustomer.com/cx-needs-change-management/");

        Assert.Equal(ExitCode.Ok, run.ExitCode);
        Assert.Equal("<p>Read <a href=\"https://www.heartofthecustomer.com/cx-research/\">our research</a>.</p>\n", run.Output);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public async Task Clean_takes_the_body_of_a_whole_page()
    {
        var run = await Cxfeed.RunWithInputAsync(
            "<!DOCTYPE html><html><head><title>T</title><base href=\"https://evil.example/\"></head><body><p><img src=\"a.png\" alt=\"A\"></p></body></html>",
            "clean", "--base", "https://example.com/posts/one/");

        Assert.Equal("<p><img src=\"https://example.com/posts/one/a.png\" alt=\"A\" /></p>\n", run.Output);
    }

    [Fact]
    public async Task Clean_takes_the_post_out_of_a_whole_post_page_without_the_theme_around_it()
    {
        var page = await File.ReadAllTextAsync(Path.Combine(SeedPages.Folder, "what-is-the-most-important-contact-center-metric.html"));

        var run = await Cxfeed.RunWithInputAsync(page, "clean", "--base", "https://www.heartofthecustomer.com/what-is-the-most-important-contact-center-metric/");

        Assert.Equal(ExitCode.Ok, run.ExitCode);
        Assert.StartsWith("<p><img src=\"https://www.heartofthecustomer.com/wp-content/uploads/2017/01/metrics2-300x225.png\" ", run.Output);
        Assert.EndsWith("<p>Do any of these resonate with you? If so, then you need to rethink your approach.</p>\n", run.Output);
        Assert.DoesNotContain("Services", run.Output);
        Assert.DoesNotContain("Related posts", run.Output);
    }

    [Fact]
    public async Task A_whole_post_page_without_a_date_says_so_and_gives_its_post_body_not_the_page()
    {
        var page = new WordPressPage
        {
            Metadata = $"<link rel=\"canonical\" href=\"{WordPressPage.Url}\" />",
            EntryHeader = "<h1 class=\"entry-title\">Journey Mapping Mistakes to Avoid</h1>",
        }.Html;

        var run = await Cxfeed.RunWithInputAsync(page, "clean", "--base", WordPressPage.Url);

        Assert.Equal(ExitCode.Ok, run.ExitCode);
        Assert.Equal(
            "<p>Journey maps are powerful tools. But we’ve seen them go wrong in a few predictable ways.</p>\n"
            + "<p>First, a map built without talking to customers is a map of your own assumptions.</p>\n",
            run.Output);
        Assert.Equal("cxfeed clean: standard input has no publication date: none of JSON-LD datePublished, article:published_time, microdata datePublished, hAtom published, <meta name=\"date\">, <meta name=\"pubdate\">, DC.date.issued, parsely-pub-date, sailthru.date, <time>, the page's text, parsely-page pub_date gives one\n", run.Error);
    }

    [Fact]
    public async Task A_whole_page_that_is_not_a_post_says_so_and_is_cleaned_whole()
    {
        var page = new WordPressPage().Html.Replace(
            "post-template-default single single-post postid-4452 single-format-standard", "archive category category-journey-mapping", StringComparison.Ordinal);

        var run = await Cxfeed.RunWithInputAsync(page, "clean", "--base", "https://www.heartofthecustomer.com/category/journey-mapping/");

        Assert.Equal(ExitCode.Ok, run.ExitCode);
        Assert.Contains("Journey maps are powerful tools.", run.Output, StringComparison.Ordinal);
        Assert.Equal("cxfeed clean: standard input is not a single post: WordPress marks it a category archive (body class 'category')\n", run.Error);
    }

    [Fact]
    public async Task A_page_piped_in_is_decoded_by_the_charset_it_declares()
    {
        // Byte 0x92 is ’ in windows-1252 and not valid UTF-8: read as UTF-8 it would become U+FFFD.
        var page = System.Text.Encoding.Latin1.GetBytes(
            "<html><head><meta charset=\"windows-1252\"><title>Don\u0092t</title></head><body><p>Don\u0092t go the extra mile.</p></body></html>");

        var run = await Cxfeed.RunWithInputAsync(page, "clean", "--base", "https://example.com/posts/one/");

        Assert.Equal("<p>Don’t go the extra mile.</p>\n", run.Output);
    }

    [Fact]
    public async Task A_fragment_piped_in_with_a_byte_order_mark_loses_the_mark()
    {
        byte[] fragment = [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes("<p>Café “CX”</p>")];

        var run = await Cxfeed.RunWithInputAsync(fragment, "clean", "--base", "https://example.com/posts/one/");

        Assert.Equal("<p>Café “CX”</p>\n", run.Output);
    }

    [Fact]
    public async Task Problems_go_to_standard_error_and_are_not_a_failure()
    {
        var run = await Cxfeed.RunWithInputAsync(
            "<p>Map</p><iframe src=\"https://maps.example.com/embed\"></iframe>",
            "clean", "--base", "https://example.com/", "--CxFeed:Cleaning:MaxDepth", "64");

        Assert.Equal(ExitCode.Ok, run.ExitCode);
        Assert.Equal("<p>Map</p>\n", run.Output);
        Assert.Equal("cxfeed clean: removed 1 embedded frame or media element(s) with nothing to link to: <iframe> from https://maps.example.com/embed\n", run.Error);
    }

    [Theory]
    [InlineData(new string[0], "cxfeed clean: --base URL is required: the post's address, to make its links absolute\n")]
    [InlineData(new[] { "--base", "/relative/" }, "cxfeed clean: --base '/relative/' is not an absolute http(s) URL\n")]
    [InlineData(new[] { "--base", "ftp://example.com/" }, "cxfeed clean: --base 'ftp://example.com/' is not an absolute http(s) URL\n")]
    public async Task Clean_without_an_absolute_http_base_is_a_usage_error(string[] options, string error)
    {
        var run = await Cxfeed.RunWithInputAsync("<p>x</p>", ["clean", .. options]);

        Assert.Equal(ExitCode.Usage, run.ExitCode);
        Assert.Equal(error, run.Error);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task A_setting_that_would_allow_script_is_refused_by_name()
    {
        var run = await Cxfeed.RunWithInputAsync("<p>x</p>", "clean", "--base", "https://example.com/", "--CxFeed:Cleaning:AllowedElements:0", "script");

        Assert.Equal(ExitCode.Usage, run.ExitCode);
        Assert.Equal("cxfeed: setting CxFeed:Cleaning:AllowedElements: 'script' can run script, load another document or take input, and is never allowed\n", run.Error);
    }
}
