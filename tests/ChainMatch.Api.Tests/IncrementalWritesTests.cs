using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ChainMatch.Api.Graph;
using ChainMatch.Domain.Graph;
using ChainMatch.Storage;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace ChainMatch.Api.Tests;

/// <summary>
/// Writes through the real pipeline are applied to the snapshot, not projected again from the store: after each kind
/// of write the snapshot is what a fresh projection of the store gives, and the periodic check finds a snapshot that
/// drifted, logs how, and serves the store's graph again.
/// </summary>
public class IncrementalWritesTests
{
    ChainMatchApp _app = null!;
    HttpClient _client = null!;
    CapturedLog _log = null!;

    GraphSnapshot Snapshot => _app.Services.GetRequiredService<GraphSnapshot>();

    [SetUp]
    public void StartApp()
    {
        _log = new CapturedLog();
        _app = new ChainMatchApp(SeedFolder.Fixture("mini-seeds"), services: s => s.AddSingleton<ILogEventSink>(_log));
        _client = _app.CreateClient();
    }

    [TearDown]
    public void StopApp()
    {
        _client.Dispose();
        _app.Dispose();
        _app.DeleteData();
    }

    [TestCase("project stage move", "POST", "/api/projects/foil-for-kunming/stages", """{"stage":"started","date":"2024-02-01","fundsInPlace":2.5}""")]
    [TestCase("new lead", "POST", "/api/projects", """{"firm":"smelter-co","segment":"foil","region":"530100","ownerTeam":"昆明市投资促进局","date":"2025-03-01"}""")]
    [TestCase("problem raised", "POST", "/api/projects/foil-for-kunming/problems",
        """{"category":"land","description":"厂房用地","raisedOn":"2025-03-01","leadDepartment":"自然资源局","responsibleDepartments":["发展改革委"],"deadline":"2025-04-01"}""")]
    [TestCase("presence added", "POST", "/api/firms/smelter-co/presences", """{"segment":"foil","region":"530100","capacity":120000,"unit":"t/yr","since":2024,"site":"Kunming foil line"}""")]
    [TestCase("presence corrected", "POST", "/api/firms/smelter-co/presences",
        """{"segment":"smelting","region":"530181-anning-park","capacity":400000,"unit":"t/yr","since":2012,"site":"Anning smelter","sourcePublisher":"Test"}""")]
    [TestCase("firm edit", "PUT", "/api/firms/foil-co", """{"name":"铝箔公司","nameEn":"Foil Co Ltd","headquarters":"530100","ownership":"private","aliases":["箔业"]}""")]
    [TestCase("firm added", "PUT", "/api/firms/new-foil-co", """{"name":"新铝箔公司","headquarters":"530100"}""")]
    [TestCase("negative-list rule", "POST", "/api/negative-list", """{"id":"no-smelting-in-anning","segment":"smelting","region":"530181","reason":"能耗双控"}""")]
    public async Task AfterAWriteTheSnapshotIsWhatAFreshProjectionOfTheStoreGives(string kind, string method, string url, string body)
    {
        var before = Snapshot.Current;
        var response = await _client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        Assert.That((int)response.StatusCode, Is.InRange(200, 299), await response.Content.ReadAsStringAsync());
        Assert.That(Snapshot.Current, Is.Not.SameAs(before), $"the {kind} made a new version");
        await AssertSnapshotIsTheStoresGraph(kind);
    }

    [Test]
    public async Task AfterAListEditionImportTheSnapshotIsWhatAFreshProjectionOfTheStoreGives()
    {
        const string csv = "rank,name,name_en,revenue\n312,宁德电芯公司,Cell Co,56000\n450,新来的公司,Newcomer Metals,12000\n";
        var response = await _client.PostAsync("/api/lists/fortune-global-500/editions/2024?createMissing=true",
            new ByteArrayContent(Encoding.UTF8.GetBytes(csv)) { Headers = { { "Content-Type", "text/csv" } } });
        var report = (await response.Content.ReadFromJsonAsync<JsonNode>())!;
        Assert.That(((int?)report["matched"], (int?)report["created"]), Is.EqualTo((1, 1)), report.ToJsonString());
        await AssertSnapshotIsTheStoresGraph("list import");
    }

    [Test]
    public async Task AfterAProblemIsClosedTheSnapshotIsWhatAFreshProjectionOfTheStoreGives()
    {
        var raised = await _client.PostAsJsonAsync("/api/projects/foil-for-kunming/problems",
            new { category = "power", description = "专线", raisedOn = "2025-03-01", leadDepartment = "供电局", deadline = "2025-04-01" });
        var id = (string)(await raised.Content.ReadFromJsonAsync<JsonNode>())!["id"]!;
        var closed = await _client.PostAsJsonAsync($"/api/projects/foil-for-kunming/problems/{id}/close", new { closedOn = "2025-03-20", resolution = "接通" });
        Assert.That((int)closed.StatusCode, Is.EqualTo(200), await closed.Content.ReadAsStringAsync());
        await AssertSnapshotIsTheStoresGraph("problem closed");
    }

    [Test]
    public async Task AProjectWriteSharesTheFirmsPresencesAndChainsOfThePreviousVersion()
    {
        var before = Snapshot.Current;
        var response = await _client.PostAsJsonAsync("/api/projects/foil-for-kunming/stages", new { stage = "started", date = "2024-02-01" });
        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
        var after = Snapshot.Current;
        Assert.That((after.Data.Firms == before.Data.Firms, after.Data.Presences == before.Data.Presences, after.Data.Segments == before.Data.Segments),
            Is.EqualTo((true, true, true)), "operational records leave the graph's rows as they were: no re-projection");
        Assert.That(after.Data.Projects, Is.Not.EqualTo(before.Data.Projects));
    }

    [Test]
    public async Task ACheckOfASnapshotThatMatchesTheStoreFindsNoDifferenceAndKeepsIt()
    {
        await _client.PostAsJsonAsync("/api/projects/foil-for-kunming/stages", new { stage = "started", date = "2024-02-01" });
        var kept = Snapshot.Current;

        var differences = await _app.Services.GetRequiredService<GraphWrites>().CheckAsync(CancellationToken.None);

        Assert.That(differences, Is.Empty);
        Assert.That(Snapshot.Current, Is.SameAs(kept));
        Assert.That(_log.Warnings(), Is.Empty);
    }

    [Test]
    public async Task ACheckOfASnapshotThatDriftedFromTheStoreLogsTheDifferenceAndServesTheStoresGraph()
    {
        Diverge();

        var differences = await _app.Services.GetRequiredService<GraphWrites>().CheckAsync(CancellationToken.None);

        Assert.That(differences, Has.Count.EqualTo(1));
        Assert.That(differences[0], Does.StartWith("firms: row ").And.Contain("\"Name\":\"漂移的名字\""));
        Assert.That(_log.Warnings(), Has.Some.Contains("漂移的名字"));
        Assert.That(Snapshot.Current.FindFirm(new FirmId("foil-co"))!.Name, Is.Not.EqualTo("漂移的名字"));
        await AssertSnapshotIsTheStoresGraph("the check");
    }

    [Test]
    public async Task ThePeriodicCheckMendsADriftedSnapshotOnItsOwn()
    {
        using var app = new ChainMatchApp(SeedFolder.Fixture("mini-seeds"), settings: new Dictionary<string, string?> { ["Graph:ConsistencyCheckInterval"] = "00:00:00.2" });
        try
        {
            app.CreateClient().Dispose();
            var snapshot = app.Services.GetRequiredService<GraphSnapshot>();
            var firm = snapshot.Current.FindFirm(new FirmId("foil-co"))!;
            snapshot.Swap(snapshot.Current.Apply(GraphData.Empty with { Firms = [firm with { Name = "漂移的名字" }] }), snapshot.Version);
            for (var i = 0; i < 100 && snapshot.Current.FindFirm(firm.Id)!.Name != firm.Name; i++) await Task.Delay(100);
            Assert.That(snapshot.Current.FindFirm(firm.Id)!.Name, Is.EqualTo(firm.Name));
        }
        finally
        {
            app.DeleteData();
        }
    }

    /// <summary>A snapshot that no longer matches the store: a firm renamed in memory only.</summary>
    void Diverge()
    {
        var firm = Snapshot.Current.FindFirm(new FirmId("foil-co"))!;
        Snapshot.Swap(Snapshot.Current.Apply(GraphData.Empty with { Firms = [firm with { Name = "漂移的名字" }] }), Snapshot.Version);
    }

    async Task AssertSnapshotIsTheStoresGraph(string after)
    {
        var fresh = ChainGraph.Build(await _app.Services.GetRequiredService<IGraphStore>().LoadAsync());
        var kept = Snapshot.Current;
        Assert.That(GraphComparison.Differences(fresh.Data, kept.Data), Is.Empty, $"after {after}");
        Assert.That(ProjectionAnswers.Of(kept), Is.EqualTo(ProjectionAnswers.Of(fresh)), $"after {after}");
    }

    /// <summary>Every event the service writes, kept in memory; warnings are the service's own (not the framework's, e.g. data protection's key ring).</summary>
    sealed class CapturedLog : ILogEventSink
    {
        readonly ConcurrentQueue<LogEvent> _events = new();

        public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

        public IReadOnlyList<string> Warnings() => [.. _events
            .Where(e => e.Level >= LogEventLevel.Warning && e.Properties.TryGetValue("SourceContext", out var source) && source.ToString().StartsWith("\"ChainMatch.", StringComparison.Ordinal))
            .Select(e => e.RenderMessage())];
    }
}
