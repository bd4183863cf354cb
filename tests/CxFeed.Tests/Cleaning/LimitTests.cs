using CxFeed.Core.Cleaning;

namespace CxFeed.Tests.Cleaning;

/// <summary>
/// Hostile sizes finish, and say what was cut. (Only that they finish is checked here; how fast
/// is measured in the benchmarks.)
/// </summary>
public class LimitTests
{
    private static string Repeat(string text, int count) => string.Concat(Enumerable.Repeat(text, count));

    [Theory]
    [InlineData("div")]
    [InlineData("b")]
    [InlineData("span")]
    [InlineData("blockquote")]
    [InlineData("ul><li")]
    [InlineData("p><b")]
    [InlineData("li><span")]
    [InlineData("a><b")]
    [InlineData("table><tr><td")]
    [InlineData("font")]
    [InlineData("x-custom")]
    public void A_hundred_thousand_nested_elements_are_flattened_with_a_problem(string tag)
    {
        var input = Repeat($"<{tag}>", 100_000) + "deep text" + Repeat($"</{tag.Split('>')[0]}>", 1000);

        var cleaned = new HtmlCleaner().Clean(input, Clean.Post);

        Assert.Contains("deep text", cleaned.Html);
        Assert.True(MaxDepth(cleaned.Html) <= CleaningPolicy.Default.MaxDepth + 2, $"output nests {MaxDepth(cleaned.Html)} deep");
        Assert.Contains(cleaned.Problems, p => p.Contains("nested deeper than 256 were flattened", StringComparison.Ordinal));
        Clean.AssertPolyglot(cleaned.Html);
    }

    [Fact]
    public void Unclosed_inline_elements_inside_closed_blocks_finish()
    {
        var cleaned = new HtmlCleaner().Clean(Repeat("<div><b>x</div>", 100_000), Clean.Post);

        Assert.StartsWith("<p><b>x</b></p>\n<p><b>x</b></p>", cleaned.Html);
    }

    [Fact]
    public void The_depth_limit_is_configurable()
    {
        var cleaner = new HtmlCleaner(CleaningPolicy.Default with { MaxDepth = 3 });

        var cleaned = cleaner.Clean("<blockquote><blockquote><blockquote><blockquote><p>deep</p></blockquote></blockquote></blockquote></blockquote>", Clean.Post);

        Assert.Equal("<blockquote>\n<blockquote>\n<blockquote>\n<p>deep</p>\n</blockquote>\n</blockquote>\n</blockquote>", cleaned.Html);
        // The fourth blockquote and the paragraph in it: the text is gathered into a paragraph again.
        Assert.Equal(["2 elements nested deeper than 3 were flattened to their text"], cleaned.Problems.ToArray());
    }

    [Fact]
    public void A_post_over_the_size_limit_is_cut_with_a_problem()
    {
        var cleaner = new HtmlCleaner(CleaningPolicy.Default with { MaxInputChars = 20 });

        var cleaned = cleaner.Clean("<p>0123456789 0123456789 0123456789</p>", Clean.Post);

        Assert.Equal("<p>0123456789 012345</p>", cleaned.Html);
        Assert.Equal(["the HTML is longer than 20 characters; the rest was cut"], cleaned.Problems.ToArray());
    }

    [Fact]
    public void A_twenty_megabyte_post_finishes()
    {
        var paragraph = "<p>Journey mapping <a href=\"/cx/\">helps</a> B2B teams <em>see</em> the whole customer.</p>\n";
        var input = Repeat(paragraph, 20 * 1024 * 1024 / paragraph.Length);

        var cleaned = new HtmlCleaner().Clean(input, Clean.Post);

        Assert.Empty(cleaned.Problems);
        Assert.StartsWith("<p>Journey mapping <a href=\"https://www.heartofthecustomer.com/cx/\">helps</a> B2B teams <em>see</em> the whole customer.</p>\n<p>", cleaned.Html);
    }

    [Fact]
    public void A_million_attributes_finish()
    {
        var input = "<p " + string.Join(" ", Enumerable.Range(0, 1_000_000).Select(i => $"a{i}=1")) + " onclick=alert(1)>text</p>";

        Assert.Equal("<p>text</p>", new HtmlCleaner().Clean(input, Clean.Post).Html);
    }

    [Fact]
    public void A_hundred_thousand_character_word_finishes_whole()
    {
        var word = new string('w', 100_000);

        Assert.Equal($"<p>{word}</p>", new HtmlCleaner().Clean($"<p>{word}</p>", Clean.Post).Html);
    }

    [Fact]
    public void A_hundred_thousand_character_url_finishes()
    {
        var input = $"<a href=\"https://example.com/{new string('a', 100_000)}\">long</a><a href=\"x{new string('%', 70_000)}\">bad</a>";

        var html = new HtmlCleaner().Clean(input, Clean.Post).Html;

        Assert.StartsWith("<p><a href=\"https://example.com/aaaa", html);
        Assert.EndsWith("%25%25\">bad</a></p>", html);
    }

    [Fact]
    public void Many_stray_end_tags_and_unclosed_comments_finish()
    {
        var input = Repeat("</div></span></p>", 100_000) + "<p>kept</p><!-- never closed " + Repeat("<div>", 1000);

        Assert.Equal("<p>kept</p>", new HtmlCleaner().Clean(input, Clean.Post).Html);
    }

    /// <summary>The deepest element nesting in the output, read with a loop.</summary>
    private static int MaxDepth(string html)
    {
        var depth = 0;
        var max = 0;
        for (var i = 0; i < html.Length; i++)
        {
            if (html[i] != '<')
                continue;
            var end = html.IndexOf('>', i);
            if (html[i + 1] == '/')
                depth--;
            else if (html[end - 1] != '/')
                max = Math.Max(max, ++depth);
            i = end;
        }
        return max;
    }
}
