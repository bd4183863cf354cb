using System.Collections.Immutable;
using System.Text;
using CxFeed.Core.Content;
using CxFeed.Core.Excerpts;
using CxFeed.Core.Html;
using CxFeed.Core.Publishing;

namespace CxFeed.Benchmarks.Feeds;

/// <summary>
/// A seeded generator of published entries like the blog's: WordPress-style cleaned HTML of about
/// 8 KB (paragraphs with links and emphasis, subheadings, a figure, a list), one or two categories,
/// two to four tags, a shortlink id, dates eight hours apart with some updates, a featured image on
/// most. The same seed always gives the same posts.
/// </summary>
public static class GeneratedPosts
{
    private static readonly string[] Words =
        ("customer experience journey mapping b2b buyers executives scorecard metrics retention loyalty churn " +
         "onboarding contact center agents survey feedback voice insights strategy change management culture " +
         "leaders teams silos data hygiene digital transformation trust advisor proof value outcomes revenue " +
         "the a of to and in for with on that is are was were be it this we you they our your their from by " +
         "about how why what when where which more most less every each some many few first last new good better")
        .Split(' ');

    private static readonly string[] Categories =
        ["CX Strategy", "Journey Mapping", "B2B", "Customer Experience", "CX Data", "Change Management",
         "Contact Center", "Voice of the Customer", "Employee Experience", "Leadership"];

    private static readonly string[] Tags =
        [.. Enumerable.Range(0, 40).Select(i => $"{Words[i % 24]} {Words[(i * 7 + 3) % 24]}")];

    public static ImmutableArray<Entry> Create(int count, int seed = 20210608)
    {
        var random = new Random(seed);
        var start = new DateTimeOffset(2010, 1, 4, 15, 0, 0, TimeSpan.Zero);
        var entries = ImmutableArray.CreateBuilder<Entry>(count);
        for (var i = 0; i < count; i++)
        {
            var id = 1000 + i;
            var title = Capitalised(Sentence(random, 4 + random.Next(6)));
            var slug = $"{Slug(title)}-{id}";
            var canonical = new Uri($"https://www.heartofthecustomer.com/{slug}/");
            var published = start.AddHours(8 * i + random.Next(8));
            DateTimeOffset? updated = random.Next(10) < 3 ? published.AddDays(1 + random.Next(60)) : null;
            var body = Body(random, canonical, id);
            var firstParagraph = body[3..body.IndexOf("</p>", StringComparison.Ordinal)];
            var excerptText = Plain(firstParagraph);
            var excerpt = new Excerpt(
                excerptText,
                $"<p>{HtmlText.Escape(excerptText)}</p><p><a href=\"{canonical.AbsoluteUri}\">Read more</a></p>",
                IsCut: true);
            ImmutableArray<string> categories = [.. Pick(random, Categories, 1 + random.Next(2))];
            ImmutableArray<string> tags = [.. Pick(random, Tags, 2 + random.Next(3))];
            var image = random.Next(10) < 8
                ? new PostImage(new Uri($"https://www.heartofthecustomer.com/wp-content/uploads/{published:yyyy/MM}/{slug}.jpg"), 1200, 628, "image/jpeg", title)
                : null;
            var post = new Post(
                $"https://www.heartofthecustomer.com/?p={id}", $"{slug}.html", canonical, title, published, updated,
                ["Jim Tincher"], categories, tags, image, null, null, body);
            entries.Add(new Entry(post, body, new ExcerptSource(title, canonical, body), ExcerptBudget.Default, excerpt));
        }
        return entries.MoveToImmutable();
    }

    private static string Body(Random random, Uri canonical, int id)
    {
        var html = new StringBuilder(9000);
        var paragraph = 0;
        while (html.Length < 7800)
        {
            switch (paragraph++ % 7)
            {
                case 3:
                    html.Append($"<h2>{Capitalised(Sentence(random, 3 + random.Next(4)))}</h2>\n");
                    break;
                case 4:
                    html.Append($"<figure class=\"wp-block-image\"><img src=\"https://www.heartofthecustomer.com/wp-content/uploads/figure-{id}-{paragraph}.png\" alt=\"{Sentence(random, 3)}\" width=\"800\" height=\"450\" /><figcaption>{Capitalised(Sentence(random, 6))}.</figcaption></figure>\n");
                    break;
                case 6:
                    html.Append("<ul>");
                    for (var item = 0; item < 3 + random.Next(3); item++)
                        html.Append($"<li>{Capitalised(Sentence(random, 5 + random.Next(8)))}.</li>");
                    html.Append("</ul>\n");
                    break;
                default:
                    html.Append("<p>");
                    for (var sentence = 0; sentence < 3 + random.Next(4); sentence++)
                    {
                        var words = Sentence(random, 8 + random.Next(14));
                        html.Append(random.Next(5) switch
                        {
                            0 => $"{Capitalised(words)}, said <a href=\"{canonical.AbsoluteUri}#note-{sentence}\">one client</a>. ",
                            1 => $"<strong>{Capitalised(words)}</strong> &amp; more. ",
                            2 => $"“{Capitalised(words)}” — it’s <em>true</em>. ",
                            _ => $"{Capitalised(words)}. ",
                        });
                    }
                    html.Length--;
                    html.Append("</p>\n");
                    break;
            }
        }
        return html.ToString();
    }

    private static string Sentence(Random random, int words) =>
        string.Join(' ', Enumerable.Range(0, words).Select(_ => Words[random.Next(Words.Length)]));

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private static string Slug(string title) => string.Join('-', title.ToLowerInvariant().Split(' ').Take(6));

    private static IEnumerable<string> Pick(Random random, string[] from, int count) =>
        Enumerable.Range(0, count).Select(_ => from[random.Next(from.Length)]).Distinct();

    /// <summary>The text of a paragraph of the generator's own markup (no nesting beyond one level).</summary>
    private static string Plain(string html)
    {
        var text = new StringBuilder(html.Length);
        var inTag = false;
        foreach (var c in html)
        {
            if (c == '<')
                inTag = true;
            else if (c == '>')
                inTag = false;
            else if (!inTag)
                text.Append(c);
        }
        return text.ToString().Replace("&amp;", "&");
    }
}
