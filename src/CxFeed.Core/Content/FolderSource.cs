using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace CxFeed.Core.Content;

/// <summary>
/// Post pages from a folder: every <c>*.html</c> below it (extension in any case, hidden files
/// skipped), recursively, in ordinal order of their relative paths. A page's
/// <see cref="PostPage.Name"/> is that relative path with forward slashes; its
/// <see cref="PostPage.Address"/> is where WordPress's slug permalinks would serve it:
/// <c>slug.html</c> under <c>https://blog.example/</c> is <c>https://blog.example/slug/</c>, so a
/// relative canonical link or image resolves as it would on the blog.
/// </summary>
public sealed class FolderSource(string path, Uri siteBaseUrl) : IPostSource
{
    private const string Extension = ".html";

    public string Path { get; } = path;

    public Uri SiteBaseUrl { get; } = siteBaseUrl;

    public async IAsyncEnumerable<PostPage> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var root = System.IO.Path.GetFullPath(Path);
        var files = Directory
            .EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true })
            .Where(file => file.EndsWith(Extension, StringComparison.OrdinalIgnoreCase))
            .Select(file => (Name: System.IO.Path.GetRelativePath(root, file).Replace(System.IO.Path.DirectorySeparatorChar, '/'), File: file))
            .OrderBy(page => page.Name, StringComparer.Ordinal)
            .ToList();
        foreach (var (name, file) in files)
        {
            var (bytes, error) = await ReadFileAsync(file, cancellationToken);
            if (bytes is null && error is null)
                continue;
            yield return new PostPage(name, AddressOf(name), ImmutableCollectionsMarshal.AsImmutableArray(bytes ?? []), error);
        }
    }

    /// <summary>
    /// The file's bytes; or why it could not be read (no permission, an I/O error); or neither
    /// when it was deleted since the folder was listed, as during an edit: then it is simply gone.
    /// </summary>
    private static async Task<(byte[]? Bytes, string? Error)> ReadFileAsync(string file, CancellationToken cancellationToken)
    {
        try
        {
            return (await File.ReadAllBytesAsync(file, cancellationToken), null);
        }
        catch (Exception gone) when (gone is FileNotFoundException or DirectoryNotFoundException)
        {
            return (null, null);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return (null, error.Message);
        }
    }

    /// <summary>The slug permalink of a page: its relative path without <c>.html</c>, each segment escaped, then a slash.</summary>
    public Uri AddressOf(string name)
    {
        var slug = name[..^Extension.Length];
        var escaped = string.Join('/', slug.Split('/').Select(Uri.EscapeDataString));
        var site = SiteBaseUrl.AbsoluteUri.EndsWith('/') ? SiteBaseUrl : new Uri(SiteBaseUrl.AbsoluteUri + "/");
        return new Uri(site, escaped + "/");
    }
}
