using CxFeed.Cli;
using CxFeed.Core.Cleaning;
using Microsoft.Extensions.Configuration;

namespace CxFeed.Tests.Cleaning;

public class CleaningOptionsTests
{
    private static CleaningOptions Bind(params (string Key, string Value)[] settings) =>
        CommandLine.Settings<CleaningOptions>(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>("CxFeed:Cleaning:" + s.Key, s.Value)))
            .Build());

    [Fact]
    public void No_settings_give_the_default_policy()
    {
        var policy = Bind().ToPolicy();

        Assert.Equal(CleaningPolicy.Default.AllowedElements, policy.AllowedElements);
        Assert.Equal(CleaningPolicy.Default.ChromeSelectors.ToArray(), policy.ChromeSelectors.ToArray());
        Assert.Equal(256, policy.MaxDepth);
        Assert.Equal(20 * 1024 * 1024, policy.MaxInputChars);
    }

    [Fact]
    public void A_configured_set_replaces_its_default_and_extra_chrome_adds_to_it()
    {
        var policy = Bind(("UrlSchemes:0", "https"), ("ExtraChromeSelectors:0", ".promo-box"), ("MaxDepth", "32")).ToPolicy();

        Assert.Equal(["https"], policy.UrlSchemes);
        Assert.Equal([.. CleaningPolicy.Default.ChromeSelectors, ".promo-box"], policy.ChromeSelectors.ToArray());
        Assert.Equal(32, policy.MaxDepth);
    }

    [Fact]
    public void Configured_chrome_selectors_remove_their_blocks()
    {
        var cleaner = new HtmlCleaner(Bind(("ExtraChromeSelectors:0", ".promo-box")).ToPolicy());

        Assert.Equal("<p>Post.</p>", cleaner.Clean("<p>Post.</p><div class=\"promo-box\"><p>Buy the book!</p></div>", Clean.Post).Html);
    }

    [Fact]
    public void Configured_attributes_replace_the_attribute_table()
    {
        var cleaner = new HtmlCleaner(Bind(("AllowedAttributes:a:0", "href")).ToPolicy());

        Assert.Equal("<p><a href=\"https://example.com/\">x</a> <abbr>CX</abbr></p>",
            cleaner.Clean("<a href=\"https://example.com/\" title=\"t\">x</a> <abbr title=\"Customer experience\">CX</abbr>", Clean.Post).Html);
    }

    [Theory]
    [InlineData("AllowedElements:0", "iframe", "CxFeed:Cleaning:AllowedElements", "'iframe' can run script, load another document or take input, and is never allowed")]
    [InlineData("AllowedAttributes:p:0", "onclick", "CxFeed:Cleaning:AllowedAttributes", "'onclick' on 'p' can run script or load content, and is never allowed")]
    [InlineData("AllowedAttributes:p:0", "style", "CxFeed:Cleaning:AllowedAttributes", "'style' on 'p' can run script or load content, and is never allowed")]
    [InlineData("UrlSchemes:0", "javascript", "CxFeed:Cleaning:UrlSchemes", "'javascript:' URLs can run script, and are never allowed")]
    [InlineData("UrlSchemes:0", "data", "CxFeed:Cleaning:UrlSchemes", "'data:' URLs can run script, and are never allowed")]
    [InlineData("ExtraChromeSelectors:0", "div > p", "CxFeed:Cleaning:ExtraChromeSelectors", "'div > p' is not a supported selector: '>' is not supported (only type, .class, #id, [attribute] and descendant selectors are)")]
    [InlineData("MaxDepth", "0", "CxFeed:Cleaning:MaxDepth", "0 is not between 1 and 4096")]
    [InlineData("MaxInputChars", "-5", "CxFeed:Cleaning:MaxInputChars", "-5 is not a positive number of characters")]
    public void A_setting_that_would_open_a_hole_or_cannot_work_is_refused_by_name(string key, string value, string setting, string reason)
    {
        var invalid = Assert.Throws<SettingsException>(() => Bind((key, value)));

        var problem = Assert.Single(invalid.Problems);
        Assert.Equal(setting, problem.Subject);
        Assert.Equal(reason, problem.Reason);
    }

    [Fact]
    public void A_policy_that_allows_script_cannot_make_a_cleaner()
    {
        Assert.Throws<ArgumentException>(() => new HtmlCleaner(CleaningPolicy.Default with { AllowedElements = CleaningPolicy.Default.AllowedElements.Add("SCRIPT") }));
    }
}
