using System.Collections.Immutable;
using ChainMatch.Domain.Graph;
using ChainMatch.Storage.Access;
using Microsoft.Data.Sqlite;

namespace ChainMatch.Storage.Sqlite;

/// <summary>The embedded store: one SQLite file (WAL), or a private in-memory database for one-off runs.</summary>
public sealed partial class SqliteGraphStore : IGraphStore, IDisposable
{
    const int SchemaVersion = 14;
    /// <summary>The first schema version whose file holds keys, sessions and the audit log.</summary>
    const int AccessSchemaVersion = 10;
    /// <summary>
    /// How often a removal's checkpoint is tried, each waiting this long for readers to leave the write-ahead log, before
    /// the write returns with the log not emptied (a second or two: a request waits on it).
    /// </summary>
    const int LogEmptyingTries = 4;
    static readonly TimeSpan LogEmptyingWait = TimeSpan.FromMilliseconds(300);
    readonly string _connectionString;
    readonly string _pooledConnectionString;
    // An in-memory database lives as long as one connection to it stays open.
    readonly SqliteConnection? _keepAlive;
    // Set while a removal's old pages may still be in the write-ahead log: the next write tries to empty it again.
    volatile bool _logToEmpty;

    static SqliteGraphStore() => SQLitePCL.Batteries_V2.Init();

    SqliteGraphStore(string connectionString, bool keepAlive)
    {
        _connectionString = connectionString;
        _pooledConnectionString = keepAlive ? connectionString : new SqliteConnectionStringBuilder(connectionString) { Pooling = true }.ToString();
        if (keepAlive)
        {
            _keepAlive = new SqliteConnection(connectionString);
            _keepAlive.Open();
        }
    }

    public static SqliteGraphStore OpenFile(string path)
    {
        PrivateFiles.File(path);
        return new SqliteGraphStore(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString(), keepAlive: false);
    }

    public static SqliteGraphStore InMemory() =>
        new($"Data Source=chainmatch-{Guid.NewGuid():N};Mode=Memory;Cache=Shared;Pooling=False", keepAlive: true);

    public async Task InitialiseAsync(CancellationToken ct = default)
    {
        await using var c = await OpenAsync(ct);
        var version = Convert.ToInt32(await Scalar(c, "PRAGMA user_version", ct));
        if (version == SchemaVersion) return;
        if (version > SchemaVersion) throw new InvalidOperationException($"store schema version {version} is newer than this build understands ({SchemaVersion})");
        if (version == 0 && _keepAlive is null) await Execute(c, null, "PRAGMA journal_mode = WAL", ct);
        // A migration may take personal data out of the file (the audit's contacts): its bytes are overwritten, not freed.
        await Execute(c, null, "PRAGMA secure_delete = ON", ct);
        await using (var tx = (SqliteTransaction)await c.BeginTransactionAsync(ct))
        {
            for (var v = version; v < SchemaVersion; v++) await Execute(c, tx, Migrations[v], ct);
            await Execute(c, tx, $"PRAGMA user_version = {SchemaVersion}", ct);
            await tx.CommitAsync(ct);
        }
        if (_keepAlive is null) await EmptyLogAsync(c, ct);
    }

    /// <summary>Migration i takes the schema from version i to i + 1; a store of any older version is brought up to date at start.</summary>
    static readonly string[] Migrations =
    [
        SchemaScript(),
        // Reading one firm's sites (firm pages, per-candidate reads) must not scan every presence.
        "CREATE INDEX IF NOT EXISTS presence_firm ON presence(firm);",
        // Firm matching for list and project imports; revenue as 500 lists publish it.
        "ALTER TABLE firm ADD COLUMN uscc TEXT; ALTER TABLE firm ADD COLUMN aliases TEXT; ALTER TABLE list_membership ADD COLUMN revenue REAL;",
        // The negative list (负面清单).
        "CREATE TABLE negative_rule (id TEXT PRIMARY KEY, firm TEXT REFERENCES firm(id), segment TEXT REFERENCES segment(id), " +
        "region TEXT REFERENCES region(code), reason TEXT NOT NULL, publisher TEXT, ref TEXT, estimate INTEGER NOT NULL);",
        // The project library: a project and its stage history, one row per step, never overwritten.
        "CREATE TABLE project (id TEXT PRIMARY KEY, firm TEXT NOT NULL REFERENCES firm(id), segment TEXT NOT NULL REFERENCES segment(id), " +
        "region TEXT NOT NULL REFERENCES region(code), owner TEXT NOT NULL, publisher TEXT, ref TEXT, estimate INTEGER NOT NULL); " +
        "CREATE TABLE project_stage (project TEXT NOT NULL REFERENCES project(id), seq INTEGER NOT NULL, stage TEXT NOT NULL, date TEXT NOT NULL, " +
        "agreed REAL, funds REAL, note TEXT, PRIMARY KEY (project, seq));",
        // Problems raised by landed projects, kept with their project as JSON: few per project and always read together.
        "ALTER TABLE project ADD COLUMN problems TEXT;",
        // Constraint layers: what one unit of a segment's output takes of a resource, and the limits regions declare.
        "CREATE TABLE segment_intensity (segment TEXT NOT NULL REFERENCES segment(id), resource TEXT NOT NULL REFERENCES resource(id), " +
        "amount REAL NOT NULL, input_unit TEXT NOT NULL, output_unit TEXT NOT NULL, publisher TEXT, ref TEXT, estimate INTEGER NOT NULL, PRIMARY KEY (segment, resource)); " +
        "CREATE TABLE region_constraint (region TEXT NOT NULL REFERENCES region(code), kind TEXT NOT NULL, resource TEXT NOT NULL REFERENCES resource(id), " +
        "year INTEGER NOT NULL, amount REAL NOT NULL, unit TEXT NOT NULL, years INTEGER, publisher TEXT, ref TEXT, estimate INTEGER NOT NULL, " +
        "PRIMARY KEY (region, kind, resource, year));",
        // Where a region's government sits (decimal degrees), for the distance from a firm's headquarters to a gap.
        "ALTER TABLE region ADD COLUMN latitude REAL; ALTER TABLE region ADD COLUMN longitude REAL;",
        // Groups (a firm's parent, without a foreign key: a seed may name the parent after the firm) and a list's industry label.
        "ALTER TABLE firm ADD COLUMN parent TEXT; ALTER TABLE firm ADD COLUMN parent_share REAL; ALTER TABLE firm ADD COLUMN parent_publisher TEXT; " +
        "ALTER TABLE firm ADD COLUMN parent_ref TEXT; ALTER TABLE firm ADD COLUMN parent_estimate INTEGER; ALTER TABLE list_membership ADD COLUMN industry TEXT; " +
        "CREATE TABLE industry_segment (id TEXT PRIMARY KEY, industry TEXT NOT NULL, segment TEXT REFERENCES segment(id), weight REAL NOT NULL, reason TEXT NOT NULL);",
        // Several service processes over one file: the version every write raises, and keys, sessions and the audit log
        // (until then in access.db beside the file, which SqliteAccessStore takes over once).
        "CREATE TABLE store_version (id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL); INSERT INTO store_version VALUES (1, 0); " +
        SqliteAccessStore.Schema,
        // The key-project library's reviews and the supervised steps' due dates, beside the project as JSON like its problems;
        // every saved version of a chain plan (一链一策), never overwritten.
        "ALTER TABLE project ADD COLUMN key_reviews TEXT; ALTER TABLE project ADD COLUMN due_dates TEXT; " +
        "CREATE TABLE chain_plan (id TEXT PRIMARY KEY, chain TEXT NOT NULL REFERENCES chain(id), region TEXT NOT NULL REFERENCES region(code), " +
        "version INTEGER NOT NULL, priorities TEXT, responsible_units TEXT, yearly_targets TEXT, author TEXT NOT NULL, saved_at TEXT NOT NULL);",
        // The 客商库: contacts at firms (personal data), interactions with firms and promotion events, scoped by region like projects.
        ContactsSchema.Script,
        ContactsSchema.RemovedColumn,
        ContactsSchema.AuditWithoutPersonalData,
    ];

    public async Task<bool> IsEmptyAsync(CancellationToken ct = default)
    {
        await using var c = await OpenAsync(ct);
        return Convert.ToInt64(await Scalar(c, "SELECT count(*) FROM chain", ct)) == 0;
    }

    /// <summary>The whole graph in one read transaction: another process's write lands wholly before or after it.</summary>
    public async Task<GraphData> LoadAsync(CancellationToken ct = default)
    {
        await using var c = await OpenAsync(ct);
        await using var tx = c.BeginTransaction(deferred: true);
        return SqliteGraphReader.Read(c, tx);
    }

    public async Task<long> ReadVersionAsync(CancellationToken ct = default)
    {
        await using var c = await OpenAsync(ct);
        return Convert.ToInt64(await Scalar(c, "SELECT n FROM store_version", ct));
    }

    public Task<ImportReport> ImportAsync(GraphData data, BeforeCommit? beforeCommit, CancellationToken ct = default) =>
        InTransactionAsync(data, (c, tx, report) =>
        {
            // The merged graph must still project: a dangling reference aborts the whole import.
            var merged = ChainGraph.Build(SqliteGraphReader.Read(c, tx));
            return beforeCommit?.Invoke(merged, report);
        }, ct);

    public Task<ImportReport> WriteAsync(GraphData rows, WriteCommit? beforeCommit, CancellationToken ct = default) =>
        InTransactionAsync(rows, (_, _, report) => beforeCommit?.Invoke(report), ct);

    /// <summary>
    /// Every write of the graph in one transaction: the store version raised, its rows, then <paramref name="beforeCommit"/>
    /// and the audit entry it returns.
    /// </summary>
    async Task<ImportReport> InTransactionAsync(GraphData rows, Func<SqliteConnection, SqliteTransaction, ImportReport, AuditEntry?> beforeCommit, CancellationToken ct)
    {
        await using var c = await OpenAsync(ct);
        // A contact removed when consent was withdrawn: the space its personal data took is overwritten with zeros, not freed.
        var erases = rows.Contacts.Any(x => x.IsRemoved);
        if (erases) await Execute(c, null, "PRAGMA secure_delete = ON", ct);
        await using var tx = (SqliteTransaction)await c.BeginTransactionAsync(ct);
        // First, so the transaction takes the write lock at once (a second process waits here rather than failing to
        // upgrade a read), and so every process serving this file sees that the graph changed.
        var version = Convert.ToInt64(await Scalar(c, tx, "UPDATE store_version SET n = n + 1 RETURNING n", ct));
        var report = new ImportReport(SqliteGraphWriter.Write(c, tx, rows)) { Version = version };
        if (beforeCommit(c, tx, report) is { } entry) await SqliteAccessStore.AppendAsync(c, tx, entry, ct);
        await tx.CommitAsync(ct);
        // The write-ahead log still holds the pages as they were before: copied back and emptied, once no reader holds them.
        // Committed now, so neither a request given up (the token) nor a failed try may skip that or report the write failed:
        // the next write tries again until a try succeeds.
        if (erases) _logToEmpty = true;
        if (_logToEmpty && _keepAlive is null) return report with { LogKept = !await EmptyLogAsync(c, CancellationToken.None) };
        return report;
    }

    /// <summary>
    /// Copies the write-ahead log into the file and truncates it; a reader still on the log blocks that (the checkpoint
    /// says busy), so it is tried again a few times. False when the log could not be emptied: the next write tries again.
    /// </summary>
    async Task<bool> EmptyLogAsync(SqliteConnection c, CancellationToken ct)
    {
        // Set first, so that a try that throws leaves the log to the next write too.
        _logToEmpty = true;
        await Execute(c, null, $"PRAGMA busy_timeout = {(int)LogEmptyingWait.TotalMilliseconds}", ct);
        for (var attempt = 1; attempt <= LogEmptyingTries; attempt++)
        {
            if (attempt > 1) await Task.Delay(LogEmptyingWait, ct);
            await using var cmd = c.CreateCommand();
            cmd.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            await using var result = await cmd.ExecuteReaderAsync(ct);
            // One row: busy (1 when a reader or writer blocked it), frames in the log, frames copied back.
            if (await result.ReadAsync(ct) && result.GetInt64(0) == 0)
            {
                _logToEmpty = false;
                return true;
            }
        }
        return false;
    }

    /// <summary>The store file's path; null for an in-memory store.</summary>
    internal string? FilePath => _keepAlive is null ? new SqliteConnectionStringBuilder(_connectionString).DataSource : null;

    public void Dispose() => _keepAlive?.Dispose();

    /// <summary>
    /// A connection from a pool, for the access store: it checks a key on every request, and opening a SQLite file each
    /// time costs more than the check (see docs/performance.md). An in-memory store has one connection string either way.
    /// </summary>
    internal Task<SqliteConnection> OpenPooledAsync(CancellationToken ct) => OpenAsync(_pooledConnectionString, ct);

    internal Task<SqliteConnection> OpenAsync(CancellationToken ct) => OpenAsync(_connectionString, ct);

    static async Task<SqliteConnection> OpenAsync(string connectionString, CancellationToken ct)
    {
        var c = new SqliteConnection(connectionString);
        await c.OpenAsync(ct);
        await Execute(c, null, "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;", ct);
        return c;
    }

    /// <summary>One statement (or script) without results.</summary>
    internal static async Task Execute(SqliteConnection c, SqliteTransaction? tx, string sql, CancellationToken ct)
    {
        await using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(ct);
    }

    internal static Task<object?> Scalar(SqliteConnection c, string sql, CancellationToken ct) => Scalar(c, null, sql, ct);

    internal static async Task<object?> Scalar(SqliteConnection c, SqliteTransaction? tx, string sql, CancellationToken ct)
    {
        await using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return await cmd.ExecuteScalarAsync(ct);
    }

    static string SchemaScript()
    {
        using var stream = typeof(SqliteGraphStore).Assembly.GetManifestResourceStream("ChainMatch.Storage.Schema.sql")!;
        return new StreamReader(stream).ReadToEnd();
    }
}
