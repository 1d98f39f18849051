using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace ChainMatch.Api.Tests;

/// <summary>
/// Many writes to one record at once through the real pipeline: each is kept under its own id, or refused with a 409;
/// none is silently lost and none is a 500.
/// </summary>
public sealed class ConcurrentWritesTests : ApiTest
{
    const int Parallel = 24;

    [Test]
    public async Task Problems_raised_at_once_on_one_project_are_all_kept_under_distinct_ids()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(i => Client.PostAsJsonAsync("/api/projects/foil-for-kunming/problems",
            new { category = "land", description = $"problem {i}", raisedOn = "2025-03-01", leadDepartment = "自然资源局", deadline = "2025-04-01" })));
        var created = new List<string>();
        foreach (var r in responses)
        {
            Assert.That(r.StatusCode, Is.EqualTo(HttpStatusCode.Created).Or.EqualTo(HttpStatusCode.Conflict), await r.Content.ReadAsStringAsync());
            if (r.StatusCode == HttpStatusCode.Created) created.Add((string)(await r.Content.ReadFromJsonAsync<JsonNode>())!["id"]!);
        }
        var stored = (await GetJson("/api/projects/foil-for-kunming"))["problems"]!.AsArray().Select(p => (string)p!["id"]!).ToList();
        Assert.That(created, Is.Unique);
        Assert.That(stored, Is.EquivalentTo(created), "every problem answered 201 is in the store");
    }

    [Test]
    public async Task Leads_created_at_once_under_one_id_are_one_201_and_the_rest_409()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(i => Client.PostAsJsonAsync("/api/projects",
            new { id = "same-lead", firm = "smelter-co", segment = "foil", region = "530100", ownerTeam = $"team {i}", date = "2025-03-01" })));
        var statuses = responses.Select(r => r.StatusCode).ToList();
        Assert.That(statuses.Count(s => s == HttpStatusCode.Created), Is.EqualTo(1));
        Assert.That(statuses.Count(s => s == HttpStatusCode.Conflict), Is.EqualTo(Parallel - 1));
        var winner = (string)(await responses.Single(r => r.StatusCode == HttpStatusCode.Created).Content.ReadFromJsonAsync<JsonNode>())!["project"]!["ownerTeam"]!;
        Assert.That((string?)(await GetJson("/api/projects/same-lead"))["ownerTeam"], Is.EqualTo(winner), "the stored lead is the one answered 201");
    }

    [Test]
    public async Task Stage_moves_and_imports_at_once_on_one_project_keep_every_step_answered_200()
    {
        var moves = Enumerable.Range(0, Parallel / 2).Select(i => Client.PostAsJsonAsync("/api/projects/foil-for-kunming/stages",
            new { stage = "started", date = $"2024-02-{i + 1:00}" }));
        var csv = "project,firm,segment,region,owner,stage,date\nimported,smelter-co,foil,530100,昆明市投资促进局,lead,2024-01-01\n";
        var imports = Enumerable.Range(0, Parallel / 2).Select(_ => Client.PostAsync("/api/projects/import", new StringContent(csv, Encoding.UTF8, "text/csv")));
        var responses = await Task.WhenAll(moves.Concat(imports));
        Assert.That(responses.Select(r => (int)r.StatusCode), Has.All.Not.GreaterThanOrEqualTo(500));
        var moved = responses.Take(Parallel / 2).Count(r => r.StatusCode == HttpStatusCode.OK);
        Assert.That(moved, Is.EqualTo(1), "signed → started once; a second 'started' on a started project is an illegal move (409)");
        var history = (await GetJson("/api/projects/foil-for-kunming"))["history"]!.AsArray();
        Assert.That(history.Count(h => (string?)h!["stage"] == "started"), Is.EqualTo(moved));
    }
}
