namespace CxFeed.Tests.Cleaning;

/// <summary>What pasting from Word leaves behind: o:p, mso- styles, conditional comments, list bullets written as text.</summary>
public class WordJunkTests
{
    [Fact]
    public void A_word_paste_becomes_plain_paragraphs()
    {
        var input = "<!--[if gte mso 9]><xml>\n <w:WordDocument>\n  <w:View>Normal</w:View>\n </w:WordDocument>\n</xml><![endif]--><!--[if gte mso 10]>\n<style>\n table.MsoNormalTable {mso-style-name:\"Table Normal\";}\n</style>\n<![endif]-->\n"
            + "<p class=\"MsoNormal\" style=\"margin-bottom: 0.0001pt; line-height: normal;\"><span style=\"font-size: 12.0pt; font-family: 'Calibri',sans-serif; mso-fareast-font-family: 'Times New Roman';\">I wrote last week<span style=\"mso-spacerun: yes;\">&nbsp;</span>about<span style=\"mso-spacerun: yes;\">&nbsp;</span>why&nbsp;<a href=\"/your-cx-scorecard/\">Your CX Scorecard</a>.&nbsp;<o:p></o:p></span></p>\n"
            + "<h3 class=\"MsoNormal\"><b style=\"mso-bidi-font-weight: normal;\"><span style=\"font-size: 14.0pt;\">Executives and CX<o:p></o:p></span></b></h3>\n"
            + "<p class=\"MsoNormal\"><o:p>&nbsp;</o:p></p>";

        Assert.Equal(
            "<p>I wrote last week\u00A0about\u00A0why\u00A0<a href=\"https://www.heartofthecustomer.com/your-cx-scorecard/\">Your CX Scorecard</a>.</p>\n<h3><b>Executives and CX</b></h3>",
            Clean.Html(input));
    }

    [Fact]
    public void Word_list_bullets_and_numbers_stay_as_browsers_show_them()
    {
        var input = "<p class=\"MsoListParagraph\"><![if !supportLists]><span style=\"mso-list:Ignore\">·<span style=\"font:7.0pt 'Times New Roman'\">&nbsp;&nbsp; </span></span><![endif]>First point</p>"
            + "<p class=\"MsoListParagraph\"><!--[if !supportLists]--><span>2.<span style=\"font:7.0pt 'Times New Roman'\">&nbsp;&nbsp; </span></span><!--[endif]-->Second point</p>";

        Assert.Equal("<p>· First point</p>\n<p>2. Second point</p>", Clean.Html(input));
    }

    [Theory]
    [InlineData("<p>&nbsp;</p>", "")]
    [InlineData("<p> &nbsp; &nbsp; </p>", "")]
    [InlineData("<p><br></p>", "")]
    [InlineData("<p><span></span><strong> </strong></p>", "")]
    [InlineData("<h2></h2><ul><li></li></ul>", "")]
    [InlineData("<p>a<br><br><br>b</p>", "<p>a<br />b</p>")]
    [InlineData("<p>a<br> <br>\n<br>b<br></p>", "<p>a<br />b</p>")]
    [InlineData("<p><br>a</p>", "<p>a</p>")]
    [InlineData("<p>one   two\n\tthree</p>", "<p>one two three</p>")]
    [InlineData("<p>  lead and trail  </p>", "<p>lead and trail</p>")]
    [InlineData("<p>a <em> b </em> c</p>", "<p>a <em>b</em> c</p>")]
    [InlineData("<p>a<em> </em>b</p>", "<p>a b</p>")]
    [InlineData("<pre>  keep\n    this  </pre>", "<pre>  keep\n    this  </pre>")]
    [InlineData("<p>x</p>\n\n\n<p>y</p>", "<p>x</p>\n<p>y</p>")]
    public void Empty_paragraphs_runs_of_breaks_and_extra_whitespace_are_removed(string input, string expected) =>
        Assert.Equal(expected, Clean.Html(input));
}
