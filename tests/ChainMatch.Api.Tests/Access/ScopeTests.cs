using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChainMatch.Domain.Access;

namespace ChainMatch.Api.Tests.Access;

/// <summary>Region subtrees and chains bound what a caller sees, in paths, queries and bodies alike.</summary>
public sealed class ScopeTests : ApiTest
{
    static async Task<HttpStatusCode> Status(HttpClient client, string url) => (await client.GetAsync(url)).StatusCode;

    [Test]
    public async Task A_Kunming_key_sees_Kunming_and_its_counties_but_not_Qujing()
    {
        using var kunming = App.ClientAs(Role.Investment, "530100");
        Assert.Multiple(async () =>
        {
            Assert.That(await Status(kunming, "/api/regions/530100/gaps"), Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await Status(kunming, "/api/regions/530181/gaps"), Is.EqualTo(HttpStatusCode.OK), "a county of Kunming");
            Assert.That(await Status(kunming, "/api/regions/530181-anning-park/segments/foil/leads"), Is.EqualTo(HttpStatusCode.OK), "a park in a county of Kunming");
            Assert.That(await Status(kunming, "/api/regions/530300/gaps"), Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(await Status(kunming, "/api/regions/530000/targets"), Is.EqualTo(HttpStatusCode.Forbidden), "the province is above Kunming");
            Assert.That(await Status(kunming, "/api/projects?region=530300"), Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(await Status(kunming, "/api/coordination/conflicts?province=530000"), Is.EqualTo(HttpStatusCode.Forbidden));
        });
        var denied = await kunming.GetFromJsonAsync<JsonNode>("/api/regions/530300/gaps").ContinueWith(t => t.Exception?.InnerException?.Message);
        Assert.That(denied, Does.Contain("403"));
    }

    [Test]
    public async Task A_refusal_says_which_region_and_which_scope()
    {
        using var kunming = App.ClientAs(Role.Investment, "530100");
        var response = await kunming.GetAsync("/api/regions/530300/gaps");
        var problem = await response.Content.ReadFromJsonAsync<JsonNode>();
        Assert.That((string?)problem!["detail"], Is.EqualTo("regionCode: region 530300 is outside this caller's scope (530100 and below)"));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
    }

    [Test]
    public async Task Lists_without_a_region_are_narrowed_to_the_callers_subtree()
    {
        await Client.PostAsJsonAsync("/api/projects", new { firm = "smelter-co", segment = "foil", region = "530300", ownerTeam = "曲靖市投资促进局", date = "2025-03-01" });
        using var kunming = App.ClientAs(Role.Investment, "530100");
        using var province = App.ClientAs(Role.Investment, "530000");
        var mine = (await kunming.GetFromJsonAsync<JsonArray>("/api/projects"))!.Select(p => (string)p!["region"]!).ToList();
        var all = (await province.GetFromJsonAsync<JsonArray>("/api/projects"))!.Select(p => (string)p!["region"]!).ToList();
        Assert.That(mine, Is.EqualTo(new[] { "530100" }));
        Assert.That(all, Is.EquivalentTo(new[] { "530100", "530300" }));
        var tree = await kunming.GetFromJsonAsync<JsonArray>("/api/regions");
        Assert.That((string?)tree![0]!["code"], Is.EqualTo("530100"), "the region tree starts at the caller's region");
    }

    [Test]
    public async Task Regions_in_request_bodies_and_of_stored_projects_are_checked_too()
    {
        using var qujing = App.ClientAs(Role.Investment, "530300");
        using var planner = App.ClientAs(Role.Planner, "530300");
        var lead = await qujing.PostAsJsonAsync("/api/projects", new { firm = "smelter-co", segment = "foil", region = "530100", ownerTeam = "x", date = "2025-03-01" });
        var project = await qujing.GetAsync("/api/projects/foil-for-kunming");
        var stage = await qujing.PostAsJsonAsync("/api/projects/foil-for-kunming/stages", new { stage = "lost", date = "2025-03-01" });
        var simulation = await planner.PostAsJsonAsync("/api/simulations/anchor", new { firm = "cell-co", region = "530100", chain = "battery" });
        Assert.Multiple(() =>
        {
            Assert.That(lead.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(project.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(stage.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(simulation.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        });
        var unchanged = await GetJson("/api/projects/foil-for-kunming");
        Assert.That((string?)unchanged["stage"], Is.Not.EqualTo("lost"), "a refused write changes nothing");
    }

    [Test]
    public async Task A_chain_chief_sees_their_chains_only()
    {
        using var chief = App.ClientAs(Role.ChainChief, "530000", "aluminium");
        Assert.Multiple(async () =>
        {
            Assert.That(await Status(chief, "/api/chains/aluminium/status/530100"), Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await Status(chief, "/api/chains/battery/status/530100"), Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(await Status(chief, "/api/regions/530100/gaps?chain=aluminium"), Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await Status(chief, "/api/regions/530100/gaps"), Is.EqualTo(HttpStatusCode.Forbidden), "a list over every chain");
            Assert.That(await Status(chief, "/api/regions/530100/targets?chain=battery"), Is.EqualTo(HttpStatusCode.Forbidden));
            // foil is in both chains; cell only in battery.
            Assert.That(await Status(chief, "/api/regions/530100/segments/foil/leads"), Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await Status(chief, "/api/regions/530100/segments/cell/leads"), Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(await Status(chief, "/api/projects"), Is.EqualTo(HttpStatusCode.Forbidden), "chain chiefs do not read the project library");
        });
    }

    [Test]
    public async Task A_planner_bound_to_a_chain_simulates_and_compares_in_that_chain_only()
    {
        using var planner = App.ClientAs(Role.Planner, "530000", "aluminium");
        var anchor = await planner.PostAsJsonAsync("/api/simulations/anchor", new { firm = "cell-co", region = "530100", chain = "battery" });
        var compare = await planner.PostAsJsonAsync("/api/simulations/compare",
            new { anchors = new[] { new { firm = "cell-co" }, new { firm = "smelter-co" } }, region = "530100", chain = "battery" });
        var segments = await planner.PostAsJsonAsync("/api/simulations/anchor", new { firm = "cell-co", region = "530100", chain = "aluminium", segments = new[] { "cell" } });
        var inline = await planner.PostAsJsonAsync("/api/simulations/anchor",
            new { firm = "new-co", region = "530100", chain = "aluminium", describe = new { name = "新公司", segments = new[] { new { segment = "cell" } } } });
        var own = await planner.PostAsJsonAsync("/api/simulations/anchor", new { firm = "smelter-co", region = "530100", chain = "aluminium" });
        Assert.Multiple(() =>
        {
            Assert.That(anchor.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "another chain");
            Assert.That(compare.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "another chain, compared");
            Assert.That(segments.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "a segment of another chain");
            Assert.That(inline.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "an inline anchor's segment of another chain");
            Assert.That(own.StatusCode, Is.EqualTo(HttpStatusCode.OK), "its own chain");
        });
    }
}
