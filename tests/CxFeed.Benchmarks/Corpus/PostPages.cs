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
        foreach (var post in Posts(count, seed))
        {
            var page = new StringBuilder();
            page.Append($"""
                <!DOCTYPE html>
                <html lang="en-US">
                <head>
                <meta charset="UTF-8">
                <title>{WebUtility.HtmlEncode(post.Title)} | Heart of the Customer</title>
                <link rel="canonical" href="{post.Url}" />
                <link rel='shortlink' href='https://www.heartofthecustomer.com/?p={100_000 + post.Index}' />
                <meta property="og:type" content="article" />
                <meta property="og:title" content="{WebUtility.HtmlEncode(post.Title)}" />
                <meta property="og:url" content="{post.Url}" />
                <meta property="article:author" content="Jim Tincher" />
                <meta property="article:section" content="{post.Category}" />
                <meta property="article:tag" content="{post.Tags[0]}" />
                <meta property="article:tag" content="{post.Tags[1]}" />
                <meta property="article:published_time" content="{post.Published}" />
                </head>
                <body class="post-template-default single single-post">
                <header class="site-header"><a href="https://www.heartofthecustomer.com/">Heart of the Customer</a></header>
                <main id="main"><article class="post type-post status-publish format-standard">
                <h1 class="entry-title">{WebUtility.HtmlEncode(post.Title)}</h1>
                <div class="entry-meta"><time class="entry-date published" datetime="{post.Published}">{post.Published[..10]}</time> / By Jim Tincher</div>
                <div class="entry-content clear">

                """);
            page.Append(post.Html);
            page.Append("\n</div><!-- .entry-content .clear -->\n</article></main>\n<footer class=\"site-footer\">© Heart of the Customer</footer>\n</body>\n</html>\n");
            File.WriteAllText(Path.Combine(folder, post.Slug + ".html"), page.ToString());
        }
    }

    /// <summary>
    /// The same posts as Markdown files for a static site generator (tests/load/hugo.sh): YAML front
    /// matter (title, date, author, category, tags, the same address) and the same body, which
    /// Markdown passes through as HTML blocks.
    /// </summary>
    public static void WriteMarkdown(string folder, int count, int seed)
    {
        Directory.CreateDirectory(folder);
        foreach (var post in Posts(count, seed))
        {
            var tags = string.Join(", ", post.Tags.Distinct().Select(Quoted));
            File.WriteAllText(Path.Combine(folder, post.Slug + ".md"), $"""
                ---
                title: {Quoted(post.Title)}
                date: {post.Published}
                author: "Jim Tincher"
                categories: [{Quoted(post.Category)}]
                tags: [{tags}]
                url: "/{post.Slug}/"
                ---

                {post.Html}

                """);
        }
    }

    private static string Quoted(string text) => System.Text.Json.JsonSerializer.Serialize(text);

    private sealed record GeneratedPost(int Index, string Slug, Uri Url, string Title, string Published, string Category, string[] Tags, string Html);

    /// <summary>The posts, one every 6 hours back from 2024-06-01, newest first; seeded.</summary>
    private static IEnumerable<GeneratedPost> Posts(int count, int seed)
    {
        var random = new Random(seed);
        var newest = new DateTimeOffset(2024, 6, 1, 9, 0, 0, TimeSpan.FromHours(-5));
        var bodies = WordPressCorpus.Generate(count, seed);
        for (var i = 0; i < count; i++)
        {
            var url = bodies[i].BaseUrl;
            var slug = url.AbsolutePath.Trim('/');
            var title = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(slug.Replace('-', ' '));
            var published = newest.AddHours(-6 * i).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
            // In this order, as the pages have always drawn them: the same seed gives the same pages as before.
            var category = Categories[random.Next(Categories.Length)];
            string[] tags = [Tags[random.Next(Tags.Length)], Tags[random.Next(Tags.Length)]];
            yield return new GeneratedPost(i, slug, url, title, published, category, tags, bodies[i].Html);
        }
    }
}
