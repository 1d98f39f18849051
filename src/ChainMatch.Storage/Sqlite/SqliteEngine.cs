namespace ChainMatch.Storage.Sqlite;

/// <summary>The SQLite library this process runs on: the e_sqlite3 that SQLitePCLRaw's bundle ships, not the system's.</summary>
public static class SqliteEngine
{
    public static string Version { get; } = LoadVersion();

    static string LoadVersion()
    {
        SQLitePCL.Batteries_V2.Init();
        return SQLitePCL.raw.sqlite3_libversion().utf8_to_string();
    }
}
