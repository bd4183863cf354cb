using System.Collections.Immutable;
using System.Security.Cryptography;
using CxFeed.Core.Cleaning;
using CxFeed.Core.Content;
using CxFeed.Core.Excerpts;

namespace CxFeed.Core.Publishing;

/// <summary>
/// Builds snapshots from post pages, incrementally. From a source, a page whose listing stamp
/// (length and last write time) is the one of the last build is not even read; a page read again
/// whose bytes (SHA-256) and address are the ones of the last build is neither parsed nor cleaned
/// again: it keeps its entry. The pages that did change are read and cleaned on every core. A page
/// that fails (a problem that makes it unusable, or an exception from the reader or the cleaner)
/// is reported by name and never stops the others; a page that was good and turns bad keeps its
/// last good entry until it is fixed. Builds are serialised, so one builder can serve one rebuild
/// loop; the reader and the cleaner must be safe to call from several threads at once.
/// The posts it keeps (in its snapshots' entries too) are without their raw body
/// (<see cref="Post.BodyHtml"/> empty): what is published is the entry's cleaned forms.
/// </summary>
public sealed class SnapshotBuilder
{
    public const string KeepsLastGoodVersion = "keeps its last good version until it is fixed";

    /// <summary>How many pages are read from a source at once: enough to overlap waits, few enough for a small machine.</summary>
    private const int ConcurrentReads = 8;

    private readonly Func<PostPage, PostReading> _read;
    private readonly Func<Post, (Entry Entry, ImmutableArray<Problem> Problems)> _publish;
    private readonly SemaphoreSlim _building = new(1, 1);
    private Dictionary<string, PageState> _pages = new(StringComparer.Ordinal);
    private int _readCount;
    private int _cleanedCount;
    private int _doneCount;

    public SnapshotBuilder(PostReader reader, HtmlCleaner cleaner, ExcerptBuilder excerpts, ExcerptBudget? budget = null)
        : this(reader.Read, post => Entry.Create(post, cleaner, excerpts, budget ?? ExcerptBudget.Default))
    {
    }

    /// <summary>With the two steps given as functions: how tests count and break them.</summary>
    internal SnapshotBuilder(Func<PostPage, PostReading> read, Func<Post, (Entry Entry, ImmutableArray<Problem> Problems)> publish)
    {
        _read = read;
        _publish = publish;
    }

    /// <summary>Told, from any thread, as each page a build reads is done: what a long first build shows as its progress.</summary>
    public IProgress<PagesRead>? Progress { get; init; }

    /// <summary>What the last build did: pages it was given or listed, pages whose bytes it read, pages it read and cleaned.</summary>
    public (int Pages, int Read, int Cleaned) LastBuild { get; private set; }

    /// <summary>The snapshot of exactly these pages (pages not given are forgotten; of two with one name, the last counts).</summary>
    public Snapshot Build(IEnumerable<PostPage> pages)
    {
        var byName = new Dictionary<string, PostPage>(StringComparer.Ordinal);
        foreach (var page in pages)
            byName[page.Name] = page;
        var given = byName.Values.ToList();
        _building.Wait();
        try
        {
            var states = new PageState?[given.Count];
            _doneCount = 0;
            Parallel.For(0, given.Count, i =>
            {
                states[i] = Update(given[i], null);
                Progress?.Report(new PagesRead(Interlocked.Increment(ref _doneCount), given.Count));
            });
            return Keep(states);
        }
        finally
        {
            _building.Release();
        }
    }

    /// <summary>
    /// The snapshot of the pages the source lists now: those whose stamp is settled and unchanged
    /// since the last build are not read; the others are read, and only those whose bytes changed
    /// are parsed and cleaned. Pages no longer listed are forgotten.
    /// </summary>
    public async Task<Snapshot> BuildAsync(IPostSource source, CancellationToken cancellationToken = default) =>
        await BuildAsync(source, await source.ListAsync(cancellationToken), cancellationToken);

    /// <summary>The same, from a listing of the source the caller made (to compare it with a later one, say).</summary>
    public async Task<Snapshot> BuildAsync(IPostSource source, IReadOnlyList<ListedPage> listed, CancellationToken cancellationToken = default)
    {
        await _building.WaitAsync(cancellationToken);
        try
        {
            var states = new PageState?[listed.Count];
            var changed = new List<int>();
            _doneCount = 0;
            for (var i = 0; i < listed.Count; i++)
            {
                var page = listed[i];
                if (_pages.TryGetValue(page.Name, out var previous)
                    && previous.Stamp is { Settled: true } stamp
                    && stamp.Matches(page.Stamp)
                    && previous.Address == page.Address.AbsoluteUri)
                    states[i] = previous;
                else
                    changed.Add(i);
            }
            await Parallel.ForEachAsync(
                changed,
                new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = ConcurrentReads },
                async (i, token) =>
                {
                    // Gone since the listing (as during an edit that replaces the file): forgotten until it is back.
                    if (await source.ReadAsync(listed[i], token) is { } page)
                        states[i] = Update(page, listed[i].Stamp);
                    Progress?.Report(new PagesRead(Interlocked.Increment(ref _doneCount), changed.Count));
                });
            return Keep(states);
        }
        finally
        {
            _building.Release();
        }
    }

    /// <summary>Makes these states (in their order, the missing left out) the ones the next build compares with, and assembles them.</summary>
    private Snapshot Keep(PageState?[] states)
    {
        LastBuild = (states.Length, _readCount, _cleanedCount);
        _readCount = 0;
        _cleanedCount = 0;
        var kept = new Dictionary<string, PageState>(states.Length, StringComparer.Ordinal);
        foreach (var state in states)
        {
            if (state is not null)
                kept[state.Name] = state;
        }
        _pages = kept;
        return Assemble(kept.Values);
    }

    /// <summary>The page's state: the last build's when its bytes and address are the same (with the new stamp), else read and cleaned now.</summary>
    private PageState Update(PostPage page, PageStamp? stamp)
    {
        // A page that could not be read is read again at every build: a permission fixed changes no stamp.
        if (page.ReadError is not null)
            stamp = null;
        Interlocked.Increment(ref _readCount);
        var fingerprint = Fingerprint(page);
        _pages.TryGetValue(page.Name, out var previous);
        if (previous is not null && previous.Fingerprint == fingerprint)
            return previous.Stamp == stamp ? previous : previous with { Stamp = stamp };
        Interlocked.Increment(ref _cleanedCount);
        return Process(page, fingerprint, previous?.LastGood) with { Stamp = stamp };
    }

    /// <summary>
    /// The snapshot of these states: the cross-post checks choose the posts (of two with one id or
    /// canonical URL, the first), and each post chosen is published as the entry its state holds.
    /// The checks give back the posts they were given, and a state holds a post only with its entry
    /// (<see cref="Process"/>), so nothing is cleaned here: the kept posts have no raw body to clean.
    /// </summary>
    private static Snapshot Assemble(IEnumerable<PageState> states)
    {
        var entries = new Dictionary<Post, PageState>(ReferenceEqualityComparer.Instance);
        var readings = new List<PostReading>();
        foreach (var state in states)
        {
            readings.Add(state.Reading);
            if (state.Reading.Post is { } post)
                entries[post] = state;
        }
        var content = PostReader.Combine(readings);
        var problems = new List<Problem>(content.Problems);
        var published = new List<Entry>(content.Posts.Length);
        foreach (var post in content.Posts)
        {
            var state = entries[post];
            published.Add(state.Entry ?? throw new InvalidOperationException($"{state.Name}: a post without its entry"));
            problems.AddRange(state.PublishingProblems);
        }
        return Snapshot.Create(published, problems.OrderBy(problem => problem.Subject, StringComparer.Ordinal));
    }

    private PageState Process(PostPage page, string fingerprint, LastGood? lastGood)
    {
        PostReading reading;
        try
        {
            reading = _read(page);
        }
        catch (Exception failure)
        {
            reading = new PostReading(page, null, [new Problem(page.Name, $"could not be read: {failure.Message}")]);
        }
        // The state keeps the fingerprint of the bytes, not the bytes.
        reading = reading with { Page = page with { Bytes = [] } };
        var address = page.Address.AbsoluteUri;
        var (entry, publishingProblems) = reading.Post is { } post ? Publish(post) : (null, []);
        if (reading.Post is not null && entry is not null)
        {
            // The raw body was only what the entry is cleaned from: the entry keeps the cleaned
            // forms, and a page whose bytes change is read again. One post, one object, kept slim.
            var slim = reading.Post with { BodyHtml = "" };
            reading = reading with { Post = slim };
            entry = entry with { Post = slim };
            return new PageState(page.Name, address, fingerprint, null, reading, entry, publishingProblems, new LastGood(slim, entry, publishingProblems));
        }
        if (lastGood is null)
            return new PageState(page.Name, address, fingerprint, null, reading with { Post = null, Problems = reading.Problems.AddRange(publishingProblems) }, null, [], null);
        // Serve the last good version, and say why the new one is not served.
        var problems = reading.Problems.AddRange(publishingProblems).Add(new Problem(page.Name, KeepsLastGoodVersion));
        return new PageState(page.Name, address, fingerprint, null, reading with { Post = lastGood.Post, Problems = problems }, lastGood.Entry, lastGood.Problems, lastGood);
    }

    /// <summary>The post's entry, or none and the problem when the cleaner or the excerpt builder throws.</summary>
    private (Entry? Entry, ImmutableArray<Problem> Problems) Publish(Post post)
    {
        try
        {
            return _publish(post);
        }
        catch (Exception failure)
        {
            return (null, [new Problem(post.Source, $"could not be cleaned: {failure.Message}")]);
        }
    }

    /// <summary>What identifies a page's input: its bytes and the address relative URLs resolve against.</summary>
    private static string Fingerprint(PostPage page) =>
        page.Address.AbsoluteUri + " " + (page.ReadError is { } error ? "unreadable: " + error : Convert.ToHexStringLower(SHA256.HashData(page.Bytes.AsSpan())));

    private sealed record LastGood(Post Post, Entry Entry, ImmutableArray<Problem> Problems);

    /// <param name="Stamp">The listing's stamp of the bytes read, when they came from a source's listing.</param>
    /// <param name="Reading">What goes to the cross-post checks (the last good post when the page turned bad).</param>
    /// <param name="PublishingProblems">What the cleaner reported for the entry served.</param>
    private sealed record PageState(
        string Name,
        string Address,
        string Fingerprint,
        PageStamp? Stamp,
        PostReading Reading,
        Entry? Entry,
        ImmutableArray<Problem> PublishingProblems,
        LastGood? LastGood);
}
