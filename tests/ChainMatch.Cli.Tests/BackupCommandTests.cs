using Microsoft.Data.Sqlite;

namespace ChainMatch.Cli.Tests;

public class BackupCommandTests : SeededStoreTest
{
    string Backup => Path.Combine(Dir.Path, "backup.db");

    [Test]
    public void TheStoreRunsInWalMode() => Assert.That(Pragma(Store, "journal_mode"), Is.EqualTo("wal"));

    [Test]
    public async Task ARestoredBackupHoldsExactlyTheGraphTheStoreHeldWhenItWasTaken()
    {
        var before = StoreDigest.OfGraph(Store);
        var backup = await CliRun.Of("backup", "--to", Backup, "--store", Store);
        var edit = await CliRun.Of("firm", "set", "alumina-co", "--name", "氧化铝公司", "--hq", "530181", "--store", Store);
        Assert.That((backup.ExitCode, edit.ExitCode), Is.EqualTo((0, 0)), backup.Error + edit.Error);
        Assert.That(StoreDigest.OfGraph(Store), Is.Not.EqualTo(before));
        var version = await Version();

        var restore = await CliRun.Of("restore", "--from", Backup, "--store", Store);

        Assert.That(restore.ExitCode, Is.Zero, restore.Error);
        Assert.That(StoreDigest.OfGraph(Store), Is.EqualTo(before));
        Assert.That(Pragma(Store, "journal_mode"), Is.EqualTo("wal"));
        Assert.That(await Version(), Is.GreaterThan(version), "running services see that the store changed");
        var access = await TestAccess.OpenAsync(Dir.Path);
        Assert.That((await access.QueryAuditAsync(new Storage.Access.AuditQuery())).Select(e => e.Action), Is.EqualTo(new[] { "seed", "firm set", "restore" }),
            "the log made since the backup is kept, and the restore added to it");
    }

    [Test]
    public async Task KeysAndTheAuditLogAreInTheBackupAndComeBackOnlyWhenAsked()
    {
        var access = await TestAccess.OpenAsync(Dir.Path);
        var (a, _) = await access.CreateKeyAsync("a", "planner", "530100", [], DateTimeOffset.UtcNow);
        var backup = await CliRun.Of("backup", "--to", Backup, "--store", Store);
        Assert.That(backup.ExitCode, Is.Zero, backup.Error);
        await access.RevokeAsync(a.Id, DateTimeOffset.UtcNow);
        var (b, _) = await access.CreateKeyAsync("b", "planner", "530100", [], DateTimeOffset.UtcNow);

        var plain = await CliRun.Of("restore", "--from", Backup, "--store", Store);
        Assert.That(plain.ExitCode, Is.Zero, plain.Error);
        Assert.That((await access.ListKeysAsync()).Select(k => k.Id), Is.EquivalentTo(new[] { a.Id, b.Id }), "a plain restore leaves keys alone");

        var withAccess = await CliRun.Of("restore", "--from", Backup, "--with-access", "--store", Store);
        Assert.That(withAccess.ExitCode, Is.Zero, withAccess.Error);
        var keys = await access.ListKeysAsync();
        Assert.That(keys.Select(k => k.Id), Is.EqualTo(new[] { a.Id }), "the key made after the backup is gone");
        Assert.That(keys[0].Revoked, Is.Not.Null, "a key revoked since the backup stays revoked");
        Assert.That((await access.QueryAuditAsync(new Storage.Access.AuditQuery(Action: "restore access"))), Has.Count.EqualTo(1));
    }

    [TestCase("DROP TRIGGER audit_no_delete", "trigger audit_no_delete")]
    [TestCase("DROP TRIGGER audit_no_update; CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit WHEN 0 BEGIN SELECT 1; END", "trigger audit_no_update")]
    [TestCase("CREATE TABLE planted (x)", "table planted")]
    public async Task ABackupWhoseAccessTablesAreNotAsThisBuildCreatesThemIsRefusedWithOneLine(string tamper, string named)
    {
        var access = await TestAccess.OpenAsync(Dir.Path);
        var (kept, _) = await access.CreateKeyAsync("kept", "planner", "530100", [], DateTimeOffset.UtcNow);
        var backup = await CliRun.Of("backup", "--to", Backup, "--store", Store);
        Assert.That(backup.ExitCode, Is.Zero, backup.Error);
        using (var c = Open(Backup))
            Execute(c, $"{tamper}; INSERT INTO api_key VALUES ('planted00000', 'planted', 'admin', '*', '', x'00', '2026-01-01', NULL);");

        var restore = await CliRun.Of("restore", "--from", Backup, "--with-access", "--store", Store);

        Assert.That(restore.ExitCode, Is.EqualTo(1), restore.Output);
        Assert.That(restore.Error.Trim().Split('\n'), Has.Length.EqualTo(1).And.One.Contains(named), restore.Error);
        Assert.That((await access.ListKeysAsync()).Select(k => k.Id), Is.EqualTo(new[] { kept.Id }), "the planted admin key came in");
    }

    [Test]
    public async Task ABackupFromAnOlderSchemaIsMigratedAsItIsRestored()
    {
        var current = Pragma(Store, "user_version");
        await CliRun.Of("backup", "--to", Backup, "--store", Store);
        // Put the backup back to schema version 6, before the constraint layers, the regions' seats and the 客商库.
        using (var c = Open(Backup))
            Execute(c, "ALTER TABLE project DROP COLUMN key_reviews; ALTER TABLE project DROP COLUMN due_dates; DROP TABLE chain_plan; ALTER TABLE firm DROP COLUMN parent; ALTER TABLE firm DROP COLUMN parent_share; ALTER TABLE firm DROP COLUMN parent_publisher; ALTER TABLE firm DROP COLUMN parent_ref; ALTER TABLE firm DROP COLUMN parent_estimate; ALTER TABLE list_membership DROP COLUMN industry; DROP TABLE industry_segment; DROP TABLE segment_intensity; DROP TABLE region_constraint; ALTER TABLE region DROP COLUMN latitude; ALTER TABLE region DROP COLUMN longitude; DROP TABLE store_version; DROP TABLE api_key; DROP TABLE audit; DROP TABLE session; DROP TABLE access_import; DROP TABLE interaction; DROP TABLE contact; DROP TABLE promotion_event; PRAGMA user_version = 6;");

        var restore = await CliRun.Of("restore", "--from", Backup, "--store", Store);

        Assert.That(restore.ExitCode, Is.Zero, restore.Error);
        Assert.That(Pragma(Store, "user_version"), Is.EqualTo(current));
        Assert.That(Pragma(Backup, "user_version"), Is.EqualTo("6"));
    }

    [Test]
    public async Task ABackupIsOneFileWithoutAWriteAheadLog()
    {
        await CliRun.Of("backup", "--to", Backup, "--store", Store);
        Assert.That(Pragma(Backup, "journal_mode"), Is.EqualTo("delete"));
        Assert.That(Directory.GetFiles(Dir.Path, "backup.db*").Select(Path.GetFileName), Is.EquivalentTo(new[] { "backup.db" }));
    }

    [Test]
    public async Task ABackupTakenWhileAnotherConnectionWritesIsOneConsistentMoment()
    {
        // Each write adds a pair of firms in one transaction: a torn copy would hold one of a pair without the other.
        using var stop = new CancellationTokenSource();
        var written = 0;
        var writer = Task.Run(() =>
        {
            using var c = Open(Store);
            for (var i = 0; !stop.IsCancellationRequested; i++, Interlocked.Increment(ref written))
                Execute(c, $"BEGIN; INSERT INTO firm (id, name, estimate) VALUES ('pair-a-{i}', 'A{i}', 0), ('pair-b-{i}', 'B{i}', 0); COMMIT;");
        });
        while (Volatile.Read(ref written) < 20 && !writer.IsCompleted) await Task.Delay(5);

        var backup = await CliRun.Of("backup", "--to", Backup, "--store", Store);
        var atBackup = Volatile.Read(ref written);
        while (Volatile.Read(ref written) < atBackup + 20 && !writer.IsCompleted) await Task.Delay(5);
        await stop.CancelAsync();
        await writer;

        Assert.That(backup.ExitCode, Is.Zero, backup.Error);
        var (a, b) = (Count(Backup, "pair-a-%"), Count(Backup, "pair-b-%"));
        Assert.That(a, Is.EqualTo(b));
        Assert.That(a, Is.InRange(20, atBackup));
        Assert.That(Count(Store, "pair-a-%"), Is.GreaterThan(a));
        Assert.That(Pragma(Backup, "quick_check"), Is.EqualTo("ok"));
    }

    [Test]
    public async Task ABackupOfSeedsGivenWithDataIsAStoreEveryCommandOpens()
    {
        var backup = await CliRun.Of("backup", "--to", Backup, "--data", SeedFolder.Fixture("mini-seeds"));
        var gaps = await CliRun.Of("gaps", "--region", "530100", "--store", Backup);
        Assert.That((backup.ExitCode, gaps.ExitCode), Is.EqualTo((0, 0)), backup.Error + gaps.Error);
        Assert.That(StoreDigest.OfGraph(Backup), Is.EqualTo(StoreDigest.OfGraph(Store)), "the same graph as the seeded store (whose log holds the seeding)");
    }

    static readonly Dictionary<string, (Action<string, string> Make, string Reason)> BadFiles = new()
    {
        ["missing"] = ((_, _) => { }, "not found"),
        ["empty"] = ((path, _) => File.WriteAllBytes(path, []), "not a ChainMatch store (no schema version)"),
        ["text"] = ((path, _) => File.WriteAllText(path, "rank,name\n1,宁德电芯公司\n"), "not a SQLite database"),
        ["random bytes"] = ((path, _) => File.WriteAllBytes(path, RandomBytes(64 * 1024)), "not a SQLite database"),
        ["truncated backup"] = (Truncated, "damaged"),
        ["another application's database"] = ((path, _) => { using var c = Open(path); Execute(c, "CREATE TABLE orders (id INTEGER); PRAGMA user_version = 3;"); }, "not a ChainMatch store (no table chain"),
        ["newer schema"] = ((path, store) => { File.Copy(store, path); using var c = Open(path); Execute(c, "PRAGMA user_version = 99;"); }, "store schema version 99 is newer than this build understands"),
    };

    static IEnumerable<string> BadFileNames => BadFiles.Keys;

    [TestCaseSource(nameof(BadFileNames))]
    public async Task AFileThatIsNotAUsableBackupIsRefusedAndTheStoreLeftAsItWas(string kind)
    {
        var (make, reason) = BadFiles[kind];
        make(Backup, Store);
        var before = StoreDigest.Of(Store);

        var run = await CliRun.Of("restore", "--from", Backup, "--store", Store);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Does.StartWith($"error: {(kind == "missing" ? Backup : "backup.db")}: {reason}").And.EndWith("left as it was\n"));
        Assert.That(run.Error.TrimEnd(), Does.Not.Contain('\n'));
        Assert.That(StoreDigest.Of(Store), Is.EqualTo(before));
        Assert.That(Directory.GetFiles(Dir.Path, "*.restore-*"), Is.Empty);
    }

    [Test]
    public async Task RestoreNeedsAStoreFileNotSeeds()
    {
        var run = await CliRun.Of("restore", "--from", Store, "--data", SeedFolder.Fixture("mini-seeds"));
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("--data names seeds"));
    }

    static void Truncated(string path, string store)
    {
        var bytes = File.ReadAllBytes(store);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
    }

    static byte[] RandomBytes(int n)
    {
        var bytes = new byte[n];
        new Random(8).NextBytes(bytes);
        return bytes;
    }

    static SqliteConnection Open(string path)
    {
        var c = new SqliteConnection($"Data Source={path};Pooling=False");
        c.Open();
        Execute(c, "PRAGMA busy_timeout = 5000;");
        return c;
    }

    static void Execute(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    static string Pragma(string path, string name)
    {
        using var c = Open(path);
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"PRAGMA {name}";
        return Convert.ToString(cmd.ExecuteScalar())!;
    }

    Task<long> Version() => SqliteGraphStoreOf(Store).ReadVersionAsync();

    static Storage.Sqlite.SqliteGraphStore SqliteGraphStoreOf(string path) => Storage.Sqlite.SqliteGraphStore.OpenFile(path);

    static long Count(string path, string idPattern)
    {
        using var c = Open(path);
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM firm WHERE id LIKE $p";
        cmd.Parameters.AddWithValue("$p", idPattern);
        return (long)cmd.ExecuteScalar()!;
    }
}
