using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using CxFeed.Core.Store;

namespace CxFeed.Core.Content.WordPress;

/// <summary>
/// Brings the store up to date with the blog, asking as little as it can.
/// <list type="bullet">
/// <item>A <b>full pull</b> lists every published post's id and modification time
/// (<c>_fields=id,modified_gmt</c>, ordered by id so an edit while paging moves nothing), fetches with
/// <c>_embed</c>, in batches of 100 by <c>include</c>, the posts the store lacks or holds in an
/// older version, and removes the stored posts the listing no longer has, but only when the listing
/// was complete (every page read, as many distinct ids as <c>X-WP-Total</c> announced) and not empty
/// while the store holds posts (a migration, a plugin hiding posts).</item>
/// <item>A <b>poll</b> asks for the posts modified after the newest <c>modified_gmt</c> seen
/// (<c>orderby=modified</c>, with the validators the server gave last time), and for the ids and
/// modification times of the 10 newest posts by date (a scheduled post goes live without a new
/// modification time): two small requests when nothing changed.</item>
/// </list>
/// Whatever fails, what the store holds stays; the failure is a <see cref="WordPressFailure"/> naming the address.
/// </summary>
public sealed class WordPressPull(WordPressApi api, PostStore store, WordPressOptions options, bool editContext, TimeProvider time)
{
    public const string SourceName = "wordpress";

    public const int PerPage = 100;

    /// <summary>A blog announcing more posts than this is not believed (a broken or hostile server): the pull stops.</summary>
    public const long MaxPosts = 200_000;

    private const int NewestChecked = 10;

    private ApiRoot? _root;
    private bool _rediscover;
    private StoreState? _state;

    /// <summary>A pull of the blog the settings name into the store, with the credentials the environment or the password file gives.</summary>
    public static WordPressPull Open(WordPressOptions options, PostStore store, TimeProvider time)
    {
        var credentials = WordPressCredentials.From(options);
        return new WordPressPull(new WordPressApi(options, credentials), store, options, credentials is not null, time);
    }

    /// <summary>The HTTP client (its counts; dispose it with the pull's owner).</summary>
    public WordPressApi Api => api;

    public PostStore Store => store;

    /// <summary>The state as the last pull left it (read from the store at first use).</summary>
    public async Task<StoreState> StateAsync(CancellationToken cancellationToken) =>
        _state ??= await store.ReadStateAsync(cancellationToken);

    /// <summary>True when the next poll should be a full pull: never pulled, or the last complete listing is older than FullListingInterval.</summary>
    public async Task<bool> ListingDueAsync(CancellationToken cancellationToken)
    {
        var cursor = (await StateAsync(cancellationToken)).Cursor;
        return cursor?.NewestModified is null || cursor.LastFullListing is not { } listed || time.GetUtcNow() - listed >= options.FullListingInterval;
    }

    /// <summary>A poll, or a full pull when one is due.</summary>
    public async Task<PullReport> PollAsync(IProgress<PullProgress>? progress, CancellationToken cancellationToken) =>
        await ListingDueAsync(cancellationToken) ? await FullAsync(progress, cancellationToken) : await ChangesAsync(cancellationToken);

    /// <summary>Lists every post, fetches what changed, removes what went away.</summary>
    public async Task<PullReport> FullAsync(IProgress<PullProgress>? progress, CancellationToken cancellationToken)
    {
        var run = new Run(api);
        var state = await StateAsync(cancellationToken);
        var root = await RootAsync(useSaved: false, cancellationToken);
        var (listed, complete) = await ListAsync(root, run, cancellationToken);
        var stored = store.StoredIds().ToHashSet();
        var wanted = listed.Where(post => !stored.Contains(post.Key) || !state.Posts.TryGetValue(post.Key, out var known) || known != post.Value)
            .Select(post => post.Key).Order().ToList();
        var posts = state.Posts.ToBuilder();
        try
        {
            await FetchAsync(root, wanted, posts, run, progress, cancellationToken);
        }
        finally
        {
            // What was fetched is kept even when a later batch fails; the cursor moves only after a whole pull.
            _state = state with { Source = SourceName, Posts = posts.ToImmutable() };
            await store.SaveStateAsync(_state, CancellationToken.None);
        }

        var removable = stored.Where(id => !listed.ContainsKey(id)).Order().ToList();
        if (listed.Count == 0 && stored.Count > 0)
        {
            run.Problems.Add(new Problem(root.Route("wp/v2/posts", "").AbsoluteUri,
                $"lists no published posts while the store holds {stored.Count}: not applied (a migration, or a plugin hiding posts?); the store keeps them"));
            complete = false;
        }
        if (complete)
        {
            foreach (var id in removable)
            {
                if (store.Remove(id))
                    run.Removed++;
                posts.Remove(id);
            }
        }
        var newest = listed.Count > 0 ? listed.Values.Max() : state.Cursor?.NewestModified;
        var cursor = new SourceCursor(
            Max(newest, state.Cursor?.NewestModified),
            null,
            null,
            root.Home,
            root.Root,
            complete ? time.GetUtcNow() : state.Cursor?.LastFullListing);
        _state = new StoreState(SourceName, posts.ToImmutable(), cursor);
        await store.SaveStateAsync(_state, cancellationToken);
        return run.Report(listed: true, complete);
    }

    /// <summary>The posts modified since the newest seen, and the newest few by date.</summary>
    public async Task<PullReport> ChangesAsync(CancellationToken cancellationToken)
    {
        var run = new Run(api);
        var state = await StateAsync(cancellationToken);
        var cursor = state.Cursor ?? new SourceCursor(null);
        var root = await RootAsync(useSaved: true, cancellationToken);
        var posts = state.Posts.ToBuilder();
        var newest = cursor.NewestModified;
        string? etag = cursor.ETag, lastModified = cursor.LastModified;
        var since = cursor.NewestModified is { } after ? after.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "1970-01-01T00:00:00Z";
        // A scheduled post goes live with the modification time it was scheduled with: the newest by
        // date are looked at too, asked at the same time as the changes (a ping's poll is two round trips' worth sooner).
        var latest = root.Route("wp/v2/posts", $"orderby=date&order=desc&per_page={NewestChecked}&_fields=id,modified_gmt");
        var latestAnswer = api.GetJsonAsync(latest, null, cancellationToken);
        try
        {
            for (var page = 1; ; page++)
            {
                var address = root.Route("wp/v2/posts", $"modified_after={Uri.EscapeDataString(since)}&orderby=modified&order=asc&per_page={PerPage}&page={page}&_embed=1{Context}");
                var answer = await api.GetJsonAsync(address, page == 1 ? new WordPressApi.Validators(etag, lastModified) : null, cancellationToken);
                if (answer.Document is null)
                    break;
                using var document = answer.Document;
                if (page == 1)
                    (etag, lastModified) = (answer.Headers.ETag, answer.Headers.LastModified);
                newest = Max(newest, await StoreAsync(answer.Address, document.RootElement, root, posts, run, cancellationToken));
                if (answer.Headers.TotalPages is not { } pages || page >= Math.Min(pages, MaxPosts / PerPage))
                    break;
            }
        }
        catch
        {
            // The other request's answer is not needed any more; its failure is not the one to report.
            await latestAnswer.ContinueWith(done => done.Result.Document?.Dispose(), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default)
                .ContinueWith(_ => { }, TaskScheduler.Default);
            throw;
        }
        var newestByDate = await latestAnswer;
        using (var listing = newestByDate.Document!)
        {
            var missing = Listing(newestByDate.Address, listing.RootElement)
                .Where(post => !posts.TryGetValue(post.Id, out var known) || known != post.Modified)
                .Select(post => post.Id).ToList();
            await FetchAsync(root, missing, posts, run, null, cancellationToken);
        }
        if (newest != cursor.NewestModified)
            (etag, lastModified) = (null, null);
        _state = new StoreState(SourceName, posts.ToImmutable(), cursor with { NewestModified = newest, ETag = etag, LastModified = lastModified, Home = root.Home, ApiRoot = root.Root });
        await store.SaveStateAsync(_state, cancellationToken);
        return run.Report(listed: false, complete: false);
    }

    private string Context => editContext ? "&context=edit" : "";

    /// <summary>
    /// The API root found earlier in this process; else, for a poll, the one the last pull saved (so a
    /// restart's first poll asks nothing more), else discovered. A full pull always discovers afresh
    /// when it has none in memory: the blog may have moved while cxfeed was stopped.
    /// </summary>
    private async Task<ApiRoot> RootAsync(bool useSaved, CancellationToken cancellationToken)
    {
        if (_root is null && useSaved && !_rediscover && (await StateAsync(cancellationToken)).Cursor is { ApiRoot: { } saved, Home: { } home })
            _root = new ApiRoot(api.Rebase(saved), home, saved.Query.Contains("rest_route=", StringComparison.Ordinal));
        return _root ??= await api.DiscoverAsync(cancellationToken);
    }

    /// <summary>Forgets the API root, so the next pull discovers it again (after the blog moved, or failed).</summary>
    public void Rediscover()
    {
        _root = null;
        _rediscover = true;
    }

    /// <summary>Every published post's id and modification time; complete when every page was read and the ids add up to the announced total.</summary>
    private async Task<(Dictionary<long, DateTimeOffset> Posts, bool Complete)> ListAsync(ApiRoot root, Run run, CancellationToken cancellationToken)
    {
        Uri Page(int page) => root.Route("wp/v2/posts", $"per_page={PerPage}&page={page}&orderby=id&order=asc&has_password=false&_fields=id,modified_gmt");
        var first = await api.GetJsonAsync(Page(1), null, cancellationToken);
        var listed = new ConcurrentDictionary<long, DateTimeOffset>();
        long total;
        long pages;
        using (var document = first.Document!)
        {
            var items = Listing(first.Address, document.RootElement).ToList();
            total = first.Headers.Total ?? items.Count;
            pages = first.Headers.TotalPages ?? 1;
            if (total > MaxPosts || pages > (MaxPosts / PerPage) + 1)
                throw new WordPressFailure(first.Address, $"announces {total:N0} posts in {pages:N0} pages (X-WP-Total, X-WP-TotalPages), more than the {MaxPosts:N0} cxfeed pulls: not believed");
            foreach (var (id, modified) in items)
                listed[id] = modified;
        }
        var complete = true;
        await Parallel.ForEachAsync(Enumerable.Range(2, (int)Math.Max(0, pages - 1)), Parallelism(cancellationToken), async (page, token) =>
        {
            var answer = await api.GetJsonAsync(Page(page), null, token);
            using var document = answer.Document!;
            var items = Listing(answer.Address, document.RootElement).ToList();
            if (items.Count == 0)
                complete = false;
            foreach (var (id, modified) in items)
                listed[id] = modified;
        });
        if (listed.Count != total)
        {
            run.Problems.Add(new Problem(first.Address.AbsoluteUri,
                $"announced {total:N0} posts but listed {listed.Count:N0} distinct ids (posts published or deleted while listing?): nothing removed until a listing adds up"));
            complete = false;
        }
        return (new Dictionary<long, DateTimeOffset>(listed), complete);
    }

    /// <summary>The id and modification time of every entry of a listing; an entry of the wrong shape is a failure of the whole listing.</summary>
    private static IEnumerable<(long Id, DateTimeOffset Modified)> Listing(Uri address, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Array)
            throw new WordPressFailure(address, $"answered a JSON {root.ValueKind.ToString().ToLowerInvariant()} where a list of posts was expected");
        foreach (var item in root.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.Number || !id.TryGetInt64(out var number)
                || !item.TryGetProperty("modified_gmt", out var modified) || modified.ValueKind != JsonValueKind.String
                || !DateTime.TryParseExact(modified.GetString(), "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date))
                throw new WordPressFailure(address, "lists a post without a numeric id and a modified_gmt date");
            yield return (number, new DateTimeOffset(date, TimeSpan.Zero));
        }
    }

    /// <summary>Fetches the posts by id, 100 a request, <c>MaxConcurrency</c> requests at once, and stores each as it comes.</summary>
    private async Task FetchAsync(ApiRoot root, IReadOnlyList<long> ids, ImmutableSortedDictionary<long, DateTimeOffset>.Builder posts, Run run,
        IProgress<PullProgress>? progress, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
            return;
        var done = 0;
        progress?.Report(new PullProgress(0, ids.Count));
        var batches = ids.Chunk(PerPage).ToList();
        await Parallel.ForEachAsync(batches, Parallelism(cancellationToken), async (batch, token) =>
        {
            var include = string.Join(',', batch.Select(id => id.ToString(CultureInfo.InvariantCulture)));
            var address = root.Route("wp/v2/posts", $"include={Uri.EscapeDataString(include)}&per_page={PerPage}&orderby=id&order=asc&has_password=false&_embed=1{Context}");
            var answer = await api.GetJsonAsync(address, null, token);
            using var document = answer.Document!;
            await StoreAsync(answer.Address, document.RootElement, root, posts, run, token);
            progress?.Report(new PullProgress(Interlocked.Add(ref done, batch.Length), ids.Count));
        });
    }

    /// <summary>Stores every post of an answer; the newest modification time among them.</summary>
    private async Task<DateTimeOffset?> StoreAsync(Uri address, JsonElement root, ApiRoot api, ImmutableSortedDictionary<long, DateTimeOffset>.Builder posts, Run run, CancellationToken cancellationToken)
    {
        if (root.ValueKind != JsonValueKind.Array)
            throw new WordPressFailure(address, $"answered a JSON {root.ValueKind.ToString().ToLowerInvariant()} where a list of posts was expected");
        DateTimeOffset? newest = null;
        foreach (var item in root.EnumerateArray())
        {
            var reading = RestPost.Read(item, api);
            newest = Max(newest, reading.Modified);
            Interlocked.Increment(ref run.FetchedCount);
            if (reading.Post is { } post)
            {
                if (await store.PutAsync(post, cancellationToken))
                    Interlocked.Increment(ref run.ChangedCount);
                lock (posts)
                    posts[post.Id] = reading.Modified ?? post.Published;
                continue;
            }
            if (reading.Id is { } leftOut && reading.Modified is not null)
            {
                // Password-protected or no longer published, as intended: what the store had of it goes.
                if (store.Remove(leftOut))
                    Interlocked.Increment(ref run.RemovedCount);
                lock (posts)
                    posts.Remove(leftOut);
                continue;
            }
            // A post of the wrong shape: reported, and its last good version (if any) kept.
            var subject = reading.Id is { } id ? api.Route($"wp/v2/posts/{id}", "").AbsoluteUri : address.AbsoluteUri;
            lock (run.Problems)
                run.Problems.Add(new Problem(subject, reading.LeftOut!));
        }
        return newest;
    }

    private ParallelOptions Parallelism(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = options.MaxConcurrency, CancellationToken = cancellationToken };

    private static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;

    /// <summary>Counts of one pull.</summary>
    private sealed class Run(WordPressApi api)
    {
        private readonly long _requests = api.Requests;
        private readonly long _bytes = api.BodyBytes;
        public int FetchedCount;
        public int ChangedCount;
        public int RemovedCount;

        public List<Problem> Problems { get; } = [];

        public int Removed
        {
            get => RemovedCount;
            set => RemovedCount = value;
        }

        public PullReport Report(bool listed, bool complete) =>
            new(FetchedCount, ChangedCount, RemovedCount, listed, complete, api.Requests - _requests, api.BodyBytes - _bytes, [.. Problems]);
    }
}

/// <summary>Posts fetched of those to fetch, for a progress line.</summary>
public readonly record struct PullProgress(int Done, int Total);

/// <summary>
/// What one pull did: posts fetched (as the API gave them), pages changed in the store (new or
/// different bytes), posts removed; whether it listed every post and the listing was complete; the
/// requests it sent and the body bytes it received; the posts left out and why; the pages a crawl
/// found that are not posts, and why (<paramref name="Skipped"/>: not problems, but listed by <c>check</c>).
/// </summary>
public sealed record PullReport(int Fetched, int Changed, int Removed, bool Listed, bool Complete, long Requests, long Bytes, ImmutableArray<Problem> Problems,
    ImmutableArray<Problem> Skipped = default);
