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
    /// </summary>
    public async Task RestoreAsync(string backup, CancellationToken ct = default)
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
