using System.Text.Json;
using ChainMatch.Domain.Chains;
using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Projects;
using ChainMatch.Storage.Seeds;

namespace ChainMatch.Storage.Tests;

/// <summary>
/// What every graph store promises, whatever holds the graph. Each adapter's fixture derives from this class and
/// says how to make empty storage and open a store on it; every test here then runs against that adapter.
/// </summary>
public abstract partial class GraphStoreContract
{
    readonly List<IGraphStore> _opened = [];
    protected GraphData Seeds { get; private set; } = null!;

    /// <summary>Fresh, empty storage for one test (or <c>Assert.Ignore</c> when the adapter has nothing to run on).</summary>
    protected abstract Task CreateEmptyStorageAsync();

    /// <summary>A new store handle on this test's storage, as a separate process would open it.</summary>
    protected abstract IGraphStore Open();

    [SetUp]
    public async Task CreateStorage()
    {
        Seeds = SeedReader.Read(SeedFolder.Fixture("mini-seeds"));
        await CreateEmptyStorageAsync();
    }

    [TearDown]
    public void CloseStores()
    {
        foreach (var store in _opened) (store as IDisposable)?.Dispose();
        _opened.Clear();
    }

    protected async Task<IGraphStore> OpenAsync()
    {
        var store = Open();
        _opened.Add(store);
        await store.InitialiseAsync();
        return store;
    }

    protected static string Json(GraphData d) => JsonSerializer.Serialize(d);

    [Test]
    public async Task AFreshStoreIsEmptyAndLoadsAnEmptyGraph()
    {
        var store = await OpenAsync();
        Assert.That(await store.IsEmptyAsync(), Is.True);
        Assert.That(Json(await store.LoadAsync()), Is.EqualTo(Json(GraphData.Empty)));
    }

    [Test]
    public async Task InitialisingAgainChangesNothing()
    {
        var store = await OpenAsync();
        await store.ImportAsync(Seeds);
        await store.InitialiseAsync();
        Assert.That(Json(await store.LoadAsync()), Is.EqualTo(Json(Seeds)));
    }

    [Test]
    public async Task EveryRecordComesBackAsItWasImportedInTheSameOrder()
    {
        var store = await OpenAsync();
        await store.ImportAsync(Seeds);
        Assert.That(await store.IsEmptyAsync(), Is.False);
        Assert.That(Json(await store.LoadAsync()), Is.EqualTo(Json(Seeds)));
    }

    [Test]
    public async Task KeyProjectReviewsDueDatesAndChainPlanVersionsComeBackAsWritten()
    {
        var store = await OpenAsync();
        await store.ImportAsync(Seeds);
        var project = Seeds.Projects[0] with
        {
            KeyReviews = [new KeyReview(KeyReviewState.Refused, "key:a", new DateOnly(2024, 2, 1), "链主", "key:b", new DateOnly(2024, 2, 9), "投资额不足"),
                new KeyReview(KeyReviewState.Proposed, "key:a", new DateOnly(2024, 3, 1), "增资")],
            DueDates = [new StageDue(ProjectStage.Started, new DateOnly(2024, 6, 30), "key:a", new DateOnly(2024, 2, 1))],
        };
        var saved = new DateTimeOffset(2026, 12, 5, 3, 4, 5, TimeSpan.FromHours(8)).AddTicks(1234567);
        ChainPlan Plan(int version) => new(new ChainId("battery"), new RegionCode("530100"), version, ["补链: 正极材料"], ["市工信局"],
            [new YearlyTarget(2027, "引进项目2个")], "key:chief", saved.AddDays(version));
        await store.ImportAsync(GraphData.Empty with { Projects = [project], ChainPlans = [Plan(1)] });
        await store.ImportAsync(GraphData.Empty with { ChainPlans = [Plan(2)] });
        var loaded = await store.LoadAsync();
        Assert.That(JsonSerializer.Serialize(loaded.Projects.Single(p => p.Id == project.Id)), Is.EqualTo(JsonSerializer.Serialize(project)));
        Assert.That(JsonSerializer.Serialize(loaded.ChainPlans), Is.EqualTo(JsonSerializer.Serialize(new[] { Plan(1), Plan(2) })));
    }

    [Test]
    public async Task TheGraphOutlivesTheStoreHandleThatWroteIt()
    {
        await (await OpenAsync()).ImportAsync(Seeds);
        var reopened = await OpenAsync();
        Assert.That(await reopened.IsEmptyAsync(), Is.False);
        Assert.That(Json(await reopened.LoadAsync()), Is.EqualTo(Json(Seeds)));
    }

    [Test]
    public async Task ImportingTheSameSeedsTwiceChangesNothing()
    {
        var store = await OpenAsync();
        var first = await store.ImportAsync(Seeds);
        var second = await store.ImportAsync(Seeds);
        Assert.That(first.Total, Is.GreaterThan(0));
        Assert.That(second.Total, Is.Zero, string.Join(", ", second.Written.Where(w => w.Value > 0)));
        Assert.That(Json(await store.LoadAsync()), Is.EqualTo(Json(Seeds)));
    }

    [Test]
    public async Task ARegionsSeatComesBackAsImportedAndAClearedOneIsGone()
    {
        var store = await OpenAsync();
        await store.ImportAsync(Seeds);
        Assert.That((await store.LoadAsync()).Regions.Single(r => r.Code.Value == "530300").Seat, Is.EqualTo(new GeoPoint(25.49, 103.80)));
        var cleared = Seeds with { Regions = [.. Seeds.Regions.Select(r => r.Code.Value == "530300" ? r with { Seat = null } : r)] };
        var report = await store.ImportAsync(cleared);
        Assert.That(report.Written["region"], Is.EqualTo(1));
        Assert.That((await store.LoadAsync()).Regions.Single(r => r.Code.Value == "530300").Seat, Is.Null);
    }

    [Test]
    public async Task AChangedCapacityIsOneRowWritten()
    {
        var store = await OpenAsync();
        await store.ImportAsync(Seeds);
        var report = await store.ImportAsync(WithSmelterCapacity(500_000));
        Assert.That(report.Total, Is.EqualTo(1));
        Assert.That(report.Written["presence"], Is.EqualTo(1));
    }

    [Test]
    public async Task AClearedValueIsGoneAfterTheNextImport()
    {
        var store = await OpenAsync();
        await store.ImportAsync(Seeds);
        var cleared = Seeds with { Firms = [.. Seeds.Firms.Select(f => f.Id.Value == "cell-co" ? f with { NameEn = null, Headquarters = null } : f)] };
        await store.ImportAsync(cleared);
        var firm = (await store.LoadAsync()).Firms.Single(f => f.Id.Value == "cell-co");
        Assert.That((firm.NameEn, firm.Headquarters), Is.EqualTo(((string?)null, (RegionCode?)null)));
    }

    [Test]
    public async Task ASegmentDroppedFromAChainFileLeavesThatChain()
    {
        var store = await OpenAsync();
        await store.ImportAsync(Seeds);
        var battery = Seeds.Chains.Single(c => c.Id.Value == "battery");
        var trimmed = Seeds with { Chains = [.. Seeds.Chains.Select(c => c == battery ? c with { Segments = [new SegmentId("cell")] } : c)] };
        await store.ImportAsync(trimmed);
        var loaded = await store.LoadAsync();
        Assert.That(loaded.Chains.Single(c => c.Id.Value == "battery").Segments, Is.EqualTo(new[] { new SegmentId("cell") }));
    }

    [Test]
    public async Task IntensitiesAndDeclaredConstraintsComeBackAsImported()
    {
        var store = await OpenAsync();
        await store.ImportAsync(Seeds);
        var loaded = await store.LoadAsync();
        Assert.That(loaded.Segments.Single(s => s.Id.Value == "smelting").Intensities.Select(k => k.Unit), Is.EqualTo(new[] { "kWh/t", "ha/plant" }));
        Assert.That(loaded.Constraints, Is.EqualTo(Seeds.Constraints).And.Length.EqualTo(3));
    }

    [Test]
    public async Task AnIntensityDroppedFromASegmentIsGoneAndAChangedQuotaIsOneRowWritten()
    {
        var store = await OpenAsync();
        await store.ImportAsync(Seeds);
        var changed = Seeds with
        {
            Segments = [.. Seeds.Segments.Select(s => s.Id.Value == "smelting" ? s with { Intensities = [s.Intensities[0]] } : s)],
            Constraints = [.. Seeds.Constraints.Select(c => c.Region.Value == "530300" && c.Kind == ConstraintKind.GreenPowerQuota ? c with { Amount = 6 } : c)],
        };
        var report = await store.ImportAsync(changed);
        Assert.That((report.Written["segment_intensity"], report.Written["region_constraint"], report.Total), Is.EqualTo((1, 1, 2)));
        Assert.That(Json(await store.LoadAsync()), Is.EqualTo(Json(changed)));
    }

    [Test]
    public async Task RecordsAddedLaterComeBackAfterTheOnesAlreadyStored()
    {
        var store = await OpenAsync();
        var withoutSmelter = Seeds with
        {
            Firms = [.. Seeds.Firms.Where(f => f.Id.Value != "smelter-co")],
            Presences = [.. Seeds.Presences.Where(p => p.Firm.Value != "smelter-co")],
        };
        await store.ImportAsync(withoutSmelter);
        await store.ImportAsync(Seeds);
        var firms = (await store.LoadAsync()).Firms.Select(f => f.Id.Value);
        Assert.That(firms, Is.EqualTo(new[] { "foil-co", "cell-co", "smelter-co" }));
    }

    [Test]
    public async Task AnImportThatWouldBreakTheGraphLeavesTheStoreAsItWas()
    {
        var store = await OpenAsync();
        await store.ImportAsync(Seeds);
        var before = Json(await store.LoadAsync());
        // New firms first (they would be written), then a presence in a segment nobody defined.
        var broken = Seeds with
        {
            Firms = Seeds.Firms.Add(new Firm(new FirmId("newcomer"), "新公司", null, null, null, Provenance.None)),
            Presences = Seeds.Presences.Add(new Presence(new FirmId("newcomer"), new SegmentId("ghost"), new RegionCode("530181"), null, 2024, null, null, Provenance.None)),
        };
        Assert.That(async () => await store.ImportAsync(broken), Throws.Exception);
        Assert.That(Json(await store.LoadAsync()), Is.EqualTo(before));
    }

    [Test]
    public async Task AnImportThatMakesARegionItsOwnAncestorLeavesTheStoreAsItWas()
    {
        var store = await OpenAsync();
        await store.ImportAsync(Seeds);
        var before = Json(await store.LoadAsync());
        var cyclic = Seeds with { Regions = [.. Seeds.Regions.Select(r => r.Code.Value == "530000" ? r with { Parent = new RegionCode("530181") } : r)] };
        Assert.That(async () => await store.ImportAsync(cyclic), Throws.Exception);
        Assert.That(Json(await store.LoadAsync()), Is.EqualTo(before));
    }

    [Test]
    public async Task TwoImportsAtOnceEachLandWholeOrFailCleanly()
    {
        var (first, second) = (await OpenAsync(), await OpenAsync());
        var changed = WithSmelterCapacity(500_000);
        // Separate threads, separate handles: the two writers really overlap, as two processes would.
        var outcomes = await Task.WhenAll(
            Task.Run(() => Outcome(first.ImportAsync(Seeds))),
            Task.Run(() => Outcome(second.ImportAsync(changed))));

        Assert.That(outcomes.Count(o => o is null), Is.GreaterThanOrEqualTo(1), string.Join("; ", outcomes.Select(o => o?.Message)));
        var landed = new[] { Json(Seeds), Json(changed) }.Where((_, i) => outcomes[i] is null);
        Assert.That(Json(await first.LoadAsync()), Is.AnyOf(landed.ToArray()));
    }

    [Test]
    public async Task EveryKindOfWriteLandsInTheStoreAsTheSnapshotAppliesIt([Values(1, 2, 3)] int seed)
    {
        var store = await OpenAsync();
        await store.ImportAsync(Seeds);
        var graph = ChainGraph.Build(await store.LoadAsync());
        var writes = new RandomWrites(seed);
        // Every kind once in turn, then kinds drawn at random, so that writes build on each other's rows.
        for (var i = 0; i < 40; i++)
        {
            var (kind, rows) = i < RandomWrites.Kinds.Length && writes.Of(RandomWrites.Kinds[i], graph) is { } first ? (RandomWrites.Kinds[i], first) : writes.Next(graph);
            graph = graph.Apply(rows);
            await store.WriteAsync(rows, null);
            var fresh = ChainGraph.Build(await store.LoadAsync());
            Assert.That(GraphComparison.Differences(fresh.Data, graph.Data), Is.Empty, $"after write {i + 1} ({kind})");
            Assert.That(ProjectionAnswers.Of(graph), Is.EqualTo(ProjectionAnswers.Of(fresh)), $"after write {i + 1} ({kind})");
        }
    }

    [Test]
    public async Task AWriteWritesOnlyItsRowsAndRunsItsCommitStepInsideTheTransaction()
    {
        var store = await OpenAsync();
        await store.ImportAsync(Seeds);
        var presence = Seeds.Presences.First() with { Capacity = new Quantity(123, "t/yr") };
        var refused = store.WriteAsync(GraphData.Empty with { Presences = [presence] }, _ => throw new InvalidOperationException("audit failed"));
        Assert.That(async () => await refused, Throws.InvalidOperationException.With.Message.EqualTo("audit failed"));
        Assert.That(Json(await store.LoadAsync()), Is.EqualTo(Json(Seeds)), "a write whose commit step throws leaves the store as it was");

        ImportReport? seen = null;
        var report = await store.WriteAsync(GraphData.Empty with { Presences = [presence] }, rows =>
        {
            seen = rows;
            return null;
        });
        Assert.That((report.Total, seen?.Total), Is.EqualTo((1, (int?)1)));
        Assert.That((await store.LoadAsync()).Presences[0].Capacity, Is.EqualTo(new Quantity(123, "t/yr")));
    }

    [Test]
    public async Task AWriteNamingAFirmTheStoreDoesNotHoldIsRefused()
    {
        var store = await OpenAsync();
        await store.ImportAsync(Seeds);
        var orphan = Seeds.Presences.First() with { Firm = new FirmId("no-such-firm") };
        Assert.That(async () => await store.WriteAsync(GraphData.Empty with { Presences = [orphan] }, null), Throws.Exception);
        Assert.That(Json(await store.LoadAsync()), Is.EqualTo(Json(Seeds)));
    }

    protected GraphData WithSmelterCapacity(double amount) => Seeds with
    {
        Presences = [.. Seeds.Presences.Select(p => p.Firm.Value == "smelter-co" ? p with { Capacity = new Quantity(amount, "t/yr") } : p)],
    };

    static async Task<Exception?> Outcome(Task task)
    {
        try
        {
            await task;
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }
}
