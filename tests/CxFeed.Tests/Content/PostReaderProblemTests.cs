using System.Text;
using CxFeed.Core;
using CxFeed.Core.Content;
using static CxFeed.Tests.Content.Reader;

namespace CxFeed.Tests.Content;

/// <summary>Pages that cannot give a post, or give one with a problem: every problem is data naming the file.</summary>
public class PostReaderProblemTests
{
    public static readonly TheoryData<string, byte[], string> NotHtml = new()
    {
        { "empty.html", [], "is not HTML: the file is empty" },
        { "report.html", [.. "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"u8], "is not HTML: it is a PDF document" },
        { "chart.html", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52], "is not HTML: it is a PNG image" },
        { "photo.html", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46, 0x49, 0x46], "is not HTML: it is a JPEG image" },
        { "export.html", [.. "PK\u0003\u0004\u0014\0\0\0"u8], "is not HTML: it is a ZIP archive (or an Office document)" },
        { "data.html", [.. "<html>"u8, 0x00, 0x01, 0x02, 0x00, .. "</html>"u8], "is not HTML: it holds binary data (NUL characters)" },
        { "notes.html", [.. "Journey mapping notes\n\nCall Jim about the 2 < 3 workshops.\n"u8], "is not HTML: it has no markup" },
        { "blank.html", [.. "\n\n   \n"u8], "is not HTML: it has no markup" },
    };

    [Theory]
    [MemberData(nameof(NotHtml))]
    public void A_file_that_is_not_HTML_is_reported_as_such(string name, byte[] bytes, string reason)
    {
        var reading = Read(Page(name, bytes));

        Assert.Null(reading.Post);
        Assert.Equal<Problem>([new Problem(name, reason)], reading.Problems);
    }

    [Fact]
    public void A_page_with_no_title_is_left_out()
    {
        var page = new WordPressPage
        {
            TitleTag = null,
            Metadata = """<meta property="article:published_time" content="2021-03-16T15:00:00+00:00" />""",
            EntryHeader = "",
        };

        var reading = Read(page);

        Assert.Null(reading.Post);
        Assert.Equal(["has no title: none of the post's heading, the post's <h1>, the post's article heading, JSON-LD headline, og:title, twitter:title, <title>, <h1> gives one"], Reasons(reading));
    }

    [Fact]
    public void Every_fatal_problem_of_a_page_is_reported()
    {
        var page = """
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title> </title></head>
            <body><div id="page"><p>Journey maps are powerful tools.</p></div></body></html>
            """;

        var reading = Read(Page("bare.html", page));

        Assert.Null(reading.Post);
        Assert.Equal(
            [
                "has no body: no post container (.entry-content, [itemprop=articleBody], article, main…) holds text, and no part of the page reads as running text",
                "has no title: none of the post's heading, the post's <h1>, the post's article heading, JSON-LD headline, og:title, twitter:title, <title>, <h1> gives one",
                "has no publication date: none of JSON-LD datePublished, article:published_time, microdata datePublished, hAtom published, <meta name=\"date\">, <meta name=\"pubdate\">, DC.date.issued, parsely-pub-date, sailthru.date, <time>, the page's text, parsely-page pub_date gives one",
            ],
            Reasons(reading));
    }

    [Fact]
    public void A_page_nested_a_hundred_thousand_deep_keeps_its_text_flattened_and_says_so()
    {
        const int depth = 100_000;
        var html = new StringBuilder(new WordPressPage { Content = "<p>Start.</p>" }.Html);
        var nest = new StringBuilder();
        for (var i = 0; i < depth; i++)
            nest.Append("<div><span>");
        nest.Append("deep");
        html.Replace("<p>Start.</p>", "<p>Start.</p>" + nest);

        var reading = Read(Page("deep.html", html.ToString()));

        Assert.NotNull(reading.Post);
        Assert.Contains("deep", reading.Post.BodyHtml);
        // 200,000 elements opened inside the page's 19 levels of chrome: all but the 1,005 that fit are flattened.
        Assert.Equal([$"has elements nested more than {PostReader.MaxDepth} deep: 198995 of them were flattened to their text"], Reasons(reading));
    }

    [Fact]
    public void A_page_nested_as_deep_as_browsers_render_reads_and_keeps_its_body()
    {
        var nest = string.Concat(Enumerable.Repeat("<div>", 500)) + "deep" + string.Concat(Enumerable.Repeat("</div>", 500));

        var post = Post(new WordPressPage { Content = nest });

        Assert.Equal("\n" + nest + "\n\t", post.BodyHtml);
    }

    [Fact]
    public void A_twenty_megabyte_page_reads_whole()
    {
        var paragraph = "<p>" + string.Concat(Enumerable.Repeat("Journey maps are powerful tools, and customers notice when they are wrong. ", 26)) + "</p>\n";
        var content = new StringBuilder();
        while (content.Length < 20_000_000)
            content.Append(paragraph);

        var post = Post(new WordPressPage { Content = content.ToString() });

        Assert.Equal("\n" + content + "\n\t", post.BodyHtml);
    }

    [Fact]
    public void Of_two_pages_with_the_same_id_the_first_is_kept_and_the_second_names_it()
    {
        var first = new WordPressPage().ToPage("a.html");
        var second = new WordPressPage { Metadata = new WordPressPage().Metadata.Replace(WordPressPage.Url, "https://www.heartofthecustomer.com/other/", StringComparison.Ordinal) }.ToPage("b.html");

        var reading = ReadAll(first, second);

        Assert.Equal(["a.html"], reading.Posts.Select(post => post.Source));
        Assert.Equal<Problem>([new Problem("b.html", "has the same id as a.html (https://www.heartofthecustomer.com/?p=4452)")], reading.Problems);
    }

    [Fact]
    public void Of_two_pages_with_the_same_canonical_URL_the_first_is_kept_and_the_second_names_it()
    {
        var first = new WordPressPage().ToPage("a.html");
        var second = new WordPressPage { Shortlink = "<link rel='shortlink' href='https://www.heartofthecustomer.com/?p=9999' />" }.ToPage("b.html");

        var reading = ReadAll(first, second);

        Assert.Equal(["a.html"], reading.Posts.Select(post => post.Source));
        Assert.Equal<Problem>(
            [new Problem("b.html", $"has the same canonical URL as a.html ({WordPressPage.Url})")],
            reading.Problems);
    }

    [Fact]
    public void A_page_left_out_claims_no_id_and_the_others_still_load()
    {
        var broken = new WordPressPage { Content = "<p></p>" }.ToPage("a.html");
        var good = new WordPressPage().ToPage("b.html");
        var other = new WordPressPage
        {
            Metadata = """<link rel="canonical" href="https://www.heartofthecustomer.com/cx-needs-change-management/" /><meta property="article:published_time" content="2021-05-11T14:15:00+00:00" />""",
            EntryHeader = """<h1 class="entry-title">CX Needs Change Management</h1>""",
            Shortlink = "<link rel='shortlink' href='https://www.heartofthecustomer.com/?p=4603' />",
        }.ToPage("c.html");

        var reading = ReadAll(broken, good, other);

        Assert.Equal(["b.html", "c.html"], reading.Posts.Select(post => post.Source));
        Assert.Equal<Problem>([new Problem("a.html", "has an empty body: .entry-content holds no text or media")], reading.Problems);
    }

    [Fact]
    public void Combining_readings_again_gives_the_same_result_as_reading_all()
    {
        var reader = new PostReader(new ContentOptions(), SeedPages.Site);
        var pages = new[] { new WordPressPage().ToPage("a.html"), new WordPressPage().ToPage("b.html") };

        var once = reader.ReadAll(pages);
        var again = PostReader.Combine(pages.Select(reader.Read));

        Assert.Equal(once.Posts.Select(post => (post.Source, post.Id, post.BodyHtml)), again.Posts.Select(post => (post.Source, post.Id, post.BodyHtml)));
        Assert.Equal(once.Problems.AsEnumerable(), again.Problems);
    }

    private static ContentReading ReadAll(params PostPage[] pages) => new PostReader(new ContentOptions(), SeedPages.Site).ReadAll(pages);
}
