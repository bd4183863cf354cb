namespace CxFeed.Core.Content;

/// <summary>Where post pages come from: a folder today, a WordPress export or a crawl later.</summary>
public interface IPostSource
{
    /// <summary>Every page with its stamp, in a stable order, reading none: so that a rebuild reads only what changed.</summary>
    Task<IReadOnlyList<ListedPage>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>The page's bytes (or why they could not be read); null when it is gone since it was listed.</summary>
    Task<PostPage?> ReadAsync(ListedPage page, CancellationToken cancellationToken = default);

}
