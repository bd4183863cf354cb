using System.Text;
using CxFeed.Core;
using CxFeed.Core.Content;
using CxFeed.Core.Content.WordPress;

namespace CxFeed.Tests.Content.WordPress;

public class WxrReaderTests
{
    private static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");

    private const string ImageMetadata =
        """a:6:{s:5:"width";i:1200;s:6:"height";i:630;s:4:"file";s:23:"2021/01/bad-cx-data.jpg";s:8:"filesize";i:98304;s:5:"sizes";a:1:{s:9:"thumbnail";a:4:{s:4:"file";s:23:"bad-cx-data-150x150.jpg";s:5:"width";i:150;s:6:"height";i:150;s:9:"mime-type";s:10:"image/jpeg";}}s:10:"image_meta";a:2:{s:7:"caption";s:0:"";s:5:"title";s:5:"Data ";}}""";

    /// <summary>The seed post 4215 as the blog's export has it, among what an export also holds and the feeds must not show.</summary>
    private static WxrExport SeedExport() => new WxrExport()
        .Item(4215, "2021: The Year of CX Data", "For years, CX leaders have struggled to measure their programs.\n\nThat ends in 2021.\n\n<!--more-->\n\nHere is why.",
            slug: "2021-the-year-of-cx-data",
            excerpt: "Why 2021 is the year CX data <em>finally</em> matters.",
            terms: WxrExport.Category("category", "cx-data", "CX Data") + WxrExport.Category("post_tag", "metrics", "Metrics") + WxrExport.Category("post_tag", "b2b-cx", "B2B &amp; CX"),
            meta: WxrExport.Meta("_edit_last", "2") + WxrExport.Meta("_thumbnail_id", "4216"))
        .Item(4216, "bad cx data", "", type: "attachment", status: "inherit", parent: 4215, slug: "bad-cx-data",
            attachmentUrl: "https://www.heartofthecustomer.com/wp-content/uploads/2021/01/bad-cx-data.jpg",
            meta: WxrExport.Meta("_wp_attached_file", "2021/01/bad-cx-data.jpg") + WxrExport.Meta("_wp_attachment_metadata", ImageMetadata) + WxrExport.Meta("_wp_attachment_image_alt", "bad cx data"))
        .Item(4300, "A draft", "Not yet.", status: "draft")
        .Item(4301, "Members only", "Secret.", password: "hunter2")
        .Item(2, "About", "The about page.", type: "page")
        .Item(4302, "Scheduled", "Later.", status: "future")
        .Item(4303, "Menu item", "", type: "nav_menu_item");

    [Fact]
    public void A_published_post_has_its_id_shortlink_dates_author_terms_image_excerpt_and_rendered_body()
    {
        using var folder = new TemporaryFolder();
        var file = folder.Write("heartofthecustomer.WordPress.2026-12-05.xml", Encoding.UTF8.GetBytes(SeedExport().Document()));

        var items = new WxrReader(Chicago).Read(file).ToList();

        var item = Assert.Single(items);
        Assert.Equal([], item.Problems.Select(problem => problem.ToString()));
        var post = item.Post!;
        Assert.Equal(4215, post.Id);
        Assert.Equal("https://www.heartofthecustomer.com/?p=4215", post.Shortlink.AbsoluteUri);
        Assert.Equal("https://www.heartofthecustomer.com/2021-the-year-of-cx-data/", post.Link.AbsoluteUri);
        Assert.Equal("2021: The Year of CX Data", post.Title);
        Assert.Equal(new DateTimeOffset(2021, 1, 12, 9, 30, 0, TimeSpan.FromHours(-6)), post.Published);
        Assert.Equal(TimeSpan.FromHours(-6), post.Published.Offset);
        Assert.Equal(new DateTimeOffset(2021, 1, 14, 16, 0, 0, TimeSpan.Zero), post.Modified);
        Assert.Equal<string>(["Jim Tincher"], post.Authors);
        Assert.Equal<WordPressTerm>([new WordPressTerm("CX Data", "cx-data")], post.Categories);
        Assert.Equal<WordPressTerm>([new WordPressTerm("Metrics", "metrics"), new WordPressTerm("B2B & CX", "b2b-cx")], post.Tags);
        Assert.Equal(
            new PostImage(new Uri("https://www.heartofthecustomer.com/wp-content/uploads/2021/01/bad-cx-data.jpg"), 1200, 630, "image/jpeg", "bad cx data"),
            post.FeaturedImage);
        Assert.Equal("<p>Why 2021 is the year CX data <em>finally</em> matters.</p>\n", post.ManualExcerptHtml);
        Assert.Equal(
            "<p>For years, CX leaders have struggled to measure their programs.</p>\n<p>That ends in 2021.</p>\n<p><!--more--></p>\n<p>Here is why.</p>\n",
            post.ContentHtml);
    }

    [Fact]
    public void The_id_equals_the_one_the_folder_source_reads_from_the_seed_page()
    {
        var seed = new FolderSource(Path.Combine(Repository.Root, "seeds", "posts"), new Uri("https://www.heartofthecustomer.com/"));
        var site = new SiteOptions { Title = "Heart of the Customer", BaseUrl = "https://www.heartofthecustomer.com/", TimeZone = "America/Chicago" };
        var page = seed.ReadAsync().ToBlockingEnumerable().Single(page => page.Name == "2021-the-year-of-cx-data.html");
        var fromFolder = new PostReader(new ContentOptions(), site).Read(page).Post!;
        using var folder = new TemporaryFolder();
        var file = folder.Write("export.xml", Encoding.UTF8.GetBytes(SeedExport().Document()));

        var fromExport = new WxrReader(Chicago).Read(file).Single().Post!;

        Assert.Equal(fromFolder.Id, fromExport.Shortlink.AbsoluteUri);
        Assert.Equal(fromFolder.CanonicalUrl, fromExport.Link);
        Assert.Equal(fromFolder.Published, fromExport.Published);
    }

    [Fact]
    public void A_zero_GMT_date_means_the_local_date_in_the_site_time_zone()
    {
        using var folder = new TemporaryFolder();
        var export = new WxrExport().Item(10, "Imported", "Text.", date: "2021-07-04 08:00:00", dateGmt: "0000-00-00 00:00:00", modifiedGmt: "0000-00-00 00:00:00");
        var file = folder.Write("export.xml", Encoding.UTF8.GetBytes(export.Document()));

        var post = new WxrReader(Chicago).Read(file).Single().Post!;

        Assert.Equal(DateTimeOffset.Parse("2021-07-04T08:00:00-05:00", System.Globalization.CultureInfo.InvariantCulture), post.Published);
        Assert.Equal(TimeSpan.FromHours(-5), post.Published.Offset);
    }

    [Fact]
    public void A_split_export_is_read_file_by_file_with_attachments_from_any_of_them()
    {
        using var folder = new TemporaryFolder();
        var first = new WxrExport()
            .Item(100, "First", "[gallery]", meta: WxrExport.Meta("_thumbnail_id", "201"))
            .Item(101, "Second", "Second post.");
        var second = new WxrExport()
            .Item(201, "Chart", "", type: "attachment", status: "inherit", parent: 100, attachmentUrl: "https://www.heartofthecustomer.com/wp-content/uploads/chart.png");
        folder.Write("site.wordpress.2026-12-05.000.xml", Encoding.UTF8.GetBytes(first.Document()));
        folder.Write("site.wordpress.2026-12-05.001.xml", Encoding.UTF8.GetBytes(second.Document()));
        folder.Write("notes.txt", "not an export"u8.ToArray());

        var posts = new WxrReader(Chicago).Read(folder.Path).Select(item => item.Post!).ToList();

        Assert.Equal([100, 101], posts.Select(post => post.Id));
        Assert.Equal("https://www.heartofthecustomer.com/wp-content/uploads/chart.png", posts[0].FeaturedImage!.Url.AbsoluteUri);
        Assert.Null(posts[0].FeaturedImage!.Width);
        Assert.Contains("<img src=\"https://www.heartofthecustomer.com/wp-content/uploads/chart.png\"", posts[0].ContentHtml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<!DOCTYPE rss [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]>\n")]
    [InlineData("<!DOCTYPE rss SYSTEM \"file:///etc/passwd\">\n")]
    public void An_export_that_declares_a_DTD_is_refused_and_nothing_is_expanded(string doctype)
    {
        using var folder = new TemporaryFolder();
        var export = new WxrExport().Item(1, "&lol2;", "Text");
        var file = folder.Write("export.xml", Encoding.UTF8.GetBytes(export.Document(doctype)));

        var items = new WxrReader(Chicago).Read(file).ToList();

        var problem = Assert.Single(Assert.Single(items).Problems);
        Assert.Null(items[0].Post);
        Assert.Equal("export.xml: is refused: it declares a DTD (<!DOCTYPE>), which could define entities; a WordPress export never has one, and nothing of it is expanded or read", problem.ToString());
    }

    [Fact]
    public void A_character_XML_forbids_stops_the_file_at_that_item_and_keeps_the_posts_before_it()
    {
        using var folder = new TemporaryFolder();
        var export = new WxrExport()
            .Item(1, "Good one", "Text.")
            .Item(2, "Good two", "Text.")
            .Item(3, "Broken", "Pasted from Word: \u0001 here.")
            .Item(4, "After", "Text.");
        var file = folder.Write("export.xml", Encoding.UTF8.GetBytes(export.Document()));

        var items = new WxrReader(Chicago).Read(file).ToList();

        Assert.Equal([1, 2], items.Where(item => item.Post is not null).Select(item => item.Post!.Id));
        var problem = Assert.Single(items.Last().Problems);
        Assert.StartsWith("export.xml: stopped reading at line ", problem.ToString(), StringComparison.Ordinal);
        Assert.Contains("in the item titled 'Broken': '\u0001', hexadecimal value 0x01, is an invalid character; the 2 posts before it in this file are kept", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_export_reports_where_it_stopped_and_keeps_the_posts_before_it()
    {
        using var folder = new TemporaryFolder();
        var document = new WxrExport().Item(1, "Whole", "Text.").Item(2, "Cut", "A post cut in the middle of its").Document();
        var file = folder.Write("export.xml", Encoding.UTF8.GetBytes(document[..document.IndexOf("in the middle", StringComparison.Ordinal)]));

        var items = new WxrReader(Chicago).Read(file).ToList();

        Assert.Equal(1, Assert.Single(items, item => item.Post is not null).Post!.Id);
        var problem = Assert.Single(items.Last().Problems);
        Assert.Matches("^export\\.xml: stopped reading at line \\d+, column \\d+, in the item titled 'Cut': Unexpected end of file", problem.ToString());
        Assert.EndsWith("the 1 post before it in this file is kept", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_an_export_says_so()
    {
        using var folder = new TemporaryFolder();
        var file = folder.Write("export.xml", "<html><body>Not an export</body></html>"u8.ToArray());

        var problem = Assert.Single(Assert.Single(new WxrReader(Chicago).Read(file)).Problems);

        Assert.Equal("export.xml: is not a WordPress export: its root is not <rss> with a <channel>", problem.ToString());
    }

    [Fact]
    public void Bad_items_are_reported_by_file_and_post_and_the_others_kept()
    {
        using var folder = new TemporaryFolder();
        var export = new WxrExport()
            .Item(1, "No date", "Text.", date: "0000-00-00 00:00:00", dateGmt: "0000-00-00 00:00:00")
            .Item(2, "Unknown author and image", "Text.", creator: "ghost", meta: WxrExport.Meta("_thumbnail_id", "999"))
            .Item(3, "Fine", "Text.");
        var file = folder.Write("export.xml", Encoding.UTF8.GetBytes(export.Document()));

        var items = new WxrReader(Chicago).Read(file).ToList();

        Assert.Equal([2, 3], items.Where(item => item.Post is not null).Select(item => item.Post!.Id));
        Assert.Equal(
            [
                "export.xml, post 1: has no usable publication date (wp:post_date_gmt '0000-00-00 00:00:00', wp:post_date '0000-00-00 00:00:00')",
                "export.xml, post 2: has the author login 'ghost', which no <wp:author> of the export names; the login is shown",
                "export.xml, post 2: names a featured image (attachment 999) that is not in the export; published without one",
            ],
            items.SelectMany(item => item.Problems).Select(problem => problem.ToString()));
        Assert.Equal<string>(["ghost"], items[1].Post!.Authors);
    }

    [Fact]
    public void Content_with_the_CDATA_end_WordPress_splits_is_read_whole()
    {
        using var folder = new TemporaryFolder();
        var export = new WxrExport().Item(1, "Code", "<pre>if (a[b[0]]>1) return;</pre>");
        var file = folder.Write("export.xml", Encoding.UTF8.GetBytes(export.Document()));

        var post = new WxrReader(Chicago).Read(file).Single().Post!;

        Assert.Equal("<pre>if (a[b[0]]>1) return;</pre>\n", post.ContentHtml);
    }

    [Theory]
    [InlineData("""a:2:{s:5:"width";i:800;s:6:"height";i:600;}""", 800, 600)]
    [InlineData("""a:3:{s:4:"file";s:9:"café.jpg";s:5:"width";i:800;s:6:"height";i:600;}""", 800, 600)]
    [InlineData("""a:1:{s:5:"width";i:800;}""", null, null)]
    [InlineData("""a:2:{s:5:"width";i:-5;s:6:"height";i:600;}""", null, null)]
    [InlineData("""a:2:{s:5:"width";O:8:"stdClass":0:{}s:6:"height";i:600;}""", null, null)]
    [InlineData("""a:2:{s:99:"width";i:800;s:6:"height";i:600;}""", null, null)]
    [InlineData("""a:999999999:{""", null, null)]
    [InlineData("not serialized", null, null)]
    public void Attachment_sizes_are_read_from_PHP_serialized_metadata_safely(string serialized, int? width, int? height) =>
        Assert.Equal((width, height), AttachmentMetadata.ReadSize(serialized));
}
