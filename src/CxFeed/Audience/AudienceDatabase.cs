using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace CxFeed.Audience;

/// <summary>
/// The audience counts in an embedded SQLite file (<c>CxFeed:Audience:DatabasePath</c>), made and
/// migrated when opened (<c>PRAGMA user_version</c> numbers the migrations applied). Written by
/// <see cref="AudienceRecorder"/> in one transaction per batch, read by <c>/stats</c> and
/// <c>cxfeed stats</c>. No client address is stored: visitors are keys made with a salt of the day,
/// and the salts of past days are deleted, so no key can be matched to an address after its day.
/// </summary>
public sealed class AudienceDatabase : IDisposable
{
    /// <summary>Each migration in order; the database's user_version is how many were applied.</summary>
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE requests(day TEXT NOT NULL, feed TEXT NOT NULL, format TEXT NOT NULL, family TEXT NOT NULL, kind TEXT NOT NULL,
            status INTEGER NOT NULL, count INTEGER NOT NULL, PRIMARY KEY(day, feed, format, family, kind, status)) WITHOUT ROWID;
        CREATE TABLE aggregators(day TEXT NOT NULL, feed TEXT NOT NULL, family TEXT NOT NULL, feed_id TEXT NOT NULL,
            subscribers INTEGER NOT NULL, absurd INTEGER NOT NULL, seen TEXT NOT NULL, PRIMARY KEY(day, feed, family, feed_id)) WITHOUT ROWID;
        CREATE TABLE visitors(day TEXT NOT NULL, feed TEXT NOT NULL, visitor BLOB NOT NULL, PRIMARY KEY(day, feed, visitor)) WITHOUT ROWID;
        CREATE TABLE salts(day TEXT PRIMARY KEY, salt BLOB NOT NULL);
        CREATE TABLE pulls(id INTEGER PRIMARY KEY, at TEXT NOT NULL, partner TEXT NOT NULL, feed TEXT NOT NULL, address TEXT NOT NULL,
            status INTEGER NOT NULL, new_items TEXT NOT NULL);
        CREATE INDEX pulls_by_partner ON pulls(partner, feed, at);
        CREATE TABLE partner_items(partner TEXT NOT NULL, feed TEXT NOT NULL, item TEXT NOT NULL, PRIMARY KEY(partner, feed, item)) WITHOUT ROWID;
        CREATE TABLE dropped(day TEXT PRIMARY KEY, count INTEGER NOT NULL);
        """,
    ];

    private readonly SqliteConnection _connection;

    private AudienceDatabase(SqliteConnection connection) => _connection = connection;

    public string Path { get; private init; } = "";

    /// <summary>Opens (making the file and its folder when missing) and migrates. Throws <see cref="SqliteException"/> when it cannot.</summary>
    public static AudienceDatabase Open(string path, bool readOnly = false)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (!readOnly)
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 2,
        }.ToString());
        try
        {
            connection.Open();
            if (!readOnly)
            {
                Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=2000;");
                Migrate(connection);
            }
            return new AudienceDatabase(connection) { Path = full };
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static void Migrate(SqliteConnection connection)
    {
        var version = Convert.ToInt32(Scalar(connection, "PRAGMA user_version"), CultureInfo.InvariantCulture);
        if (version > Migrations.Length)
            throw new InvalidOperationException($"the audience database is of a newer cxfeed (schema {version}, this one knows {Migrations.Length})");
        for (; version < Migrations.Length; version++)
        {
            using var transaction = connection.BeginTransaction();
            Execute(connection, Migrations[version], transaction);
            Execute(connection, $"PRAGMA user_version = {version + 1}", transaction);
            transaction.Commit();
        }
    }

    /// <summary>The salt of <paramref name="day"/>, made when first asked; the salts of every earlier day are deleted.</summary>
    public byte[] SaltOf(string day)
    {
        using var transaction = _connection.BeginTransaction();
        Execute(_connection, "DELETE FROM salts WHERE day < $day", transaction, ("$day", day));
        Execute(_connection, "INSERT OR IGNORE INTO salts(day, salt) VALUES($day, $salt)", transaction, ("$day", day), ("$salt", RandomNumberGenerator.GetBytes(32)));
        var salt = (byte[])Scalar(_connection, "SELECT salt FROM salts WHERE day = $day", transaction, ("$day", day))!;
        transaction.Commit();
        return salt;
    }

    /// <summary>Writes a batch in one transaction: all of it, or (on an error, thrown) none of it.</summary>
    public void Write(AudienceBatch batch)
    {
        using var transaction = _connection.BeginTransaction();
        foreach (var (key, count) in batch.Requests)
        {
            Execute(_connection, """
                INSERT INTO requests(day, feed, format, family, kind, status, count) VALUES($day, $feed, $format, $family, $kind, $status, $count)
                ON CONFLICT DO UPDATE SET count = count + excluded.count
                """, transaction,
                ("$day", key.Day), ("$feed", key.Feed), ("$format", key.Format), ("$family", key.Family), ("$kind", key.Kind.ToString().ToLowerInvariant()),
                ("$status", key.Status), ("$count", count));
        }
        foreach (var (key, count) in batch.Aggregators)
        {
            Execute(_connection, """
                INSERT INTO aggregators(day, feed, family, feed_id, subscribers, absurd, seen) VALUES($day, $feed, $family, $id, $subscribers, $absurd, $seen)
                ON CONFLICT DO UPDATE SET subscribers = excluded.subscribers, absurd = excluded.absurd, seen = excluded.seen WHERE excluded.seen >= seen
                """, transaction,
                ("$day", key.Day), ("$feed", key.Feed), ("$family", key.Family), ("$id", key.FeedId), ("$subscribers", count.Subscribers),
                ("$absurd", count.Absurd ? 1 : 0), ("$seen", count.Seen.ToString("O", CultureInfo.InvariantCulture)));
        }
        foreach (var visitor in batch.Visitors)
        {
            var key = new byte[16];
            System.Buffers.Binary.BinaryPrimitives.WriteUInt128BigEndian(key, visitor.Key);
            Execute(_connection, "INSERT OR IGNORE INTO visitors(day, feed, visitor) VALUES($day, $feed, $visitor)", transaction,
                ("$day", visitor.Day), ("$feed", visitor.Feed), ("$visitor", key));
        }
        foreach (var pull in batch.Pulls)
        {
            var fresh = new List<FeedItem>();
            foreach (var item in pull.Items)
            {
                if (Execute(_connection, "INSERT OR IGNORE INTO partner_items(partner, feed, item) VALUES($partner, $feed, $item)", transaction,
                        ("$partner", pull.Partner), ("$feed", pull.Feed), ("$item", item.Id)) == 1)
                    fresh.Add(item);
            }
            Execute(_connection, "INSERT INTO pulls(at, partner, feed, address, status, new_items) VALUES($at, $partner, $feed, $address, $status, $items)", transaction,
                ("$at", pull.At.ToString("O", CultureInfo.InvariantCulture)), ("$partner", pull.Partner), ("$feed", pull.Feed), ("$address", pull.Address),
                ("$status", pull.Status), ("$items", JsonSerializer.Serialize(fresh.Select(item => new[] { item.Id, item.Title }))));
        }
        if (batch.Dropped > 0)
        {
            Execute(_connection, "INSERT INTO dropped(day, count) VALUES($day, $count) ON CONFLICT DO UPDATE SET count = count + excluded.count", transaction,
                ("$day", DateTimeOffset.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("$count", batch.Dropped));
        }
        transaction.Commit();
    }

    /// <summary>Each feed's days from <paramref name="from"/> on (inclusive, yyyy-MM-dd): subscribers, requests, bots.</summary>
    public IReadOnlyList<AudienceDay> ReadDays(string from, string? feed = null)
    {
        var days = new Dictionary<(string Feed, string Day), AudienceDay>();
        AudienceDay Day(string f, string d) => days.TryGetValue((f, d), out var day) ? day : days[(f, d)] = new AudienceDay(f, d);
        Query("""
            SELECT feed, day, kind, status, SUM(count) FROM requests WHERE day >= $from AND ($feed IS NULL OR feed = $feed) GROUP BY feed, day, kind, status
            """, reader =>
            {
                var day = Day(reader.GetString(0), reader.GetString(1));
                var count = reader.GetInt64(4);
                day.Requests += count;
                if (reader.GetInt32(3) == 304)
                    day.NotModified += count;
                if (reader.GetString(2) == "bot")
                    day.Bots += count;
            }, ("$from", from), ("$feed", feed));
        Query("""
            SELECT feed, day, SUM(subscribers), MAX(absurd), COUNT(*) FROM aggregators WHERE day >= $from AND ($feed IS NULL OR feed = $feed) GROUP BY feed, day
            """, reader =>
            {
                var day = Day(reader.GetString(0), reader.GetString(1));
                day.AggregatorSubscribers = reader.GetInt64(2);
                day.Absurd = reader.GetInt64(3) != 0;
                day.Aggregators = reader.GetInt32(4);
            }, ("$from", from), ("$feed", feed));
        Query("""
            SELECT feed, day, COUNT(*) FROM visitors WHERE day >= $from AND ($feed IS NULL OR feed = $feed) GROUP BY feed, day
            """, reader => Day(reader.GetString(0), reader.GetString(1)).Readers = reader.GetInt64(2), ("$from", from), ("$feed", feed));
        return [.. days.Values.OrderBy(day => day.Feed, StringComparer.Ordinal).ThenBy(day => day.Day, StringComparer.Ordinal)];
    }

    /// <summary>Each aggregator's latest count per feed from <paramref name="from"/> on.</summary>
    public IReadOnlyList<AggregatorRow> ReadAggregators(string from, string? feed = null)
    {
        var rows = new List<AggregatorRow>();
        Query("""
            SELECT a.feed, a.family, a.feed_id, a.subscribers, a.absurd, a.day FROM aggregators a
            WHERE a.day = (SELECT MAX(day) FROM aggregators b WHERE b.feed = a.feed AND b.family = a.family AND b.feed_id = a.feed_id AND b.day >= $from)
              AND ($feed IS NULL OR a.feed = $feed)
            ORDER BY a.feed, a.subscribers DESC, a.family, a.feed_id
            """, reader => rows.Add(new AggregatorRow(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetInt64(4) != 0, reader.GetString(5))),
            ("$from", from), ("$feed", feed));
        return rows;
    }

    /// <summary>Partners' latest pulls, newest first.</summary>
    public IReadOnlyList<PullRow> ReadPulls(int limit, string? feed = null)
    {
        var rows = new List<PullRow>();
        Query("""
            SELECT at, partner, feed, address, status, new_items FROM pulls WHERE ($feed IS NULL OR feed = $feed) ORDER BY id DESC LIMIT $limit
            """, reader =>
            {
                var items = JsonSerializer.Deserialize<string[][]>(reader.GetString(5)) ?? [];
                rows.Add(new PullRow(DateTimeOffset.Parse(reader.GetString(0), CultureInfo.InvariantCulture), reader.GetString(1), reader.GetString(2),
                    reader.GetString(3), reader.GetInt32(4), [.. items.Select(item => new FeedItem(item[0], item[1]))]));
            }, ("$limit", limit), ("$feed", feed));
        return rows;
    }

    public long ReadDropped(string from) =>
        Convert.ToInt64(Scalar(_connection, "SELECT COALESCE(SUM(count), 0) FROM dropped WHERE day >= $from", null, ("$from", from)), CultureInfo.InvariantCulture);

    public void Dispose() => _connection.Dispose();

    /// <summary>Runs a query and calls <paramref name="row"/> for each row.</summary>
    private void Query(string sql, Action<SqliteDataReader> row, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(_connection, sql, null, parameters);
        using var reader = command.ExecuteReader();
        while (reader.Read())
            row(reader);
    }

    private static int Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, sql, transaction, parameters);
        return command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql, SqliteTransaction? transaction = null, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, sql, transaction, parameters);
        return command.ExecuteScalar();
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, SqliteTransaction? transaction, (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }
}

/// <summary>One feed's day: requests (all, 304s, bots'), and subscribers: the aggregators' latest counts plus distinct readers.</summary>
public sealed class AudienceDay(string feed, string day)
{
    public string Feed { get; } = feed;

    public string Day { get; } = day;

    public long Requests { get; set; }

    public long NotModified { get; set; }

    public long Bots { get; set; }

    public long AggregatorSubscribers { get; set; }

    public int Aggregators { get; set; }

    public long Readers { get; set; }

    /// <summary>An aggregator claimed more than <see cref="FetcherList.MaximumSubscribers"/>; its count was capped.</summary>
    public bool Absurd { get; set; }

    public long Subscribers => AggregatorSubscribers + Readers;
}

public sealed record AggregatorRow(string Feed, string Family, string FeedId, long Subscribers, bool Absurd, string Day);

public sealed record PullRow(DateTimeOffset At, string Partner, string Feed, string Address, int Status, IReadOnlyList<FeedItem> NewItems);
