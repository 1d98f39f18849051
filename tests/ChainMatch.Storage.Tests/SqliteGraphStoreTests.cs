using System.Text.Json;
using ChainMatch.Domain.Graph;
using ChainMatch.Storage.Seeds;
using ChainMatch.Storage.Sqlite;

namespace ChainMatch.Storage.Tests;

public class SqliteGraphStoreTests
{
    SeedFolder _dir = null!;
    GraphData _seeds = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = SeedFolder.Empty();
        _seeds = SeedReader.Read(SeedFolder.Fixture("mini-seeds"));
    }

    [TearDown]
    public void TearDown() => _dir.Dispose();

    async Task<SqliteGraphStore> OpenAsync()
    {
        var store = SqliteGraphStore.OpenFile(Path.Combine(_dir.Path, "chainmatch.db"));
        await store.InitialiseAsync();
        return store;
    }

    static string Json(GraphData d) => JsonSerializer.Serialize(d);

    [Test]
    public async Task EveryRecordComesBackAsItWasImported()
    {
        using var store = await OpenAsync();
        await store.ImportAsync(_seeds);
        Assert.That(Json(await store.LoadAsync()), Is.EqualTo(Json(_seeds)));
    }

    [Test]
    public async Task TheGraphOutlivesTheProcessThatWroteIt()
    {
        using (var store = await OpenAsync()) await store.ImportAsync(_seeds);
        using var reopened = await OpenAsync();
        Assert.That(await reopened.IsEmptyAsync(), Is.False);
        Assert.That(Json(await reopened.LoadAsync()), Is.EqualTo(Json(_seeds)));
    }

    [Test]
    public async Task ImportingTheSameSeedsTwiceChangesNothing()
    {
        using var store = await OpenAsync();
        var first = await store.ImportAsync(_seeds);
        var second = await store.ImportAsync(_seeds);
        Assert.That(first.Total, Is.GreaterThan(0));
        Assert.That(second.Total, Is.Zero);
        Assert.That(Json(await store.LoadAsync()), Is.EqualTo(Json(_seeds)));
    }

    [Test]
    public async Task AChangedCapacityIsOneRowWritten()
    {
        using var store = await OpenAsync();
        await store.ImportAsync(_seeds);
        var changed = _seeds with
        {
            Presences = [.. _seeds.Presences.Select(p => p.Firm.Value == "smelter-co" ? p with { Capacity = new Quantity(500_000, "t/yr") } : p)],
        };
        var report = await store.ImportAsync(changed);
        Assert.That(report.Total, Is.EqualTo(1));
        Assert.That(report.Written["presence"], Is.EqualTo(1));
    }

    [Test]
    public async Task ASegmentDroppedFromAChainFileLeavesThatChain()
    {
        using var store = await OpenAsync();
        await store.ImportAsync(_seeds);
        var battery = _seeds.Chains.Single(c => c.Id.Value == "battery");
        var trimmed = _seeds with { Chains = [.. _seeds.Chains.Select(c => c == battery ? c with { Segments = [new SegmentId("cell")] } : c)] };
        await store.ImportAsync(trimmed);
        var loaded = await store.LoadAsync();
        Assert.That(loaded.Chains.Single(c => c.Id.Value == "battery").Segments, Is.EqualTo(new[] { new SegmentId("cell") }));
    }

    [Test]
    public async Task AnImportThatWouldBreakTheGraphLeavesTheStoreAsItWas()
    {
        using var store = await OpenAsync();
        await store.ImportAsync(_seeds);
        var before = Json(await store.LoadAsync());
        // New firms first (they would be written), then a presence in a segment nobody defined.
        var broken = _seeds with
        {
            Firms = _seeds.Firms.Add(new Firm(new FirmId("newcomer"), "新公司", null, null, null, Provenance.None)),
            Presences = _seeds.Presences.Add(new Presence(new FirmId("newcomer"), new SegmentId("ghost"), new RegionCode("530181"), null, 2024, null, null, Provenance.None)),
        };
        Assert.That(async () => await store.ImportAsync(broken), Throws.Exception);
        Assert.That(Json(await store.LoadAsync()), Is.EqualTo(before));
    }

    [Test]
    public async Task AFreshStoreIsEmptyAndLoadsAnEmptyGraph()
    {
        using var store = await OpenAsync();
        Assert.That(await store.IsEmptyAsync(), Is.True);
        Assert.That(Json(await store.LoadAsync()), Is.EqualTo(Json(GraphData.Empty)));
    }

    [Test]
    public async Task AnInMemoryStoreHoldsTheSeedsUntilDisposed()
    {
        using var store = await GraphLoader.InMemoryFromSeedsAsync(SeedFolder.Fixture("mini-seeds"));
        var graph = await GraphLoader.ProjectAsync(store);
        Assert.That(graph.FindFirm(new FirmId("cell-co"))?.Name, Is.EqualTo("宁德电芯公司"));
    }
}
