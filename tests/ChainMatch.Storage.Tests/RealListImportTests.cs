using ChainMatch.Domain.Firms;
using ChainMatch.Domain.Graph;
using ChainMatch.Storage.Lists;
using ChainMatch.Storage.Seeds;
using ChainMatch.Storage.Sqlite;
using ChainMatch.TestSupport;

namespace ChainMatch.Storage.Tests;

/// <summary>The real 2024 Fortune Global 500 (shared/lists, not in the repository) through the product's importer.</summary>
public class RealListImportTests
{
    static async Task<(SqliteGraphStore Store, ListImportPlan Plan)> ImportFortune2024()
    {
        var store = SqliteGraphStore.InMemory();
        await store.InitialiseAsync();
        await store.ImportAsync(SeedReader.Read(SeedFolder.RepositorySeeds()));
        var (rows, errors) = ListFile.Read(SharedLists.Read(SharedLists.Fortune2024));
        Assert.That(errors, Is.Empty, "the file's own column set is accepted as it is");
        var plan = ListImport.Plan(ChainGraph.Build(await store.LoadAsync()), rows, ListFamily.FortuneGlobal500, 2024, createMissing: true, SharedLists.Fortune2024);
        await store.ImportAsync(plan.Changes);
        return (store, plan);
    }

    [Test]
    public async Task TheRealFortune2024FileGivesFiveHundredMembershipsWithRanksRevenuesAndIndustries()
    {
        var (store, _) = await ImportFortune2024();
        using (store)
        {
            var graph = ChainGraph.Build(await store.LoadAsync());
            var edition = graph.Data.Memberships.Where(m => m.List.Value == "fortune-global-500-2024").ToList();
            Assert.That(edition.Select(m => m.Rank).OrderBy(r => r), Is.EqualTo(Enumerable.Range(1, 500).Select(r => (int?)r)));
            Assert.That(edition.Count(m => m.Revenue > 0 && m.Industry is not null), Is.EqualTo(500));
        }
    }

    [Test]
    public async Task SeededFirmsOnTheRealListAreMatchedNotDuplicated()
    {
        var (store, plan) = await ImportFortune2024();
        using (store)
        {
            var graph = ChainGraph.Build(await store.LoadAsync());
            var chinalco = graph.Data.Memberships.Single(m => m.Firm.Value == "chinalco" && m.List.Value == "fortune-global-500-2024");
            Assert.That(plan.Rows.Single(r => r.Firm == "chinalco").Outcome, Is.EqualTo(ListImport.Matched));
            Assert.That(chinalco.Rank, Is.EqualTo(plan.Rows.Single(r => r.Firm == "chinalco").Rank));
            Assert.That(graph.Firms.Count(f => FirmNames.Normalize(f.Name) == FirmNames.Normalize("中国铝业集团有限公司")), Is.EqualTo(1));
        }
    }

    [Test]
    public async Task ARevenueInUsdMillionOf2024IsConvertedToYiAtThe2023AverageRate()
    {
        var (store, plan) = await ImportFortune2024();
        using (store)
        {
            var graph = ChainGraph.Build(await store.LoadAsync());
            var walmart = graph.Data.Memberships.Single(m => m.List.Value == "fortune-global-500-2024" && m.Rank == 1);
            Assert.That(Revenues.Latest(graph, walmart.Firm, 2024), Is.EqualTo(648125 * 0.01 * 7.0467).Within(0.01));
        }
    }

    [Test]
    public void EveryIndustryLabelOfTheRealListIsAccountedForInTheIndustryMap()
    {
        var (rows, _) = ListFile.Read(SharedLists.Read(SharedLists.Fortune2024));
        var mapped = SeedReader.Read(SeedFolder.RepositorySeeds()).IndustrySegments.Select(x => x.Industry).ToHashSet();
        Assert.That(rows.Select(r => r.Industry).Distinct().Where(i => !mapped.Contains(i!)), Is.Empty);
    }
}
