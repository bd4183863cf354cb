namespace CxFeed.Tests.Cleaning;

/// <summary>Every URL is made absolute against the post's address, so links and images work in any reader.</summary>
public class RelativeUrlTests
{
    [Theory]
    [InlineData("<a href=\"/cx-research/\">research</a>", "<p><a href=\"https://www.heartofthecustomer.com/cx-research/\">research</a></p>")]
    [InlineData("<a href=\"../about/\">about</a>", "<p><a href=\"https://www.heartofthecustomer.com/about/\">about</a></p>")]
    [InlineData("<a href=\"team.html\">team</a>", "<p><a href=\"https://www.heartofthecustomer.com/cx-needs-change-management/team.html\">team</a></p>")]
    [InlineData("<a href=\"#comments\">comments</a>", "<p><a href=\"https://www.heartofthecustomer.com/cx-needs-change-management/#comments\">comments</a></p>")]
    [InlineData("<a href=\"?page=2\">next</a>", "<p><a href=\"https://www.heartofthecustomer.com/cx-needs-change-management/?page=2\">next</a></p>")]
    [InlineData("<img src=\"//cdn.example.com/a.jpg\">", "<p><img src=\"https://cdn.example.com/a.jpg\" /></p>")]
    [InlineData("<img src=\"\\\\evil.example\\a.jpg\">", "<p><img src=\"https://evil.example/a.jpg\" /></p>")]
    [InlineData("<a href=\" /padded \">p</a>", "<p><a href=\"https://www.heartofthecustomer.com/padded\">p</a></p>")]
    [InlineData("<a href=\"/a b\">s</a>", "<p><a href=\"https://www.heartofthecustomer.com/a%20b\">s</a></p>")]
    [InlineData("<img src=\"/x.jpg\" srcset=\"/x-300.jpg 300w, x-600.jpg 600w\" sizes=\"100vw\">",
        "<p><img src=\"https://www.heartofthecustomer.com/x.jpg\" srcset=\"https://www.heartofthecustomer.com/x-300.jpg 300w, https://www.heartofthecustomer.com/cx-needs-change-management/x-600.jpg 600w\" sizes=\"100vw\" /></p>")]
    [InlineData("<blockquote cite=\"/source/\"><p>q</p></blockquote>", "<blockquote cite=\"https://www.heartofthecustomer.com/source/\">\n<p>q</p>\n</blockquote>")]
    [InlineData("<del cite=\"why.html\">old</del>", "<p><del cite=\"https://www.heartofthecustomer.com/cx-needs-change-management/why.html\">old</del></p>")]
    public void Relative_urls_become_absolute(string input, string expected) =>
        Assert.Equal(expected, Clean.Html(input));

    /// <summary>WordPress writes image sources protocol-relative; each must come out as resolving it would give.</summary>
    [Theory]
    [InlineData("//www.heartofthecustomer.com/wp-content/uploads/2020/05/journey-map-1.jpg", "https://www.heartofthecustomer.com/wp-content/uploads/2020/05/journey-map-1.jpg")]
    [InlineData("//WWW.Example.COM/a.jpg", "https://www.example.com/a.jpg")]
    [InlineData("//cdn.example.com:443/a.jpg", "https://cdn.example.com/a.jpg")]
    [InlineData("//cdn.example.com/a/./b/../c.jpg", "https://cdn.example.com/a/c.jpg")]
    [InlineData("//cdn.example.com/a%7ez.jpg?w=300&h=200", "https://cdn.example.com/a~z.jpg?w=300&amp;h=200")]
    [InlineData("//127.0.0.1/a.jpg", "https://127.0.0.1/a.jpg")]
    [InlineData("//0x7f.1/a.jpg", "https://127.0.0.1/a.jpg")]
    [InlineData("//cdn.example.com", "https://cdn.example.com/")]
    [InlineData("//user@cdn.example.com/a.jpg", "https://user@cdn.example.com/a.jpg")]
    public void Protocol_relative_urls_become_https(string src, string expected) =>
        Assert.Equal($"<p><img src=\"{expected}\" /></p>", Clean.Html($"<img src=\"{src}\">"));

    [Fact]
    public void Links_with_target_blank_lose_the_target()
    {
        Assert.Equal(
            "<p><a href=\"https://litmusworld.com/cxday2020/\">week of related offerings</a></p>",
            Clean.Html("<a href=\"https://litmusworld.com/cxday2020/\" target=\"_blank\" rel=\"noopener noreferrer\">week of related offerings</a>"));
    }

    [Fact]
    public void A_link_without_an_address_becomes_its_text()
    {
        Assert.Equal("<p>Anchor and text</p>", Clean.Html("<p><a name=\"top\">Anchor</a> and <a>text</a></p>"));
    }
}
