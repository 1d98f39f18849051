using ChainMatch.Domain.Graph;
using ChainMatch.Storage.Access;
using ChainMatch.Storage.Seeds;

namespace ChainMatch.Storage.Tests;

/// <summary>
/// What every access store promises, over the same storage as its graph store: keys, sessions, the audit log, and a
/// graph write's entry committed or rolled back with the write. Each adapter's fixture says how to open both.
/// </summary>
public abstract class AccessStoreContract
{
    static readonly DateTimeOffset Now = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Fresh, empty storage for one test (or <c>Assert.Ignore</c> when the adapter has nothing to run on).</summary>
    protected abstract Task CreateEmptyStorageAsync();

    /// <summary>Both stores on this test's storage, as another process would open them.</summary>
    protected abstract Stores Open();

    readonly List<Stores> _opened = [];

    [SetUp]
    public Task CreateStorage() => CreateEmptyStorageAsync();

    [TearDown]
    public void CloseStores()
    {
        foreach (var stores in _opened) stores.Dispose();
        _opened.Clear();
    }

    protected async Task<Stores> OpenAsync()
    {
        var stores = Open();
        _opened.Add(stores);
        await stores.Access.InitialiseAsync();
        return stores;
    }

    [Test]
    public async Task AKeyIsFoundByItsTokenOnlyAndListedWithoutItsSecret()
    {
        var access = (await OpenAsync()).Access;
        var (key, token) = await access.CreateKeyAsync("kunming", "investment", "530100", ["battery"], Now);

        var other = (await OpenAsync()).Access;
        Assert.That((await other.FindActiveAsync(token))?.Id, Is.EqualTo(key.Id));
        Assert.That(await other.FindActiveAsync(token[..^2] + "xx"), Is.Null, "a wrong secret");
        Assert.That(await other.FindActiveAsync("cmk_nonsense"), Is.Null, "a malformed token");
        Assert.That((await other.ListKeysAsync()).Single(), Is.EqualTo(key).Using<ApiKey>(SameKey));
        Assert.That(await other.HasAnyKeyAsync(), Is.True);
    }

    [Test]
    public async Task ARevokedKeyIsRefusedAndKeepsItsFirstRevocationTime()
    {
        var access = (await OpenAsync()).Access;
        var (key, token) = await access.CreateKeyAsync("k", "planner", "*", [], Now);

        Assert.That(await access.RevokeAsync(key.Id, Now.AddHours(1)), Is.True);
        Assert.That(await access.RevokeAsync(key.Id, Now.AddHours(2)), Is.True);
        Assert.That(await access.RevokeAsync("abcdefabcdef", Now), Is.False, "an unknown key");

        Assert.That(await access.FindActiveAsync(token), Is.Null);
        Assert.That((await access.ListKeysAsync()).Single().Revoked, Is.EqualTo(Now.AddHours(1)));
    }

    [Test]
    public async Task ASessionIsActiveUntilItEndsOrItsKeyIsRevoked()
    {
        var access = (await OpenAsync()).Access;
        var (a, _) = await access.CreateKeyAsync("a", "planner", "*", [], Now);
        var (b, _) = await access.CreateKeyAsync("b", "planner", "*", [], Now);
        var ended = await access.StartSessionAsync(a.Id, Now);
        var revoked = await access.StartSessionAsync(b.Id, Now);
        var other = (await OpenAsync()).Access;
        Assert.That((await other.IsSessionActiveAsync(ended, a.Id), await other.IsSessionActiveAsync(revoked, b.Id)), Is.EqualTo((true, true)));
        Assert.That(await other.IsSessionActiveAsync(ended, b.Id), Is.False, "a session belongs to one key");

        await access.EndSessionAsync(ended, Now.AddMinutes(5));
        await access.RevokeAsync(b.Id, Now.AddMinutes(5));

        Assert.That((await other.IsSessionActiveAsync(ended, a.Id), await other.IsSessionActiveAsync(revoked, b.Id)), Is.EqualTo((false, false)));
    }

    [Test]
    public async Task AuditEntriesComeBackOldestFirstFilteredBySubstringAndTime()
    {
        var access = (await OpenAsync()).Access;
        await access.AppendAsync(new AuditEntry(0, Now, "key:kunming", "PUT /api/firms/{firmId}", "firm:foil-co", "{\"name\":\"a\"}", "{\"name\":\"b\"}"));
        await access.AppendAsync(new AuditEntry(0, Now.AddHours(1), "cli:root", "keys create", "key:abc", null, "{}"));
        await access.AppendAsync(new AuditEntry(0, Now.AddHours(2), "key:kunming", "POST /api/projects", "projects", null, "{}"));

        var all = await access.QueryAuditAsync(new AuditQuery());
        Assert.That(all.Select(e => e.Target), Is.EqualTo(new[] { "firm:foil-co", "key:abc", "projects" }));
        Assert.That(all.Select(e => e.Seq), Is.Ordered.Ascending.And.Unique);
        Assert.That((all[0].At, all[0].Before, all[1].Before), Is.EqualTo((Now, "{\"name\":\"a\"}", (string?)null)));
        Assert.That((await access.QueryAuditAsync(new AuditQuery(Actor: "kunming"))).Select(e => e.Target), Is.EqualTo(new[] { "firm:foil-co", "projects" }));
        Assert.That((await access.QueryAuditAsync(new AuditQuery(From: Now.AddMinutes(30), To: Now.AddHours(2)))).Select(e => e.Target), Is.EqualTo(new[] { "key:abc" }));
        Assert.That((await access.QueryAuditAsync(new AuditQuery(Limit: 1))).Select(e => e.Target), Is.EqualTo(new[] { "firm:foil-co" }));
    }

    [Test]
    public async Task AGraphWritesEntryCommitsWithItAndEveryWriteRaisesTheStoreVersion()
    {
        var stores = await OpenAsync();
        var before = await stores.Graph.ReadVersionAsync();

        var report = await stores.Graph.ImportAsync(Seeds, (merged, rows) =>
            new AuditEntry(0, Now, "cli:test", "seed", "seeds", null, $"{{\"chains\":{merged.Chains.Length},\"version\":{rows.Version}}}"));

        var other = await OpenAsync();
        Assert.That(await other.Graph.ReadVersionAsync(), Is.EqualTo(report.Version).And.GreaterThan(before));
        Assert.That((await other.Access.QueryAuditAsync(new AuditQuery())).Single().After, Is.EqualTo($"{{\"chains\":2,\"version\":{report.Version}}}"));
    }

    [Test]
    public async Task AGraphWriteRefusedBeforeItsCommitLeavesNeitherEntryNorVersion()
    {
        var stores = await OpenAsync();
        await stores.Graph.ImportAsync(Seeds);
        var version = await stores.Graph.ReadVersionAsync();

        Assert.That(() => stores.Graph.ImportAsync(Seeds with { Firms = [.. Seeds.Firms.Select(f => f with { Name = "renamed" })] },
            (_, _) => throw new InvalidOperationException("refused")), Throws.InvalidOperationException);

        Assert.That(await stores.Graph.ReadVersionAsync(), Is.EqualTo(version));
        Assert.That(await stores.Access.QueryAuditAsync(new AuditQuery()), Is.Empty);
        Assert.That((await stores.Graph.LoadAsync()).Firms.Select(f => f.Name), Does.Not.Contain("renamed"));
    }

    [Test]
    public async Task AnIncrementalWritesEntryCommitsWithItsRowsAndItRaisesTheStoreVersion()
    {
        var stores = await OpenAsync();
        await stores.Graph.ImportAsync(Seeds);
        var before = await stores.Graph.ReadVersionAsync();
        var renamed = Seeds.Firms[0] with { Name = "renamed" };

        var report = await stores.Graph.WriteAsync(GraphData.Empty with { Firms = [renamed] }, rows =>
            new AuditEntry(0, Now, "cli:test", "firm", $"firm:{renamed.Id.Value}", null, $"{{\"version\":{rows.Version}}}"));

        var other = await OpenAsync();
        Assert.That(await other.Graph.ReadVersionAsync(), Is.EqualTo(report.Version).And.EqualTo(before + 1));
        Assert.That((await other.Access.QueryAuditAsync(new AuditQuery())).Single().After, Is.EqualTo($"{{\"version\":{report.Version}}}"));
        Assert.That((await other.Graph.LoadAsync()).Firms.Select(f => f.Name), Does.Contain("renamed"));
    }

    [Test]
    public async Task AnIncrementalWriteRefusedBeforeItsCommitLeavesNeitherRowsEntryNorVersion()
    {
        var stores = await OpenAsync();
        await stores.Graph.ImportAsync(Seeds);
        var version = await stores.Graph.ReadVersionAsync();

        Assert.That(() => stores.Graph.WriteAsync(GraphData.Empty with { Firms = [Seeds.Firms[0] with { Name = "renamed" }] },
            _ => throw new InvalidOperationException("refused")), Throws.InvalidOperationException);

        Assert.That(await stores.Graph.ReadVersionAsync(), Is.EqualTo(version));
        Assert.That(await stores.Access.QueryAuditAsync(new AuditQuery()), Is.Empty);
        Assert.That((await stores.Graph.LoadAsync()).Firms.Select(f => f.Name), Does.Not.Contain("renamed"));
    }

    static GraphData Seeds => SeedReader.Read(SeedFolder.Fixture("mini-seeds"));

    static bool SameKey(ApiKey a, ApiKey b) =>
        (a.Id, a.Name, a.Role, a.Region, a.Created, a.Revoked) == (b.Id, b.Name, b.Role, b.Region, b.Created, b.Revoked) && a.Chains.SequenceEqual(b.Chains);
}
