using ChainMatch.Storage.Access;
using ChainMatch.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace ChainMatch.Storage.Tests;

/// <summary>The access store contract on the embedded store's file, and the take-over of the access.db older versions kept beside it.</summary>
public class SqliteAccessStoreTests : AccessStoreContract
{
    SeedFolder _dir = null!;

    string StorePath => Path.Combine(_dir.Path, "chainmatch.db");

    protected override Task CreateEmptyStorageAsync()
    {
        _dir = SeedFolder.Empty();
        return Task.CompletedTask;
    }

    protected override Stores Open() =>
        StoreFactory.Open(new StoreSettings(StoreProviders.Embedded, EmbeddedPath: StorePath), () => throw new InvalidOperationException(), new StoreAvailability(),
            Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, TimeProvider.System);

    [TearDown]
    public void DeleteFolder() => _dir.Dispose();

    [Test]
    public async Task TheKeysAndLogOfAnAccessFileBesideTheStoreAreTakenOverOnce()
    {
        var token = WriteLegacyAccessFile(Path.Combine(_dir.Path, SqliteAccessStore.LegacyFileName));

        var access = (await OpenAsync()).Access;
        await access.InitialiseAsync();
        var again = (await OpenAsync()).Access;

        Assert.That((await again.FindActiveAsync(token))?.Name, Is.EqualTo("kunming-investment"), "a key made before the move still signs in");
        Assert.That((await again.ListKeysAsync()).Select(k => (k.Name, k.Revoked is null)), Is.EqualTo(new[] { ("old", false), ("kunming-investment", true) }), "oldest first, the revoked one still revoked");
        var log = await again.QueryAuditAsync(new AuditQuery());
        Assert.That(log.Select(e => (e.Seq, e.Action)), Is.EqualTo(new[] { (1L, "keys create"), (2L, "PUT /api/firms/{firmId}"), (3L, "import access") }),
            "the old entries keep their order and numbers, and the take-over is recorded once");
        Assert.That(log[1].Before, Is.EqualTo("{\"name\":\"铝箔公司\"}"));
    }

    [Test]
    public async Task AStoreFromBeforeTheMoveKeepsItsGraphAndGainsTheAccessTables()
    {
        using (var old = SqliteGraphStore.OpenFile(StorePath))
        {
            await old.InitialiseAsync();
            await old.ImportAsync(Storage.Seeds.SeedReader.Read(SeedFolder.Fixture("mini-seeds")));
        }
        using (var c = new SqliteConnection($"Data Source={StorePath};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "ALTER TABLE project DROP COLUMN key_reviews; ALTER TABLE project DROP COLUMN due_dates; DROP TABLE chain_plan; " +
                "DROP TABLE interaction; DROP TABLE contact; DROP TABLE promotion_event; DROP TABLE store_version; DROP TABLE api_key; DROP TABLE audit; DROP TABLE session; DROP TABLE access_import; PRAGMA user_version = 9;";
            cmd.ExecuteNonQuery();
        }
        var token = WriteLegacyAccessFile(Path.Combine(_dir.Path, SqliteAccessStore.LegacyFileName));

        var stores = await OpenAsync();

        Assert.That(await stores.Access.FindActiveAsync(token), Is.Not.Null);
        Assert.That((await stores.Graph.LoadAsync()).Chains, Has.Length.EqualTo(2));
        Assert.That(await stores.Graph.ReadVersionAsync(), Is.Zero);
    }

    /// <summary>An access.db as version 2 of the old access store left it: a live key, a revoked one, two entries.</summary>
    static string WriteLegacyAccessFile(string path)
    {
        var (id, secret, token) = ApiKeyTokens.New();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var c = new SqliteConnection($"Data Source={path};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE api_key (id TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL, region TEXT NOT NULL, chains TEXT NOT NULL,
                secret_sha256 BLOB NOT NULL, created TEXT NOT NULL, revoked TEXT);
            CREATE TABLE audit (seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
                target TEXT NOT NULL, before TEXT, after TEXT);
            CREATE TABLE session (id TEXT PRIMARY KEY, key_id TEXT NOT NULL, created TEXT NOT NULL);
            INSERT INTO api_key VALUES ($id, 'kunming-investment', 'investment', '530100', '', $hash, '2026-01-01T00:00:00.0000000+00:00', NULL);
            INSERT INTO api_key VALUES ('0123456789ab', 'old', 'admin', '*', '', x'00', '2025-01-01T00:00:00.0000000+00:00', '2025-06-01T00:00:00.0000000+00:00');
            INSERT INTO audit (at, actor, action, target, before, after) VALUES ('2026-01-01T00:00:00.0000000Z', 'cli:root', 'keys create', 'key:x', NULL, '{}');
            INSERT INTO audit (at, actor, action, target, before, after) VALUES ('2026-01-02T00:00:00.0000000Z', 'key:a', 'PUT /api/firms/{firmId}', 'firm:foil-co', '{"name":"铝箔公司"}', '{}');
            PRAGMA user_version = 2;
            """;
        cmd.Parameters.AddWithValue("$id", id);
        cmd.Parameters.AddWithValue("$hash", ApiKeyTokens.Hash(secret));
        cmd.ExecuteNonQuery();
        return token;
    }
}
