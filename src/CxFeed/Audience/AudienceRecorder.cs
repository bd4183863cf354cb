using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace CxFeed.Audience;

/// <summary>
/// Counts feed requests off the request path. A request only offers a <see cref="FeedHit"/> to a
/// bounded lock-free queue (<see cref="Count"/>: never waits; when the queue is full the hit is
/// dropped and the drop counted). A background loop, every <see cref="AudienceOptions.FlushInterval"/>,
/// takes what is queued, classifies each User-Agent (<see cref="FetcherList"/>), keys readers with
/// the day's salt, reads the items of partners' pulls, aggregates, and writes the batch to the
/// <see cref="AudienceDatabase"/> in one transaction. When the database cannot be opened or
/// written (locked, corrupt, a full disk, a read-only folder), the batch is kept (bounded, see
/// <see cref="AudienceBatch"/>), <see cref="Problem"/> says why for <c>/healthz</c>, and the next
/// flush tries again with a new connection: counting resumes by itself once the file can be written.
/// </summary>
public sealed class AudienceRecorder : BackgroundService
{
    private readonly AudienceOptions _options;
    private readonly FetcherList _fetchers;
    private readonly TimeProvider _time;
    private readonly ILogger<AudienceRecorder> _logger;
    // Lock-free: on a server pinned to one core, a lock shared by the request path and the flush
    // (a bounded channel's) was held by a preempted flush often enough that requests spun on it.
    private readonly ConcurrentQueue<FeedHit> _queue = new();
    private readonly Lock _flushing = new();
    private int _queued;
    private AudienceBatch _batch = new();
    private AudienceDatabase? _database;
    private (string Day, byte[] Salt)? _salt;
    private long _dropped;
    private volatile string? _problem;

    // What the flush under way already worked out, so that a client polling many times a second
    // costs one classification and one HMAC, not one per request; emptied after each flush, so no
    // address is held longer than a batch.
    private readonly Dictionary<string, (string Text, Fetcher Fetcher)> _agents = new(StringComparer.Ordinal);
    private readonly HashSet<(string Day, string Feed, IPAddress? Client, string UserAgent)> _visitorsSeen = [];
    private (long Number, string Text) _day = (-1, "");

    public AudienceRecorder(AudienceOptions options, FetcherList fetchers, TimeProvider time, ILogger<AudienceRecorder> logger)
    {
        _options = options;
        _fetchers = fetchers;
        _time = time;
        _logger = logger;
    }

    public bool Enabled => _options.Enabled;

    /// <summary>Why counting is paused (the database cannot be written), or null while it works.</summary>
    public string? Problem => _problem;

    /// <summary>Hits dropped since start because the queue was full or a kept batch was at its bound.</summary>
    public long Dropped { get; private set; }

    /// <summary>Offers one request to the counting; never blocks, never throws.</summary>
    public void Count(FeedHit hit)
    {
        if (!_options.Enabled)
            return;
        if (hit.UserAgent is { Length: > FetcherList.MaximumUserAgentLength } longAgent)
            hit = hit with { UserAgent = longAgent[..FetcherList.MaximumUserAgentLength] };
        if (Interlocked.Increment(ref _queued) > _options.QueueCapacity)
        {
            Interlocked.Decrement(ref _queued);
            Interlocked.Increment(ref _dropped);
            return;
        }
        _queue.Enqueue(hit);
    }

    /// <summary>Takes what is queued and writes it now (what the loop does each interval); tests and shutdown use it.</summary>
    public void Flush()
    {
        lock (_flushing)
        {
            // The room taken is given back once the hits are added: while a flush drains a full
            // queue, requests beyond the capacity are still dropped, so memory stays bounded.
            var taken = 0;
            while (_queue.TryDequeue(out var hit))
            {
                Add(hit);
                taken++;
            }
            Interlocked.Add(ref _queued, -taken);
            _agents.Clear();
            _visitorsSeen.Clear();
            var dropped = Interlocked.Exchange(ref _dropped, 0);
            _batch.Dropped += dropped;
            Dropped += dropped;
            if (_batch.IsEmpty)
                return;
            try
            {
                _database ??= AudienceDatabase.Open(_options.DatabasePath);
                _database.Write(_batch);
                _batch = new AudienceBatch();
                if (_problem is not null)
                {
                    _problem = null;
                    _logger.CountingResumed(Path.GetFullPath(_options.DatabasePath));
                }
            }
            catch (Exception failure) when (failure is SqliteException or IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                _database?.Dispose();
                _database = null;
                var reason = failure.Message.ReplaceLineEndings(" ");
                if (_problem is null)
                    _logger.CountingPaused(Path.GetFullPath(_options.DatabasePath), reason);
                _problem = $"audience: counting paused, {Path.GetFullPath(_options.DatabasePath)} cannot be written ({reason}); feeds keep serving and counting resumes when it can";
            }
        }
    }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!_options.Enabled)
            return;
        try
        {
            // Made and migrated at start, so a bad path shows in /healthz at once.
            _database = AudienceDatabase.Open(_options.DatabasePath);
        }
        catch (Exception failure) when (failure is SqliteException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            _problem = $"audience: counting paused, {Path.GetFullPath(_options.DatabasePath)} cannot be opened ({failure.Message.ReplaceLineEndings(" ")}); feeds keep serving and counting resumes when it can";
            _logger.CountingPaused(Path.GetFullPath(_options.DatabasePath), failure.Message.ReplaceLineEndings(" "));
        }
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.FlushInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
                Flush();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_options.Enabled)
            Flush();
    }

    public override void Dispose()
    {
        _database?.Dispose();
        base.Dispose();
    }

    private void Add(FeedHit hit)
    {
        var day = DayOf(hit.At);
        var (userAgent, fetcher) = Classify(hit.UserAgent ?? "");
        var key = new RequestKey(day, hit.Feed, hit.Format, fetcher.Family, fetcher.Kind, hit.Status);
        _batch.Requests[key] = _batch.Requests.GetValueOrDefault(key) + 1;
        var answered = hit.Status is StatusCodes.Status200OK or StatusCodes.Status304NotModified;
        if (answered && fetcher is { Kind: FetcherKind.Aggregator, Subscribers: { } subscribers })
        {
            var aggregator = new AggregatorKey(day, hit.Feed, fetcher.Family, fetcher.FeedId);
            if (!_batch.Aggregators.TryGetValue(aggregator, out var known) || known.Seen <= hit.At)
                _batch.Aggregators[aggregator] = new AggregatorCount(subscribers, fetcher.Absurd, hit.At);
        }
        else if (answered && fetcher.Kind == FetcherKind.Reader && FirstInFlush(day, hit.Feed, hit.Client, userAgent))
            _batch.AddVisitor(new VisitorKey(day, hit.Feed, Visitor(day, hit.Client?.ToString() ?? "", userAgent)));
        if (hit.Partner is { } partner && answered)
        {
            IReadOnlyList<FeedItem> items = hit.Status != StatusCodes.Status200OK ? []
                : hit.Items ?? (hit.File is { } file ? FeedItems.Read(file, hit.Format) : []);
            _batch.AddPull(new PartnerPull(hit.At, partner, hit.Feed, hit.Address, hit.Status, items));
        }
    }

    /// <summary>The UTC day of a time as written in the database, made once a day.</summary>
    private string DayOf(DateTimeOffset at)
    {
        var number = at.UtcTicks / TimeSpan.TicksPerDay;
        if (_day.Number != number)
            _day = (number, at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return _day.Text;
    }

    /// <summary>A User-Agent cleaned and classified, once per distinct header in a flush (bounded: the memo is emptied when it grows large).</summary>
    private (string Text, Fetcher Fetcher) Classify(string header)
    {
        if (_agents.TryGetValue(header, out var known))
            return known;
        if (_agents.Count >= MaximumRemembered)
            _agents.Clear();
        var text = FetcherList.Clean(header);
        return _agents[header] = (text, _fetchers.Classify(text));
    }

    private const int MaximumRemembered = 10_000;

    /// <summary>Whether this reader of this feed is new in the flush under way (the batch's set holds it otherwise).</summary>
    private bool FirstInFlush(string day, string feed, IPAddress? client, string userAgent)
    {
        if (_visitorsSeen.Count >= AudienceBatch.MaximumVisitors)
            _visitorsSeen.Clear();
        return _visitorsSeen.Add((day, feed, client, userAgent));
    }

    /// <summary>The first 128 bits of HMAC-SHA256(the day's salt, address, user agent): the same reader the same day, nothing after.</summary>
    private UInt128 Visitor(string day, string client, string userAgent)
    {
        var salt = SaltOf(day);
        Span<byte> hash = stackalloc byte[32];
        HMACSHA256.HashData(salt, Encoding.UTF8.GetBytes($"{client}\n{userAgent}"), hash);
        return BinaryPrimitives.ReadUInt128BigEndian(hash);
    }

    private byte[] SaltOf(string day)
    {
        if (_salt is { } known && known.Day == day)
            return known.Salt;
        byte[] salt;
        try
        {
            _database ??= AudienceDatabase.Open(_options.DatabasePath);
            salt = _database.SaltOf(day);
        }
        catch (Exception failure) when (failure is SqliteException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            // The database is away: a salt for today held only here (a restart today would count a reader again).
            _database?.Dispose();
            _database = null;
            salt = RandomNumberGenerator.GetBytes(32);
        }
        _salt = (day, salt);
        return salt;
    }
}

internal static partial class AudienceLog
{
    [LoggerMessage(EventId = 20, Level = LogLevel.Error,
        Message = "Audience counting paused: {DatabasePath} cannot be written ({Reason}); feeds keep serving, counts are kept and written when it can be")]
    public static partial void CountingPaused(this ILogger logger, string databasePath, string reason);

    [LoggerMessage(EventId = 21, Level = LogLevel.Information, Message = "Audience counting resumed: {DatabasePath}")]
    public static partial void CountingResumed(this ILogger logger, string databasePath);
}
