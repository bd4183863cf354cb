using System.Globalization;
using System.Text;

namespace CxFeed.Benchmarks.Content;

/// <summary>
/// A WordPress export (WXR 1.2) of generated posts, written as <c>export_wp()</c> writes one:
/// per post an item with classic-editor content (blank-line paragraphs, a caption, a list, a
/// <c>pre</c> block, a gallery, a more marker, about 18 KB typed), its terms, postmeta and two
/// comments, then its featured image as an attachment item with serialized metadata. Seeded, so
/// every run reads the same bytes.
/// </summary>
public static class GeneratedExport
{
    private static readonly string[] Words =
        ("customer experience journey mapping b2b buyers executives scorecard metrics retention loyalty churn " +
         "onboarding contact center agents survey feedback voice insights strategy change management culture")
        .Split(' ');

    /// <summary>Writes <paramref name="posts"/> posts to <paramref name="file"/>; returns its length in bytes.</summary>
    public static long Write(string file, int posts, int seed = 20210608)
    {
        var random = new Random(seed);
        using (var writer = new StreamWriter(file, false, new UTF8Encoding(false), 1 << 16))
        {
            writer.Write("""
                <?xml version="1.0" encoding="UTF-8" ?>
                <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
                <channel>
                	<title>Heart of the Customer</title>
                	<link>https://www.heartofthecustomer.com</link>
                	<wp:wxr_version>1.2</wp:wxr_version>
                	<wp:base_site_url>https://www.heartofthecustomer.com</wp:base_site_url>
                	<wp:base_blog_url>https://www.heartofthecustomer.com</wp:base_blog_url>
                	<wp:author><wp:author_id>2</wp:author_id><wp:author_login><![CDATA[jtincher]]></wp:author_login><wp:author_display_name><![CDATA[Jim Tincher]]></wp:author_display_name></wp:author>

                """);
            for (var i = 0; i < posts; i++)
            {
                var id = 1000 + 2 * i;
                var date = new DateTime(2010, 1, 4, 15, 0, 0).AddHours(8 * i);
                writer.Write(Invariant($"""
                    	<item>
                    		<title><![CDATA[{Sentence(random, 6).TrimEnd('.')}]]></title>
                    		<link>https://www.heartofthecustomer.com/post-{id}/</link>
                    		<pubDate>{date:R}</pubDate>
                    		<dc:creator><![CDATA[jtincher]]></dc:creator>
                    		<guid isPermaLink="false">https://www.heartofthecustomer.com/?p={id}</guid>
                    		<description></description>
                    		<content:encoded><![CDATA[{Content(random, id)}]]></content:encoded>
                    		<excerpt:encoded><![CDATA[{(i % 3 == 0 ? Sentence(random, 20) : "")}]]></excerpt:encoded>
                    		<wp:post_id>{id}</wp:post_id>
                    		<wp:post_date><![CDATA[{date.AddHours(-6):yyyy-MM-dd HH:mm:ss}]]></wp:post_date>
                    		<wp:post_date_gmt><![CDATA[{date:yyyy-MM-dd HH:mm:ss}]]></wp:post_date_gmt>
                    		<wp:post_modified><![CDATA[{date.AddHours(-4):yyyy-MM-dd HH:mm:ss}]]></wp:post_modified>
                    		<wp:post_modified_gmt><![CDATA[{date.AddHours(2):yyyy-MM-dd HH:mm:ss}]]></wp:post_modified_gmt>
                    		<wp:comment_status><![CDATA[open]]></wp:comment_status>
                    		<wp:post_name><![CDATA[post-{id}]]></wp:post_name>
                    		<wp:status><![CDATA[publish]]></wp:status>
                    		<wp:post_parent>0</wp:post_parent>
                    		<wp:menu_order>0</wp:menu_order>
                    		<wp:post_type><![CDATA[post]]></wp:post_type>
                    		<wp:post_password><![CDATA[]]></wp:post_password>
                    		<wp:is_sticky>0</wp:is_sticky>
                    		<category domain="category" nicename="journey-mapping"><![CDATA[Journey Mapping]]></category>
                    		<category domain="post_tag" nicename="tag-{i % 40}"><![CDATA[Tag {i % 40}]]></category>
                    		<wp:postmeta><wp:meta_key><![CDATA[_edit_last]]></wp:meta_key><wp:meta_value><![CDATA[2]]></wp:meta_value></wp:postmeta>
                    		<wp:postmeta><wp:meta_key><![CDATA[_thumbnail_id]]></wp:meta_key><wp:meta_value><![CDATA[{id + 1}]]></wp:meta_value></wp:postmeta>
                    		<wp:comment><wp:comment_id>{id}</wp:comment_id><wp:comment_author><![CDATA[A reader]]></wp:comment_author><wp:comment_content><![CDATA[{Sentence(random, 30)}]]></wp:comment_content><wp:comment_approved><![CDATA[1]]></wp:comment_approved></wp:comment>
                    	</item>
                    	<item>
                    		<title><![CDATA[image-{id}]]></title>
                    		<link>https://www.heartofthecustomer.com/post-{id}/image-{id}/</link>
                    		<dc:creator><![CDATA[jtincher]]></dc:creator>
                    		<content:encoded><![CDATA[]]></content:encoded>
                    		<excerpt:encoded><![CDATA[{Sentence(random, 5)}]]></excerpt:encoded>
                    		<wp:post_id>{id + 1}</wp:post_id>
                    		<wp:status><![CDATA[inherit]]></wp:status>
                    		<wp:post_parent>{id}</wp:post_parent>
                    		<wp:menu_order>0</wp:menu_order>
                    		<wp:post_type><![CDATA[attachment]]></wp:post_type>
                    		<wp:attachment_url><![CDATA[https://www.heartofthecustomer.com/wp-content/uploads/2021/06/image-{id}.jpg]]></wp:attachment_url>
                    		<wp:postmeta><wp:meta_key><![CDATA[_wp_attachment_metadata]]></wp:meta_key><wp:meta_value><![CDATA[a:5:{"{"}s:5:"width";i:1200;s:6:"height";i:630;s:4:"file";s:22:"2021/06/image-{id}.jpg";s:5:"sizes";a:0:{"{"}{"}"}s:10:"image_meta";a:0:{"{"}{"}"}{"}"}]]></wp:meta_value></wp:postmeta>
                    		<wp:postmeta><wp:meta_key><![CDATA[_wp_attachment_image_alt]]></wp:meta_key><wp:meta_value><![CDATA[{Sentence(random, 3).TrimEnd('.')}]]></wp:meta_value></wp:postmeta>
                    	</item>

                    """));
            }
            writer.Write("</channel>\n</rss>\n");
        }
        return new FileInfo(file).Length;
    }

    /// <summary>About 18 KB of what an author types in the classic editor.</summary>
    private static string Content(Random random, int id)
    {
        var text = new StringBuilder(20_000);
        for (var block = 0; text.Length < 18_000; block++)
        {
            switch (block % 9)
            {
                case 2:
                    text.Append(Invariant($"[caption id=\"attachment_{id + 1}\" align=\"aligncenter\" width=\"1200\"]<img class=\"size-full wp-image-{id + 1}\" src=\"https://www.heartofthecustomer.com/wp-content/uploads/2021/06/image-{id}.jpg\" alt=\"map\" width=\"1200\" height=\"630\" /> {Sentence(random, 8)}[/caption]\n\n"));
                    break;
                case 4:
                    text.Append("<ul>\n");
                    for (var item = 0; item < 4; item++)
                        text.Append("\t<li>").Append(Sentence(random, 8)).Append("</li>\n");
                    text.Append("</ul>\n");
                    break;
                case 5 when block == 5:
                    text.Append("<!--more-->\n\n");
                    break;
                case 6:
                    text.Append("<pre>score = promoters - detractors;\n\nreport(score);</pre>\n\n");
                    break;
                case 7 when block == 7:
                    text.Append("[gallery columns=\"2\"]\n\n");
                    break;
                default:
                    text.Append(Sentence(random, 25)).Append(' ').Append(Sentence(random, 20)).Append('\n').Append(Sentence(random, 15)).Append("\n\n");
                    break;
            }
        }
        return text.ToString();
    }

    private static string Sentence(Random random, int words)
    {
        var text = new StringBuilder();
        for (var i = 0; i < words; i++)
        {
            var word = Words[random.Next(Words.Length)];
            text.Append(i == 0 ? char.ToUpperInvariant(word[0]) + word[1..] : " " + word);
        }
        return text.Append('.').ToString();
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
