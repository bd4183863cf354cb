using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using CxFeed.Core.Content.WordPress;

namespace CxFeed.Core.Store;

/// <summary>
/// The local store of a live source: a folder (<c>CxFeed:Content:StorePath</c>) holding one
/// standard post page per post in <c>posts/{id}.html</c> (<see cref="StoredPage"/>) and the
/// pull's <c>state.json</c> (<see cref="StoreState"/>). Serving reads <see cref="PostsPath"/>
/// with the folder source, the post reader and the incremental snapshot builder, exactly as a
/// folder of saved pages, and its watcher sees every write: so a restart serves at once from the
/// store, and the blog being away never empties a feed. Every write is atomic
/// (<see cref="AtomicFile"/>); a page whose bytes would not change is not written at all, so an
/// unchanged post never costs a rebuild. One writer at a time (the pull that owns the store).
/// </summary>
public sealed class PostStore
{
    public const string PostsFolder = "posts";

    public const string StateFile = "state.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public PostStore(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        PostsPath = System.IO.Path.Combine(Path, PostsFolder);
    }

    /// <summary>The store's folder, absolute.</summary>
    public string Path { get; }

    /// <summary>The folder of post pages: what the folder source reads.</summary>
    public string PostsPath { get; }

    /// <summary>The page's name in <see cref="PostsPath"/> (and the subject of its problems).</summary>
    public static string PageName(long id) => id.ToString(CultureInfo.InvariantCulture) + ".html";

    /// <summary>Makes the folders and removes temporary files an interrupted write left.</summary>
    public void Open()
    {
        Directory.CreateDirectory(PostsPath);
        AtomicFile.RemoveLeftovers(Path);
        AtomicFile.RemoveLeftovers(PostsPath);
    }

    /// <summary>
    /// The state last saved; <see cref="StoreState.Empty"/> when there is none or it cannot be
    /// read (then the next pull is a full one: the pages stay and keep serving meanwhile).
    /// </summary>
    public async Task<StoreState> ReadStateAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await using var stream = File.OpenRead(System.IO.Path.Combine(Path, StateFile));
            var saved = await JsonSerializer.DeserializeAsync<SavedState>(stream, Json, cancellationToken);
            return saved?.ToState() ?? StoreState.Empty;
        }
        catch (Exception unreadable) when (unreadable is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            return StoreState.Empty;
        }
    }

    public Task SaveStateAsync(StoreState state, CancellationToken cancellationToken = default) =>
        AtomicFile.WriteAsync(System.IO.Path.Combine(Path, StateFile), JsonSerializer.SerializeToUtf8Bytes(SavedState.From(state), Json), cancellationToken);

    /// <summary>Writes the post's page; false when the stored page already had exactly these bytes (nothing written).</summary>
    public async Task<bool> PutAsync(WordPressPost post, CancellationToken cancellationToken = default)
    {
        var bytes = StoredPage.Render(post);
        var file = PageFile(post.Id);
        if (await SameBytesAsync(file, bytes, cancellationToken))
            return false;
        await AtomicFile.WriteAsync(file, bytes, cancellationToken);
        return true;
    }

    /// <summary>Writes a page as it was fetched (the crawl's); false when the stored page already had exactly these bytes.</summary>
    public async Task<bool> PutPageAsync(long id, byte[] bytes, CancellationToken cancellationToken = default)
    {
        var file = PageFile(id);
        if (await SameBytesAsync(file, bytes, cancellationToken))
            return false;
        await AtomicFile.WriteAsync(file, bytes, cancellationToken);
        return true;
    }

    /// <summary>Whether the store holds a page of this id.</summary>
    public bool Has(long id) => File.Exists(PageFile(id));

    /// <summary>Removes the post's page; false when there was none.</summary>
    public bool Remove(long id)
    {
        var file = PageFile(id);
        if (!File.Exists(file))
            return false;
        File.Delete(file);
        return true;
    }

    /// <summary>The ids of every stored page, ascending (what the pages say, whatever the state file says).</summary>
    public ImmutableArray<long> StoredIds()
    {
        if (!Directory.Exists(PostsPath))
            return [];
        var ids = new List<long>();
        foreach (var file in Directory.EnumerateFiles(PostsPath, "*.html"))
        {
            if (long.TryParse(System.IO.Path.GetFileNameWithoutExtension(file), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                ids.Add(id);
        }
        ids.Sort();
        return [.. ids];
    }

    private string PageFile(long id) => System.IO.Path.Combine(PostsPath, PageName(id));

    private static async Task<bool> SameBytesAsync(string file, byte[] bytes, CancellationToken cancellationToken)
    {
        try
        {
            var info = new FileInfo(file);
            if (!info.Exists || info.Length != bytes.Length)
                return false;
            return (await File.ReadAllBytesAsync(file, cancellationToken)).AsSpan().SequenceEqual(bytes);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The state as JSON writes it: plain properties, ids as object keys.</summary>
    private sealed record SavedState(
        string? Source,
        Dictionary<string, DateTimeOffset>? Posts,
        SourceCursor? Cursor,
        SortedDictionary<string, CrawledPage>? Crawled = null)
    {
        public static SavedState From(StoreState state) => new(
            state.Source,
            state.Posts.ToDictionary(pair => pair.Key.ToString(CultureInfo.InvariantCulture), pair => pair.Value),
            state.Cursor,
            state.Crawled is null ? null : new SortedDictionary<string, CrawledPage>(state.Crawled, StringComparer.Ordinal));

        public StoreState ToState()
        {
            var posts = ImmutableSortedDictionary.CreateBuilder<long, DateTimeOffset>();
            foreach (var (key, modified) in Posts ?? [])
            {
                if (long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                    posts[id] = modified;
            }
            return new StoreState(Source, posts.ToImmutable(), Cursor, Crawled?.ToImmutableSortedDictionary(StringComparer.Ordinal));
        }
    }
}
