using CxFeed.Cli;

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
}
