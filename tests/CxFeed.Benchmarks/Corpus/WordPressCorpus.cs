using System.Globalization;
using System.Text;

namespace CxFeed.Benchmarks.Corpus;

/// <summary>
/// Generated WordPress post bodies, seeded and deterministic (the same count and seed give the
/// same posts on every machine): paragraphs with links and inline formatting, headings, lists,
/// images in their lazy-loading variants (WP Rocket, Jetpack, a3 Lazy Load) with srcset,
/// classic captions and Gutenberg figures, YouTube embeds, tables, blockquotes, Gutenberg block
/// comments, Word pastes, and the chrome plugins add (share buttons, related posts, author
/// boxes, "Read more" links, tracking pixels). Sizes vary from a short note to a long essay.
/// Shared by the cleaning and excerpt benchmarks.
/// </summary>
public static class WordPressCorpus
{
    private const string Site = "https://www.heartofthecustomer.com";

    private static readonly string[] Words =
    [
        "customer", "experience", "journey", "mapping", "B2B", "leaders", "data", "insight", "team", "value",
        "service", "change", "management", "loyalty", "survey", "metric", "feedback", "voice", "strategy", "culture",
        "employee", "process", "outcome", "business", "results", "renewal", "account", "buyer", "moment", "truth",
        "the", "a", "of", "to", "and", "in", "that", "is", "for", "with", "your", "their", "we", "it", "on", "as",
        "not", "but", "more", "than", "every", "often", "rarely", "always", "because", "when", "where", "which",
        "improve", "measure", "understand", "deliver", "build", "listen", "act", "prove", "align", "focus",
        "executive", "frontline", "silo", "handoff", "onboarding", "support", "billing", "delivery", "product", "sales",
    ];

    private static readonly string[] Slugs =
    [
        "cx-needs-change-management", "journey-mapping-mistakes-to-avoid", "the-bots-are-coming", "stop-playing-cx-whack-a-mole",
        "your-cx-scorecard-is-probably-measuring-the-wrong-thing", "dont-go-the-extra-mile-in-the-wrong-direction",
        "five-questions-to-answer-for-customer-journey-mapping-success", "unmask-the-power-of-social-proof",
    ];

    private enum Style { Classic, Gutenberg, WordPaste }

    public static IReadOnlyList<CorpusPost> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var posts = new List<CorpusPost>(count);
        for (var i = 0; i < count; i++)
        {
            var slug = $"{Slugs[random.Next(Slugs.Length)]}-{i.ToString(CultureInfo.InvariantCulture)}";
            posts.Add(new CorpusPost(new Uri($"{Site}/{slug}/"), new PostWriter(random, slug, i).Write()));
        }
        return posts;
    }

    private sealed class PostWriter(Random random, string slug, int id)
    {
        private readonly StringBuilder _html = new();
        // Gutenberg has been WordPress's editor since 2018; older posts are classic; some are pasted from Word.
        private readonly Style _style = random.Next(10) switch { < 3 => Style.Classic, < 9 => Style.Gutenberg, _ => Style.WordPaste };

        public string Write()
        {
            if (_style == Style.WordPaste)
                _html.Append("<!--[if gte mso 9]><xml>\n <w:WordDocument>\n  <w:View>Normal</w:View>\n  <w:Zoom>0</w:Zoom>\n </w:WordDocument>\n</xml><![endif]--><!--[if gte mso 10]>\n<style>\n table.MsoNormalTable {mso-style-name:\"Table Normal\"; mso-style-priority:99; font-size:12.0pt;}\n</style>\n<![endif]-->\n");
            // Short notes, ordinary posts of several hundred words, and some long essays.
            var blocks = random.Next(20) switch { < 8 => random.Next(3, 10), < 17 => random.Next(10, 30), _ => random.Next(30, 80) };
            for (var i = 0; i < blocks; i++)
                Block(i);
            Chrome();
            return _html.ToString();
        }

        private void Block(int index)
        {
            var kind = index == 0 && random.Next(3) == 0 ? 100 : random.Next(100);
            switch (kind)
            {
                case < 55: Wrapped("paragraph", Paragraph); break;
                case < 63: Wrapped("heading", Heading); break;
                case < 71: Wrapped("list", List); break;
                case < 79 or 100: Wrapped("image", Image); break;
                case < 84: Wrapped("quote", Quote); break;
                case < 88: Wrapped("table", Table); break;
                case < 90: Wrapped("embed", Embed); break;
                case < 94: Wrapped("group", Group); break;
                default: Wrapped("paragraph", Paragraph); break;
            }
        }

        private void Wrapped(string block, Action write)
        {
            if (_style == Style.Gutenberg)
                _html.Append("<!-- wp:").Append(block).Append(" -->\n");
            write();
            _html.Append('\n');
            if (_style == Style.Gutenberg)
                _html.Append("<!-- /wp:").Append(block).Append(" -->\n\n");
        }

        private void Paragraph()
        {
            if (_style == Style.WordPaste)
            {
                _html.Append("<p class=\"MsoNormal\" style=\"margin-bottom: 0.0001pt; line-height: normal;\"><span style=\"font-size: 12.0pt; font-family: 'Calibri',sans-serif; mso-fareast-font-family: 'Times New Roman';\">");
                Sentences(random.Next(2, 6));
                _html.Append("<o:p></o:p></span></p>");
                if (random.Next(4) == 0)
                    _html.Append("\n<p class=\"MsoNormal\"><o:p>&nbsp;</o:p></p>");
                return;
            }
            _html.Append(random.Next(8) switch
            {
                0 => "<p class=\"has-medium-font-size\">",
                1 when _style == Style.Gutenberg => "<p class=\"has-text-color\" style=\"color:#1d3557\">",
                _ => "<p>",
            });
            Sentences(random.Next(2, 7));
            _html.Append("</p>");
            if (random.Next(15) == 0)
                _html.Append("\n<p>&nbsp;</p>");
        }

        private void Sentences(int count)
        {
            for (var s = 0; s < count; s++)
            {
                if (s > 0)
                    _html.Append(random.Next(6) == 0 ? "&nbsp; " : " ");
                var words = random.Next(8, 26);
                for (var w = 0; w < words; w++)
                {
                    if (w > 0)
                        _html.Append(' ');
                    var word = Words[random.Next(Words.Length)];
                    if (w == 0)
                        word = char.ToUpperInvariant(word[0]) + word[1..];
                    switch (random.Next(40))
                    {
                        case 0: _html.Append("<strong>").Append(word).Append("</strong>"); break;
                        case 1: _html.Append("<em>").Append(word).Append("</em>"); break;
                        case 2: Link(word); break;
                        case 3: _html.Append(word).Append("&rsquo;s"); break;
                        case 4: _html.Append("&ldquo;").Append(word).Append("&rdquo;"); break;
                        default: _html.Append(word); break;
                    }
                }
                _html.Append(random.Next(10) == 0 ? "?" : ".");
            }
        }

        private void Link(string text)
        {
            var href = random.Next(4) switch
            {
                0 => $"/{Slugs[random.Next(Slugs.Length)]}/",
                1 => $"{Site}/{Slugs[random.Next(Slugs.Length)]}/",
                2 => $"https://customerthink.com/author/jim-tincher/?ref={random.Next(1000)}&amp;utm_source=blog",
                _ => $"https://hbr.org/2017/03/the-new-sales-imperative",
            };
            var extra = random.Next(3) == 0 ? " target=\"_blank\" rel=\"noopener noreferrer\"" : "";
            _html.Append("<a href=\"").Append(href).Append('"').Append(extra).Append('>').Append(text).Append("</a>");
        }

        private void Heading()
        {
            var level = random.Next(2, 5);
            _html.Append("<h").Append(level).Append(_style == Style.Gutenberg ? " class=\"wp-block-heading\"" : "").Append('>');
            for (var w = 0; w < random.Next(3, 9); w++)
                _html.Append(w == 0 ? "" : " ").Append(Words[random.Next(Words.Length)]);
            _html.Append("</h").Append(level).Append('>');
        }

        private void List()
        {
            var tag = random.Next(2) == 0 ? "ul" : "ol";
            _html.Append('<').Append(tag).Append(">\n");
            for (var i = random.Next(3, 8); i > 0; i--)
            {
                _html.Append("<li>");
                if (random.Next(3) == 0)
                    _html.Append("<strong>").Append(Words[random.Next(Words.Length)]).Append(":</strong> ");
                Sentences(random.Next(1, 3));
                _html.Append("</li>\n");
            }
            _html.Append("</").Append(tag).Append('>');
        }

        private void Image()
        {
            var year = 2015 + random.Next(8);
            var name = $"{Words[random.Next(Words.Length)]}-{Words[random.Next(Words.Length)]}-{random.Next(100)}";
            var file = $"/wp-content/uploads/{year}/{random.Next(1, 13):00}/{name}";
            var srcset = $"{file}.jpg 1024w, {file}-300x157.jpg 300w, {file}-768x402.jpg 768w";
            var alt = random.Next(3) == 0 ? "" : name.Replace('-', ' ');
            var attachment = random.Next(1000, 9999);
            switch (random.Next(6))
            {
                case 0: // WP Rocket lazy load, Gutenberg figure
                    _html.Append($"<figure class=\"wp-block-image size-large\"><img width=\"1024\" height=\"536\" src=\"data:image/svg+xml,%3Csvg%20xmlns='http://www.w3.org/2000/svg'%20viewBox='0%200%201024%20536'%3E%3C/svg%3E\" alt=\"{alt}\" class=\"wp-image-{attachment}\" data-lazy-srcset=\"{Site}{srcset.Replace(", /", $", {Site}/")}\" data-lazy-sizes=\"(max-width: 1024px) 100vw, 1024px\" data-lazy-src=\"{Site}{file}.jpg\" /><noscript><img width=\"1024\" height=\"536\" src=\"{Site}{file}.jpg\" alt=\"{alt}\" class=\"wp-image-{attachment}\" srcset=\"{srcset}\" sizes=\"(max-width: 1024px) 100vw, 1024px\" /></noscript></figure>");
                    break;
                case 1: // Jetpack lazy images
                    _html.Append($"<p><img class=\"alignleft size-medium wp-image-{attachment} jetpack-lazy-image\" src=\"data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7\" data-lazy-src=\"{Site}{file}-300x225.png\" alt=\"{alt}\" width=\"300\" height=\"225\" data-lazy-srcset=\"{file}-300x225.png 300w, {Site}{file}.png 400w\" data-lazy-sizes=\"(max-width: 300px) 100vw, 300px\" srcset=\"data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7\" /><noscript><img data-lazy-fallback=\"1\" class=\"alignleft size-medium wp-image-{attachment}\" src=\"{Site}{file}-300x225.png\" alt=\"{alt}\" width=\"300\" height=\"225\" /></noscript>");
                    Sentences(random.Next(1, 3));
                    _html.Append("</p>");
                    break;
                case 2: // classic caption with a3 Lazy Load
                    _html.Append($"<div id=\"attachment_{attachment}\" style=\"width: 810px\" class=\"wp-caption aligncenter\"><img aria-describedby=\"caption-attachment-{attachment}\" class=\"lazy lazy-hidden wp-image-{attachment} size-full\" src=\"{Site}/wp-content/plugins/a3-lazy-load/assets/images/lazy_placeholder.gif\" data-lazy-type=\"image\" data-src=\"{file}.png\" alt=\"{alt}\" width=\"800\" height=\"500\" srcset=\"\" data-srcset=\"{file}.png 800w, {file}-300x188.png 300w\" sizes=\"(max-width: 800px) 100vw, 800px\" /><noscript><img class=\"wp-image-{attachment} size-full\" src=\"{file}.png\" alt=\"{alt}\" width=\"800\" height=\"500\" /></noscript><p id=\"caption-attachment-{attachment}\" class=\"wp-caption-text\">");
                    Sentences(1);
                    _html.Append("</p></div>");
                    break;
                case 3: // Gutenberg figure with caption, protocol-relative srcset
                    _html.Append($"<figure class=\"wp-block-image aligncenter size-full\"><a href=\"{file}.jpg\"><img loading=\"lazy\" decoding=\"async\" width=\"1080\" height=\"720\" src=\"//www.heartofthecustomer.com{file}.jpg\" alt=\"{alt}\" class=\"wp-image-{attachment}\" srcset=\"//www.heartofthecustomer.com{file}.jpg 1080w, //www.heartofthecustomer.com{file}-300x200.jpg 300w\" sizes=\"(max-width: 1080px) 100vw, 1080px\" /></a><figcaption class=\"wp-element-caption\">");
                    Sentences(1);
                    _html.Append("</figcaption></figure>");
                    break;
                default: // plain classic image in a paragraph
                    _html.Append($"<p><img class=\"aligncenter size-large wp-image-{attachment}\" src=\"{Site}{file}.jpg\" alt=\"{alt}\" width=\"1024\" height=\"536\" srcset=\"{srcset}\" sizes=\"(max-width: 1024px) 100vw, 1024px\" /></p>");
                    break;
            }
        }

        private void Quote()
        {
            _html.Append(_style == Style.Gutenberg ? "<blockquote class=\"wp-block-quote\"><p>" : "<blockquote><p>");
            Sentences(random.Next(1, 4));
            _html.Append("</p><cite>").Append(Words[random.Next(Words.Length)]).Append("</cite></blockquote>");
        }

        private void Table()
        {
            _html.Append("<figure class=\"wp-block-table\"><table class=\"has-fixed-layout\"><thead><tr><th>Metric</th><th>Before</th><th>After</th></tr></thead><tbody>");
            for (var r = random.Next(3, 9); r > 0; r--)
                _html.Append("<tr><td>").Append(Words[random.Next(Words.Length)]).Append("</td><td>").Append(random.Next(100)).Append("%</td><td>").Append(random.Next(100)).Append("%</td></tr>");
            _html.Append("</tbody></table></figure>");
        }

        private void Embed()
        {
            var video = $"v{random.Next(100_000, 999_999)}abc";
            _html.Append($"<figure class=\"wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube wp-embed-aspect-16-9 wp-has-aspect-ratio\"><div class=\"wp-block-embed__wrapper\">\n<iframe loading=\"lazy\" title=\"Journey mapping in {random.Next(30, 90)} seconds\" width=\"640\" height=\"360\" src=\"https://www.youtube.com/embed/{video}?feature=oembed\" frameborder=\"0\" allow=\"accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture\" allowfullscreen></iframe>\n</div></figure>");
        }

        private void Group()
        {
            _html.Append("<div class=\"wp-block-group has-background\" style=\"background-color:#f3f3f3\"><div class=\"wp-block-group__inner-container\">");
            Paragraph();
            _html.Append("<div style=\"height:20px\" aria-hidden=\"true\" class=\"wp-block-spacer\"></div></div></div>");
        }

        private void Chrome()
        {
            var url = $"{Site}/{slug}/";
            if (random.Next(3) == 0)
                _html.Append($"<p>{Words[random.Next(Words.Length)]} <a href=\"{url}#more-{id}\" class=\"more-link\">Read more</a></p>\n");
            if (random.Next(10) == 0)
                _html.Append($"<img src=\"https://pixel.wp.com/g.gif?blog=1&amp;post={id}\" width=\"1\" height=\"1\" alt=\"\" />\n");
            switch (random.Next(5))
            {
                case 0:
                case 1:
                    _html.Append($"<div class=\"sharedaddy sd-sharing-enabled\"><div class=\"robots-nocontent sd-block sd-social sd-social-icon-text sd-sharing\"><h3 class=\"sd-title\">Share this:</h3><div class=\"sd-content\"><ul><li class=\"share-linkedin\"><a rel=\"nofollow noopener noreferrer\" data-shared=\"sharing-linkedin-{id}\" class=\"share-linkedin sd-button share-icon\" href=\"{url}?share=linkedin&amp;nb=1\" target=\"_blank\" title=\"Click to share on LinkedIn\"><span>LinkedIn</span></a></li><li class=\"share-twitter\"><a rel=\"nofollow noopener noreferrer\" class=\"share-twitter sd-button share-icon\" href=\"{url}?share=twitter&amp;nb=1\" target=\"_blank\"><span>Twitter</span></a></li><li class=\"share-end\"></li></ul></div></div></div>\n");
                    break;
                case 2:
                    _html.Append($"<div class=\"addtoany_share_save_container addtoany_content addtoany_content_bottom\"><div class=\"addtoany_header\">Share this post:</div><div class=\"a2a_kit a2a_kit_size_32 addtoany_list\" data-a2a-url=\"{url}\"><a class=\"a2a_button_linkedin\" href=\"https://www.addtoany.com/add_to/linkedin?linkurl={Uri.EscapeDataString(url)}\" title=\"LinkedIn\" rel=\"nofollow noopener\" target=\"_blank\"></a><a class=\"a2a_dd addtoany_share_save addtoany_share\" href=\"https://www.addtoany.com/share\"></a></div></div>\n");
                    break;
            }
            if (random.Next(3) == 0)
            {
                _html.Append("<div class='yarpp yarpp-related yarpp-related-website yarpp-template-list'>\n<!-- YARPP List -->\n<h3>Related posts:</h3><ol>\n");
                for (var i = 0; i < 3; i++)
                {
                    var related = Slugs[random.Next(Slugs.Length)];
                    _html.Append($"<li><a href=\"{Site}/{related}/\" rel=\"bookmark\" title=\"{related}\">{related.Replace('-', ' ')}</a></li>\n");
                }
                _html.Append("</ol>\n</div>\n");
            }
            if (random.Next(10) == 0)
                _html.Append("<div class=\"saboxplugin-wrap\"><div class=\"saboxplugin-gravatar\"><img src=\"https://secure.gravatar.com/avatar/abc?s=100\" width=\"100\" height=\"100\" alt=\"Jim Tincher\" /></div><div class=\"saboxplugin-authorname\"><a href=\"/author/jim/\">Jim Tincher</a></div><div class=\"saboxplugin-desc\"><p>Jim is the founder of Heart of the Customer.</p></div></div>\n");
        }
    }
}
