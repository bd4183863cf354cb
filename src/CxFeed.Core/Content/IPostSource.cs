namespace CxFeed.Core.Content;

/// <summary>Where post pages come from: a folder today, a WordPress export or a crawl later.</summary>
public interface IPostSource
{
    /// <summary>Every page, in a stable order, so that the same content always reads the same way.</summary>
    IAsyncEnumerable<PostPage> ReadAsync(CancellationToken cancellationToken = default);
}
