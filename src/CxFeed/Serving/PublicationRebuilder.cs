using System.Collections.Immutable;
using System.Diagnostics;
using CxFeed.Audience;
using CxFeed.Core;
using CxFeed.Core.Content;
using CxFeed.Core.Pages;
using CxFeed.Core.Publishing;
using CxFeed.Core.Syndication;

namespace CxFeed.Serving;

/// <summary>
/// Keeps the publication fresh. The first build happens before the server listens (a hosted
/// service's start); then every change the <see cref="ContentWatcher"/> notices, once the folders
/// have been quiet for the debounce time, gives a rebuild: the feed definitions read again, the
/// pages listed through the post source, the snapshot built incrementally (only pages whose stamp
/// changed are read, only those whose bytes changed are cleaned again), every file planned with a
/// key and only those whose key changed rendered and compressed (<see cref="PublishedFileCache"/>),
/// and the new state swapped in whole. A rebuild that fails keeps the last good publication serving and says why.
/// When a feed's first page changes, its hubs hear of it.
/// <para>
/// Each publication is then saved to <c>CxFeed:Publish:StoredPath</c> (<see cref="PublicationStore"/>)
/// and its files served from there, mapped, so that rendered bytes are let go. At the next start, a
/// stored publication made by this code with these settings and feed definitions is served before
/// anything else is read; then its bytes are checked against their hashes (a mismatch withdraws
/// it) and the first rebuild starts from its files' keys, so that it renders only what changed.
/// </para>
/// </summary>
public sealed class PublicationRebuilder(
    LivePublication live,
    SnapshotBuilder builder,
    IPostSource source,
    FeedRenderer feeds,
    PageRenderer pages,
    PublishedFileCache files,
    ContentOptions content,
    FeedsOptions feedsOptions,
    PublishOptions publish,
    ServeOptions serve,
    WebSubPinger pinger,
    ServingMetrics metrics,
    TimeProvider time,
    IConfiguration configuration,
    IHostApplicationLifetime lifetime,
    ILogger<PublicationRebuilder> logger) : BackgroundService
{
    public const string RebuildSubject = "rebuild";

    // The folder the post source reads (the store's pages for a live source), and the feed definitions.
    private readonly string[] _folders = [source is FolderSource folder ? folder.Path : content.Path, feedsOptions.Path];
    private ContentWatcher? _watcher;
    private Snapshot? _snapshot;
    private Look _lastLook = new(null, "");
    private PublicationStore? _store;
    private PublicationFingerprint? _fingerprint;
    // What the last successful rebuild published, with the fingerprint of its settings, until it is saved.
    private (Publication Publication, string Fingerprint, IReadOnlyDictionary<string, ImmutableArray<string>> PartnerFeeds)? _unsaved;
    private bool _servingStored;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        logger.Starting(Path.GetFullPath(_folders[0]), Path.GetFullPath(feedsOptions.Path), publish.BaseUri.AbsoluteUri);
        _watcher = new ContentWatcher(_folders, (folder, reason) => logger.WatchUnavailable(folder, reason, serve.RescanInterval));
        _fingerprint = new PublicationFingerprint(configuration, _folders[0], feedsOptions.Path);
        if (publish.StoredPath.Length > 0)
        {
            try
            {
                _store = PublicationStore.Open(publish.StoredPath);
            }
            catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
            {
                logger.StoreUnavailable(Path.GetFullPath(publish.StoredPath), failure.Message);
            }
        }
        _servingStored = _store is not null && await ServeStoredAsync(_store, cancellationToken);
        if (!_servingStored)
            await RebuildAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var watcher = _watcher!;
        var rescan = RescanAsync(watcher, stoppingToken);
        try
        {
            if (_servingStored)
            {
                // Not a moment of it beside the start: hashing every stored byte and reading every
                // page would take the processor from the host's start and its first answers. The
                // stored publication answers meanwhile.
                await ListeningAsync(stoppingToken);
                await Task.Delay(StoredCheckGrace, time, stoppingToken);
                // Answering from the stored publication: check its bytes, then the content, as a rebuild does.
                await CheckStoredAsync(_store!, stoppingToken);
                await RebuildAsync(stoppingToken);
            }
            await SaveAsync(stoppingToken);
            while (true)
            {
                await watcher.WaitAsync(stoppingToken);
                // Quiet for the debounce time: an editor's save, a git checkout, an rsync make one rebuild.
                do
                    await Task.Delay(serve.Debounce, time, stoppingToken);
                while (watcher.TryTake());
                await RebuildAsync(stoppingToken);
                await SaveAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception failure)
        {
            logger.LoopFailed(failure);
            throw;
        }
        finally
        {
            await rescan.ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    public override void Dispose()
    {
        _watcher?.Dispose();
        _store?.Dispose();
        base.Dispose();
    }

    /// <summary>
    /// Serves the stored publication when it is this code's, made with these settings and feed
    /// definitions, and whole (lengths and the manifest's hash); else says why not. Nothing of the
    /// content is read.
    /// </summary>
    private async Task<bool> ServeStoredAsync(PublicationStore store, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var definitions = await FeedDefinitionReader.ReadFolderAsync(feedsOptions.Path, cancellationToken);
        if (!definitions.Problems.IsEmpty)
        {
            logger.StoredNotUsed(store.Folder, "the feed definitions have problems");
            return false;
        }
        StoredPublication stored;
        try
        {
            stored = store.Load(_fingerprint!.Of(definitions.Definitions));
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            stored = StoredPublication.Refused(failure.Message);
        }
        if (stored.Publication is not { } publication)
        {
            logger.StoredNotUsed(store.Folder, stored.Refusal!);
            return false;
        }
        live.Swap(new ServingState(publication, [], null, PartnerFeeds(definitions.Definitions), checking: true));
        _storedKeys = stored.Keys;
        logger.ServingStored(stored.Saved, store.Folder, publication.Files.Length, publication.Version[..Math.Min(12, publication.Version.Length)], (long)time.GetElapsedTime(started).TotalMilliseconds);
        return true;
    }

    private IReadOnlyDictionary<string, string>? _storedKeys;

    /// <summary>
    /// How long after the server listens the check of a stored publication starts: time for the
    /// first requests (a load balancer's probe, the pollers that waited) to be answered before
    /// hashing every stored byte takes a core.
    /// </summary>
    internal static readonly TimeSpan StoredCheckGrace = TimeSpan.FromSeconds(1);

    /// <summary>Completes once the host has started every service: for the web host, once the server listens.</summary>
    private Task ListeningAsync(CancellationToken cancellationToken)
    {
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => listening.TrySetResult());
        return listening.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Every stored byte against its hash; the files' keys go to the cache only when all are right, else the stored publication is withdrawn.</summary>
    private async Task CheckStoredAsync(PublicationStore store, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        IReadOnlyList<Problem> problems;
        try
        {
            problems = await store.VerifyAsync(cancellationToken);
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            problems = [new Problem(store.Folder, failure.Message)];
        }
        var publication = live.Current.Publication!;
        if (problems.Count == 0)
        {
            files.Seed(publication.Files, _storedKeys!);
            logger.StoredChecked(publication.Files.Length, (long)time.GetElapsedTime(started).TotalMilliseconds);
        }
        else
        {
            logger.StoredRefused(store.Folder, $"{problems.Count} files differ from what was stored, first {problems[0]}");
            live.Swap(ServingState.NotBuilt);
        }
        _storedKeys = null;
    }

    /// <summary>
    /// Saves the last publication built, if not yet saved, and serves its files from the store from
    /// then on. When that lets go of many rendered bytes (a first build's), the memory is given back
    /// to the system at once, once nothing here holds them any more; so is what the rebuild's
    /// compression left free in the C library's heap (<see cref="NativeHeap"/>).
    /// </summary>
    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        if (await SaveLastAsync(cancellationToken) > ReleaseThreshold)
        {
            // Not in this continuation: it runs inside the completions of SaveLastAsync and of the
            // store's save, whose states (the rendered publication) are cleared only once they return.
            await Task.Yield();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
        NativeHeap.GiveBack();
    }

    /// <summary>Saves the last publication built, if not yet saved; the bytes it let go of.</summary>
    private async Task<long> SaveLastAsync(CancellationToken cancellationToken)
    {
        if (_store is null || _unsaved is not { } unsaved)
            return 0;
        _unsaved = null;
        var started = time.GetTimestamp();
        try
        {
            var saved = await _store.SaveAsync(unsaved.Publication, files.Keys, unsaved.Fingerprint, cancellationToken);
            files.Rebind(saved.Files);
            var current = live.Current;
            // The same files, now from the store: the rendered bytes are let go.
            if (ReferenceEquals(current.Publication, unsaved.Publication))
                live.Swap(new ServingState(saved, current.RebuildProblems, current, unsaved.PartnerFeeds).WithStoreProblem(null));
            var released = 0L;
            for (var i = 0; i < saved.Files.Length; i++)
            {
                if (!ReferenceEquals(saved.Files[i], unsaved.Publication.Files[i]))
                    released += saved.Files[i].Representations.Sum(representation => (long)representation.Bytes.Length);
            }
            logger.Saved(_store.Folder, saved.Files.Length, saved.Version[..Math.Min(12, saved.Version.Length)], (long)time.GetElapsedTime(started).TotalMilliseconds);
            return released;
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            live.Swap(live.Current.WithStoreProblem($"could not save to {_store.Folder}: {failure.Message}"));
            logger.SaveFailed(_store.Folder, failure.Message);
            return 0;
        }
    }

    private const long ReleaseThreshold = 64L << 20;

    private static Dictionary<string, ImmutableArray<string>> PartnerFeeds(IEnumerable<FeedDefinition> definitions) =>
        definitions.Where(definition => !definition.IsPublic).ToDictionary(definition => definition.Name, definition => definition.Partners, StringComparer.Ordinal);

    /// <summary>
    /// The fallback for file systems without events: compares what the folders hold now with what
    /// the last rebuild started from.
    /// </summary>
    private async Task RescanAsync(ContentWatcher watcher, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(serve.RescanInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (!(await LookAsync(stoppingToken)).Same(Volatile.Read(ref _lastLook)))
            {
                logger.ChangeNoticed("rescan");
                watcher.Signal();
            }
        }
    }

    /// <summary>The pages as the source lists them (null when it cannot) and the feeds folder's stamp; nothing is read.</summary>
    private async Task<Look> LookAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<ListedPage>? pages;
        try
        {
            pages = await source.ListAsync(cancellationToken);
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            // The rebuild says why; a folder that stays missing is not a change.
            pages = null;
        }
        return new Look(pages, ContentWatcher.Stamp([feedsOptions.Path]));
    }

    /// <summary>One rebuild, start to swap. Rebuilds never overlap: the start and the loop call it one after the other.</summary>
    private async Task RebuildAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        // Looked at before reading: a change made during the build is noticed by the next rescan.
        // The build works from the same listing, so the pages are listed once per rebuild.
        var look = await LookAsync(cancellationToken);
        Volatile.Write(ref _lastLook, look);
        try
        {
            var definitions = await FeedDefinitionReader.ReadFolderAsync(feedsOptions.Path, cancellationToken);
            if (!definitions.Problems.IsEmpty)
            {
                Fail(started, definitions.Problems);
                return;
            }
            var snapshot = look.Pages is { } pagesListed
                ? await builder.BuildAsync(source, pagesListed, cancellationToken)
                : await builder.BuildAsync(source, cancellationToken);
            var plan = feeds.Plan(snapshot, definitions.Definitions).ToList();
            var publication = new Publication(snapshot.Version, snapshot.Problems, files.Publish([.. feeds.PlanFiles(snapshot, plan), .. pages.PlanFiles(snapshot, plan)]));
            var partnerFeeds = PartnerFeeds(definitions.Definitions);
            var before = live.Swap(new ServingState(publication, [], live.Current, partnerFeeds, partnerItems: PartnerItems.Of(snapshot, plan)));
            _unsaved = (publication, _fingerprint!.Of(definitions.Definitions), partnerFeeds);
            var previous = before.Publication;

            var elapsed = time.GetElapsedTime(started);
            var (changed, removed) = Compare(_snapshot, snapshot);
            var changedFiles = ChangedFiles(before, publication);
            _snapshot = snapshot;
            metrics.Rebuilt(true, elapsed);
            var (listed, read, cleaned) = builder.LastBuild;
            logger.Rebuilt(listed, read, cleaned, changed, removed, publication.Problems.Length, publication.Files.Length, files.LastRendered,
                changedFiles.Count, publication.Version[..12], (long)elapsed.TotalMilliseconds);
            var known = previous?.Problems.ToHashSet() ?? [];
            foreach (var problem in publication.Problems.Where(problem => !known.Contains(problem)))
                logger.ContentProblem(problem);
            if (previous is not null)
                // A partner feed is never announced to a hub: hubs and their subscribers are the public.
                pinger.Announce(changedFiles.Where(address => IsFeedFirstPage(address) && !partnerFeeds.ContainsKey(FeedName(address))).Select(address => FeedAddresses.Absolute(publish.BaseUri, address)));
        }
        catch (Exception failure) when (failure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Fail(started, [new Problem(RebuildSubject, failure.Message)]);
        }
    }

    private void Fail(long started, ImmutableArray<Problem> problems)
    {
        live.Swap(live.Current.Failed(problems));
        var elapsed = time.GetElapsedTime(started);
        metrics.Rebuilt(false, elapsed);
        logger.RebuildFailed((long)elapsed.TotalMilliseconds, string.Join("; ", problems));
    }

    /// <summary>How many entries are new or changed (the builder reuses the entry of an unchanged page) and how many went away.</summary>
    private static (int Changed, int Removed) Compare(Snapshot? before, Snapshot after)
    {
        var old = new HashSet<Entry>(before?.Entries ?? [], ReferenceEqualityComparer.Instance);
        var changed = after.Entries.Count(entry => !old.Remove(entry));
        var still = after.Entries.Select(entry => entry.Post.Source).ToHashSet(StringComparer.Ordinal);
        return (changed, old.Count(entry => !still.Contains(entry.Post.Source)));
    }

    /// <summary>Addresses whose bytes differ from the previous publication's, or are new.</summary>
    private static List<string> ChangedFiles(ServingState before, Publication after) =>
        [.. after.Files
            .Where(file => !before.Files.TryGetValue(file.Address, out var served) || served.File.ETag != file.ETag)
            .Select(file => file.Address)];

    /// <summary>The address a feed is subscribed at (its first page): what a WebSub hub knows as the topic.</summary>
    private static bool IsFeedFirstPage(string address) =>
        address.StartsWith(FeedAddresses.Root, StringComparison.Ordinal) && !address.Contains("/page/", StringComparison.Ordinal);

    private static string FeedName(string address) => FeedAddresses.TryParse(address, out var feed, out _) ? feed : "";

    /// <summary>What the folders held at one moment, as far as a build is concerned.</summary>
    private sealed record Look(IReadOnlyList<ListedPage>? Pages, string FeedsStamp)
    {
        /// <summary>The same pages with the same lengths and write times, and the same feed definitions.</summary>
        public bool Same(Look other) =>
            FeedsStamp == other.FeedsStamp
            && (Pages is null || other.Pages is null
                ? Pages is null && other.Pages is null
                : Pages.Count == other.Pages.Count
                  && Pages.Zip(other.Pages).All(pair => pair.First.Name == pair.Second.Name && pair.First.Stamp.Matches(pair.Second.Stamp)));
    }
}
