using System.Collections.Immutable;
using System.Security.Cryptography;
using CxFeed.Core.Cleaning;
using CxFeed.Core.Content;
using CxFeed.Core.Excerpts;

namespace CxFeed.Core.Publishing;

/// <summary>
/// Builds snapshots from post pages, incrementally: a page whose bytes and address did not change
/// since the last build is neither read nor cleaned again. A page that fails (a problem that makes
/// it unusable, or an exception from the reader or the cleaner) is reported by name and never
/// stops the others; a page that was good and turns bad keeps its last good entry until it is
/// fixed. Pure and synchronous given the pages; builds are serialised, so one builder can serve
/// one rebuild loop.
/// </summary>
public sealed class SnapshotBuilder
{
    public const string KeepsLastGoodVersion = "keeps its last good version until it is fixed";

    private readonly Func<PostPage, PostReading> _read;
    private readonly Func<Post, (Entry Entry, ImmutableArray<Problem> Problems)> _publish;
    private readonly Lock _building = new();
    private Dictionary<string, PageState> _pages = new(StringComparer.Ordinal);

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

    /// <summary>The snapshot of exactly these pages (pages not given are forgotten).</summary>
    public Snapshot Build(IEnumerable<PostPage> pages)
    {
        lock (_building)
        {
            var states = new Dictionary<string, PageState>(StringComparer.Ordinal);
            foreach (var page in pages)
            {
                var fingerprint = Fingerprint(page);
                var state = _pages.TryGetValue(page.Name, out var previous) && previous.Fingerprint == fingerprint
                    ? previous
                    : Process(page, fingerprint, previous?.LastGood);
                states[page.Name] = state;
            }
            _pages = states;
            return Assemble(states.Values);
        }
    }

    private Snapshot Assemble(IEnumerable<PageState> states)
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
            if (entries.TryGetValue(post, out var state) && state.Entry is { } entry)
            {
                published.Add(entry);
                problems.AddRange(state.PublishingProblems);
            }
            else
            {
                // The cross-post checks gave back a post they changed: publish that one.
                var (fresh, freshProblems) = Publish(post);
                if (fresh is not null)
                    published.Add(fresh);
                problems.AddRange(freshProblems);
            }
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
        var (entry, publishingProblems) = reading.Post is { } post ? Publish(post) : (null, []);
        if (reading.Post is not null && entry is not null)
            return new PageState(fingerprint, reading, entry, publishingProblems, new LastGood(reading.Post, entry, publishingProblems));
        if (lastGood is null)
            return new PageState(fingerprint, reading with { Post = null, Problems = reading.Problems.AddRange(publishingProblems) }, null, [], null);
        // Serve the last good version, and say why the new one is not served.
        var problems = reading.Problems.AddRange(publishingProblems).Add(new Problem(page.Name, KeepsLastGoodVersion));
        return new PageState(fingerprint, new PostReading(page, lastGood.Post, problems), lastGood.Entry, lastGood.Problems, lastGood);
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
        page.Address.AbsoluteUri + " " + Convert.ToHexStringLower(SHA256.HashData(page.Bytes.AsSpan()));

    private sealed record LastGood(Post Post, Entry Entry, ImmutableArray<Problem> Problems);

    /// <param name="Reading">What goes to the cross-post checks (the last good post when the page turned bad).</param>
    /// <param name="PublishingProblems">What the cleaner reported for the entry served.</param>
    private sealed record PageState(
        string Fingerprint,
        PostReading Reading,
        Entry? Entry,
        ImmutableArray<Problem> PublishingProblems,
        LastGood? LastGood);
}
