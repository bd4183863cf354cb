using System.Xml;
using CxFeed.Core.Cleaning;
using CxFeed.Core.Content;
using CxFeed.Tests.Content;
using HtmlAgilityPack;

namespace CxFeed.Tests.Cleaning;

/// <summary>The output is one canonical form: deterministic, polyglot, and what cleaning it again leaves unchanged.</summary>
public class CanonicalOutputTests
{
    [Fact]
    public async Task Every_seed_post_cleans_to_xml_that_cleaning_again_leaves_unchanged()
    {
        var reading = new PostReader(new ContentOptions(), SeedPages.Site).ReadAll(await SeedPages.ReadAsync());
        var posts = reading.Posts;
        Assert.Equal(20, posts.Length);
        foreach (var post in posts)
        {
            var once = new HtmlCleaner().Clean(post.BodyHtml, post.CanonicalUrl);
            var twice = new HtmlCleaner().Clean(once.Html, post.CanonicalUrl);

            Clean.AssertPolyglot(once.Html);
            Assert.Equal(once.Html, twice.Html);
            Assert.Empty(once.Problems);
            Assert.DoesNotContain("Read more", once.Html, StringComparison.Ordinal);
            Assert.DoesNotContain("Share this", once.Html, StringComparison.Ordinal);
            Assert.DoesNotContain("Related posts", once.Html, StringComparison.Ordinal);
            Assert.DoesNotContain("data:", once.Html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_seed_post_body_cleans_to_exactly_this()
    {
        var body = "<figure class=\"wp-block-image size-large\"><img width=\"1024\" height=\"536\" src=\"data:image/svg+xml,%3Csvg%20xmlns='http://www.w3.org/2000/svg'%20viewBox='0%200%201024%20536'%3E%3C/svg%3E\" alt=\"bad cx data\" class=\"wp-image-4216\" data-lazy-src=\"https://www.heartofthecustomer.com/wp-content/uploads/2021/01/bad-cx-data.jpg\" /><noscript><img width=\"1024\" height=\"536\" src=\"https://www.heartofthecustomer.com/wp-content/uploads/2021/01/bad-cx-data.jpg\" alt=\"bad cx data\" /></noscript></figure>\n\n"
            + "<p>Given the year we&#x2019;ve had, we need to talk hygiene.</p>\n\n<p>I mean <em>digital</em> hygiene, and the need to clean your data.</p>\n\n"
            + "<p>E-commerce sites, digital notifications, ship from store &#x2013; all capabilities that were just &#x201C;in the works&#x201D; a year ago were deployed quickly. <a href=\"https://www.heartofthecustomer.com/2021-the-year-of-cx-data/#more-4215\" class=\"more-link\">Read more</a></p>\n";

        Assert.Equal(
            "<figure><img src=\"https://www.heartofthecustomer.com/wp-content/uploads/2021/01/bad-cx-data.jpg\" alt=\"bad cx data\" width=\"1024\" height=\"536\" /></figure>\n"
            + "<p>Given the year we\u2019ve had, we need to talk hygiene.</p>\n"
            + "<p>I mean <em>digital</em> hygiene, and the need to clean your data.</p>\n"
            + "<p>E-commerce sites, digital notifications, ship from store \u2013 all capabilities that were just \u201Cin the works\u201D a year ago were deployed quickly.</p>",
            Clean.Html(body));
    }

    [Theory]
    [InlineData("<P CLASS=x><A HREF='/x' TITLE='t'>X</A></P>", "<p><a href=\"https://www.heartofthecustomer.com/x\" title=\"t\">X</a></p>")]
    [InlineData("<img alt=\"A\" height=\"2\" width=\"3\" src=\"/a.png\">", "<p><img src=\"https://www.heartofthecustomer.com/a.png\" alt=\"A\" width=\"3\" height=\"2\" /></p>")]
    [InlineData("<img src=\"/a.png\" width=\"0300\" height=\"+20\">", "<p><img src=\"https://www.heartofthecustomer.com/a.png\" width=\"300\" height=\"20\" /></p>")]
    [InlineData("<ol start=\"-0\"><li>x</li></ol>", "<ol start=\"0\">\n<li>x</li>\n</ol>")]
    [InlineData("<ol reversed start=\" 3 \"><li>x</li></ol>", "<ol start=\"3\" reversed=\"reversed\">\n<li>x</li>\n</ol>")]
    [InlineData("<td colspan=2>x</td>", "<p>x</p>")]
    [InlineData("<table><td colspan=\"2\" scope=\"COL\" rowspan=\"x\">x</td></table>", "<table>\n<tbody>\n<tr>\n<td colspan=\"2\" scope=\"col\">x</td>\n</tr>\n</tbody>\n</table>")]
    [InlineData("<p>a<ul><li>b</li></ul>", "<p>a</p>\n<ul>\n<li>b</li>\n</ul>")]
    [InlineData("<em>a<p>b</p>c</em>", "<p><em>a b c</em></p>")]
    [InlineData("<a href=\"/a\">one <a href=\"/b\">two</a></a>", "<p><a href=\"https://www.heartofthecustomer.com/a\">one</a> <a href=\"https://www.heartofthecustomer.com/b\">two</a></p>")]
    [InlineData("<blockquote>Loose <b>quote</b><p>Para</p></blockquote>", "<blockquote>\n<p>Loose <b>quote</b></p>\n<p>Para</p>\n</blockquote>")]
    [InlineData("<div>one</div><div>two <span>three</span></div>four", "<p>one</p>\n<p>two three</p>\n<p>four</p>")]
    [InlineData("<ul><li>a<div>b</div><div>c</div></li></ul>", "<ul>\n<li>a b c</li>\n</ul>")]
    [InlineData("<pre>\n\nfirst line kept\n  indented</pre>", "<pre>\n\nfirst line kept\n  indented</pre>")]
    public void Markup_is_written_in_one_canonical_structure(string input, string expected) =>
        Assert.Equal(expected, Clean.Html(input));

    [Theory]
    [InlineData("<p>Fish &amp; chips &copy 2024 &#x1F600; &bogus; &#0;</p>", "<p>Fish &amp; chips \u00A9 2024 \U0001F600 &amp;bogus; \uFFFD</p>")]
    [InlineData("<p>R&amp;D&nbsp;&nbsp; &lt;b&gt; &#x2013; &rsquo;</p>", "<p>R&amp;D &lt;b&gt; \u2013 \u2019</p>")]
    [InlineData("x</Form>y", "<p>x&lt;/form&gt;y</p>")]
    public void Text_is_decoded_once_and_escaped_once(string input, string expected) =>
        Assert.Equal(expected, Clean.Html(input));

    [Fact]
    public void The_same_input_and_base_give_the_same_bytes()
    {
        var input = "<div class=\"wp-caption\"><img data-src=\"/a.jpg\" src=\"data:,\" alt=\"x\"><p class=\"wp-caption-text\">c</p></div><p>t&nbsp;<a href=\"?q=1&amp;r=2\">l</a></p>";

        var first = new HtmlCleaner().Clean(input, Clean.Post).Html;
        var second = new HtmlCleaner(CleaningPolicy.Default with { }).Clean(input, Clean.Post).Html;

        Assert.Equal(first, second);
    }

    [Fact]
    public void The_output_reads_back_the_same_with_html_agility_pack_and_xml_reader()
    {
        var html = Clean.Html("<h1>T &amp; C</h1><p>a &lt; b &gt; c \"q\" <a href=\"/x?a=1&b=2\" title='say \"hi\"'>link</a><br>next</p><table><tr><th>h</th></tr></table>");

        var xml = new XmlDocument();
        xml.LoadXml("<root>" + html + "</root>");
        var document = new HtmlDocument();
        document.LoadHtml(html);

        Assert.Equal("T & C", xml.DocumentElement!["h2"]!.InnerText);
        Assert.Equal("https://www.heartofthecustomer.com/x?a=1&b=2", xml.DocumentElement["p"]!["a"]!.GetAttribute("href"));
        Assert.Equal("say \"hi\"", xml.DocumentElement["p"]!["a"]!.GetAttribute("title"));
        var link = document.DocumentNode.SelectSingleNode("//a");
        Assert.NotNull(link);
        Assert.Equal("say \"hi\"", HtmlEntity.DeEntitize(link.GetAttributeValue("title", "")));
    }
}
