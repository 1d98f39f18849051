using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ChainMatch.Api.Tests;

/// <summary>The fixture holds one project, foil-for-kunming (cell-co, foil, Kunming), signed on 2024-01-15 for 12.5 亿元.</summary>
public class ProjectsApiTests : ApiTest
{
    Task<HttpResponseMessage> Move(string id, object step) => Client.PostAsJsonAsync($"/api/projects/{id}/stages", step);

    [Test]
    public async Task AProjectShowsItsStageAmountsAndWholeHistory()
    {
        var p = await GetJson("/api/projects/foil-for-kunming");
        Assert.That(((string?)p["stage"], (double?)p["agreedInvestment"], p["history"]!.AsArray().Count), Is.EqualTo(("signed", 12.5, 4)));
        Assert.That((string?)p["history"]![1]!["note"], Is.EqualTo("first visit"));
    }

    [Test]
    public async Task AProjectMovesOnWithADatedStepAndKeepsItsHistory()
    {
        var response = await Move("foil-for-kunming", new { stage = "started", date = "2024-06-01", fundsInPlace = 3.0 });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var p = await GetJson("/api/projects/foil-for-kunming");
        Assert.That(((string?)p["stage"], (double?)p["fundsInPlace"], p["history"]!.AsArray().Count), Is.EqualTo(("started", 3.0, 5)));
    }

    [Test]
    public async Task AnIllegalMoveIsA409NamingTheAllowedNextStages()
    {
        var response = await Move("foil-for-kunming", new { stage = "in-production", date = "2024-06-01" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        var problem = (await response.Content.ReadFromJsonAsync<JsonNode>())!;
        Assert.That(problem["allowed"]!.AsArray().Select(a => (string?)a), Is.EqualTo(new[] { "started", "lost" }));
        Assert.That((string?)(await GetJson("/api/projects/foil-for-kunming"))["stage"], Is.EqualTo("signed"));
    }

    [Test]
    public async Task AStepDatedBeforeTheLastOneIsA400NamingTheDateAndChangesNothing()
    {
        var response = await Move("foil-for-kunming", new { stage = "started", date = "2023-06-01" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var errors = (await response.Content.ReadFromJsonAsync<JsonNode>())!["errors"]!.AsObject();
        Assert.That(errors.Select(e => e.Key), Is.EqualTo(new[] { "date" }));
        Assert.That((string?)errors["date"]![0], Does.Contain("is before its last step").And.Not.Contain("Parameter"));
        Assert.That((string?)(await GetJson("/api/projects/foil-for-kunming"))["stage"], Is.EqualTo("signed"));
    }

    [Test]
    public async Task ANewLeadStartsAtLeadAndAppearsInTheRegionsList()
    {
        var created = await Client.PostAsJsonAsync("/api/projects", new { firm = "smelter-co", segment = "foil", region = "530181", ownerTeam = "安宁市投资促进局", date = "2025-03-01" });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        var inKunming = (await GetJson("/api/projects?region=530100")).AsArray().Select(p => ((string?)p!["id"], (string?)p["stage"]));
        Assert.That(inKunming, Is.EquivalentTo(new[] { ("foil-for-kunming", "signed"), ("smelter-co-foil-530181", "lead") }));
        Assert.That((await GetJson("/api/projects?region=530300")).AsArray(), Is.Empty);
    }

    [Test]
    public async Task ThePipelineCountsProjectsAndAmountsPerStage()
    {
        var pipeline = await GetJson("/api/projects/pipeline?region=530000&chain=battery");
        var signed = pipeline["stages"]!.AsArray().Single(s => (string?)s!["stage"] == "signed")!;
        Assert.That(((int?)signed["projects"], (double?)signed["agreedInvestment"]), Is.EqualTo((1, 12.5)));
        Assert.That((int?)pipeline["signedAtLeast100Million"], Is.EqualTo(1));
    }

    [TestCase("""{"firm":"nobody","segment":"foil","region":"530100","ownerTeam":"t","date":"2025-01-01"}""", "firm")]
    [TestCase("""{"firm":"cell-co","segment":"foil","region":"530100","ownerTeam":" ","date":"2025-01-01"}""", "ownerTeam")]
    [TestCase("""{"firm":"cell-co","segment":"foil","region":"530100","ownerTeam":"t","date":"2025"}""", "date")]
    public async Task ABadLeadIsA400NamingTheField(string body, string field)
    {
        var response = await Client.PostAsync("/api/projects", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await response.Content.ReadFromJsonAsync<JsonNode>())!["errors"]!.AsObject().Select(e => e.Key), Does.Contain(field));
    }

    [Test]
    public async Task AProjectWhoseFirmIsOnTheNegativeListCarriesTheRule() =>
        // The fixture's negative list names cell-co, the firm of foil-for-kunming.
        Assert.That((string?)(await GetJson("/api/projects/foil-for-kunming"))["excludedBy"]![0], Does.StartWith("no-cell-co:"));

    [Test]
    public async Task AnUnknownProjectIsA404() =>
        Assert.That((await Client.GetAsync("/api/projects/nope")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));

    [Test]
    public async Task AProjectLibraryImportsFromCsvAllOrNothing()
    {
        const string header = "project,firm,segment,region,owner,stage,date,agreed_investment,funds_in_place,note\n";
        var bad = await Client.PostAsync("/api/projects/import", new StringContent(header + "p1,安宁冶炼公司,alumina,530181,t,lead,2024-01-10,,,\np2,nobody,alumina,530181,t,lead,2024-01-10,,,\n", System.Text.Encoding.UTF8, "text/csv"));
        Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await Client.GetAsync("/api/projects/p1")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "nothing of a bad file lands");
        var good = await Client.PostAsync("/api/projects/import", new StringContent(header + "p1,安宁冶炼公司,alumina,530181,t,lead,2024-01-10,,,\n", System.Text.Encoding.UTF8, "text/csv"));
        Assert.That(good.StatusCode, Is.EqualTo(HttpStatusCode.OK), await good.Content.ReadAsStringAsync());
        Assert.That((string?)(await GetJson("/api/projects/p1"))["firm"], Is.EqualTo("smelter-co"));
    }
}
