using System.IO.Enumeration;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace CxFeed.Core.Content;

/// <summary>
/// Post pages from a folder: every <c>*.html</c> below it (extension in any case, hidden files
/// skipped), recursively, in ordinal order of their relative paths. A page's
/// <see cref="PostPage.Name"/> is that relative path with forward slashes; its
/// <see cref="PostPage.Address"/> is where WordPress's slug permalinks would serve it:
/// <c>slug.html</c> under <c>https://blog.example/</c> is <c>https://blog.example/slug/</c>, so a
/// relative canonical link or image resolves as it would on the blog. The listing gives each page a
/// <see cref="PageStamp"/> (length and last write time), so that a rebuild reads only pages whose
/// stamp changed.
/// </summary>
public sealed class FolderSource(string path, Uri siteBaseUrl) : IPostSource
{
    private const string Extension = ".html";

    private Dictionary<string, Uri> _addresses = new(StringComparer.Ordinal);

    public string Path { get; } = path;

    public Uri SiteBaseUrl { get; } = siteBaseUrl;

    /// <summary>The setting that names the folder, so that a folder gone missing is reported against it.</summary>
    public string Setting { get; init; } = $"{ContentOptions.Section}:Path";

    /// <summary>The clock stamps are judged settled against; the system's unless a test gives another.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>
    /// Every page with its length and last write time, from the directory listing alone. The stamp
    /// is settled when the last write is older than <see cref="PageStamp.Coarseness"/> by the clock
    /// read before listing.
    /// </summary>
    public Task<IReadOnlyList<ListedPage>> ListAsync(CancellationToken cancellationToken = default)
    {
        var root = System.IO.Path.GetFullPath(Path);
        // The runtime's own message ("Could not find a part of the path") names neither the folder's role nor its setting.
        if (!Directory.Exists(root))
            throw new DirectoryNotFoundException($"the folder of post pages '{root}' ({Setting}) does not exist");
        var settledBefore = Time.GetUtcNow().UtcDateTime - PageStamp.Coarseness;
        var files = new FileSystemEnumerable<(string Name, long Length, DateTime LastWrite)>(
            root,
            (ref FileSystemEntry entry) => (
                System.IO.Path.GetRelativePath(root, entry.ToFullPath()).Replace(System.IO.Path.DirectorySeparatorChar, '/'),
                entry.Length,
                entry.LastWriteTimeUtc.UtcDateTime),
            new EnumerationOptions { RecurseSubdirectories = true })
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) =>
                !entry.IsDirectory && entry.FileName.EndsWith(Extension, StringComparison.OrdinalIgnoreCase),
        };
        // Addresses are kept from one listing to the next: making 10,000 URIs again would cost more than the listing.
        var known = Volatile.Read(ref _addresses);
        var addresses = new Dictionary<string, Uri>(known.Count, StringComparer.Ordinal);
        var listed = new List<ListedPage>();
        foreach (var (name, length, lastWrite) in files.OrderBy(file => file.Name, StringComparer.Ordinal))
        {
            var address = addresses[name] = known.TryGetValue(name, out var same) ? same : AddressOf(name);
            listed.Add(new ListedPage(name, address, new PageStamp(length, lastWrite.Ticks, lastWrite < settledBefore)));
        }
        Volatile.Write(ref _addresses, addresses);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<IReadOnlyList<ListedPage>>(listed);
    }

    /// <summary>The page's bytes, or why they could not be read; null when the file is gone since it was listed (as during an edit).</summary>
    public async Task<PostPage?> ReadAsync(ListedPage page, CancellationToken cancellationToken = default)
    {
        // A page listed empty is not opened: a FIFO named like a page lists with length 0, and opening
        // it would block this read, and every rebuild after it, until something writes to it.
        if (page.Stamp.Length == 0)
            return new PostPage(page.Name, page.Address, [], null);
        var file = System.IO.Path.Combine(System.IO.Path.GetFullPath(Path), page.Name.Replace('/', System.IO.Path.DirectorySeparatorChar));
        var (bytes, error) = await ReadFileAsync(file, cancellationToken);
        if (bytes is null && error is null)
            return null;
        return new PostPage(page.Name, page.Address, ImmutableCollectionsMarshal.AsImmutableArray(bytes ?? []), error);
    }

    /// <summary>Every page, read, in ordinal order of its relative path.</summary>
    public async IAsyncEnumerable<PostPage> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var listed in await ListAsync(cancellationToken))
        {
            if (await ReadAsync(listed, cancellationToken) is { } page)
                yield return page;
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
