using System.Collections.Immutable;

namespace CxFeed.Core.Content;

/// <summary>Turns post pages into posts, with every problem found as data. (Contract; the reader issue implements it.)</summary>
public sealed class PostReader(ContentOptions content, SiteOptions site)
{
    public ContentOptions Content { get; } = content;

    public SiteOptions Site { get; } = site;

    /// <summary>Reads one page alone: its post (null when it cannot be used) and its problems.</summary>
    public PostReading Read(PostPage page) => throw new NotImplementedException();

    /// <summary>Reads every page, then checks them together (duplicate ids and canonical URLs).</summary>
    public ContentReading ReadAll(IEnumerable<PostPage> pages) => Combine(pages.Select(Read));

    /// <summary>
    /// The checks across posts, on readings already made, so that a rebuild reads again only the
    /// pages that changed. Of two posts with the same id or canonical URL, the one read first is kept.
    /// </summary>
    public static ContentReading Combine(IEnumerable<PostReading> readings) => throw new NotImplementedException();
}

/// <summary>What reading one page gave: the post, unless a problem made it unusable, and every problem.</summary>
public sealed record PostReading(PostPage Page, Post? Post, ImmutableArray<Problem> Problems);

/// <summary>What reading all pages gave: the usable posts in source order and every problem.</summary>
public sealed record ContentReading(ImmutableArray<Post> Posts, ImmutableArray<Problem> Problems);
