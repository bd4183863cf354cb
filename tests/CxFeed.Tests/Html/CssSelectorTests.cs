using CxFeed.Core.Html;
using HtmlAgilityPack;

namespace CxFeed.Tests.Html;

public class CssSelectorTests
{
    private const string Page = """
        <div class="entry-content clear" id="post">
          <p class="intro">Intro</p>
          <div class="sharedaddy sd-sharing-enabled"><a class="share-twitter" href="https://x/?share=twitter">T</a></div>
          <div class="sharedaddy-like">Not share</div>
          <p><a href="https://x/#more-12" class="more-link">Read more</a> <a href="/y">y</a></p>
          <section><span data-lazy="1">lazy</span></section>
          <img src="a.jpg">
        </div>
        """;

    private static HtmlNode Root()
    {
        var document = new HtmlDocument();
        document.LoadHtml(Page);
        return document.DocumentNode;
    }

    private static string[] Matching(string selector)
    {
        var parsed = CssSelector.Parse(selector);
        return [.. HtmlTree.Descendants(Root()).Where(parsed.Matches).Select(Describe)];
    }

    private static string Describe(HtmlNode node) =>
        node.Name + (node.GetAttributeValue("class", null) is { } c ? "." + c.Split(' ')[0] : "");

    [Theory]
    [InlineData(".sharedaddy", new[] { "div.sharedaddy" })]
    [InlineData(".sd-sharing-enabled", new[] { "div.sharedaddy" })]
    [InlineData(".sharedaddy.sd-sharing-enabled", new[] { "div.sharedaddy" })]
    [InlineData(".clear", new[] { "div.entry-content" })]
    [InlineData("#post", new[] { "div.entry-content" })]
    [InlineData("img", new[] { "img" })]
    [InlineData("[data-lazy]", new[] { "span" })]
    [InlineData("a[href*='#more-']", new[] { "a.more-link" })]
    [InlineData("a[href^=\"/\"]", new[] { "a" })]
    [InlineData(".entry-content .share-twitter", new[] { "a.share-twitter" })]
    [InlineData("section *", new[] { "span" })]
    [InlineData(".intro, #post, img, [data-lazy], .more-link", new[] { "div.entry-content", "p.intro", "a.more-link", "span", "img" })]
    [InlineData(".missing, #missing, table", new string[0])]
    public void A_selector_list_matches_by_tag_id_class_and_attribute(string selector, string[] expected) =>
        Assert.Equal(expected, Matching(selector));

    [Fact]
    public void A_class_matches_a_whole_word_of_the_class_list_only()
    {
        Assert.Equal(["div.sharedaddy"], Matching(".sharedaddy"));
        Assert.Empty(Matching(".sharedadd"));
        Assert.Empty(Matching(".addy"));
    }

    [Fact]
    public void Select_outermost_skips_matches_inside_matches()
    {
        var selector = CssSelector.Parse("div, a");

        Assert.Equal(["div.entry-content"], selector.SelectOutermost(Root()).Select(Describe));
    }
}
