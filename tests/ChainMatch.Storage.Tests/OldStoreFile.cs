using ChainMatch.Domain.Graph;
using ChainMatch.Storage.Seeds;
using ChainMatch.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace ChainMatch.Storage.Tests;

/// <summary>A store file an older release left: the mini seeds imported, then <c>rewind</c> (SQL dropping what later migrations add) run on it.</summary>
static class OldStoreFile
{
    /// <returns>The seeds the file holds.</returns>
    public static async Task<GraphData> WriteAsync(string path, string rewind)
    {
        var seeds = SeedReader.Read(SeedFolder.Fixture("mini-seeds"));
        using (var store = SqliteGraphStore.OpenFile(path))
        {
            await store.InitialiseAsync();
            await store.ImportAsync(seeds);
        }
        using var c = new SqliteConnection($"Data Source={path};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = rewind;
        cmd.ExecuteNonQuery();
        return seeds;
    }
}
