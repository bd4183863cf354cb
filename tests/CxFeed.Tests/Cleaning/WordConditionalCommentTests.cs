using CxFeed.Core.Cleaning;

namespace CxFeed.Tests.Cleaning;

/// <summary>
/// Word writes conditional comments both ways, and a paste into WordPress keeps them: the
/// downlevel-hidden form (<c>&lt;!--[if gte mso 9]&gt;…&lt;![endif]--&gt;</c>, one comment,
/// never shown) and the downlevel-revealed form (<c>&lt;![if !vml]&gt;…&lt;![endif]&gt;</c>, which
/// TinyMCE rewrites <c>&lt;!--[if !vml]--&gt;…&lt;!--[endif]--&gt;</c>: two comments around
/// content every browser shows). Pairing the start of one with the end of the other once
/// emptied whole posts.
/// </summary>
public class WordConditionalCommentTests
{
    /// <summary>A post written in Word 2016 and pasted into WordPress's classic editor, as the post's HTML holds it.</summary>
    private const string PastedIntoWordPress =
        "<!--[if gte mso 9]><xml>\n <o:OfficeDocumentSettings>\n  <o:AllowPNG/>\n </o:OfficeDocumentSettings>\n</xml><![endif]--><!--[if gte mso 9]><xml>\n <w:WordDocument>\n  <w:View>Normal</w:View>\n  <w:Zoom>0</w:Zoom>\n  <w:TrackMoves/>\n  <w:LidThemeOther>EN-US</w:LidThemeOther>\n </w:WordDocument>\n</xml><![endif]--><!--[if gte mso 10]>\n<style>\n /* Style Definitions */\n table.MsoNormalTable\n\t{mso-style-name:\"Table Normal\";\n\tmso-tstyle-rowband-size:0;}\n</style>\n<![endif]-->\n"
        + "<p class=\"MsoNormal\">Journey maps show where customers struggle.<o:p></o:p></p>\n"
        + "<p class=\"MsoNormal\"><!--[if gte vml 1]><v:shapetype id=\"_x0000_t75\" coordsize=\"21600,21600\" o:spt=\"75\" o:preferrelative=\"t\" path=\"m@4@5l@4@11@9@11@9@5xe\" filled=\"f\" stroked=\"f\"><v:stroke joinstyle=\"miter\"/></v:shapetype><v:shape id=\"Picture_x0020_1\" o:spid=\"_x0000_i1025\" type=\"#_x0000_t75\" style=\"width:468pt;height:263.25pt;visibility:visible\"><v:imagedata src=\"file:///C:/Users/jim/AppData/Local/Temp/msohtmlclip1/01/clip_image001.png\" o:title=\"\"/></v:shape><![endif]--><!--[if !vml]--><img src=\"/wp-content/uploads/2019/03/journey-map.png\" width=\"624\" height=\"351\" alt=\"A journey map\" /><!--[endif]--><o:p></o:p></p>\n"
        + "<p class=\"MsoListParagraphCxSpFirst\" style=\"text-indent: -.25in; mso-list: l0 level1 lfo1;\"><!--[if !supportLists]--><span style=\"font-family: Symbol; mso-fareast-font-family: Symbol;\"><span style=\"mso-list: Ignore;\">·<span style=\"font: 7.0pt 'Times New Roman';\">&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><!--[endif]-->Interview customers, not just staff.<o:p></o:p></p>\n"
        + "<p class=\"MsoListParagraphCxSpLast\" style=\"text-indent: -.25in; mso-list: l0 level1 lfo1;\"><!--[if !supportLists]--><span style=\"font-family: Symbol;\"><span style=\"mso-list: Ignore;\">·<span style=\"font: 7.0pt 'Times New Roman';\">&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><!--[endif]-->Map the emotions, too.<o:p></o:p></p>\n"
        + "<p class=\"MsoNormal\">Then act on what you learn.<o:p></o:p></p>";

    [Fact]
    public void A_word_paste_with_both_forms_keeps_every_paragraph_and_the_fallback_image()
    {
        Assert.Equal(
            "<p>Journey maps show where customers struggle.</p>\n"
            + "<p><img src=\"https://www.heartofthecustomer.com/wp-content/uploads/2019/03/journey-map.png\" alt=\"A journey map\" width=\"624\" height=\"351\" /></p>\n"
            + "<p>· Interview customers, not just staff.</p>\n"
            + "<p>· Map the emotions, too.</p>\n"
            + "<p>Then act on what you learn.</p>",
            Clean.Html(PastedIntoWordPress));
    }

    [Fact]
    public void Only_the_hidden_blocks_are_removed_as_conditional_and_no_problem_is_reported()
    {
        var report = Clean.Report(PastedIntoWordPress);

        Assert.Equal(4, report.Of(RemovalReason.WordConditional).Count());
        Assert.Empty(report.Result.Problems);
        Assert.DoesNotContain("WordDocument", report.Result.Html);
        Assert.DoesNotContain("mso", report.Result.Html);
        Assert.DoesNotContain("clip_image001", report.Result.Html);
    }

    /// <summary>Word's own "Save as Web Page" output, revealed blocks written the way Word writes them.</summary>
    [Fact]
    public void Words_own_downlevel_revealed_blocks_show_their_content()
    {
        var saved = "<p class=MsoListParagraphCxSpFirst style='text-indent:-.25in;mso-list:l1 level1 lfo2'><![if !supportLists]><span\nstyle='mso-fareast-font-family:Calibri'><span style='mso-list:Ignore'>1.<span\nstyle='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>Listen to the customer.<o:p></o:p></p>\n"
            + "<p class=MsoListParagraphCxSpLast style='text-indent:-.25in;mso-list:l1 level1 lfo2'><![if !supportLists]><span\nstyle='mso-fareast-font-family:Calibri'><span style='mso-list:Ignore'>2.<span\nstyle='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>Act on it.<o:p></o:p></p>\n"
            + "<p class=MsoNormal><![if !vml]><img width=624 height=351 src=\"cx-needs-change-management_files/image001.png\" v:shapes=\"Picture_x0020_1\"><![endif]></p>";

        Assert.Equal(
            "<p>1. Listen to the customer.</p>\n<p>2. Act on it.</p>\n"
            + "<p><img src=\"https://www.heartofthecustomer.com/cx-needs-change-management/cx-needs-change-management_files/image001.png\" width=\"624\" height=\"351\" /></p>",
            Clean.Html(saved));
    }

    [Theory]
    // The start of a hidden block once paired with the end of a revealed one, dropping all between.
    [InlineData("<!--[if gte mso 9]><xml><w:WordDocument/></xml><![endif]--><p>First.</p><p>Second.</p><!--[if !vml]--><img src=\"/a.png\" alt=\"a\"><!--[endif]--><p>Third.</p>",
        "<p>First.</p>\n<p>Second.</p>\n<p><img src=\"https://www.heartofthecustomer.com/a.png\" alt=\"a\" /></p>\n<p>Third.</p>")]
    // The "valid downlevel-revealed" form: both markers are whole comments.
    [InlineData("<!--[if !mso]><!--><p>Shown everywhere but Outlook.</p><!--<![endif]-->", "<p>Shown everywhere but Outlook.</p>")]
    // An end with no start, and a start with no end.
    [InlineData("<p>One.</p><!--[endif]--><p>Two.</p><![if !supportLists]><p>Three.</p>", "<p>One.</p>\n<p>Two.</p>\n<p>Three.</p>")]
    [InlineData("<p>Kept<!--[if gte mso 9]><p>hidden</p><![endif]--> text.</p>", "<p>Kept text.</p>")]
    public void Conditional_comments_pair_as_browsers_pair_them(string input, string expected) =>
        Assert.Equal(expected, Clean.Html(input));
}
