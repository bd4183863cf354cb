using System.Text.RegularExpressions;
using System.Xml.Linq;
using CxFeed.Core.Pages;
using CxFeed.Core.Publishing;
using CxFeed.Tests.Publishing;
using static CxFeed.Tests.Publishing.SamplePosts;

namespace CxFeed.Tests.Pages;

/// <summary>The Posts page, category pages and the OPML list, rendered from a snapshot beside its feeds.</summary>
public partial class PageRendererTests
{
    private static Publication Render(PagesOptions? pages = null, params Entry[] entries)
    {
        var snapshot = Snapshot(entries.Length == 0 ? [NextHire, SocialProof, Scorecard] : entries);
        var feeds = Renderer();
        var definitions = new[] { Feed("posts"), Feed("customerthink") with { Title = "Heart of the Customer for CustomerThink" } };
        return new PageRenderer(Site, Publish, pages ?? new PagesOptions())
            .AddTo(feeds.Render(snapshot, definitions), snapshot, feeds.Plan(snapshot, definitions));
    }

    private static string Golden(string name) =>
        File.ReadAllText(Path.Combine(Repository.Root, "tests", "CxFeed.Tests", "Pages", "Golden", name)).ReplaceLineEndings("\n");

    [Fact]
    public void The_posts_page_is_the_reviewed_html()
    {
        Assert.Equal(Golden("index.html"), Render().Text("/"));
    }

    [Fact]
    public void The_opml_lists_every_feed_once_in_its_first_format()
    {
        Assert.Equal(Golden("feeds.opml"), Render().Text("/feeds.opml"));
        var opml = XDocument.Parse(Render().Text("/feeds.opml"));
        var urls = opml.Descendants("outline").Select(outline => (string?)outline.Attribute("xmlUrl")).OfType<string>().ToArray();
        Assert.Equal(urls.Distinct().Count(), urls.Length);
        Assert.Contains("https://feeds.heartofthecustomer.com/feeds/tag/hiring.rss", urls);
    }

    [Fact]
    public void Pages_are_published_where_static_files_and_the_server_find_them()
    {
        var addresses = Render(new PagesOptions { PostsPerPage = 1 }).Files.Select(file => file.Address).Where(address => !address.StartsWith("/feeds/")).ToArray();

        Assert.Equal(
            ["/", "/category/b2b/", "/category/change-management/", "/category/cx-strategy/", "/category/cx-strategy/page/2/", "/feeds.opml", "/page/2/", "/page/3/"],
            addresses);
    }

    [Fact]
    public void Pagination_links_next_and_previous_pages_with_absolute_urls()
    {
        var publication = Render(new PagesOptions { PostsPerPage = 1 });
        var middle = publication.Text("/page/2/");

        Assert.Contains("<link rel=\"prev\" href=\"https://feeds.heartofthecustomer.com/\">", middle);
        Assert.Contains("<link rel=\"next\" href=\"https://feeds.heartofthecustomer.com/page/3/\">", middle);
        Assert.Contains("<a rel=\"prev\" href=\"https://feeds.heartofthecustomer.com/\">Newer posts</a>", middle);
        Assert.Contains("<span>Page 2 of 3</span>", middle);
        Assert.Contains("<title>Posts – Heart of the Customer – Page 2</title>", middle);
        Assert.DoesNotContain("rel=\"prev\"", publication.Text("/"));
        Assert.DoesNotContain("rel=\"next\"", publication.Text("/page/3/"));
    }

    [Fact]
    public void A_category_page_lists_its_posts_and_announces_its_own_feed()
    {
        var page = Render().Text("/category/cx-strategy/");

        Assert.Contains("<h1>CX Strategy</h1>", page);
        Assert.Contains("<title>CX Strategy – Heart of the Customer</title>", page);
        Assert.Contains("<link rel=\"alternate\" type=\"application/rss+xml\" title=\"CX Strategy – Heart of the Customer (RSS)\" href=\"https://feeds.heartofthecustomer.com/feeds/category/cx-strategy.rss\">", page);
        Assert.Contains("<link rel=\"alternate\" type=\"application/feed+json\" title=\"Heart of the Customer (JSON Feed)\" href=\"https://feeds.heartofthecustomer.com/feeds/posts.json\">", page);
        Assert.Equal(["Your Next CX Hire…Shouldn’t Be a CX Hire", "Your CX Scorecard is Probably Measuring the Wrong Thing"], Headings(page));
    }

    [Fact]
    public void Read_more_stands_apart_from_the_excerpt_and_names_its_post()
    {
        var text = PlainText(Render().Text("/"));

        Assert.Contains("\nRead more\n", text);
        Assert.DoesNotMatch("[^\\n]Read more", text);
        Assert.Contains("aria-label=\"Read more: Unmask the Power of Social Proof\">Read more</a>", Render().Text("/"));
    }

    [Fact]
    public void Markup_in_titles_and_excerpts_is_text()
    {
        var page = Render().Text("/");

        Assert.Contains("<p>In B2B, your buyers trust their peers more than they trust you &lt;and your sales team&gt;. Case studies Reference calls</p>", page);
        Assert.DoesNotContain("<script", page);
    }

    [Fact]
    public void An_empty_blog_still_has_a_posts_page()
    {
        var publication = new PageRenderer(Site, Publish, new PagesOptions()).AddTo(new Publication("v", [], []), Snapshot(), []);

        Assert.Contains("<p>No posts yet.</p>", publication.Text("/"));
        Assert.DoesNotContain("rel=\"alternate\"", publication.Text("/"));
    }

    private static string[] Headings(string html) => [.. HeadingLinks().Matches(html).Select(match => System.Net.WebUtility.HtmlDecode(match.Groups[1].Value))];

    /// <summary>What a naive HTML-to-text pass makes of a page: tags dropped, block ends as line breaks.</summary>
    private static string PlainText(string html) =>
        System.Net.WebUtility.HtmlDecode(Tags().Replace(BlockEnds().Replace(html, "\n"), ""));

    [GeneratedRegex("<h2><a href=\"[^\"]*\">([^<]*)</a></h2>")]
    private static partial Regex HeadingLinks();

    [GeneratedRegex("</(p|h1|h2|article|header|nav|footer|span)>")]
    private static partial Regex BlockEnds();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
