namespace CxFeed.Tests.Cleaning;

/// <summary>URL schemes and their obfuscations: only http, https and mailto survive, judged as the browser would read them.</summary>
public class UrlSchemeTests
{
    [Theory]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<a href=\"JaVaScRiPt:alert(1)\">x</a>")]
    [InlineData("<a href=\"jav&#x09;ascript:alert(1)\">x</a>")]
    [InlineData("<a href=\"jav&#9;ascript:alert(1)\">x</a>")]
    [InlineData("<a href=\"&#106;avascript:alert(1)\">x</a>")]
    [InlineData("<a href=\"&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)\">x</a>")]
    [InlineData("<a href=\"&#0000106&#0000097vascript:alert(1)\">x</a>")]
    [InlineData("<a href=\"javascript&colon;alert(1)\">x</a>")]
    [InlineData("<a href=\"  javascript:alert(1)\">x</a>")]
    [InlineData("<a href=\"java\nscript:alert(1)\">x</a>")]
    [InlineData("<a href=\"java&NewLine;script:alert(1)\">x</a>")]
    [InlineData("<a href=\"&#14;javascript:alert(1)\">x</a>")]
    [InlineData("<a href=\"java\u200Bscript:alert(1)\">x</a>")]
    [InlineData("<a href=\"vbscript:msgbox(1)\">x</a>")]
    [InlineData("<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>")]
    [InlineData("<a href=\"livescript:alert(1)\">x</a>")]
    [InlineData("<a href=\"feed:javascript:alert(1)\">x</a>")]
    [InlineData("<a href='javascript:alert(1)'>x</a>")]
    [InlineData("<a href=javascript:alert(1)>x</a>")]
    public void A_link_with_a_script_scheme_becomes_its_text(string input) =>
        Assert.Equal("<p>x</p>", Clean.Html(input));

    [Theory]
    [InlineData("<img src=\"javascript:alert(1)\">")]
    [InlineData("<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">")]
    [InlineData("<img src=\"  JAVASCRIPT:alert(1)\">")]
    [InlineData("<img srcset=\"javascript:alert(1) 1x\">")]
    [InlineData("<img src=\"vbscript:x\" srcset=\"data:image/png;base64,AAAA 2x\">")]
    public void An_image_with_no_usable_source_is_dropped(string input) =>
        Assert.Equal("", Clean.Html(input));

    [Theory]
    [InlineData("<blockquote cite=\"javascript:alert(1)\"><p>q</p></blockquote>", "<blockquote>\n<p>q</p>\n</blockquote>")]
    [InlineData("<q cite=\"/source\">q</q>", "<p><q cite=\"https://www.heartofthecustomer.com/source\">q</q></p>")]
    [InlineData("<img src=\"/a.jpg\" srcset=\"/a.jpg 1x, javascript:alert(1) 2x, /b.jpg 3x\">",
        "<p><img src=\"https://www.heartofthecustomer.com/a.jpg\" srcset=\"https://www.heartofthecustomer.com/a.jpg 1x, https://www.heartofthecustomer.com/b.jpg 3x\" /></p>")]
    public void Only_the_bad_url_goes_when_the_element_can_stand_without_it(string input, string expected) =>
        Assert.Equal(expected, Clean.Html(input));

    [Theory]
    [InlineData("<a href=\"mailto:jim@heartofthecustomer.com\">Mail</a>", "<p><a href=\"mailto:jim@heartofthecustomer.com\">Mail</a></p>")]
    [InlineData("<a href=\"HTTPS://Example.com/A\">x</a>", "<p><a href=\"https://example.com/A\">x</a></p>")]
    [InlineData("<a href=\"https://example.com/?a=1&amp;b=2\">x</a>", "<p><a href=\"https://example.com/?a=1&amp;b=2\">x</a></p>")]
    [InlineData("<a href=\"https://example.com/?a=1&copy=2\">x</a>", "<p><a href=\"https://example.com/?a=1&amp;copy=2\">x</a></p>")]
    [InlineData("<a href=\"tel:+15555550100\">Call</a>", "<p>Call</p>")]
    public void Allowed_schemes_are_kept(string input, string expected) =>
        Assert.Equal(expected, Clean.Html(input));

    [Fact]
    public void A_removed_url_is_listed_with_its_reason()
    {
        var report = Clean.Report("<a href=\"jav&#x09;ascript:alert(1)\">x</a>");

        var removal = Assert.Single(report.Of(Core.Cleaning.RemovalReason.UrlNotAllowed));
        Assert.Equal(("a", "href"), (removal.Element, removal.Attribute));
    }
}
