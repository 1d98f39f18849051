using System.Security.Cryptography;
using System.Text;
using ChainMatch.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace ChainMatch.Storage.Access;

/// <summary>An API key as listed: never the secret, which is shown once at creation and kept only as a hash.</summary>
public sealed record ApiKey(string Id, string Name, string Role, string Region, IReadOnlyList<string> Chains, DateTimeOffset Created, DateTimeOffset? Revoked);

/// <summary>One write as the audit log keeps it: who, when, what, and the values before and after (JSON).</summary>
public sealed record AuditEntry(long Seq, DateTimeOffset At, string Actor, string Action, string Target, string? Before, string? After);

public sealed record AuditQuery(string? Actor = null, string? Action = null, string? Target = null, DateTimeOffset? From = null, DateTimeOffset? To = null, int Limit = 1000);

/// <summary>
/// Who may call the service and what they changed: API keys (hashed) and the append-only audit log, in one SQLite file
/// beside the graph store (access.db). It is kept apart from the graph so that it is the same whichever graph store runs.
/// </summary>
public sealed class AccessStore
{
    const int SchemaVersion = 2;
    const string TokenPrefix = "cmk_";
    readonly string _connectionString;

    /// <summary>Keys and the append-only audit log: schema version 1, and the part of every later one a restore checks object by object.</summary>
    const string KeysAndAudit = """
        CREATE TABLE api_key (id TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL, region TEXT NOT NULL, chains TEXT NOT NULL,
            secret_sha256 BLOB NOT NULL, created TEXT NOT NULL, revoked TEXT);
        CREATE TABLE audit (seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
            target TEXT NOT NULL, before TEXT, after TEXT);
        CREATE INDEX audit_at ON audit(at);
        -- Append-only: the database itself refuses to change or remove a recorded entry.
        CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        """;

    /// <summary>Version 2: web UI sessions, so that signing out (or revoking the key) ends a session on the server.</summary>
    const string Sessions = """
        CREATE TABLE session (id TEXT PRIMARY KEY, key_id TEXT NOT NULL, created TEXT NOT NULL);
        """;

    static AccessStore() => SQLitePCL.Batteries_V2.Init();

    AccessStore(string path) =>
        // Pooled: the service checks a key on every request, and opening a SQLite file each time costs more than the check.
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();

    public string Path { get; private init; } = "";

    public static async Task<AccessStore> OpenAsync(string path, CancellationToken ct = default)
    {
        PrivateFiles.File(path);
        var store = new AccessStore(path) { Path = path };
        await store.InitialiseAsync(ct);
        return store;
    }

    async Task InitialiseAsync(CancellationToken ct)
    {
        await using var c = await ConnectAsync(ct);
        var version = Convert.ToInt32(await Scalar(c, "PRAGMA user_version", ct));
        if (version == SchemaVersion) return;
        if (version > SchemaVersion) throw new InvalidOperationException($"access store schema version {version} is newer than this build understands ({SchemaVersion})");
        await Execute(c, "PRAGMA journal_mode = WAL", ct);
        await Execute(c, $"""
            BEGIN;
            {(version < 1 ? KeysAndAudit : "")}
            {Sessions}
            PRAGMA user_version = {SchemaVersion};
            COMMIT;
            """, ct);
    }

    /// <summary>Opens a web UI session for a key; its id goes into the session cookie and is checked on every request.</summary>
    public async Task<string> StartSessionAsync(string keyId, DateTimeOffset now, CancellationToken ct = default)
    {
        var id = Base64Url(RandomNumberGenerator.GetBytes(32));
        await using var c = await ConnectAsync(ct);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "INSERT INTO session (id, key_id, created) VALUES ($id, $key, $created)";
        cmd.Parameters.AddWithValue("$id", id);
        cmd.Parameters.AddWithValue("$key", keyId);
        cmd.Parameters.AddWithValue("$created", now.ToString("O"));
        await cmd.ExecuteNonQueryAsync(ct);
        return id;
    }

    /// <summary>True while the session has not been ended and its key is not revoked.</summary>
    public async Task<bool> IsSessionActiveAsync(string sessionId, string keyId, CancellationToken ct = default)
    {
        await using var c = await ConnectAsync(ct);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM session s JOIN api_key k ON k.id = s.key_id WHERE s.id = $id AND s.key_id = $key AND k.revoked IS NULL";
        cmd.Parameters.AddWithValue("$id", sessionId);
        cmd.Parameters.AddWithValue("$key", keyId);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct)) == 1;
    }

    public async Task EndSessionAsync(string sessionId, CancellationToken ct = default)
    {
        await using var c = await ConnectAsync(ct);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "DELETE FROM session WHERE id = $id";
        cmd.Parameters.AddWithValue("$id", sessionId);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Creates a key and returns it with its token; the token is not stored and cannot be shown again.</summary>
    public async Task<(ApiKey Key, string Token)> CreateKeyAsync(string name, string role, string region, IReadOnlyList<string> chains, DateTimeOffset now, CancellationToken ct = default)
    {
        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant();
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var key = new ApiKey(id, name, role, region, chains, now, null);
        await using var c = await ConnectAsync(ct);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "INSERT INTO api_key (id, name, role, region, chains, secret_sha256, created) VALUES ($id, $name, $role, $region, $chains, $hash, $created)";
        cmd.Parameters.AddWithValue("$id", id);
        cmd.Parameters.AddWithValue("$name", name);
        cmd.Parameters.AddWithValue("$role", role);
        cmd.Parameters.AddWithValue("$region", region);
        cmd.Parameters.AddWithValue("$chains", string.Join(',', chains));
        cmd.Parameters.AddWithValue("$hash", Hash(secret));
        cmd.Parameters.AddWithValue("$created", now.ToString("O"));
        await cmd.ExecuteNonQueryAsync(ct);
        return (key, $"{TokenPrefix}{id}_{secret}");
    }

    public async Task<IReadOnlyList<ApiKey>> ListKeysAsync(CancellationToken ct = default)
    {
        await using var c = await ConnectAsync(ct);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT id, name, role, region, chains, created, revoked FROM api_key ORDER BY created, id";
        var keys = new List<ApiKey>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) keys.Add(ReadKey(r));
        return keys;
    }

    /// <returns>False when no such key exists; revoking a revoked key keeps its first revocation time.</returns>
    public async Task<bool> RevokeAsync(string id, DateTimeOffset now, CancellationToken ct = default)
    {
        await using var c = await ConnectAsync(ct);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "UPDATE api_key SET revoked = coalesce(revoked, $now) WHERE id = $id";
        cmd.Parameters.AddWithValue("$id", id);
        cmd.Parameters.AddWithValue("$now", now.ToString("O"));
        return await cmd.ExecuteNonQueryAsync(ct) == 1;
    }

    /// <summary>The live key a token belongs to, or null for a malformed, unknown, wrong or revoked token.</summary>
    public async Task<ApiKey?> FindActiveAsync(string token, CancellationToken ct = default)
    {
        if (!token.StartsWith(TokenPrefix, StringComparison.Ordinal)) return null;
        var parts = token[TokenPrefix.Length..].Split('_', 2);
        if (parts.Length != 2 || parts[0].Length != 12) return null;
        await using var c = await ConnectAsync(ct);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT id, name, role, region, chains, created, revoked, secret_sha256 FROM api_key WHERE id = $id";
        cmd.Parameters.AddWithValue("$id", parts[0]);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) return null;
        var key = ReadKey(r);
        // The secrets are 256 random bits, so one SHA-256 is as strong as a slow hash would be; the comparison is constant-time.
        var matches = CryptographicOperations.FixedTimeEquals((byte[])r["secret_sha256"], Hash(parts[1]));
        return matches && key.Revoked is null ? key : null;
    }

    public async Task<bool> IsActiveAsync(string id, CancellationToken ct = default)
    {
        await using var c = await ConnectAsync(ct);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM api_key WHERE id = $id AND revoked IS NULL";
        cmd.Parameters.AddWithValue("$id", id);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct)) == 1;
    }

    public async Task<bool> HasAnyKeyAsync(CancellationToken ct = default)
    {
        await using var c = await ConnectAsync(ct);
        return Convert.ToInt64(await Scalar(c, "SELECT count(*) FROM api_key", ct)) > 0;
    }

    public async Task AppendAsync(AuditEntry entry, CancellationToken ct = default)
    {
        await using var c = await ConnectAsync(ct);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "INSERT INTO audit (at, actor, action, target, before, after) VALUES ($at, $actor, $action, $target, $before, $after)";
        cmd.Parameters.AddWithValue("$at", entry.At.UtcDateTime.ToString("O"));
        cmd.Parameters.AddWithValue("$actor", entry.Actor);
        cmd.Parameters.AddWithValue("$action", entry.Action);
        cmd.Parameters.AddWithValue("$target", entry.Target);
        cmd.Parameters.AddWithValue("$before", (object?)entry.Before ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$after", (object?)entry.After ?? DBNull.Value);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Entries oldest first, filtered; actor, action and target match as substrings.</summary>
    public async Task<IReadOnlyList<AuditEntry>> QueryAuditAsync(AuditQuery q, CancellationToken ct = default)
    {
        await using var c = await ConnectAsync(ct);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = """
            SELECT seq, at, actor, action, target, before, after FROM audit
            WHERE ($actor IS NULL OR instr(actor, $actor) > 0) AND ($action IS NULL OR instr(action, $action) > 0)
              AND ($target IS NULL OR instr(target, $target) > 0) AND ($from IS NULL OR at >= $from) AND ($to IS NULL OR at < $to)
            ORDER BY seq LIMIT $limit
            """;
        cmd.Parameters.AddWithValue("$actor", (object?)q.Actor ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$action", (object?)q.Action ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$target", (object?)q.Target ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$from", (object?)q.From?.UtcDateTime.ToString("O") ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$to", (object?)q.To?.UtcDateTime.ToString("O") ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$limit", q.Limit);
        var entries = new List<AuditEntry>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            entries.Add(new AuditEntry(r.GetInt64(0), DateTimeOffset.Parse(r.GetString(1)), r.GetString(2), r.GetString(3), r.GetString(4),
                r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6)));
        return entries;
    }

    /// <summary>An online copy of keys and audit log into <paramref name="target"/>, replacing any file there only once complete.</summary>
    public async Task BackupAsync(string target, CancellationToken ct = default)
    {
        var partial = $"{target}.partial-{Guid.NewGuid():N}";
        try
        {
            PrivateFiles.File(partial);
            await using (var source = await ConnectAsync(ct))
            await using (var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString()))
            {
                await copy.OpenAsync(ct);
                source.BackupDatabase(copy);
                await Execute(copy, "PRAGMA journal_mode = DELETE", ct);
            }
            File.Move(partial, target, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    /// <summary>
    /// Replaces keys and audit log with a backup's, after checking it is an access store this build reads; for when
    /// access.db is lost. Keys revoked since the backup come back, so they are revoked again from the current file first
    /// when it can still be read, and the restore itself is appended to the restored log.
    /// </summary>
    public async Task RestoreAsync(string backup, string actor, DateTimeOffset now, CancellationToken ct = default)
    {
        var name = System.IO.Path.GetFileName(backup);
        if (!File.Exists(backup)) throw new InvalidDataException($"{name}: not found");
        IReadOnlyList<ApiKey> current;
        try
        {
            current = await ListKeysAsync(ct);
        }
        catch (SqliteException)
        {
            current = [];
        }
        await using (var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = backup, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
        {
            try
            {
                await source.OpenAsync(ct);
                var check = Convert.ToString(await Scalar(source, "PRAGMA quick_check", ct));
                if (check != "ok") throw new InvalidDataException($"{name}: damaged ({check})");
                var version = Convert.ToInt32(await Scalar(source, "PRAGMA user_version", ct));
                if (version is < 1 or > SchemaVersion)
                    throw new InvalidDataException($"{name}: not a ChainMatch access store of schema version 1 to {SchemaVersion} (it says {version})");
                if (await SchemaDifference(source, version, ct) is { } difference)
                    throw new InvalidDataException($"{name}: not a ChainMatch access store as this build creates it ({difference})");
                await using var target = await ConnectAsync(ct);
                source.BackupDatabase(target);
                await Execute(target, "PRAGMA journal_mode = WAL", ct);
            }
            catch (SqliteException e)
            {
                throw new InvalidDataException($"{name}: not a readable SQLite database ({e.Message})");
            }
        }
        await InitialiseAsync(ct);
        // Sessions are not carried over: everyone signs in again after a restore.
        await using (var c = await ConnectAsync(ct)) await Execute(c, "DELETE FROM session", ct);
        foreach (var key in current.Where(k => k.Revoked is not null)) await RevokeAsync(key.Id, now, ct);
        var revokedAgain = current.Count(k => k.Revoked is not null);
        await AppendAsync(new AuditEntry(0, now, actor, "restore access", "access", null,
            System.Text.Json.JsonSerializer.Serialize(new { from = name, revokedAgain })), ct);
    }

    /// <summary>
    /// How a backup's tables, indexes and triggers differ from those this build creates for its schema version, or null
    /// when they are the same: a planted file without the append-only triggers, or with a table of its own, is refused.
    /// </summary>
    static async Task<string?> SchemaDifference(SqliteConnection backup, int version, CancellationToken ct)
    {
        await using var reference = new SqliteConnection("Data Source=:memory:");
        await reference.OpenAsync(ct);
        await Execute(reference, version >= 2 ? KeysAndAudit + Sessions : KeysAndAudit, ct);
        var expected = await Objects(reference, ct);
        var actual = await Objects(backup, ct);
        var missing = expected.Where(e => !actual.TryGetValue(e.Key, out var sql) || sql != e.Value).Select(e => e.Key).ToList();
        var extra = actual.Keys.Except(expected.Keys).ToList();
        if (missing.Count == 0 && extra.Count == 0) return null;
        return string.Join("; ", new[]
        {
            missing.Count > 0 ? "missing or changed: " + string.Join(", ", missing) : null,
            extra.Count > 0 ? "unexpected: " + string.Join(", ", extra) : null,
        }.OfType<string>());
    }

    /// <summary>"type name" → its SQL with whitespace collapsed, SQLite's own objects left out.</summary>
    static async Task<Dictionary<string, string>> Objects(SqliteConnection c, CancellationToken ct)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT type, name, coalesce(sql, '') FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'";
        var objects = new Dictionary<string, string>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            objects[$"{r.GetString(0)} {r.GetString(1)}"] = string.Join(' ', r.GetString(2).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return objects;
    }

    static ApiKey ReadKey(SqliteDataReader r) => new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3),
        r.GetString(4).Split(',', StringSplitOptions.RemoveEmptyEntries), DateTimeOffset.Parse(r.GetString(5)),
        r.IsDBNull(6) ? null : DateTimeOffset.Parse(r.GetString(6)));

    static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    async Task<SqliteConnection> ConnectAsync(CancellationToken ct)
    {
        var c = new SqliteConnection(_connectionString);
        await c.OpenAsync(ct);
        // A CLI revoke and the service's reads may meet; wait briefly rather than fail.
        await Execute(c, "PRAGMA busy_timeout = 5000", ct);
        return c;
    }

    static Task Execute(SqliteConnection c, string sql, CancellationToken ct) => SqliteGraphStore.Execute(c, null, sql, ct);

    static Task<object?> Scalar(SqliteConnection c, string sql, CancellationToken ct) => SqliteGraphStore.Scalar(c, sql, ct);
}
