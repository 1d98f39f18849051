using ChainMatch.Domain.Graph;
using Microsoft.Data.Sqlite;

namespace ChainMatch.Storage.Sqlite;

/// <summary>
/// Backup and restore through SQLite's online backup API: a backup reads one consistent snapshot while other
/// connections go on writing, and a restore lands in the store as one write transaction, so a crash leaves the old store.
/// </summary>
public sealed partial class SqliteGraphStore
{
    /// <summary>Writes a self-contained copy of the store to <paramref name="target"/>, replacing any file there only once the copy is complete.</summary>
    public async Task BackupAsync(string target, CancellationToken ct = default)
    {
        target = Path.GetFullPath(target);
        PrivateFiles.Folder(Path.GetDirectoryName(target)!);
        var partial = $"{target}.partial-{Guid.NewGuid():N}";
        try
        {
            await using (var source = await OpenAsync(ct))
            await using (var copy = OpenPlain(partial))
            {
                source.BackupDatabase(copy);
                // A backup is one file: no -wal beside it to lose when it is copied elsewhere.
                Execute(copy, "PRAGMA journal_mode = DELETE");
            }
            File.Move(partial, target, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    /// <summary>
    /// Replaces the store's content with the backup in <paramref name="backup"/>. The backup is copied aside, checked
    /// (a SQLite file, intact, a ChainMatch store of a schema this build can open, a graph that projects) and migrated
    /// first; anything wrong throws <see cref="BackupFileException"/> and the store is not touched.
    /// Keys, sessions and the audit log stay as the store holds them, unless <paramref name="withAccess"/> takes the
    /// backup's (for a store that was lost): keys revoked since the backup are revoked again and sessions end. Either
    /// way the restore is appended to the log as <paramref name="actor"/>'s, and the store version rises, so that
    /// running service processes load the restored graph.
    /// </summary>
    public async Task RestoreAsync(string backup, string actor, DateTimeOffset now, bool withAccess = false, CancellationToken ct = default)
    {
        if (_keepAlive is not null) throw new InvalidOperationException("an in-memory store cannot be restored into");
        var name = Path.GetFileName(backup);
        if (!File.Exists(backup)) throw new BackupFileException($"{backup}: not found");
        var store = new SqliteConnectionStringBuilder(_connectionString).DataSource;
        var staged = $"{store}.restore-{Guid.NewGuid():N}";
        try
        {
            await using (var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = backup, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
            await using (var copy = OpenPlain(staged))
            {
                try
                {
                    await source.OpenAsync(ct);
                    source.BackupDatabase(copy);
                }
                catch (SqliteException e)
                {
                    throw Unreadable(name, e);
                }
                CheckIsStore(copy, name);
                if (withAccess && Convert.ToInt32(Scalar(copy, "PRAGMA user_version")) < AccessSchemaVersion)
                    throw new BackupFileException($"{name}: holds no keys or audit log (it was taken before they moved into the store file)");
            }
            using (var candidate = OpenFile(staged))
            {
                try
                {
                    await candidate.InitialiseAsync(ct);
                    await GraphLoader.ProjectAsync(candidate, ct);
                }
                catch (SqliteException e)
                {
                    throw new BackupFileException($"{name}: cannot be brought to schema version {SchemaVersion} ({SQLitePCL.raw.sqlite3_errstr(e.SqliteErrorCode).utf8_to_string()}: {e.Message})");
                }
                catch (GraphIntegrityException e)
                {
                    throw new BackupFileException($"{name}: its graph is inconsistent ({e.Message})");
                }
            }
            await using var staging = OpenPlain(staged);
            if (withAccess && AccessDifference(staging) is { } difference)
                throw new BackupFileException($"{name}: its keys and audit log are not as this build keeps them ({difference})");
            CarryOver(staging, store, name, actor, now, withAccess);
            await using var target = await OpenAsync(ct);
            // One write transaction on the store: readers see the old graph or the restored one, never a mixture.
            staging.BackupDatabase(target);
            Execute(target, "PRAGMA journal_mode = WAL");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var leftover in new[] { staged, staged + "-journal", staged + "-wal", staged + "-shm" }) File.Delete(leftover);
        }
    }

    /// <summary>In the staged copy: the current store's access records (or the backup's, brought up to date), the restore noted, the version raised.</summary>
    static void CarryOver(SqliteConnection staging, string store, string name, string actor, DateTimeOffset now, bool withAccess)
    {
        var current = File.Exists(store) && TryAttach(staging, store);
        var revokedAgain = 0;
        if (current)
        {
            Execute(staging, "UPDATE store_version SET n = max(n, (SELECT n FROM cur.store_version)) + 1");
            if (!withAccess)
            {
                Execute(staging, "DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete; " +
                    "DELETE FROM audit; DELETE FROM api_key; DELETE FROM session; DELETE FROM access_import; " +
                    "INSERT INTO audit SELECT * FROM cur.audit; INSERT INTO api_key SELECT * FROM cur.api_key; " +
                    "INSERT INTO session SELECT * FROM cur.session; INSERT INTO access_import SELECT * FROM cur.access_import; " +
                    SqliteAccessStore.AppendOnly);
            }
            else
            {
                revokedAgain = Convert.ToInt32(Scalar(staging,
                    "SELECT count(*) FROM api_key WHERE revoked IS NULL AND id IN (SELECT id FROM cur.api_key WHERE revoked IS NOT NULL)"));
                Execute(staging, "UPDATE api_key SET revoked = (SELECT k.revoked FROM cur.api_key k WHERE k.id = api_key.id) " +
                    "WHERE revoked IS NULL AND id IN (SELECT id FROM cur.api_key WHERE revoked IS NOT NULL)");
            }
            Execute(staging, "DETACH DATABASE cur");
        }
        else
        {
            Execute(staging, "UPDATE store_version SET n = n + 1");
        }
        // Sessions do not survive a restore of the access records: everyone signs in again.
        if (withAccess) Execute(staging, "DELETE FROM session");
        using var note = staging.CreateCommand();
        note.CommandText = "INSERT INTO audit (at, actor, action, target, after) VALUES ($at, $actor, $action, 'store', $after)";
        note.Parameters.AddWithValue("$at", now.UtcDateTime.ToString("O"));
        note.Parameters.AddWithValue("$actor", actor);
        note.Parameters.AddWithValue("$action", withAccess ? "restore access" : "restore");
        note.Parameters.AddWithValue("$after", System.Text.Json.JsonSerializer.Serialize(new { from = name, revokedAgain, keptCurrentAccess = current && !withAccess }));
        note.ExecuteNonQuery();
    }

    /// <summary>Attaches the current store as "cur" when it can be read and holds access records; false when it cannot (a lost or damaged file).</summary>
    static bool TryAttach(SqliteConnection staging, string store)
    {
        try
        {
            using var attach = staging.CreateCommand();
            attach.CommandText = "ATTACH DATABASE $path AS cur";
            attach.Parameters.AddWithValue("$path", store);
            attach.ExecuteNonQuery();
            if (Convert.ToString(Scalar(staging, "PRAGMA cur.quick_check")) == "ok"
                && Convert.ToInt64(Scalar(staging, "SELECT count(*) FROM cur.sqlite_master WHERE name IN ('api_key', 'store_version')")) == 2)
                return true;
            Execute(staging, "DETACH DATABASE cur");
            return false;
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    /// <summary>
    /// How the access tables, indexes and triggers of a migrated backup differ from those this build creates, or null:
    /// a planted file without the append-only triggers, or with an object of its own, is refused.
    /// </summary>
    static string? AccessDifference(SqliteConnection staged)
    {
        using var reference = new SqliteConnection("Data Source=:memory:");
        reference.Open();
        foreach (var migration in Migrations) Execute(reference, migration);
        var expected = Objects(reference);
        var actual = Objects(staged);
        string[] access = ["table api_key", "table audit", "index audit_at", "table session", "table access_import", "trigger audit_no_update", "trigger audit_no_delete"];
        var changed = access.Where(o => !actual.TryGetValue(o, out var sql) || sql != expected[o]).ToList();
        var extra = actual.Keys.Except(expected.Keys).ToList();
        if (changed.Count == 0 && extra.Count == 0) return null;
        return string.Join("; ", new[]
        {
            changed.Count > 0 ? "missing or changed: " + string.Join(", ", changed) : null,
            extra.Count > 0 ? "unexpected: " + string.Join(", ", extra) : null,
        }.OfType<string>());
    }

    /// <summary>"type name" → its SQL with whitespace collapsed, SQLite's own objects left out.</summary>
    static Dictionary<string, string> Objects(SqliteConnection c)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT type, name, coalesce(sql, '') FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'";
        var objects = new Dictionary<string, string>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
            objects[$"{r.GetString(0)} {r.GetString(1)}"] = string.Join(' ', r.GetString(2).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return objects;
    }

    static void CheckIsStore(SqliteConnection c, string name)
    {
        string check;
        try
        {
            check = Convert.ToString(Scalar(c, "PRAGMA quick_check"))!;
        }
        catch (SqliteException e)
        {
            throw Unreadable(name, e);
        }
        if (check != "ok") throw new BackupFileException($"{name}: damaged ({check})");
        var version = Convert.ToInt32(Scalar(c, "PRAGMA user_version"));
        if (version > SchemaVersion)
            throw new BackupFileException($"{name}: store schema version {version} is newer than this build understands ({SchemaVersion})");
        var tables = Convert.ToString(Scalar(c, "SELECT group_concat(name, ',') FROM sqlite_master WHERE type = 'table'")) ?? "";
        var missing = FirstSchemaTables.Except(tables.Split(',')).ToList();
        if (version < 1 || missing.Count > 0)
            throw new BackupFileException($"{name}: not a ChainMatch store ({(version < 1 ? "no schema version" : "no table " + string.Join(", ", missing))})");
    }

    static BackupFileException Unreadable(string name, SqliteException e) => e.SqliteErrorCode switch
    {
        SQLitePCL.raw.SQLITE_NOTADB => new($"{name}: not a SQLite database"),
        SQLitePCL.raw.SQLITE_CORRUPT => new($"{name}: damaged (the database disk image is malformed)"),
        _ => new($"{name}: cannot be read ({SQLitePCL.raw.sqlite3_errstr(e.SqliteErrorCode).utf8_to_string()})"),
    };

    /// <summary>The tables every schema version since the first has held.</summary>
    static readonly string[] FirstSchemaTables =
        ["chain", "segment", "chain_segment", "resource", "segment_need", "feeds", "region", "region_resource", "firm", "presence", "firm_list", "list_membership", "supply"];

    /// <summary>A connection without the store's pragmas, for the side files of backup and restore.</summary>
    static SqliteConnection OpenPlain(string path)
    {
        PrivateFiles.File(path);
        var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        c.Open();
        return c;
    }

    static void Execute(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    static object? Scalar(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }
}

/// <summary>A file offered for restore that is not a usable backup; the store was not touched.</summary>
public sealed class BackupFileException(string message) : Exception(message);
