namespace CxFeed.Core.Content;

/// <summary>
/// Post pages from a folder: every <c>*.html</c> below it, recursively, in ordinal order of their
/// relative paths. (Contract; the reader issue implements it.)
/// </summary>
public sealed class FolderSource(string path, Uri siteBaseUrl) : IPostSource
{
    public string Path { get; } = path;

    public Uri SiteBaseUrl { get; } = siteBaseUrl;

    public IAsyncEnumerable<PostPage> ReadAsync(CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();
}
