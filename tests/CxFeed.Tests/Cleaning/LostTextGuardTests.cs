using CxFeed.Core.Cleaning;

namespace CxFeed.Tests.Cleaning;

/// <summary>
/// A guard for what no rule foresaw: when cleaning writes less than half of the visible text it
/// reached (what the policy removes by name — scripts, styles, site chrome, embeds — aside), the
/// result carries a problem, which names the post in the feeds, <c>check</c> and <c>/healthz</c>.
/// </summary>
public class LostTextGuardTests
{
    /// <summary>A comparison post that is mostly a table, as the classic editor writes it.</summary>
    internal const string ComparisonBody =
        "<p>How the three programs compare:</p>\n"
        + "<table class=\"wp-block-table\"><thead><tr><th>Program</th><th>What customers said</th></tr></thead><tbody>\n"
        + "<tr><td>Onboarding</td><td>The welcome call came after the first invoice, so the first thing they heard from us was a bill.</td></tr>\n"
        + "<tr><td>Renewals</td><td>Nobody called until the contract was about to lapse, and then three people called on the same day.</td></tr>\n"
        + "<tr><td>Support</td><td>Tickets were closed when the fix shipped, not when the customer confirmed it worked for them.</td></tr>\n"
        + "</tbody></table>";

    /// <summary>An owner's short list of elements that allows tables but forgets their cells.</summary>
    internal static readonly string[] TablesWithoutCells = ["p", "a", "strong", "em", "ul", "ol", "li", "h2", "h3", "table", "thead", "tbody", "tr"];

    private static readonly HtmlCleaner WithoutCells = new(CleaningPolicy.Default with { AllowedElements = CleaningPolicy.Set(TablesWithoutCells) });

    internal const string Problem =
        "cleaning kept only 27 of the 313 characters of visible text (not counting scripts, styles, site chrome and embeds the policy removes): the rest was lost, check the cleaned post and the cleaning settings";

    [Fact]
    public void A_policy_that_loses_most_of_a_posts_text_says_so()
    {
        var cleaned = Clean.Report(ComparisonBody, WithoutCells).Result;

        Assert.Equal("<p>How the three programs compare:</p>", cleaned.Html);
        Assert.Equal(Problem, Assert.Single(cleaned.Problems));
    }

    [Fact]
    public void Losing_less_than_half_is_no_problem()
    {
        var body = "<p>How the three programs compare, and what we learned from each of them over a year of interviews with our clients’ customers:</p>\n"
            + "<table><tr><td>Onboarding</td><td>Renewals</td><td>Support</td></tr></table>";

        var cleaned = Clean.Report(body, WithoutCells).Result;

        Assert.StartsWith("<p>How the three programs compare", cleaned.Html, StringComparison.Ordinal);
        Assert.Empty(cleaned.Problems);
    }

    /// <summary>A post whose share bar, scripts, styles and form outweigh its text: all removed by name, none counted.</summary>
    [Fact]
    public void What_the_policy_removes_by_name_does_not_count()
    {
        var share = "<div class=\"sharedaddy sd-sharing-enabled\"><div class=\"robots-nocontent sd-block sd-social\"><h3 class=\"sd-title\">Share this:</h3><div class=\"sd-content\"><ul>"
            + string.Concat(Enumerable.Range(1, 12).Select(i => $"<li class=\"share-{i}\"><a href=\"/?share=service-{i}\">Share on a social network number {i} (opens in new window)</a></li>"))
            + "</ul></div></div></div>";
        var body = "<p>A short note.</p>" + share
            + "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"BlogPosting\",\"headline\":\"A very long headline that is not text of the post at all\"}</script>"
            + "<style>.wp-block-table td { padding: 4px 8px; border: 1px solid #ccc; } .sd-title { display: none; }</style>"
            + "<form class=\"mc4wp-form\"><label>Get the next post in your inbox, every other Tuesday, no spam</label><input type=\"email\"><button>Subscribe now</button></form>"
            + "<svg viewBox=\"0 0 10 10\"><text>An icon's text that nobody reads as the post</text></svg>";

        var cleaned = Clean.Report(body).Result;

        Assert.Equal("<p>A short note.</p>", cleaned.Html);
        Assert.Empty(cleaned.Problems);
    }

    [Theory]
    [InlineData("<table><tr><td>cell</td></tr><p>The paragraph a browser shows before the table.</p></table>")]
    [InlineData("<!--[if gte mso 9]><xml><w:WordDocument/></xml><![endif]--><p>First.</p><!--[if !vml]--><img src=\"/a.png\" alt=\"a\"><!--[endif]--><p>Second.</p>")]
    [InlineData("<p>custo<span>mer</span> text   with\n\n  lots of   white space&nbsp;&nbsp; and <em>inline</em> <strong>markup</strong></p><pre>  code\n  block  </pre>")]
    public void A_post_cleaned_whole_has_no_problem(string body) =>
        Assert.Empty(Clean.Report(body).Result.Problems);
}
