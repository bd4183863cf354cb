using System.Collections.Immutable;
using System.Globalization;
using CxFeed.Core.Cleaning;
using CxFeed.Core.Content;
using CxFeed.Core.Excerpts;

namespace CxFeed.Core.Publishing;

/// <summary>
/// A post as feeds publish it: its metadata, its cleaned body, what excerpts are cut from and its
/// excerpt at the default budget. Built once per post; every feed that shows the post reuses it.
/// Two entries are equal when their <see cref="Digest"/>s are (then every file renders them alike).
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
    private string? _digest;

    /// <summary>A copy (<c>with</c>) is another entry: its digest is computed again, not copied.</summary>
    private Entry(Entry original)
    {
        Post = original.Post;
        ContentHtml = original.ContentHtml;
        ExcerptSource = original.ExcerptSource;
        ExcerptBudget = original.ExcerptBudget;
        Excerpt = original.Excerpt;
    }

    /// <summary>
    /// Lower-case hex SHA-256 of every field a file can render from this entry, computed once:
    /// what the snapshot's version and the keys of published files are made of, so that a rebuild
    /// hashes an unchanged post's content never again.
    /// </summary>
    public string Digest => _digest ??= ComputeDigest();

    public bool Equals(Entry? other) => ReferenceEquals(this, other) || (other is not null && Digest == other.Digest);

    public override int GetHashCode() => Digest.GetHashCode(StringComparison.Ordinal);

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

    private string ComputeDigest()
    {
        using var hash = new FieldHash();
        var image = Post.FeaturedImage;
        hash.Add(Post.Id).Add(Post.Source).Add(Post.CanonicalUrl.AbsoluteUri).Add(Post.Title)
            .Add(Post.Published).Add(Post.Updated)
            .AddAll(Post.Authors).AddAll(Post.Categories).AddAll(Post.Tags)
            .Add(image?.Url.AbsoluteUri).Add(image?.MediaType).Add(image?.Width?.ToString(CultureInfo.InvariantCulture))
            .Add(image?.Height?.ToString(CultureInfo.InvariantCulture)).Add(image?.Alt)
            .Add(ContentHtml)
            .Add(ExcerptSource.Title).Add(ExcerptSource.Link.AbsoluteUri)
            // The body excerpts are cut from is the cleaned body itself whenever Create made the entry.
            .Add(ReferenceEquals(ExcerptSource.Body, ContentHtml) ? null : ExcerptSource.Body)
            .Add(ExcerptSource.Teaser).Add(ExcerptSource.ManualExcerpt)
            .Add(ExcerptBudget.ToString())
            .Add(Excerpt.Text).Add(Excerpt.Html).Add(Excerpt.IsCut ? "cut" : "whole");
        return hash.Finish();
    }
}
