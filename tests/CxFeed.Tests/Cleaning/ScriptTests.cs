namespace CxFeed.Tests.Cleaning;

/// <summary>Script elements and event handlers: nothing that runs script survives.</summary>
public class ScriptTests
{
    [Theory]
    [InlineData("<script>alert(1)</script><p>After</p>", "<p>After</p>")]
    [InlineData("<p>Before<script src=\"https://evil.example/x.js\"></script> after</p>", "<p>Before after</p>")]
    [InlineData("<SCRIPT>alert(1)</SCRIPT>text", "<p>text</p>")]
    [InlineData("<script type=\"text/template\"><img src=x onerror=alert(1)></script>", "")]
    [InlineData("<scr<script>ipt>alert(1)</script>", "")]
    [InlineData("<template><img src=x onerror=alert(1)></template>Shown", "<p>Shown</p>")]
    [InlineData("<p>x</p><script>document.write('<img src=x onerror=alert(1)>')</script>", "<p>x</p>")]
    public void A_script_element_is_dropped_with_its_content(string input, string expected) =>
        Assert.Equal(expected, Clean.Html(input));

    [Theory]
    [InlineData("<p onclick=\"alert(1)\">Hi</p>", "<p>Hi</p>")]
    [InlineData("<img src=\"/a.jpg\" onerror=\"alert(1)\" onload=alert(2)>", "<p><img src=\"https://www.heartofthecustomer.com/a.jpg\" /></p>")]
    [InlineData("<a href=\"/x\" onmouseover=alert(1) ONFOCUS=alert(2)>x</a>", "<p><a href=\"https://www.heartofthecustomer.com/x\">x</a></p>")]
    [InlineData("<img/src=\"/a.jpg\"/onerror=alert(1)>", "<p><img src=\"https://www.heartofthecustomer.com/a.jpg\" /></p>")]
    [InlineData("<img src=\"/a.jpg\"onerror=\"alert(1)\">", "<p><img src=\"https://www.heartofthecustomer.com/a.jpg\" /></p>")]
    [InlineData("<body onload=alert(1)><p>Post</p></body>", "<p>Post</p>")]
    [InlineData("<details open ontoggle=alert(1)><summary>S</summary>Body</details>", "<p>S</p>\n<p>Body</p>")]
    [InlineData("<marquee onstart=alert(1)>m</marquee>", "<p>m</p>")]
    public void Event_handler_attributes_never_survive(string input, string expected)
    {
        var html = Clean.Html(input);
        Assert.Equal(expected, html);
        Assert.DoesNotContain(" on", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_dropped_script_is_reported_with_its_reason()
    {
        var report = Clean.Report("<p>a<script>alert(1)</script></p>");

        Assert.Contains(new Core.Cleaning.Removal(Core.Cleaning.RemovalReason.Dropped, "script"), report.Removals);
    }

    [Fact]
    public void Attributes_that_are_not_allowed_are_listed_as_removed()
    {
        var report = Clean.Report("<p class=\"x\" style=\"color:red\" data-id=\"7\" id=\"y\">t</p>");

        Assert.Equal(
            ["class", "style", "data-id", "id"],
            report.Of(Core.Cleaning.RemovalReason.AttributeNotAllowed).Select(r => r.Attribute));
        Assert.Equal("<p>t</p>", report.Result.Html);
    }
}
