using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChainMatch.Domain.Access;

namespace ChainMatch.Api.Tests;

/// <summary>A battery chain chief for Kunming reads the chain's projects and problems and keeps its plan (一链一策).</summary>
public class ChainWorkspaceApiTests : ApiTest
{
    static object Draft(int basedOn, string priority = "补链: 正极材料") => new
    {
        region = "530100", basedOn, priorities = new[] { priority, "强链: 电池箔" }, responsibleUnits = new[] { "市工信局", "市投资促进局" },
        yearlyTargets = new[] { new { year = 2027, target = "引进电池材料项目2个" } },
    };

    static async Task<JsonNode> Read(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), text);
        return JsonNode.Parse(text)!;
    }

    [Test]
    public async Task AChainChiefSeesTheChainsProjectsInTheRegion()
    {
        using var chief = App.ClientAs(Role.ChainChief, "530100", "battery");
        var workspace = await Read(await chief.GetAsync("/api/chains/battery/workspace"), HttpStatusCode.OK);
        Assert.That(workspace["projects"]!.AsArray().Select(p => (string?)p!["id"]), Is.EqualTo(new[] { "foil-for-kunming" }));
        Assert.That(((string?)workspace["chainName"], (string?)workspace["regionName"]), Is.EqualTo(("电池", "昆明市")));
    }

    [Test]
    public async Task AChainChiefSeesTheProblemsOfTheChainsProjects()
    {
        var raised = await Client.PostAsJsonAsync("/api/projects/foil-for-kunming/problems",
            new { category = "用电", description = "专线未通", raisedOn = "2024-02-01", leadDepartment = "供电局", responsibleDepartments = new[] { "发改委" }, deadline = "2024-03-01" });
        await Read(raised, HttpStatusCode.Created);
        using var chief = App.ClientAs(Role.ChainChief, "530100", "battery");
        var workspace = await Read(await chief.GetAsync("/api/chains/battery/workspace"), HttpStatusCode.OK);
        var problem = workspace["problems"]!.AsArray().Single()!;
        Assert.That(((string?)problem["project"], (string?)problem["problem"]!["description"], (bool?)problem["overdue"]), Is.EqualTo(("foil-for-kunming", "专线未通", true)));
    }

    [Test]
    public async Task AChainChiefStillCannotReadOrWriteTheProjectLibrary()
    {
        using var chief = App.ClientAs(Role.ChainChief, "530100", "battery");
        Assert.That((await chief.GetAsync("/api/projects/foil-for-kunming")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        var move = await chief.PostAsJsonAsync("/api/projects/foil-for-kunming/stages", new { stage = "started", date = "2024-06-01" });
        Assert.That(move.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task AnotherChainsChiefIsRefusedTheWorkspace()
    {
        using var aluminium = App.ClientAs(Role.ChainChief, "530100", "aluminium");
        Assert.That((await aluminium.GetAsync("/api/chains/battery/workspace")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task AQujingChiefOfTheChainSeesNoneOfKunmingsProjects()
    {
        using var qujing = App.ClientAs(Role.ChainChief, "530300", "battery");
        var workspace = await Read(await qujing.GetAsync("/api/chains/battery/workspace"), HttpStatusCode.OK);
        Assert.That(workspace["projects"]!.AsArray(), Is.Empty);
        Assert.That((await qujing.GetAsync("/api/chains/battery/workspace?region=530100")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task EachSaveOfThePlanIsANewVersionWithAuthorAndTimeListedNewestFirst()
    {
        using var chief = App.ClientAs(Role.ChainChief, "530100", "battery");
        var first = await Read(await chief.PostAsJsonAsync("/api/chains/battery/plans", Draft(0)), HttpStatusCode.Created);
        Assert.That(((int?)first["version"], (string?)first["author"]), Is.EqualTo((1, "key:test-chain-chief-530100")));
        await Read(await chief.PostAsJsonAsync("/api/chains/battery/plans", Draft(1, "延链: 电池回收")), HttpStatusCode.Created);

        var workspace = await Read(await chief.GetAsync("/api/chains/battery/workspace"), HttpStatusCode.OK);
        Assert.That((string?)workspace["plan"]!["priorities"]![0], Is.EqualTo("延链: 电池回收"));
        Assert.That(workspace["planHistory"]!.AsArray().Select(p => (int?)p!["version"]), Is.EqualTo(new int?[] { 2, 1 }));
        Assert.That((string?)workspace["planHistory"]![1]!["savedAt"], Is.Not.Null);
    }

    [Test]
    public async Task ASaveFromAnOutdatedVersionIsA409AndChangesNothing()
    {
        using var chief = App.ClientAs(Role.ChainChief, "530100", "battery");
        await Read(await chief.PostAsJsonAsync("/api/chains/battery/plans", Draft(0)), HttpStatusCode.Created);
        await Read(await chief.PostAsJsonAsync("/api/chains/battery/plans", Draft(0, "other")), HttpStatusCode.Conflict);
        var workspace = await Read(await chief.GetAsync("/api/chains/battery/workspace"), HttpStatusCode.OK);
        Assert.That(workspace["planHistory"]!.AsArray().Count, Is.EqualTo(1));
    }

    [Test]
    public async Task APlanWithoutPrioritiesIsA400NamingThem()
    {
        using var chief = App.ClientAs(Role.ChainChief, "530100", "battery");
        var response = await chief.PostAsJsonAsync("/api/chains/battery/plans", new { region = "530100", basedOn = 0, priorities = Array.Empty<string>() });
        Assert.That((await Read(response, HttpStatusCode.BadRequest))["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "priorities" }));
    }

    [Test]
    public async Task AnInvestmentOfficerReadsThePlanButCannotSaveIt()
    {
        using var officer = App.ClientAs(Role.Investment, "530100");
        Assert.That((await officer.GetAsync("/api/chains/battery/workspace")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await officer.PostAsJsonAsync("/api/chains/battery/plans", Draft(0))).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task APlanSaveIsAuditedAndSurvivesARestart()
    {
        using var chief = App.ClientAs(Role.ChainChief, "530100", "battery");
        await Read(await chief.PostAsJsonAsync("/api/chains/battery/plans", Draft(0)), HttpStatusCode.Created);
        var entry = (await GetJson("/api/audit?target=chain-plan:battery")).AsArray().Single()!;
        Assert.That((string?)JsonNode.Parse((string)entry["after"]!)!["chainPlans"]![0]!["priorities"]![0], Is.EqualTo("补链: 正极材料"));
        using var restarted = new ChainMatchApp(SeedFolder.Fixture("mini-seeds"), App.DataDirectory);
        using var client = restarted.CreateClient();
        var workspace = (await client.GetFromJsonAsync<JsonNode>("/api/chains/battery/workspace?region=530100"))!;
        Assert.That((int?)workspace["plan"]!["version"], Is.EqualTo(1));
    }
}
