using System.Collections.Immutable;
using CxFeed.Benchmarks.Corpus;
using CxFeed.Core.Cleaning;
using CxFeed.Core.Content;
using CxFeed.Core.Excerpts;
using CxFeed.Core.Publishing;

namespace CxFeed.Benchmarks.Feeds;

/// <summary>
/// Published entries like the blog's, seeded: bodies from <see cref="WordPressCorpus"/> (median
/// about 8 KB once cleaned), cleaned and excerpted by CxFeed's own cleaner and excerpt builder as
/// a snapshot build does, with generated metadata: a shortlink id, a title, one or two categories,
/// two to four tags, dates eight hours apart with some updates, a featured image on most.
/// </summary>
public static class GeneratedPosts
{
    private static readonly string[] Words =
        ("customer experience journey mapping b2b buyers executives scorecard metrics retention loyalty churn " +
         "onboarding contact center agents survey feedback voice insights strategy change management culture")
        .Split(' ');

    private static readonly string[] Categories =
        ["CX Strategy", "Journey Mapping", "B2B", "Customer Experience", "CX Data", "Change Management",
         "Contact Center", "Voice of the Customer", "Employee Experience", "Leadership"];

    private static readonly string[] Tags =
        [.. Enumerable.Range(0, 40).Select(i => $"{Words[i % Words.Length]} {Words[(i * 7 + 3) % Words.Length]}")];

    public static ImmutableArray<Entry> Create(int count, int seed = 20210608)
    {
        var random = new Random(seed);
        var bodies = WordPressCorpus.Generate(count, seed);
        var cleaner = new HtmlCleaner();
        var excerpts = new ExcerptBuilder();
        var start = new DateTimeOffset(2010, 1, 4, 15, 0, 0, TimeSpan.Zero);
        var entries = ImmutableArray.CreateBuilder<Entry>(count);
        for (var i = 0; i < count; i++)
        {
            var id = 1000 + i;
            var title = string.Join(' ', Enumerable.Range(0, 4 + random.Next(6)).Select(_ => Words[random.Next(Words.Length)]));
            title = char.ToUpperInvariant(title[0]) + title[1..];
            var canonical = bodies[i].BaseUrl;
            var published = start.AddHours(8 * i + random.Next(8));
            DateTimeOffset? updated = random.Next(10) < 3 ? published.AddDays(1 + random.Next(60)) : null;
            ImmutableArray<string> categories = [.. Pick(random, Categories, 1 + random.Next(2))];
            ImmutableArray<string> tags = [.. Pick(random, Tags, 2 + random.Next(3))];
            var image = random.Next(10) < 8
                ? new PostImage(new Uri(canonical, $"/wp-content/uploads/{published:yyyy/MM}/featured-{id}.jpg"), 1200, 628, "image/jpeg", title)
                : null;
            var post = new Post(
                $"https://www.heartofthecustomer.com/?p={id}", $"post-{id}.html", canonical, title, published, updated,
                ["Jim Tincher"], categories, tags, image, null, null, bodies[i].Html);
            var entry = Entry.Create(post, cleaner, excerpts, ExcerptBudget.Default).Entry;
            // Rendering reads only the cleaned body; the npm baseline gets only that too, so the
            // raw page body is not kept around to weigh on the memory comparison.
            entries.Add(entry with { Post = post with { BodyHtml = entry.ContentHtml } });
        }
        return entries.MoveToImmutable();
    }

    private static IEnumerable<string> Pick(Random random, string[] from, int count) =>
        Enumerable.Range(0, count).Select(_ => from[random.Next(from.Length)]).Distinct();
}
