using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChainMatch.Domain.Access;

namespace ChainMatch.Api.Tests;

/// <summary>The fixture's project foil-for-kunming (Kunming, signed 2024-01-15) proposed, reviewed and given due dates.</summary>
public class KeyProjectsApiTests : ApiTest
{
    static async Task<JsonNode> Read(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), text);
        return JsonNode.Parse(text)!;
    }

    Task<HttpResponseMessage> Propose(HttpClient client) =>
        client.PostAsJsonAsync("/api/projects/foil-for-kunming/key-proposals", new { date = "2024-02-01", reason = "链主企业, 12.5亿元" });

    [Test]
    public async Task AKunmingOfficerProposesAndTheProvinceAdmitsWithReviewerDateAndReason()
    {
        using var kunming = App.ClientAs(Role.Investment, "530100");
        using var province = App.ClientAs(Role.Investment, "530000");
        await Read(await Propose(kunming), HttpStatusCode.OK);
        var admitted = await Read(await province.PostAsJsonAsync("/api/projects/foil-for-kunming/key-review",
            new { decision = "admit", date = "2024-02-10", reason = "符合省重点项目标准" }), HttpStatusCode.OK);
        var key = admitted["key"]!;
        Assert.That(((string?)key["state"], (string?)key["proposedBy"], (string?)key["reviewedBy"], (string?)key["reviewedOn"], (string?)key["reviewReason"]),
            Is.EqualTo(("admitted", "key:test-investment-530100", "key:test-investment-530000", "2024-02-10", "符合省重点项目标准")));
        Assert.That((await GetJson("/api/projects?key=admitted")).AsArray().Select(p => (string?)p!["id"]), Is.EqualTo(new[] { "foil-for-kunming" }));
    }

    [Test]
    public async Task TheKeyFilterLeavesOutProjectsNotInTheLibrary()
    {
        await Read(await Propose(Client), HttpStatusCode.OK);
        Assert.That((await GetJson("/api/projects?key=admitted")).AsArray(), Is.Empty);
        Assert.That((await GetJson("/api/projects?key=proposed")).AsArray().Count, Is.EqualTo(1));
    }

    [Test]
    public async Task AnUnknownKeyStateIsA400NamingKey()
    {
        var response = await Client.GetAsync("/api/projects?key=vip");
        Assert.That((await Read(response, HttpStatusCode.BadRequest))["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "key" }));
    }

    [Test]
    public async Task AProposerCannotAdmitTheirOwnProposal()
    {
        await Read(await Propose(Client), HttpStatusCode.OK);
        using var sameName = App.ClientAs(Role.Admin, "*");
        var response = await sameName.PostAsJsonAsync("/api/projects/foil-for-kunming/key-review", new { decision = "admit", date = "2024-02-10", reason = "ok" });
        Assert.That((await Read(response, HttpStatusCode.Forbidden))["detail"]!.ToString(), Does.Contain("reviewed by someone else"));
    }

    [Test]
    public async Task AKunmingKeyCannotReviewAKunmingProject()
    {
        await Read(await Propose(Client), HttpStatusCode.OK);
        using var kunming = App.ClientAs(Role.Investment, "530100");
        var response = await kunming.PostAsJsonAsync("/api/projects/foil-for-kunming/key-review", new { decision = "refuse", date = "2024-02-10", reason = "no" });
        Assert.That((await Read(response, HttpStatusCode.Forbidden))["detail"]!.ToString(), Does.Contain("a level above"));
    }

    [Test]
    public async Task AReviewWithoutAPendingProposalIsA409()
    {
        using var province = App.ClientAs(Role.Investment, "530000");
        var response = await province.PostAsJsonAsync("/api/projects/foil-for-kunming/key-review", new { decision = "admit", date = "2024-02-10", reason = "ok" });
        await Read(response, HttpStatusCode.Conflict);
    }

    [Test]
    public async Task AProposalIsAuditedWithTheProjectBeforeAndAfter()
    {
        await Read(await Propose(Client), HttpStatusCode.OK);
        var entry = (await GetJson("/api/audit?target=project:foil-for-kunming")).AsArray().Single()!;
        Assert.That((string?)entry["action"], Is.EqualTo("POST /api/projects/{projectId}/key-proposals"));
        Assert.That(((string?)JsonNode.Parse((string)entry["before"]!)!["key"], (string?)JsonNode.Parse((string)entry["after"]!)!["key"]!["reason"]),
            Is.EqualTo(((string?)null, "链主企业, 12.5亿元")));
    }

    [Test]
    public async Task AProjectPastItsDueDateIsListedPerOwnerTeamAndRegionAndItsCardSaysSo()
    {
        var set = await Client.PostAsJsonAsync("/api/projects/foil-for-kunming/due-dates", new { stage = "started", by = "2024-06-30" });
        var project = await Read(set, HttpStatusCode.OK);
        Assert.That(project["pastDue"]!.AsArray().Select(d => (string?)d!["stage"]), Is.EqualTo(new[] { "started" }));

        var report = await GetJson("/api/projects/overdue?region=530100&asOf=2024-07-10");
        var row = report["projects"]!.AsArray().Single()!;
        Assert.That(((string?)row["project"], (int?)row["daysOverdue"], (string?)row["due"]!["by"]), Is.EqualTo(("foil-for-kunming", 10, "2024-06-30")));
        Assert.That((int?)report["byOwnerTeam"]!["昆明市投资促进局"], Is.EqualTo(1));
        Assert.That((int?)report["byRegion"]!["昆明市"], Is.EqualTo(1));
        Assert.That((await GetJson("/api/projects/overdue?region=530100&asOf=2024-06-30"))["projects"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task QujingDoesNotSeeKunmingsOverdueProjects()
    {
        await Read(await Client.PostAsJsonAsync("/api/projects/foil-for-kunming/due-dates", new { stage = "started", by = "2024-06-30" }), HttpStatusCode.OK);
        using var qujing = App.ClientAs(Role.Investment, "530300");
        var response = await qujing.GetAsync("/api/projects/overdue?asOf=2024-07-10");
        Assert.That((await Read(response, HttpStatusCode.OK))["projects"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task ADueDateForAStageAlreadyReachedIsA409()
    {
        var response = await Client.PostAsJsonAsync("/api/projects/foil-for-kunming/due-dates", new { stage = "signed", by = "2024-06-30" });
        await Read(response, HttpStatusCode.Conflict);
    }

    [Test]
    public async Task ADueDateThatIsNotADateIsA400NamingBy()
    {
        var response = await Client.PostAsJsonAsync("/api/projects/foil-for-kunming/due-dates", new { stage = "started", by = "soon" });
        Assert.That((await Read(response, HttpStatusCode.BadRequest))["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "by" }));
    }

    [Test]
    public async Task KeyReviewsAndDueDatesSurviveARestartOfTheService()
    {
        await Read(await Propose(Client), HttpStatusCode.OK);
        await Read(await Client.PostAsJsonAsync("/api/projects/foil-for-kunming/due-dates", new { stage = "started", by = "2024-06-30" }), HttpStatusCode.OK);
        using var restarted = new ChainMatchApp(SeedFolder.Fixture("mini-seeds"), App.DataDirectory);
        using var client = restarted.CreateClient();
        var p = (await client.GetFromJsonAsync<JsonNode>("/api/projects/foil-for-kunming"))!;
        Assert.That(((string?)p["key"]!["state"], (string?)p["dueDates"]![0]!["by"]), Is.EqualTo(("proposed", "2024-06-30")));
    }
}
