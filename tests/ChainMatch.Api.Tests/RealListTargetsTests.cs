using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ChainMatch.Api.Tests;

/// <summary>
/// The service seeded from graph-seeds with the real 2024 Fortune Global 500 uploaded through the lists API
/// (shared/lists, not in the repository): Qujing's target list against real ranks and revenues.
/// </summary>
public class RealListTargetsTests
{
    ChainMatchApp _app = null!;
    HttpClient _client = null!;

    [OneTimeSetUp]
    public async Task StartWithTheRealList()
    {
        var csv = SharedLists.Read(SharedLists.Fortune2024);
        _app = new ChainMatchApp(SeedFolder.RepositorySeeds());
        _client = _app.CreateClient();
        var upload = await _client.PostAsync("/api/lists/fortune-global-500/editions/2024?createMissing=true",
            new ByteArrayContent(csv) { Headers = { { "Content-Type", "text/csv" } } });
        Assert.That(upload.StatusCode, Is.EqualTo(HttpStatusCode.OK), await upload.Content.ReadAsStringAsync());
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _client?.Dispose();
        _app?.Dispose();
        _app?.DeleteData();
    }

    async Task<JsonNode> Targets(string query) => (await _client.GetFromJsonAsync<JsonNode>($"/api/regions/530300/targets?asOf=2025&{query}"))!;

    static int? FortuneRank(JsonNode target) =>
        (int?)target["lists"]!.AsArray().SingleOrDefault(l => ((string)l!["list"]!).StartsWith("fortune-global-500-", StringComparison.Ordinal))?["rank"];

    [Test]
    public async Task QujingsTargetsOnTheFortuneListAreAtLeast25FirmsEachWithARealRankAndRevenue()
    {
        var list = await Targets("list=fortune-global-500");
        var targets = list["targets"]!.AsArray();
        Assert.That((int)list["firms"]!, Is.GreaterThanOrEqualTo(25));
        Assert.That(targets.Select(t => (string?)t!["firmId"]), Is.Unique);
        Assert.That(targets.Select(t => FortuneRank(t!)), Is.All.InRange(1, 500));
        Assert.That(targets.Select(t => (double?)t!["revenue"]), Is.All.GreaterThan(0));
    }

    [Test]
    public async Task AMinimumRevenueOf1000YiKeepsOnlyFirmsWhose2023RevenueReachesIt()
    {
        var targets = (await Targets("minRevenue=1000"))["targets"]!.AsArray();
        Assert.That(targets, Is.Not.Empty);
        Assert.That(targets.Select(t => (double?)t!["revenue"]), Is.All.GreaterThanOrEqualTo(1000), "firms no list gives a revenue for are left out too");
    }
}
