using Microsoft.Data.Sqlite;

namespace ChainMatch.Storage.Sqlite;

/// <summary>
/// One prepared INSERT ... ON CONFLICT DO UPDATE per table whose update only fires when a value differs,
/// so the affected-row count is exactly the number of rows the import changed.
/// </summary>
sealed class Upsert : IDisposable
{
    readonly SqliteCommand _command;
    readonly SqliteParameter[] _parameters;

    public Upsert(SqliteConnection connection, SqliteTransaction tx, string table, string[] keys, string[] values)
    {
        var columns = keys.Concat(values).ToArray();
        var update = values.Length == 0
            ? "NOTHING"
            : $"UPDATE SET {string.Join(", ", values.Select(v => $"{v} = excluded.{v}"))} WHERE {string.Join(" OR ", values.Select(v => $"{v} IS NOT excluded.{v}"))}";
        _command = connection.CreateCommand();
        _command.Transaction = tx;
        _command.CommandText =
            $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))}) " +
            $"ON CONFLICT ({string.Join(", ", keys)}) DO {update}";
        _parameters = columns.Select((_, i) => _command.Parameters.Add(new SqliteParameter($"$p{i}", null))).ToArray();
    }

    public int Run(params object?[] row)
    {
        for (var i = 0; i < _parameters.Length; i++) _parameters[i].Value = row[i] ?? DBNull.Value;
        return _command.ExecuteNonQuery();
    }

    public void Dispose() => _command.Dispose();
}
