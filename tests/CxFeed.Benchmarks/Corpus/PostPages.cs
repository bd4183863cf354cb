using System.Globalization;
using System.Net;
using System.Text;

namespace CxFeed.Benchmarks.Corpus;

/// <summary>
/// Whole post pages for measuring the server on a large blog: each <see cref="WordPressCorpus"/>
/// body inside a WordPress single-post page with standard metadata (title, canonical link,
/// shortlink, article:published_time, author, section, tags), one post every 6 hours back from
/// 2024-06-01, newest first. Seeded: the same count and seed give the same files everywhere.
/// </summary>
public static class PostPages
{
    private static readonly string[] Categories =
        ["CX Strategy", "Journey Mapping", "Change Management", "B2B", "Voice of the Customer", "Employee Experience", "CX Metrics", "Customer Success"];

    private static readonly string[] Tags =
        ["metrics", "journey mapping", "silos", "CX program", "b2b", "surveys", "executives", "onboarding", "renewals", "data",
         "culture", "frontline", "NPS", "churn", "personas", "loyalty", "feedback", "strategy", "hiring", "change management"];

    /// <summary>Writes <paramref name="count"/> pages named <c>{slug}.html</c> into <paramref name="folder"/>.</summary>
    public static void Write(string folder, int count, int seed)
    {
        Directory.CreateDirectory(folder);
        var random = new Random(seed);
        var newest = new DateTimeOffset(2024, 6, 1, 9, 0, 0, TimeSpan.FromHours(-5));
        var bodies = WordPressCorpus.Generate(count, seed);
        for (var i = 0; i < count; i++)
        {
            var url = bodies[i].BaseUrl;
            var slug = url.AbsolutePath.Trim('/');
            var title = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(slug.Replace('-', ' '));
            var published = newest.AddHours(-6 * i).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
            var page = new StringBuilder();
            page.Append($"""
                <!DOCTYPE html>
                <html lang="en-US">
                <head>
                <meta charset="UTF-8">
                <title>{WebUtility.HtmlEncode(title)} | Heart of the Customer</title>
                <link rel="canonical" href="{url}" />
                <link rel='shortlink' href='https://www.heartofthecustomer.com/?p={100_000 + i}' />
                <meta property="og:type" content="article" />
                <meta property="og:title" content="{WebUtility.HtmlEncode(title)}" />
                <meta property="og:url" content="{url}" />
                <meta property="article:author" content="Jim Tincher" />
                <meta property="article:section" content="{Categories[random.Next(Categories.Length)]}" />
                <meta property="article:tag" content="{Tags[random.Next(Tags.Length)]}" />
                <meta property="article:tag" content="{Tags[random.Next(Tags.Length)]}" />
                <meta property="article:published_time" content="{published}" />
                </head>
                <body class="post-template-default single single-post">
                <header class="site-header"><a href="https://www.heartofthecustomer.com/">Heart of the Customer</a></header>
                <main id="main"><article class="post type-post status-publish format-standard">
                <h1 class="entry-title">{WebUtility.HtmlEncode(title)}</h1>
                <div class="entry-meta"><time class="entry-date published" datetime="{published}">{published[..10]}</time> / By Jim Tincher</div>
                <div class="entry-content clear">

                """);
            page.Append(bodies[i].Html);
            page.Append("\n</div><!-- .entry-content .clear -->\n</article></main>\n<footer class=\"site-footer\">© Heart of the Customer</footer>\n</body>\n</html>\n");
            File.WriteAllText(Path.Combine(folder, slug + ".html"), page.ToString());
        }
    }
}
