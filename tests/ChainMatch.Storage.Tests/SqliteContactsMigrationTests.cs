using ChainMatch.Domain.Contacts;
using ChainMatch.Domain.Graph;
using ChainMatch.Storage.Seeds;
using ChainMatch.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace ChainMatch.Storage.Tests;

public sealed class SqliteContactsMigrationTests
{
    SeedFolder _dir = null!;

    [SetUp]
    public void MakeDirectory() => _dir = SeedFolder.Empty();

    [TearDown]
    public void RemoveDirectory() => _dir.Dispose();

    [Test]
    public async Task AStoreOfSchemaTenGainsTheContactTablesAtStartAndKeepsItsGraph()
    {
        var path = Path.Combine(_dir.Path, "chainmatch.db");
        var seeds = await OldStoreFile.WriteAsync(path,
            "ALTER TABLE project DROP COLUMN key_reviews; ALTER TABLE project DROP COLUMN due_dates; DROP TABLE chain_plan; " +
                "DROP TABLE interaction; DROP TABLE contact; DROP TABLE promotion_event; PRAGMA user_version = 10;");

        using var migrated = SqliteGraphStore.OpenFile(path);
        await migrated.InitialiseAsync();
        var contact = new Contact("li-wei", new FirmId("cell-co"), new RegionCode("530100"), "李伟", null, null, null, "昆明市投资促进局", "同意", new DateOnly(2025, 3, 2));
        await migrated.WriteAsync(GraphData.Empty with { Contacts = [contact] }, null);
        var loaded = await migrated.LoadAsync();
        Assert.That((loaded.Presences.Length, loaded.Contacts.Single().Name), Is.EqualTo((seeds.Presences.Length, "李伟")));
    }
}
