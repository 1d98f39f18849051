using ChainMatch.Domain.Graph;
using ChainMatch.Storage.Seeds;
using ChainMatch.Storage.Sqlite;
using ChainMatch.TestSupport;

namespace ChainMatch.Storage.Tests;

/// <summary>groups.csv and industry-segments.csv: read, checked, and kept by the embedded store.</summary>
public class GroupSeedTests
{
    const string Header = "firm,parent,parent_name,source_publisher,source_ref\n";

    static SeedFormatException ReadFails(SeedFolder folder) => Assert.Throws<SeedFormatException>(() => SeedReader.Read(folder.Path))!;

    [Test]
    public void AGroupLinkGivesTheFirmItsParentWithTheSource()
    {
        using var folder = SeedFolder.CopyOf("mini-seeds").Write("groups.csv", Header + "foil-co,smelter-co,,Test,https://example.org/a (read 2026-12-04)\n");
        var foil = SeedReader.Read(folder.Path).Firms.Single(f => f.Id.Value == "foil-co");
        Assert.That(foil.Group, Is.EqualTo(new GroupLink(new FirmId("smelter-co"), null, new Provenance("Test", "https://example.org/a (read 2026-12-04)"))));
    }

    [Test]
    public void AParentNotAmongTheFirmsIsDefinedByTheRowThatNamesIt()
    {
        using var folder = SeedFolder.CopyOf("mini-seeds").Write("groups.csv", Header + "foil-co,foil-group,铝箔集团有限公司,Test,https://example.org/b\n");
        var group = SeedReader.Read(folder.Path).Firms.Single(f => f.Id.Value == "foil-group");
        Assert.That((group.Name, group.Source.Reference), Is.EqualTo(("铝箔集团有限公司", "https://example.org/b")));
    }

    [Test]
    public void GroupsCannotFormACycle()
    {
        using var folder = SeedFolder.CopyOf("mini-seeds").Write("groups.csv",
            Header + "foil-co,smelter-co,,Test,a\nsmelter-co,foil-co,,Test,b\n");
        Assert.That(ReadFails(folder).Reason, Does.Contain("groups cannot form a cycle"));
    }

    [Test]
    public void AGroupLinkWithoutASourceIsRefused()
    {
        using var folder = SeedFolder.CopyOf("mini-seeds").Write("groups.csv", Header + "foil-co,smelter-co,,,\n");
        Assert.That(ReadFails(folder).Reason, Does.Contain("needs source_publisher or source_ref"));
    }

    [Test]
    public async Task TheRepositorysGroupsAndIndustryMapSurviveTheEmbeddedStore()
    {
        var seeds = SeedReader.Read(SeedFolder.RepositorySeeds());
        using var store = SqliteGraphStore.InMemory();
        await store.InitialiseAsync();
        await store.ImportAsync(seeds);
        var loaded = await store.LoadAsync();
        Assert.That(loaded.Firms.Single(f => f.Id.Value == "yunnan-aluminium").Group?.Parent.Value, Is.EqualTo("chinalco"));
        Assert.That(loaded.Firms.Count(f => f.Group is not null), Is.EqualTo(seeds.Firms.Count(f => f.Group is not null)).And.GreaterThan(5));
        Assert.That(loaded.IndustrySegments, Is.EqualTo(seeds.IndustrySegments));
    }
}
