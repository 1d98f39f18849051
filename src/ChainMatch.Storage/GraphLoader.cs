using ChainMatch.Domain.Graph;
using ChainMatch.Storage.Seeds;
using ChainMatch.Storage.Sqlite;

namespace ChainMatch.Storage;

/// <summary>Opens the store a caller asked for and projects it.</summary>
public static class GraphLoader
{
    /// <summary>A fresh in-memory store holding exactly the seed folder: for one-off runs and checks.</summary>
    public static async Task<SqliteGraphStore> InMemoryFromSeedsAsync(string seedFolder, CancellationToken ct = default)
    {
        var data = SeedReader.Read(seedFolder);
        var store = SqliteGraphStore.InMemory();
        try
        {
            await store.InitialiseAsync(ct);
            await store.ImportAsync(data, ct);
            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    public static async Task<ChainGraph> ProjectAsync(IGraphStore store, CancellationToken ct = default) =>
        ChainGraph.Build(await store.LoadAsync(ct));
}
