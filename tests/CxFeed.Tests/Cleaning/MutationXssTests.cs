namespace CxFeed.Tests.Cleaning;

/// <summary>
/// Parser differentials and mutation XSS: markup that one parser reads as text and another as
/// tags. The output never contains raw-text elements and escapes every '&lt;', so what the
/// browser reads is exactly what the cleaner wrote.
/// </summary>
public class MutationXssTests
{
    [Theory]
    [InlineData("<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>", "")]
    [InlineData("<noscript><style></noscript><img src=x onerror=alert(1)></style></noscript>", "")]
    [InlineData("<title><img src=x onerror=alert(1)></title>", "")]
    [InlineData("<textarea></textarea><img src=x onerror=alert(1)></textarea>", "<p><img src=\"https://www.heartofthecustomer.com/cx-needs-change-management/x\" /></p>")]
    [InlineData("<style><img src=x onerror=alert(1)></style>", "")]
    [InlineData("<option><style></option></select><img src=x onerror=alert(1)></style>", "")]
    [InlineData("<!-- --!><img src=x onerror=alert(1)> -->", "<p><img src=\"https://www.heartofthecustomer.com/cx-needs-change-management/x\" /> --&gt;</p>")]
    [InlineData("<!--><img src=x onerror=alert(1)>-->", "<p><img src=\"https://www.heartofthecustomer.com/cx-needs-change-management/x\" />--&gt;</p>")]
    [InlineData("<![CDATA[<img src=x onerror=alert(1)>]]>", "<p>]]&gt;</p>")]
    [InlineData("<p title=\"&lt;/p&gt;&lt;img src=x onerror=alert(1)&gt;\">x</p>", "<p>x</p>")]
    [InlineData("<a href=\"/x\" title=\"&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\">x</a>",
        "<p><a href=\"https://www.heartofthecustomer.com/x\" title=\"&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\">x</a></p>")]
    [InlineData("<xmp><img src=x onerror=alert(1)></xmp>", "<p><img src=\"https://www.heartofthecustomer.com/cx-needs-change-management/x\" /></p>")]
    [InlineData("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>")]
    [InlineData("<form><math><mtext></form><form><mglyph><svg><mtext><style><path id=\"</style><img onerror=alert(1) src>\">", "")]
    public void Raw_text_and_comment_tricks_become_inert_markup_or_text(string input, string expected)
    {
        var html = Clean.Html(input);
        Assert.Equal(expected, html);
        Assert.DoesNotContain("onerror", html.Replace("onerror=alert(1)&gt;", ""), StringComparison.Ordinal);
    }

    [Fact]
    public void No_raw_text_element_is_ever_written()
    {
        var html = Clean.Html("<noscript>a</noscript><title>b</title><textarea>c</textarea><style>d</style><xmp>e</xmp><plaintext>f");

        foreach (var element in new[] { "noscript", "title", "textarea", "style", "xmp", "plaintext", "script", "iframe" })
            Assert.DoesNotContain("<" + element, html, StringComparison.OrdinalIgnoreCase);
    }
}
