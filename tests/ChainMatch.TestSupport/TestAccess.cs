using ChainMatch.Storage.Access;
using ChainMatch.Storage.Sqlite;

namespace ChainMatch.TestSupport;

/// <summary>The keys, sessions and audit log of an embedded store, opened as the CLI or another service process would.</summary>
public static class TestAccess
{
    /// <summary>The access records of <c>chainmatch.db</c> in <paramref name="dataDirectory"/> (created, with its schema, when missing).</summary>
    public static async Task<IAccessStore> OpenAsync(string dataDirectory)
    {
        var access = new SqliteAccessStore(SqliteGraphStore.OpenFile(Path.Combine(dataDirectory, "chainmatch.db")), TimeProvider.System);
        await access.InitialiseAsync();
        return access;
    }

    /// <summary>A new key's token, as `chainmatch keys create` makes it.</summary>
    public static async Task<string> CreateKeyAsync(string dataDirectory, string name, string role, string region, params string[] chains) =>
        (await (await OpenAsync(dataDirectory)).CreateKeyAsync(name, role, region, chains, DateTimeOffset.UtcNow)).Token;
}
