using System.Collections.Immutable;

namespace CxFeed.Core.Content.WordPress;

/// <summary>
/// One published post as WordPress holds it, whichever way it came (the REST API, an export file):
/// what the local store keeps and turns into a post page for the reader. <paramref name="ContentHtml"/>
/// is the body as WordPress shows it (REST <c>content.rendered</c>, or an export's
/// <c>content:encoded</c> after wpautop and shortcodes), with WordPress's <c>span#more-ID</c> marker.
/// </summary>
/// <param name="Id">WordPress's own post id: the item id is the <c>?p=ID</c> shortlink.</param>
/// <param name="Shortlink">The <c>?p=ID</c> address on the blog's home (what the folder source reads from a page's shortlink).</param>
/// <param name="ManualExcerptHtml">The author's own excerpt, only where the post has one (never WordPress's generated one).</param>
public sealed record WordPressPost(
    long Id,
    Uri Link,
    Uri Shortlink,
    string Title,
    DateTimeOffset Published,
    DateTimeOffset? Modified,
    ImmutableArray<string> Authors,
    ImmutableArray<WordPressTerm> Categories,
    ImmutableArray<WordPressTerm> Tags,
    PostImage? FeaturedImage,
    string? ManualExcerptHtml,
    string ContentHtml);

/// <summary>A category or a tag: the name readers see and the slug addresses use.</summary>
public sealed record WordPressTerm(string Name, string Slug);
