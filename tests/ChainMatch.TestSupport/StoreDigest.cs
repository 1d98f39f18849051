using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace ChainMatch.TestSupport;

/// <summary>
/// Every table of an embedded store, row by row, as one digest: equal digests mean equal content. Rows are taken in
/// the order of their values, so the digest says nothing about how the file is laid out on disk.
/// </summary>
public static class StoreDigest
{
    static StoreDigest() => SQLitePCL.Batteries_V2.Init();

    /// <summary>The tables that are not the graph: keys, sessions, the audit log and the store version.</summary>
    public static readonly IReadOnlySet<string> AccessTables = new HashSet<string> { "api_key", "audit", "session", "access_import", "store_version", "sqlite_sequence" };

    /// <summary>The graph's tables only, leaving out <see cref="AccessTables"/>.</summary>
    public static string OfGraph(string path) => Of(path, AccessTables);

    /// <summary>"table:rows ..." for each table and the schema version, then a SHA-256 of every value.</summary>
    public static string Of(string path) => Of(path, new HashSet<string>());

    static string Of(string path, IReadOnlySet<string> leftOut)
    {
        using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        c.Open();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var counts = new StringBuilder($"v{Scalar(c, "PRAGMA user_version")}");
        foreach (var table in Tables(c).Where(t => !leftOut.Contains(t)))
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = $"SELECT * FROM \"{table}\"";
            using var reader = cmd.ExecuteReader();
            var rows = new List<string>();
            while (reader.Read())
                rows.Add(string.Join('\u001f', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "\u2400" : $"{reader.GetFieldType(i).Name}:{Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)}")));
            rows.Sort(StringComparer.Ordinal);
            sha.AppendData(Encoding.UTF8.GetBytes($"\u001d{table}\u001e{string.Join('\u001e', rows)}"));
            counts.Append($" {table}:{rows.Count}");
        }
        return $"{counts} {Convert.ToHexString(sha.GetHashAndReset())}";
    }

    static List<string> Tables(SqliteConnection c)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
        using var reader = cmd.ExecuteReader();
        var names = new List<string>();
        while (reader.Read()) names.Add(reader.GetString(0));
        return names;
    }

    static object? Scalar(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }
}
