using System.Text.Json;
using ChainMatch.Domain;
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

    [Test]
    public async Task AStoreOfSchemaThirteenKeepsItsContactAuditEntriesWithoutTheirPersonalData()
    {
        var path = Path.Combine(_dir.Path, "chainmatch.db");
        var options = new JsonSerializerOptions();
        ReportJson.Configure(options);
        var contact = new Contact("li-wei", new FirmId("cell-co"), new RegionCode("530100"), "Erasable 李伟", "总经理", "+86 871 9999 1234", "erase.me@example.com",
            "昆明市投资促进局", "agreed at the Erasable fair", new DateOnly(2025, 3, 2));
        // The rows a contact import wrote to the log before schema 14: each contact whole.
        var written = JsonSerializer.Serialize(new Dictionary<string, object> { ["contacts"] = new[] { contact } }, options);
        var firmEdit = """{"firms":[{"id":"cell-co","name":"宁德电芯公司"}]}""";
        await OldStoreFile.WriteAsync(path,
            "INSERT INTO audit (at, actor, action, target, after) VALUES " +
            $"('2025-03-02T08:00:00+00:00', 'key:kunming', 'POST /api/crm/contacts/import', 'contacts', '{written}'), " +
            $"('2025-03-03T08:00:00+00:00', 'key:admin', 'PUT /api/firms/{{firmId}}', 'firm:cell-co', '{firmEdit}'); PRAGMA user_version = 13;");
        // Open until the files are read: the last connection to close would copy the log back and delete it.
        using var held = new SqliteConnection($"Data Source={path};Pooling=False");
        held.Open();

        using (var migrated = SqliteGraphStore.OpenFile(path)) await migrated.InitialiseAsync();

        using var read = held.CreateCommand();
        read.CommandText = "SELECT after FROM audit ORDER BY seq";
        var expected = System.Text.Json.Nodes.JsonNode.Parse(written)!;
        foreach (var field in new[] { "name", "title", "phone", "email", "consentNote" }) expected["contacts"]![0]!.AsObject().Remove(field);
        using (var r = read.ExecuteReader())
        {
            Assert.That(r.Read() && System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(r.GetString(0)), expected),
                $"the contact kept without its personal data: {expected.ToJsonString()}");
            Assert.That(r.Read() && r.GetString(0) == firmEdit, "another entry left as it was");
        }
        read.CommandText = "UPDATE audit SET actor = 'someone else'";
        Assert.That(() => read.ExecuteNonQuery(), Throws.InstanceOf<SqliteException>().With.Message.Contains("the audit log is append-only"));
        var files = Directory.GetFiles(_dir.Path).Select(f => (Name: Path.GetFileName(f), Text: System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(f)))).ToList();
        Assert.That(files.Where(f => f.Text.Contains("Erasable", StringComparison.Ordinal) || f.Text.Contains("erase.me", StringComparison.Ordinal)).Select(f => f.Name), Is.Empty);
    }
}
