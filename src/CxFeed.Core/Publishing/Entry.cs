using System.Collections.Immutable;
using CxFeed.Core.Cleaning;
using CxFeed.Core.Content;
using CxFeed.Core.Excerpts;

namespace CxFeed.Core.Publishing;

/// <summary>
/// A post as feeds publish it: its metadata, its cleaned body, what excerpts are cut from and its
/// excerpt at the default budget. Built once per post; every feed that shows the post reuses it.
/// </summary>
/// <param name="ContentHtml">The cleaned body (polyglot HTML).</param>
/// <param name="ExcerptSource">The cleaned body, teaser and manual excerpt, for feeds with their own excerpt budget.</param>
/// <param name="Excerpt">The excerpt at <paramref name="ExcerptBudget"/>.</param>
public sealed record Entry(
    Post Post,
    string ContentHtml,
    ExcerptSource ExcerptSource,
    ExcerptBudget ExcerptBudget,
    Excerpt Excerpt)
{
    /// <summary>
    /// Cleans the post's body (and the parts excerpts are made from) against its canonical URL,
    /// then cuts its excerpt. What the cleaner had to cut comes back as problems naming the page.
    /// </summary>
    public static (Entry Entry, ImmutableArray<Problem> Problems) Create(
        Post post, HtmlCleaner cleaner, ExcerptBuilder excerpts, ExcerptBudget budget)
    {
        var problems = ImmutableArray.CreateBuilder<Problem>();
        string Clean(string html)
        {
            var cleaned = cleaner.Clean(html, post.CanonicalUrl);
            foreach (var problem in cleaned.Problems)
                problems.Add(new Problem(post.Source, problem));
            return cleaned.Html;
        }

        var body = Clean(post.BodyHtml);
        var teaser = post.MoreMarker is { } marker ? Clean(post.BodyHtml[..marker]) : null;
        var manual = post.ManualExcerpt is { } manualExcerpt ? Clean(manualExcerpt) : null;
        var source = new ExcerptSource(post.Title, post.CanonicalUrl, body, teaser, manual);
        return (new Entry(post, body, source, budget, excerpts.Build(source, budget)), problems.ToImmutable());
    }

    /// <summary>The excerpt at <paramref name="budget"/>: the one built already when it is the default's.</summary>
    public Excerpt ExcerptAt(ExcerptBudget budget, ExcerptBuilder excerpts) =>
        budget == ExcerptBudget ? Excerpt : excerpts.Build(ExcerptSource, budget);
}
