using System.Collections.Immutable;
using CxFeed.Core.Store;

namespace CxFeed.Core.Content.WordPress;

/// <summary>
/// Brings the store up to date with a WordPress export: every published post of the export
/// written as its page (a page whose bytes would not change is not written), and the stored posts
/// the export no longer has removed, but only when every file was read to its end (an export cut
/// short or refused removes nothing) and the export is not empty while the store holds posts.
/// The same store and pages as the live blog's source, so switching between them changes no item.
/// </summary>
public sealed class WxrImport(WxrOptions options, PostStore store, TimeZoneInfo siteTimeZone)
{
    public const string SourceName = "wxr";

    /// <summary>The export's files and their lengths and write times: the import runs again only when this changes.</summary>
    public string Stamp() => string.Join('|', WxrReader.FilesAt(options.Path).Select(file =>
    {
        var info = new FileInfo(file);
        return info.Exists ? $"{file}:{info.Length}:{info.LastWriteTimeUtc.Ticks}" : file;
    }));

    /// <summary>Reads the whole export into the store (the parse runs on the thread pool: it is CPU work over a stream).</summary>
    public Task<PullReport> RunAsync(CancellationToken cancellationToken) => Task.Run(() => Run(cancellationToken), cancellationToken);

    private async Task<PullReport> Run(CancellationToken cancellationToken)
    {
        store.Open();
        var reader = new WxrReader(siteTimeZone);
        var problems = ImmutableArray.CreateBuilder<Problem>();
        var posts = ImmutableSortedDictionary.CreateBuilder<long, DateTimeOffset>();
        int fetched = 0, changed = 0;
        var complete = true;
        var kept = new HashSet<long>();
        foreach (var item in reader.Read(options.Path, cancellationToken))
        {
            problems.AddRange(item.Problems);
            if (item.LeftOut is { } leftOut)
            {
                // A post that turned bad keeps its last good page.
                kept.Add(leftOut);
                continue;
            }
            if (item.Post is not { } post)
            {
                // Problems with neither a post nor a post's id are about a whole file: it was not read to its end.
                complete = false;
                continue;
            }
            if (posts.ContainsKey(post.Id))
                continue;
            fetched++;
            posts[post.Id] = post.Modified ?? post.Published;
            if (await store.PutAsync(post, cancellationToken))
                changed++;
        }
        var removed = 0;
        var stored = store.StoredIds();
        var emptied = posts.Count == 0 && !stored.IsEmpty;
        if (complete && !emptied)
        {
            foreach (var id in stored.Where(id => !posts.ContainsKey(id) && !kept.Contains(id)))
            {
                if (store.Remove(id))
                    removed++;
            }
        }
        else if (emptied && complete)
        {
            problems.Add(new Problem(options.Path, "has no published post while the store holds some: nothing was removed"));
        }
        if (complete && !emptied)
            await store.SaveStateAsync(new StoreState(SourceName, posts.ToImmutable(), null), cancellationToken);
        var bytes = WxrReader.FilesAt(options.Path).Sum(file => new FileInfo(file).Length);
        return new PullReport(fetched, changed, removed, Listed: true, complete && !emptied, Requests: 0, bytes, problems.ToImmutable());
    }
}
