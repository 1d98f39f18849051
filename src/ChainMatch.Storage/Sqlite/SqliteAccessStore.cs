using System.Text.Json;
using ChainMatch.Storage.Access;
using Microsoft.Data.Sqlite;

namespace ChainMatch.Storage.Sqlite;

/// <summary>
/// Keys, sessions and the audit log in the embedded store's own file, in tables beside the graph's: every process
/// serving the file shares them, and a graph write appends its audit entry inside its own transaction.
/// </summary>
public sealed class SqliteAccessStore(SqliteGraphStore store, TimeProvider time) : IAccessStore
{
    /// <summary>Where keys and the audit log were kept before they moved into the store file.</summary>
    public const string LegacyFileName = "access.db";

    /// <summary>The access tables; part of the store's schema migrations (version 10).</summary>
    internal const string Schema = """
        CREATE TABLE api_key (id TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL, region TEXT NOT NULL, chains TEXT NOT NULL,
            secret_sha256 BLOB NOT NULL, created TEXT NOT NULL, revoked TEXT);
        CREATE TABLE audit (seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
            target TEXT NOT NULL, before TEXT, after TEXT);
        CREATE INDEX audit_at ON audit(at);
        CREATE TABLE session (id TEXT PRIMARY KEY, key_id TEXT NOT NULL, created TEXT NOT NULL);
        CREATE TABLE access_import (source TEXT PRIMARY KEY, at TEXT NOT NULL, keys INTEGER NOT NULL, entries INTEGER NOT NULL);
        """ + AppendOnly;

    /// <summary>The database itself refuses to change or remove a recorded entry.</summary>
    internal const string AppendOnly = NoUpdate + NoDelete;

    internal const string NoUpdate = """
        CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

        """;

    const string NoDelete = """
        CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

        """;

    /// <summary>Brings the store's schema up to date, then takes over an access.db beside the file, once.</summary>
    public async Task InitialiseAsync(CancellationToken ct = default)
    {
        await store.InitialiseAsync(ct);
        if (store.FilePath is { } file && Path.Combine(Path.GetDirectoryName(file)!, LegacyFileName) is var legacy && File.Exists(legacy))
            await ImportLegacyAsync(legacy, ct);
    }

    /// <summary>
    /// Copies keys, sessions and the audit log of the access.db an earlier version kept beside the store, in one
    /// transaction, and notes that it did: the file is read once and then left alone (it can be deleted).
    /// </summary>
    async Task ImportLegacyAsync(string legacy, CancellationToken ct)
    {
        // Not pooled: the attached file must not stay attached to a connection that goes back to a pool.
        await using var c = await store.OpenAsync(ct);
        if (Convert.ToInt64(await SqliteGraphStore.Scalar(c, $"SELECT count(*) FROM access_import WHERE source = '{LegacyFileName}'", ct)) > 0) return;
        await using (var attach = c.CreateCommand())
        {
            attach.CommandText = "ATTACH DATABASE $path AS legacy";
            attach.Parameters.AddWithValue("$path", legacy);
            await attach.ExecuteNonQueryAsync(ct);
        }
        var version = Convert.ToInt32(await SqliteGraphStore.Scalar(c, "PRAGMA legacy.user_version", ct));
        if (version is < 1 or > 2) throw new InvalidDataException($"{legacy}: not a ChainMatch access store of schema version 1 or 2 (it says {version})");
        await using var tx = (SqliteTransaction)await c.BeginTransactionAsync(ct);
        var keys = await Count(c, tx, "INSERT INTO api_key SELECT id, name, role, region, chains, secret_sha256, created, revoked FROM legacy.api_key WHERE id NOT IN (SELECT id FROM api_key)", ct);
        // Oldest first, so the entries keep their order (and, in a store with no entries yet, their numbers).
        var entries = await Count(c, tx, "INSERT INTO audit (at, actor, action, target, before, after) SELECT at, actor, action, target, before, after FROM legacy.audit ORDER BY seq", ct);
        if (version >= 2) await Count(c, tx, "INSERT OR IGNORE INTO session SELECT id, key_id, created FROM legacy.session", ct);
        var now = time.GetUtcNow();
        await using (var note = c.CreateCommand())
        {
            note.Transaction = tx;
            note.CommandText = "INSERT INTO access_import VALUES ($source, $at, $keys, $entries)";
            note.Parameters.AddWithValue("$source", LegacyFileName);
            note.Parameters.AddWithValue("$at", now.ToString("O"));
            note.Parameters.AddWithValue("$keys", keys);
            note.Parameters.AddWithValue("$entries", entries);
            await note.ExecuteNonQueryAsync(ct);
        }
        await AppendAsync(c, tx, new AuditEntry(0, now, "system", "import access", "access", null,
            JsonSerializer.Serialize(new { from = legacy, keys, entries })), ct);
        await tx.CommitAsync(ct);
        await SqliteGraphStore.Execute(c, null, "DETACH DATABASE legacy", ct);
    }

    static async Task<int> Count(SqliteConnection c, SqliteTransaction tx, string sql, CancellationToken ct)
    {
        await using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task<(ApiKey Key, string Token)> CreateKeyAsync(string name, string role, string region, IReadOnlyList<string> chains, DateTimeOffset now, CancellationToken ct = default)
    {
        var (id, secret, token) = ApiKeyTokens.New();
        await using var c = await store.OpenPooledAsync(ct);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "INSERT INTO api_key (id, name, role, region, chains, secret_sha256, created) VALUES ($id, $name, $role, $region, $chains, $hash, $created)";
        cmd.Parameters.AddWithValue("$id", id);
        cmd.Parameters.AddWithValue("$name", name);
        cmd.Parameters.AddWithValue("$role", role);
        cmd.Parameters.AddWithValue("$region", region);
        cmd.Parameters.AddWithValue("$chains", string.Join(',', chains));
        cmd.Parameters.AddWithValue("$hash", ApiKeyTokens.Hash(secret));
        cmd.Parameters.AddWithValue("$created", now.ToString("O"));
        await cmd.ExecuteNonQueryAsync(ct);
        return (new ApiKey(id, name, role, region, chains, now, null), token);
    }

    public async Task<IReadOnlyList<ApiKey>> ListKeysAsync(CancellationToken ct = default)
    {
        await using var c = await store.OpenPooledAsync(ct);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT id, name, role, region, chains, created, revoked FROM api_key ORDER BY created, id";
        var keys = new List<ApiKey>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) keys.Add(ReadKey(r));
        return keys;
    }

    public async Task<bool> RevokeAsync(string id, DateTimeOffset now, CancellationToken ct = default)
    {
        await using var c = await store.OpenPooledAsync(ct);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "UPDATE api_key SET revoked = coalesce(revoked, $now) WHERE id = $id";
        cmd.Parameters.AddWithValue("$id", id);
        cmd.Parameters.AddWithValue("$now", now.ToString("O"));
        return await cmd.ExecuteNonQueryAsync(ct) == 1;
    }

    public async Task<ApiKey?> FindActiveAsync(string token, CancellationToken ct = default)
    {
        if (ApiKeyTokens.Parse(token) is not var (id, secret)) return null;
        await using var c = await store.OpenPooledAsync(ct);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT id, name, role, region, chains, created, revoked, secret_sha256 FROM api_key WHERE id = $id";
        cmd.Parameters.AddWithValue("$id", id);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) return null;
        var key = ReadKey(r);
        return ApiKeyTokens.Matches((byte[])r["secret_sha256"], secret) && key.Revoked is null ? key : null;
    }

    public async Task<bool> HasAnyKeyAsync(CancellationToken ct = default)
    {
        await using var c = await store.OpenPooledAsync(ct);
        return Convert.ToInt64(await SqliteGraphStore.Scalar(c, "SELECT count(*) FROM api_key", ct)) > 0;
    }

    public async Task<string> StartSessionAsync(string keyId, DateTimeOffset now, CancellationToken ct = default)
    {
        var id = ApiKeyTokens.NewSessionId();
        await using var c = await store.OpenPooledAsync(ct);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "INSERT INTO session (id, key_id, created) VALUES ($id, $key, $created)";
        cmd.Parameters.AddWithValue("$id", id);
        cmd.Parameters.AddWithValue("$key", keyId);
        cmd.Parameters.AddWithValue("$created", now.ToString("O"));
        await cmd.ExecuteNonQueryAsync(ct);
        return id;
    }

    public async Task<bool> IsSessionActiveAsync(string sessionId, string keyId, CancellationToken ct = default)
    {
        await using var c = await store.OpenPooledAsync(ct);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM session s JOIN api_key k ON k.id = s.key_id WHERE s.id = $id AND s.key_id = $key AND k.revoked IS NULL";
        cmd.Parameters.AddWithValue("$id", sessionId);
        cmd.Parameters.AddWithValue("$key", keyId);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct)) == 1;
    }

    public async Task EndSessionAsync(string sessionId, DateTimeOffset now, CancellationToken ct = default)
    {
        await using var c = await store.OpenPooledAsync(ct);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "DELETE FROM session WHERE id = $id";
        cmd.Parameters.AddWithValue("$id", sessionId);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task AppendAsync(AuditEntry entry, CancellationToken ct = default)
    {
        await using var c = await store.OpenPooledAsync(ct);
        await AppendAsync(c, null, entry, ct);
    }

    /// <summary>Appends inside the caller's transaction: a graph import's entry commits or rolls back with it.</summary>
    internal static async Task AppendAsync(SqliteConnection c, SqliteTransaction? tx, AuditEntry entry, CancellationToken ct)
    {
        await using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "INSERT INTO audit (at, actor, action, target, before, after) VALUES ($at, $actor, $action, $target, $before, $after)";
        cmd.Parameters.AddWithValue("$at", entry.At.UtcDateTime.ToString("O"));
        cmd.Parameters.AddWithValue("$actor", entry.Actor);
        cmd.Parameters.AddWithValue("$action", entry.Action);
        cmd.Parameters.AddWithValue("$target", entry.Target);
        cmd.Parameters.AddWithValue("$before", (object?)entry.Before ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$after", (object?)entry.After ?? DBNull.Value);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task<IReadOnlyList<AuditEntry>> QueryAuditAsync(AuditQuery q, CancellationToken ct = default)
    {
        await using var c = await store.OpenPooledAsync(ct);
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

    static ApiKey ReadKey(SqliteDataReader r) => new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3),
        r.GetString(4).Split(',', StringSplitOptions.RemoveEmptyEntries), DateTimeOffset.Parse(r.GetString(5)),
        r.IsDBNull(6) ? null : DateTimeOffset.Parse(r.GetString(6)));
}
