using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using CxFeed.Core.Content.WordPress;
using CxFeed.Core.Store;

namespace CxFeed.Core.Content.Crawl;

/// <summary>
/// One crawl of the blog into the store.
/// <list type="number">
/// <item>robots.txt is read (a server error there means "crawl nothing", RFC 9309 §2.3.1.4: the crawl fails and the store keeps serving).</item>
/// <item>The posts' addresses come from the sitemaps: the robots.txt <c>Sitemap:</c> lines, else the
/// first of <c>/wp-sitemap.xml</c>, <c>/sitemap.xml</c>, <c>/sitemap_index.xml</c> that answers;
/// indexes are followed (WordPress's taxonomy and user sitemaps left out: they list archives, never
/// posts). Where there is no sitemap, from the listing at <c>Start</c> and its next pages.</item>
/// <item>Each address the Include/Exclude patterns and robots.txt let through is asked, with the
/// stored validators, unless its sitemap <c>lastmod</c> is the one already seen. Each page is
/// read by the <see cref="PostReader"/> as the store will be read: a post is stored as fetched
/// (<see cref="CrawledDocument"/>) under its WordPress id (from the <c>?p=ID</c> shortlink) or a hash
/// of its id; a page that is not a post is skipped with the reader's reason; a page that was a
/// post and no longer reads keeps its last good version, reported.</item>
/// <item>Stored posts the crawl did not find again are removed only after a complete crawl:
/// every sitemap and listing read whole, every page answered, and at least one post found.</item>
/// </list>
/// </summary>
public sealed partial class CrawlPull(CrawlClient client, PostStore store, CrawlOptions options, PostReader reader, TimeProvider time)
{
    public const string SourceName = "crawl";

    /// <summary>Sitemap files read in one crawl, at most (an index of indexes cannot send it round forever).</summary>
    public const int MaxSitemaps = 1_000;

    /// <summary>How deep sitemap indexes nest, at most.</summary>
    public const int MaxSitemapDepth = 3;

    /// <summary>One sitemap's bytes, decompressed, at most: the sitemaps protocol's own limit.</summary>
    public const long MaxSitemapBytes = 50L * 1024 * 1024;

    /// <summary>Listing pages followed, at most, where there is no sitemap.</summary>
    public const int MaxListingPages = 1_000;

    private static readonly string[] WellKnownSitemaps = ["/wp-sitemap.xml", "/sitemap.xml", "/sitemap_index.xml"];

    private readonly ImmutableArray<UrlPattern> _include = [.. options.Include.Select(pattern => new UrlPattern(pattern))];
    private readonly ImmutableArray<UrlPattern> _exclude = [.. options.Exclude.Select(pattern => new UrlPattern(pattern))];
    private StoreState? _state;

    public CrawlClient Client => client;

    public PostStore Store => store;

    /// <summary>The state as the last crawl left it (read from the store at first use).</summary>
    public async Task<StoreState> StateAsync(CancellationToken cancellationToken) =>
        _state ??= await store.ReadStateAsync(cancellationToken);

    /// <summary>Crawls the blog; throws <see cref="CrawlFailure"/> when robots.txt cannot be had or the server asks to wait longer than a crawl does.</summary>
    public async Task<PullReport> RunAsync(IProgress<PullProgress>? progress, CancellationToken cancellationToken)
    {
        var run = new Run(client);
        var state = await StateAsync(cancellationToken);
        client.ForgetRobots();
        var start = options.StartUri;
        var robots = await client.RobotsAsync(start, cancellationToken);
        if (robots.DisallowsAll)
            throw new CrawlFailure(new Uri(start, "/robots.txt"), "could not be read (a server error or no answer): RFC 9309 asks a crawler to crawl nothing then");

        var found = await SitemapsAsync(robots, run, cancellationToken) ?? await ListingAsync(start, run, cancellationToken);
        var wanted = found.Where(entry => Wanted(entry.Key)).ToList();
        var known = state.Crawled ?? ImmutableSortedDictionary<string, CrawledPage>.Empty.WithComparers(StringComparer.Ordinal);
        var crawled = new ConcurrentDictionary<string, CrawledPage>(StringComparer.Ordinal);
        var posts = new ConcurrentDictionary<long, DateTimeOffset>();
        var done = 0;
        progress?.Report(new PullProgress(0, wanted.Count));
        void Record(Uri address, CrawledPage? before, CrawledPage? after)
        {
            if (after is not null)
            {
                crawled[address.AbsoluteUri] = after;
                if (after.Key is { } key)
                    posts[key] = state.Posts.TryGetValue(key, out var seen) && after == before ? seen : time.GetUtcNow();
            }
            progress?.Report(new PullProgress(Interlocked.Increment(ref done), wanted.Count));
        }
        try
        {
            await FetchAndReadAsync(wanted, known, state, run, Record, cancellationToken);
        }
        finally
        {
            // What was fetched is kept even when the crawl stops part way; removals wait for a whole crawl.
            await SaveAsync(state, known, crawled, posts, complete: false, CancellationToken.None);
        }

        var stored = store.StoredIds();
        if (posts.IsEmpty && stored.Length > 0)
        {
            run.Problem(start.AbsoluteUri, $"the crawl found no post while the store holds {stored.Length}: nothing removed (the blog moved, or its pages changed shape?)");
            run.Complete = false;
        }
        if (run.Complete)
        {
            foreach (var id in stored.Where(id => !posts.ContainsKey(id)))
            {
                if (store.Remove(id))
                    run.Removed++;
            }
        }
        await SaveAsync(state, known, crawled, posts, run.Complete, cancellationToken);
        return run.Report();
    }

    /// <summary>Every address the sitemaps list, with its lastmod; null when the site has no sitemap.</summary>
    private async Task<Dictionary<Uri, DateTimeOffset?>?> SitemapsAsync(RobotsTxt robots, Run run, CancellationToken cancellationToken)
    {
        var start = options.StartUri;
        var declared = robots.Sitemaps.Where(client.OnBlog).ToList();
        var candidates = declared.Count > 0 ? declared : [.. WellKnownSitemaps.Select(path => new Uri(start, path))];
        var pages = new Dictionary<Uri, DateTimeOffset?>();
        var read = new HashSet<Uri>();
        var anyRead = false;
        foreach (var candidate in candidates)
        {
            var queue = new Queue<(Uri Address, int Depth)>([(candidate, 0)]);
            var thisOne = false;
            while (queue.TryDequeue(out var next))
            {
                if (!read.Add(next.Address))
                    continue;
                if (read.Count > MaxSitemaps)
                {
                    run.Problem(next.Address.AbsoluteUri, $"is one sitemap more than the {MaxSitemaps:N0} a crawl reads: not read, the crawl is not complete");
                    run.Complete = false;
                    break;
                }
                CrawlAnswer answer;
                try
                {
                    answer = await client.GetAsync(next.Address, null, MaxSitemapBytes, cancellationToken);
                }
                catch (CrawlFailure failure) when (failure.RetryAfter is null || failure.RetryAfter <= CrawlClient.LongestWait)
                {
                    run.Problem(failure.Address.AbsoluteUri, failure.Reason + "; the crawl is not complete");
                    run.Complete = false;
                    continue;
                }
                if (answer.Kind != AnswerKind.Page)
                {
                    if (next.Depth > 0 || declared.Count > 0)
                    {
                        run.Problem(next.Address.AbsoluteUri, answer.Kind == AnswerKind.Disallowed ? "is a sitemap robots.txt disallows: not read" : $"is a sitemap that answered {answer.Status}");
                        run.Complete = false;
                    }
                    continue;
                }
                var sitemap = Sitemap.Read(answer.Body.AsMemory(), answer.Address, Math.Max(0, options.MaxPages - pages.Count), MaxSitemapBytes);
                if (sitemap.Stopped is { } stopped)
                {
                    // The well-known addresses of a site without sitemaps often answer a page: that is "no sitemap", not a problem.
                    if (sitemap.Entries.IsEmpty && next.Depth == 0 && declared.Count == 0)
                        continue;
                    run.Problem(answer.Address.AbsoluteUri, stopped);
                    run.Complete = false;
                }
                thisOne = true;
                foreach (var entry in sitemap.Entries)
                {
                    if (!client.OnBlog(entry.Address))
                        continue;
                    if (!sitemap.IsIndex)
                        pages[WithoutFragment(entry.Address)] = entry.LastModified;
                    else if (next.Depth + 1 > MaxSitemapDepth)
                    {
                        run.Problem(entry.Address.AbsoluteUri, $"is a sitemap nested deeper than {MaxSitemapDepth} indexes: not read");
                        run.Complete = false;
                    }
                    else if (!ListsArchives(entry.Address))
                        queue.Enqueue((entry.Address, next.Depth + 1));
                }
            }
            anyRead |= thisOne;
            // Of the well-known addresses, the first that is a sitemap is the site's.
            if (thisOne && declared.Count == 0)
                break;
        }
        return anyRead ? pages : null;
    }

    /// <summary>WordPress's core sitemaps of categories, tags and authors: archives, never posts.</summary>
    private static bool ListsArchives(Uri sitemap) =>
        sitemap.AbsolutePath.Contains("/wp-sitemap-taxonomies-", StringComparison.Ordinal)
        || sitemap.AbsolutePath.Contains("/wp-sitemap-users-", StringComparison.Ordinal);

    /// <summary>The posts the listing at the start address and its next pages link to.</summary>
    private async Task<Dictionary<Uri, DateTimeOffset?>> ListingAsync(Uri start, Run run, CancellationToken cancellationToken)
    {
        var pages = new Dictionary<Uri, DateTimeOffset?>();
        var seen = new HashSet<Uri>();
        Uri? next = start;
        while (next is not null)
        {
            if (!seen.Add(next))
            {
                run.Problem(next.AbsoluteUri, "is a listing page read already (its next page links back): the listing ends there");
                break;
            }
            if (seen.Count > MaxListingPages)
            {
                run.Problem(next.AbsoluteUri, $"is one listing page more than the {MaxListingPages:N0} a crawl follows: not read, the crawl is not complete");
                run.Complete = false;
                break;
            }
            CrawlAnswer answer;
            try
            {
                answer = await client.GetAsync(next, null, options.MaxPageBytes, cancellationToken);
            }
            catch (CrawlFailure failure) when (failure.RetryAfter is null || failure.RetryAfter <= CrawlClient.LongestWait)
            {
                run.Problem(failure.Address.AbsoluteUri, failure.Reason + "; the crawl is not complete");
                run.Complete = false;
                break;
            }
            if (answer.Kind != AnswerKind.Page)
            {
                // WordPress's paging runs out in a 404; anything else on the first page is worth saying.
                if (next == start)
                {
                    run.Problem(next.AbsoluteUri, answer.Kind == AnswerKind.Disallowed ? "is disallowed by robots.txt: nothing to crawl" : $"answered {answer.Status}: nothing to crawl");
                    run.Complete = false;
                }
                break;
            }
            var listing = ListingPage.Read(answer.Body.AsSpan(), answer.Address);
            var added = 0;
            foreach (var post in listing.Posts.Where(client.OnBlog))
            {
                if (pages.Count == options.MaxPages)
                {
                    run.Problem(answer.Address.AbsoluteUri, $"links to more posts than the {options.MaxPages:N0} a crawl reads (CxFeed:Content:Crawl:MaxPages): the first are kept");
                    run.Complete = false;
                    return pages;
                }
                if (pages.TryAdd(post, null))
                    added++;
            }
            // A page that adds no post is the end of the listing (a paging that repeats its last page).
            next = added == 0 || listing.Next is not { } following || !client.OnBlog(following) ? null : following;
        }
        return pages;
    }

    private bool Wanted(Uri address)
    {
        var path = address.PathAndQuery;
        return (_include.IsEmpty || _include.Any(pattern => pattern.Matches(path))) && !_exclude.Any(pattern => pattern.Matches(path));
    }

    /// <summary>
    /// The pages asked and read as two stages with a bounded queue between them: <c>MaxConcurrency</c>
    /// fetchers, each asking its next page the moment its answer is in, so the host's slots never
    /// wait on reading, the disk (each page written is flushed) or a busy CPU; and one reader per
    /// processor reading and storing what they fetched. The host gates keep the politeness; the
    /// queue keeps the pages in hand bounded. A failure in either stage stops both.
    /// </summary>
    private async Task FetchAndReadAsync(List<KeyValuePair<Uri, DateTimeOffset?>> wanted, ImmutableSortedDictionary<string, CrawledPage> known,
        StoreState state, Run run, Action<Uri, CrawledPage?, CrawledPage?> record, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var fetched = Channel.CreateBounded<Fetched>(new BoundedChannelOptions(PagesInHand) { SingleReader = false, SingleWriter = false });

        async Task FetchAllAsync()
        {
            try
            {
                await Parallel.ForEachAsync(wanted, new ParallelOptions { MaxDegreeOfParallelism = options.MaxConcurrency, CancellationToken = stop.Token }, async (entry, token) =>
                {
                    var before = known.GetValueOrDefault(entry.Key.AbsoluteUri);
                    var page = await FetchAsync(entry.Key, entry.Value, before, run, token);
                    if (page.Answer is null)
                        record(entry.Key, before, page.Done);
                    else
                        await fetched.Writer.WriteAsync(page, token);
                });
                fetched.Writer.Complete();
            }
            catch (Exception failure)
            {
                fetched.Writer.Complete(failure);
                await stop.CancelAsync();
                throw;
            }
        }

        async Task ReadAllAsync()
        {
            try
            {
                await Parallel.ForEachAsync(fetched.Reader.ReadAllAsync(stop.Token), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = stop.Token },
                    async (page, token) => record(page.Address, page.Before, await ReadAsync(page, run, token)));
            }
            catch
            {
                await stop.CancelAsync();
                throw;
            }
        }

        await Task.WhenAll(FetchAllAsync(), ReadAllAsync());
    }

    /// <summary>Pages fetched and not read yet, at most: a few per processor and per slot, so neither stage waits on the other's jitter.</summary>
    private int PagesInHand => 2 * (options.MaxConcurrency + Environment.ProcessorCount);

    /// <summary>
    /// One address asked (unless its lastmod says it did not change). Either its record is known
    /// already (<see cref="Fetched.Done"/>: not changed, gone, disallowed, failed) or the page's
    /// bytes are in <see cref="Fetched.Answer"/>, to be read.
    /// </summary>
    private async Task<Fetched> FetchAsync(Uri address, DateTimeOffset? lastmod, CrawledPage? before, Run run, CancellationToken cancellationToken)
    {
        var storedBefore = before?.Key is { } previous && store.Has(previous);
        Fetched Done(CrawledPage? record) => new(address, lastmod, before, storedBefore, record, null);
        if (before is not null && lastmod is not null && before.Lastmod == lastmod && (storedBefore || before.Skipped is not null))
        {
            if (before.Skipped is { } reason)
                run.Skip(address.AbsoluteUri, reason);
            return Done(before);
        }
        var validators = storedBefore || before?.Skipped is not null ? new Validators(before!.ETag, before.LastModified) : (Validators?)null;
        CrawlAnswer answer;
        try
        {
            answer = await client.GetAsync(address, validators, options.MaxPageBytes, cancellationToken);
        }
        catch (CrawlFailure failure) when (failure.RetryAfter is null || failure.RetryAfter <= CrawlClient.LongestWait)
        {
            run.Problem(address.AbsoluteUri, failure.Reason + (storedBefore ? "; its last good version is kept" : ""));
            run.Complete = false;
            return Done(before);
        }
        switch (answer.Kind)
        {
            case AnswerKind.NotModified:
                if (before!.Skipped is { } reason)
                    run.Skip(address.AbsoluteUri, reason);
                return Done(before with { Lastmod = lastmod, ETag = answer.ETag ?? before.ETag, LastModified = answer.LastModified ?? before.LastModified });
            case AnswerKind.Gone:
                return Done(null);
            case AnswerKind.Disallowed:
                run.Skip(address.AbsoluteUri, "is disallowed by robots.txt");
                return Done(new CrawledPage(null, null, null, lastmod, "is disallowed by robots.txt"));
        }
        return new Fetched(address, lastmod, before, storedBefore, null, answer);
    }

    /// <summary>A fetched page read as the store will be read, then stored or skipped. Its record for the state.</summary>
    private async Task<CrawledPage?> ReadAsync(Fetched page, Run run, CancellationToken cancellationToken)
    {
        var (address, lastmod, before, storedBefore, answer) = (page.Address, page.Lastmod, page.Before, page.StoredBefore, page.Answer!);
        Interlocked.Increment(ref run.FetchedCount);
        if (answer.Cut is { } cut)
        {
            run.Problem(address.AbsoluteUri, cut + "; not published" + (storedBefore ? ", its last good version is kept" : ""));
            run.Complete = false;
            return before;
        }
        var bytes = CrawledDocument.Prepare(answer.Body.AsSpan(), answer.Address);
        var reading = reader.Read(new PostPage(address.AbsoluteUri, answer.Address, ImmutableCollectionsMarshal.AsImmutableArray(bytes)));
        if (reading.Post is not { } post)
        {
            // "Not a single post" says it all (the missing date of an archive follows from it); else every reason the reader gave.
            var why = reading.Problems.Select(problem => problem.Reason).FirstOrDefault(reason => reason.StartsWith(Reasons.NotAPost(""), StringComparison.Ordinal))
                ?? string.Join("; ", reading.Problems.Select(problem => problem.Reason));
            if (storedBefore)
            {
                run.Problem(address.AbsoluteUri, $"{why}; its last good version is kept");
                return before;
            }
            run.Skip(address.AbsoluteUri, why);
            return new CrawledPage(null, answer.ETag, answer.LastModified, lastmod, why);
        }
        var key = KeyOf(post);
        if (await store.PutPageAsync(key, bytes, cancellationToken))
            Interlocked.Increment(ref run.ChangedCount);
        return new CrawledPage(key, answer.ETag, answer.LastModified, lastmod, null);
    }

    /// <summary>One address after its request: its record when that is all (<see cref="Done"/>), or the answer to read.</summary>
    private sealed record Fetched(Uri Address, DateTimeOffset? Lastmod, CrawledPage? Before, bool StoredBefore, CrawledPage? Done, CrawlAnswer? Answer);

    /// <summary>WordPress's own id where the post's id is its <c>?p=ID</c> shortlink (the REST source's page name too); else a stable hash of the id.</summary>
    public static long KeyOf(Post post)
    {
        if (Uri.TryCreate(post.Id, UriKind.Absolute, out var id) && WordPressId().Match(id.Query) is { Success: true } match
            && long.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            return number;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(post.Id));
        return BitConverter.ToInt64(hash, 0) & long.MaxValue;
    }

    [GeneratedRegex("^\\?p=([0-9]{1,18})$", RegexOptions.CultureInvariant)]
    private static partial Regex WordPressId();

    private async Task SaveAsync(StoreState state, ImmutableSortedDictionary<string, CrawledPage> known, ConcurrentDictionary<string, CrawledPage> crawled,
        ConcurrentDictionary<long, DateTimeOffset> posts, bool complete, CancellationToken cancellationToken)
    {
        // A complete crawl's records are the whole memory; a partial one adds to what was known.
        var records = (complete ? ImmutableSortedDictionary<string, CrawledPage>.Empty.WithComparers(StringComparer.Ordinal) : known).SetItems(crawled);
        var stored = store.StoredIds().ToHashSet();
        var ids = ImmutableSortedDictionary.CreateBuilder<long, DateTimeOffset>();
        foreach (var (id, when) in complete ? posts : state.Posts.Concat(posts))
        {
            if (stored.Contains(id))
                ids[id] = when;
        }
        var cursor = new SourceCursor(null, LastFullListing: complete ? time.GetUtcNow() : state.Cursor?.LastFullListing);
        _state = new StoreState(SourceName, ids.ToImmutable(), cursor, records);
        await store.SaveStateAsync(_state, cancellationToken);
    }

    private static Uri WithoutFragment(Uri url) => url.Fragment.Length == 0 ? url : new Uri(url.GetLeftPart(UriPartial.Query));

    /// <summary>Counts and findings of one crawl.</summary>
    private sealed class Run(CrawlClient client)
    {
        private readonly long _requests = client.Requests;
        private readonly long _bytes = client.BodyBytes;
        private readonly ConcurrentBag<Problem> _problems = [];
        private readonly ConcurrentBag<Problem> _skipped = [];
        public int FetchedCount;
        public int ChangedCount;

        public int Removed { get; set; }

        public bool Complete { get; set; } = true;

        public void Problem(string subject, string reason) => _problems.Add(new Problem(subject, reason));

        public void Skip(string subject, string reason) => _skipped.Add(new Problem(subject, reason));

        public PullReport Report() => new(FetchedCount, ChangedCount, Removed, true, Complete, client.Requests - _requests, client.BodyBytes - _bytes,
            [.. _problems.OrderBy(problem => problem.Subject, StringComparer.Ordinal).ThenBy(problem => problem.Reason, StringComparer.Ordinal)],
            [.. _skipped.OrderBy(problem => problem.Subject, StringComparer.Ordinal)]);
    }
}
