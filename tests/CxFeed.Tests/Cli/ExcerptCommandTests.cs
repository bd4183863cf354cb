using CxFeed.Cli;
using CxFeed.Tests.Content;

namespace CxFeed.Tests.Cli;

public class ExcerptCommandTests
{
    private const string Page = "https://www.heartofthecustomer.com/the-bots-are-coming/";

    [Fact]
    public async Task Without_a_base_it_is_a_usage_error_that_names_the_option()
    {
        var run = await Cxfeed.RunWithInputAsync("<p>Text.</p>", "excerpt");

        Assert.Equal(ExitCode.Usage, run.ExitCode);
        Assert.StartsWith("cxfeed excerpt: --base is required", run.Error);
        Assert.Contains("usage: cxfeed excerpt --base URL [--words N | --chars N] [--html]", run.Error);
        Assert.Equal("", run.Output);
    }

    [Theory]
    [InlineData("the-bots-are-coming/", "cxfeed excerpt: --base 'the-bots-are-coming/' is not an absolute http(s) URL\n")]
    [InlineData("ftp://www.heartofthecustomer.com/", "cxfeed excerpt: --base 'ftp://www.heartofthecustomer.com/' is not an absolute http(s) URL\n")]
    public async Task A_base_that_is_no_web_address_is_a_usage_error(string baseUrl, string message)
    {
        var run = await Cxfeed.RunWithInputAsync("<p>Text.</p>", "excerpt", "--base", baseUrl);

        Assert.Equal(ExitCode.Usage, run.ExitCode);
        Assert.StartsWith(message, run.Error);
    }

    [Theory]
    [InlineData("--words", "0")]
    [InlineData("--words", "many")]
    [InlineData("--chars", "-5")]
    [InlineData("--chars", "1.5")]
    [InlineData("--words", "99999999999")]
    public async Task A_budget_that_is_not_a_positive_whole_number_is_a_usage_error_that_names_it(string option, string value)
    {
        var run = await Cxfeed.RunWithInputAsync("<p>Text.</p>", "excerpt", "--base", Page, option, value);

        Assert.Equal(ExitCode.Usage, run.ExitCode);
        Assert.StartsWith($"cxfeed excerpt: {option} '{value}' is not a positive whole number\n", run.Error);
    }

    [Fact]
    public async Task Words_and_characters_together_are_a_usage_error()
    {
        var run = await Cxfeed.RunWithInputAsync("<p>Text.</p>", "excerpt", "--base", Page, "--words", "10", "--chars", "100");

        Assert.Equal(ExitCode.Usage, run.ExitCode);
        Assert.StartsWith("cxfeed excerpt: --words and --chars exclude each other", run.Error);
    }

    [Fact]
    public async Task A_read_more_text_with_an_unknown_placeholder_is_a_setting_error()
    {
        var run = await Cxfeed.RunWithInputAsync("<p>Text.</p>", "excerpt", "--base", Page, "--CxFeed:Excerpts:ReadMoreText", "More of {post}");

        Assert.Equal(ExitCode.Usage, run.ExitCode);
        Assert.Equal("cxfeed: setting CxFeed:Excerpts:ReadMoreText: 'More of {post}' has a placeholder other than {title}\n", run.Error);
    }

    [Fact]
    public async Task A_seed_page_gives_the_excerpt_the_feeds_give()
    {
        var page = await File.ReadAllTextAsync(Path.Combine(SeedPages.Folder, "the-bots-are-coming.html"));

        var run = await Cxfeed.RunWithInputAsync(page, "excerpt", "--base", Page);

        Assert.Equal(ExitCode.Ok, run.ExitCode);
        Assert.Equal(
            "Actually, they’re already here. But are you aware of them? Today, I’m flying back from the CCW’s Executive Exchange. "
            + "I not only enjoyed speaking at the event, but also the opportunity to attend its presentations. The audience was primarily made up "
            + "of contact center leaders, each having a lot to say– and do –about the…\n",
            run.Output);
    }

    [Fact]
    public async Task A_word_budget_and_the_html_form_of_a_seed_page()
    {
        var page = await File.ReadAllTextAsync(Path.Combine(SeedPages.Folder, "the-bots-are-coming.html"));

        var run = await Cxfeed.RunWithInputAsync(page, "excerpt", "--base", Page, "--words", "8", "--html");

        Assert.Equal(ExitCode.Ok, run.ExitCode);
        Assert.Equal(
            "<p>Actually, they’re already here. But are you aware…</p>\n"
            + "<p><a href=\"https://www.heartofthecustomer.com/the-bots-are-coming/\">Continue reading “The Bots are Coming!”</a></p>\n",
            run.Output);
    }

    [Fact]
    public async Task A_fragment_is_cleaned_and_its_more_marker_ends_the_teaser()
    {
        const string fragment = "<p><img src=\"/wp-content/uploads/metrics2.jpg\" alt=\"metrics2\">I presented at the <b>ICMI</b> Expo. It was great.</p>\n<!--more-->\n<p>After the marker.</p>";

        var text = await Cxfeed.RunWithInputAsync(fragment, "excerpt", "--base", "https://example.com/post/");
        var html = await Cxfeed.RunWithInputAsync(fragment, "excerpt", "--base", "https://example.com/post/", "--html");

        Assert.Equal("I presented at the ICMI Expo. It was great.\n", text.Output);
        Assert.Equal("<p>I presented at the <b>ICMI</b> Expo. It was great.</p>\n<p><a href=\"https://example.com/post/\">Continue reading</a></p>\n", html.Output);
    }

    [Fact]
    public async Task A_character_budget_cuts_a_fragment_between_words()
    {
        var run = await Cxfeed.RunWithInputAsync("<p>Customer journey maps, static and living.</p>", "excerpt", "--base", "https://example.com/post/", "--chars", "24");

        Assert.Equal(ExitCode.Ok, run.ExitCode);
        Assert.Equal("Customer journey maps…\n", run.Output);
    }

    [Fact]
    public async Task A_whole_page_without_a_post_body_says_so_on_standard_error()
    {
        // A page with a date but no container and too little running text to be a post.
        const string page = """
            <!DOCTYPE html>
            <html><head><title>Contact us</title><meta property="article:published_time" content="2021-03-16T15:00:00+00:00"></head>
            <body><div id="page"><p>Call us on 555-0100.</p></div></body></html>
            """;

        var run = await Cxfeed.RunWithInputAsync(page, "excerpt", "--base", Page);

        Assert.Equal(ExitCode.Ok, run.ExitCode);
        Assert.Equal("Call us on 555-0100.\n", run.Output);
        Assert.Equal(
            "cxfeed excerpt: standard input has no body: no post container (.entry-content, [itemprop=articleBody], article, main…) holds text, and no part of the page reads as running text\n",
            run.Error);
    }

    [Fact]
    public async Task A_fragment_is_no_page_and_gives_no_such_warning()
    {
        var run = await Cxfeed.RunWithInputAsync("<p>Journey maps are powerful tools.</p>", "excerpt", "--base", Page);

        Assert.Equal("Journey maps are powerful tools.\n", run.Output);
        Assert.Equal("", run.Error);
    }
}
