using ChainMatch.Domain.Graph;
using ChainMatch.Storage.Seeds;
using ChainMatch.Storage.Sqlite;
using Microsoft.Data.Sqlite;

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
        var store = await GraphLoader.InMemoryFromSeedsAsync(SeedFolder.Fixture("mini-seeds"));
        // Each projection opens its own connection: the seeds outlive the one that wrote them.
        Assert.That((await GraphLoader.ProjectAsync(store)).FindFirm(new FirmId("cell-co"))?.Name, Is.EqualTo("宁德电芯公司"));
        Assert.That((await GraphLoader.ProjectAsync(store)).FindFirm(new FirmId("cell-co"))?.Name, Is.EqualTo("宁德电芯公司"));
        store.Dispose();
        Assert.That(async () => await GraphLoader.ProjectAsync(store), Throws.InstanceOf<SqliteException>().With.Message.Contains("no such table"), "the seeds outlived the store");
    }

    [Test]
    public async Task AStoreFromTheFirstSchemaIsMigratedAtStartAndKeepsItsGraph()
    {
        var path = Path.Combine(_dir.Path, "chainmatch.db");
        // Put the file back to schema version 1, as the first release left it.
        var seeds = await OldStoreFile.WriteAsync(path,
            "DROP TABLE chain_plan; ALTER TABLE firm DROP COLUMN parent; ALTER TABLE firm DROP COLUMN parent_share; ALTER TABLE firm DROP COLUMN parent_publisher; ALTER TABLE firm DROP COLUMN parent_ref; ALTER TABLE firm DROP COLUMN parent_estimate; ALTER TABLE list_membership DROP COLUMN industry; DROP TABLE industry_segment; " +
                "DROP INDEX presence_firm; ALTER TABLE firm DROP COLUMN uscc; ALTER TABLE firm DROP COLUMN aliases; " +
                "ALTER TABLE list_membership DROP COLUMN revenue; DROP TABLE negative_rule; DROP TABLE project_stage; DROP TABLE project; " +
                "DROP TABLE segment_intensity; DROP TABLE region_constraint; ALTER TABLE region DROP COLUMN latitude; ALTER TABLE region DROP COLUMN longitude; " +
                "DROP TABLE interaction; DROP TABLE contact; DROP TABLE promotion_event; DROP TABLE store_version; DROP TABLE api_key; DROP TABLE audit; DROP TABLE session; DROP TABLE access_import; PRAGMA user_version = 1;");

        using var migrated = SqliteGraphStore.OpenFile(path);
        await migrated.InitialiseAsync();
        using var check = new SqliteConnection($"Data Source={path};Pooling=False");
        check.Open();
        using var query = check.CreateCommand();
        query.CommandText = "SELECT (SELECT count(*) FROM sqlite_master WHERE name = 'presence_firm') || '/' || (SELECT user_version FROM pragma_user_version)";
        Assert.That(query.ExecuteScalar(), Is.EqualTo("1/14"));
        Assert.That((await migrated.LoadAsync()).Presences, Has.Length.EqualTo(seeds.Presences.Length));
    }

    static readonly ChainMatch.Domain.Contacts.Contact Erasable = ChainMatch.Domain.Contacts.Contact.Create("erasable", new FirmId("cell-co"),
        new RegionCode("530100"), "Erasable Person", "Chief Erasable Officer", "+86 871 9999 1234", "erase.me@example.com", "kunming",
        "agreed at the Erasable fair", new DateOnly(2025, 3, 2));

    static readonly ChainMatch.Domain.Contacts.Contact Other = ChainMatch.Domain.Contacts.Contact.Create("other", new FirmId("cell-co"),
        new RegionCode("530100"), "Other Person", null, null, null, "kunming", "agreed", new DateOnly(2025, 8, 1));

    /// <summary>A store over the seeds holding <see cref="Erasable"/>.</summary>
    async Task<IGraphStore> StoreWithErasableAsync()
    {
        var store = await OpenAsync();
        await store.ImportAsync(Seeds);
        await store.WriteAsync(GraphData.Empty with { Contacts = [Erasable] }, null);
        return store;
    }

    /// <summary>
    /// A second connection in a read transaction that has read: it holds the write-ahead log as it stood, so no checkpoint
    /// may empty it until the transaction ends. The connection stays open after that, since the last connection to close
    /// would copy the log back and delete it.
    /// </summary>
    (SqliteConnection Reader, SqliteTransaction Transaction) ReaderHoldingTheLog()
    {
        var reader = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(_dir.Path, "chainmatch.db"), Pooling = false }.ToString());
        reader.Open();
        var tx = reader.BeginTransaction(deferred: true);
        using var read = reader.CreateCommand();
        read.Transaction = tx;
        read.CommandText = "SELECT count(*) FROM contact";
        Assert.That(read.ExecuteScalar(), Is.EqualTo(1L));
        return (reader, tx);
    }

    /// <summary>The store folder's files that hold any of the texts, read byte for byte.</summary>
    IEnumerable<string> FilesHolding(params string[] texts) => Directory.GetFiles(_dir.Path)
        .Where(f => texts.Any(System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(f)).Contains))
        .Select(Path.GetFileName)!;

    [Test]
    public async Task AContactRemovedLeavesNoTraceOfItsPersonalDataInTheStoreFiles()
    {
        var store = await StoreWithErasableAsync();

        await store.WriteAsync(GraphData.Empty with { Contacts = [Erasable.Remove(new DateOnly(2025, 7, 1))] }, null);
        CloseStores();

        Assert.That(FilesHolding("Erasable", "9999 1234", "erase.me"), Is.Empty);
    }

    [Test]
    public async Task AReaderHoldingTheLogThroughARemovalIsReportedAndTheNextWriteEmptiesTheLog()
    {
        var store = await StoreWithErasableAsync();
        var (reader, tx) = ReaderHoldingTheLog();
        using var _ = reader;

        ImportReport removal;
        using (tx) removal = await store.WriteAsync(GraphData.Empty with { Contacts = [Erasable.Remove(new DateOnly(2025, 7, 1))] }, null);
        var next = await store.WriteAsync(GraphData.Empty with { Contacts = [Other] }, null);

        Assert.That((removal.LogKept, next.LogKept), Is.EqualTo((true, false)));
        Assert.That(FilesHolding("Erasable", "erase.me"), Is.Empty);
    }

    [Test]
    public async Task ARemovalWhoseRequestIsCancelledWhileTheLogIsHeldStillLeavesItToTheNextWrite()
    {
        var store = await StoreWithErasableAsync();
        var (reader, tx) = ReaderHoldingTheLog();
        using var _ = reader;

        ImportReport removal;
        using (tx)
        {
            // The request is given up while the committed removal waits for the reader to leave the log.
            using var cancel = new CancellationTokenSource();
            removal = await store.WriteAsync(GraphData.Empty with { Contacts = [Erasable.Remove(new DateOnly(2025, 7, 1))] }, _ =>
            {
                cancel.CancelAfter(TimeSpan.FromMilliseconds(700));
                return null;
            }, cancel.Token);
        }
        var next = await store.WriteAsync(GraphData.Empty with { Contacts = [Other] }, null);

        Assert.That((removal.LogKept, next.LogKept), Is.EqualTo((true, false)));
        Assert.That(FilesHolding("Erasable", "erase.me"), Is.Empty);
    }

    [Test]
    public async Task AProjectsRecordedHistoryIsNeverOverwritten()
    {
        using var store = SqliteGraphStore.OpenFile(Path.Combine(_dir.Path, "chainmatch.db"));
        await store.InitialiseAsync();
        var seeds = SeedReader.Read(SeedFolder.Fixture("mini-seeds"));
        await store.ImportAsync(seeds);
        var project = seeds.Projects.Single();
        var rewritten = project with { History = project.History.SetItem(1, project.History[1] with { Note = "edited" }) };
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => store.ImportAsync(GraphData.Empty with { Projects = [rewritten] }));
        Assert.That(e!.Message, Is.EqualTo("project foil-for-kunming: step 2 is already recorded as contacted on 2023-04-10; a project's history is never overwritten"));
        var appended = project with { History = project.History.Add(new ChainMatch.Domain.Projects.StageChange(ChainMatch.Domain.Projects.ProjectStage.Started, new DateOnly(2024, 6, 1))) };
        Assert.That((await store.ImportAsync(GraphData.Empty with { Projects = [appended] })).Written["project_stage"], Is.EqualTo(1));
        Assert.That((await store.LoadAsync()).Projects.Single().History, Has.Length.EqualTo(5));
    }
}
