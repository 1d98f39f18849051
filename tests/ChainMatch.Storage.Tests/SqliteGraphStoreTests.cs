using ChainMatch.Domain.Graph;
using ChainMatch.Storage.Sqlite;

namespace ChainMatch.Storage.Tests;

/// <summary>The store contract against the embedded SQLite file; it always runs.</summary>
public class SqliteGraphStoreTests : GraphStoreContract
{
    SeedFolder _dir = null!;

    protected override Task CreateEmptyStorageAsync()
    {
        _dir = SeedFolder.Empty();
        return Task.CompletedTask;
    }

    protected override IGraphStore Open() => SqliteGraphStore.OpenFile(Path.Combine(_dir.Path, "chainmatch.db"));

    [TearDown]
    public void DeleteFolder() => _dir.Dispose();

    [Test]
    public async Task AnInMemoryStoreHoldsTheSeedsUntilDisposed()
    {
        using var store = await GraphLoader.InMemoryFromSeedsAsync(SeedFolder.Fixture("mini-seeds"));
        var graph = await GraphLoader.ProjectAsync(store);
        Assert.That(graph.FindFirm(new FirmId("cell-co"))?.Name, Is.EqualTo("宁德电芯公司"));
    }
}
