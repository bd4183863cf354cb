using CxFeed.Core.Cleaning;

namespace CxFeed.Tests.Cleaning;

/// <summary>
/// Text and elements written inside a table but outside its cells: browsers show them before the
/// table (HTML's foster parenting), so the cleaned post keeps them there instead of losing them.
/// </summary>
public class FosterParentingTests
{
    private const string Table = "<table>\n<tbody>\n<tr>\n<td>cell</td>\n</tr>\n</tbody>\n</table>";

    [Theory]
    [InlineData("<table><tr><td>cell</td></tr><p>foster</p></table>", "<p>foster</p>\n" + Table)]
    [InlineData("<table><tr><td>cell</td></tr>foster</table>", "<p>foster</p>\n" + Table)]
    [InlineData("<table><tbody><tr><td>cell</td></tr>foster</tbody></table>", "<p>foster</p>\n" + Table)]
    [InlineData("<table><tr>foster<td>cell</td></tr></table>", "<p>foster</p>\n" + Table)]
    // HtmlAgilityPack nests the row in the unclosed paragraph; the browser closes it at the row.
    [InlineData("<table><p>foster<tr><td>cell</td></tr></table>", "<p>foster</p>\n" + Table)]
    [InlineData("<table>\n  <tr><td>cell</td></tr>\n</table>", Table)]
    public void Text_outside_the_cells_stands_before_the_table(string input, string expected)
    {
        var report = Clean.Report(input);

        Assert.Equal(expected, report.Result.Html);
        Assert.Empty(report.Of(RemovalReason.Misplaced));
    }

    /// <summary>A comparison table from a page builder, its source note typed after the last row and a heading between rows.</summary>
    [Fact]
    public void A_note_and_a_heading_typed_between_rows_are_kept_in_reading_order()
    {
        var input = "<p>How the three programs compare:</p>\n"
            + "<table class=\"tablepress tablepress-id-3\">\n<thead>\n<tr class=\"row-1\"><th>Program</th><th>NPS</th></tr>\n</thead>\n<tbody>\n"
            + "<tr class=\"row-2\"><td>Onboarding</td><td>42</td></tr>\n"
            + "<h3>After the journey mapping workshop</h3>\n"
            + "<tr class=\"row-3\"><td>Renewals</td><td>58</td></tr>\n"
            + "<strong>Source:</strong> Heart of the Customer client survey, 2021 (n = 300 B2B buyers).\n"
            + "</tbody>\n</table>\n<p>The gap closed in a year.</p>";

        Assert.Equal(
            "<p>How the three programs compare:</p>\n"
            + "<h3>After the journey mapping workshop</h3>\n"
            + "<p><strong>Source:</strong> Heart of the Customer client survey, 2021 (n = 300 B2B buyers).</p>\n"
            + "<table>\n<thead>\n<tr>\n<th>Program</th>\n<th>NPS</th>\n</tr>\n</thead>\n<tbody>\n"
            + "<tr>\n<td>Onboarding</td>\n<td>42</td>\n</tr>\n<tr>\n<td>Renewals</td>\n<td>58</td>\n</tr>\n</tbody>\n</table>\n"
            + "<p>The gap closed in a year.</p>",
            Clean.Html(input));
    }

    /// <summary>A note between a nested table's rows stays in its cell, before that table; one after the outer rows goes before the outer table.</summary>
    [Fact]
    public void Nested_tables_foster_into_their_own_parent()
    {
        Assert.Equal(
            "<p>outer note</p>\n<table>\n<tbody>\n<tr>\n<td>a</td>\n</tr>\n</tbody>\n</table>\n"
            + "<table>\n<tbody>\n<tr>\n<td>inner note\n<table>\n<tbody>\n<tr>\n<td>b</td>\n</tr>\n</tbody>\n</table>\n</td>\n</tr>\n</tbody>\n</table>",
            Clean.Html("<table><tr><td><table><tr><td>b</td></tr>inner note</table></td></tr><div>outer note<table><tr><td>a</td></tr></table></div></table>"));
    }
}
