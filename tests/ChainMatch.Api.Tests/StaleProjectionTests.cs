using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ChainMatch.Api.Tests;

/// <summary>
/// Two services over one store whose periodic catch-up is too slow to help (a minute): a write planned on a projection
/// another process has since changed is not applied on it; it is planned again on the store's newer graph.
/// </summary>
public class StaleProjectionTests
{
    static readonly Dictionary<string, string?> NoCatchUp = new() { ["Graph:CatchUpInterval"] = "00:01:00" };

    [Test]
    public async Task AWriteOnAStaleProjectionIsPlannedAgainOnTheStoresGraphAndRefusedAsThereIsNoLongerAGap()
    {
        using var a = new ChainMatchApp(SeedFolder.Fixture("mini-seeds"), settings: NoCatchUp);
        using var b = new ChainMatchApp(SeedFolder.Fixture("mini-seeds"), dataDirectory: a.DataDirectory, settings: NoCatchUp);
        try
        {
            var (onA, onB) = (a.CreateClient(), b.CreateClient());
            Assert.That((await onB.GetAsync("/api/projects/stale-lead")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "B has projected the store");

            var created = await onA.PostAsJsonAsync("/api/projects", Lead("A's team"));
            Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
            var refused = await onB.PostAsJsonAsync("/api/projects", Lead("B's team"));

            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), await refused.Content.ReadAsStringAsync());
            Assert.That((string?)(await onB.GetFromJsonAsync<JsonNode>("/api/projects/stale-lead"))!["ownerTeam"], Is.EqualTo("A's team"),
                "B caught up while refusing, and A's lead was not overwritten");
        }
        finally
        {
            a.DeleteData();
        }
    }

    [Test]
    public async Task AWriteOnAStaleProjectionKeepsTheOtherProcesssWrite()
    {
        using var a = new ChainMatchApp(SeedFolder.Fixture("mini-seeds"), settings: NoCatchUp);
        using var b = new ChainMatchApp(SeedFolder.Fixture("mini-seeds"), dataDirectory: a.DataDirectory, settings: NoCatchUp);
        try
        {
            var (onA, onB) = (a.CreateClient(), b.CreateClient());
            Assert.That((await onB.GetAsync("/api/projects/foil-for-kunming")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

            var problem = await onA.PostAsJsonAsync("/api/projects/foil-for-kunming/problems",
                new { category = "land", description = "from A", raisedOn = "2025-03-01", leadDepartment = "自然资源局", deadline = "2025-04-01" });
            Assert.That(problem.StatusCode, Is.EqualTo(HttpStatusCode.Created), await problem.Content.ReadAsStringAsync());
            var moved = await onB.PostAsJsonAsync("/api/projects/foil-for-kunming/stages", new { stage = "started", date = "2025-06-01" });

            Assert.That(moved.StatusCode, Is.EqualTo(HttpStatusCode.OK), await moved.Content.ReadAsStringAsync());
            var project = (await onB.GetFromJsonAsync<JsonNode>("/api/projects/foil-for-kunming"))!;
            Assert.That((string?)project["stage"], Is.EqualTo("started"));
            Assert.That(project["problems"]!.AsArray().Select(p => (string?)p!["description"]), Is.EqualTo(new[] { "from A" }),
                "B's move, first planned on a graph without A's problem, did not write the project back without it");
        }
        finally
        {
            a.DeleteData();
        }
    }

    static object Lead(string team) => new { id = "stale-lead", firm = "smelter-co", segment = "foil", region = "530181", ownerTeam = team, date = "2025-03-01" };
}
