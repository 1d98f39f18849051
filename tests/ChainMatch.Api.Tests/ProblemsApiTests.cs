using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ChainMatch.Api.Tests;

public class ProblemsApiTests : ApiTest
{
    const string Project = "/api/projects/foil-for-kunming";

    Task<HttpResponseMessage> Raise(string deadline = "2024-03-31") => Client.PostAsJsonAsync($"{Project}/problems", new
    {
        category = "power", description = "110 kV connection for the foil line", raisedOn = "2024-02-01",
        leadDepartment = "昆明市工业和信息化局", responsibleDepartments = new[] { "云南电网昆明供电局" }, deadline,
    });

    [Test]
    public async Task ARaisedProblemPastItsDeadlineIsListedAsOverduePerDepartmentAndRegion()
    {
        Assert.That((await Raise()).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var report = await GetJson("/api/problems/overdue?asOf=2024-04-10");
        var problem = report["problems"]![0]!;
        Assert.That(((string?)problem["project"], (int?)problem["daysOverdue"]), Is.EqualTo(("foil-for-kunming", 10)));
        Assert.That((int?)report["byDepartment"]!["昆明市工业和信息化局"], Is.EqualTo(1));
        Assert.That((int?)report["byRegion"]!["昆明市"], Is.EqualTo(1));
        Assert.That((await GetJson("/api/problems/overdue?asOf=2024-03-31"))["problems"]!.AsArray(), Is.Empty, "not overdue on its deadline");
    }

    [Test]
    public async Task AClosedProblemKeepsItsResolutionAndIsNoLongerOverdue()
    {
        await Raise();
        var closed = await Client.PostAsJsonAsync($"{Project}/problems/problem-1/close", new { closedOn = "2024-04-05", resolution = "temporary supply from the park substation" });
        Assert.That(closed.StatusCode, Is.EqualTo(HttpStatusCode.OK), await closed.Content.ReadAsStringAsync());
        var problem = (await GetJson(Project))["problems"]![0]!;
        Assert.That(((string?)problem["closedOn"], (string?)problem["resolution"]), Is.EqualTo(("2024-04-05", "temporary supply from the park substation")));
        Assert.That((await GetJson("/api/problems/overdue?asOf=2024-05-01"))["problems"]!.AsArray(), Is.Empty);
        var again = await Client.PostAsJsonAsync($"{Project}/problems/problem-1/close", new { closedOn = "2024-04-06", resolution = "again" });
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
    }

    [Test]
    public async Task ADeadlineBeforeTheProblemWasRaisedIsA400()
    {
        var response = await Raise(deadline: "2024-01-01");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await response.Content.ReadFromJsonAsync<JsonNode>())!["errors"]!.AsObject().Select(e => e.Key), Does.Contain("deadline"));
    }

    [Test]
    public async Task ClosingWithoutAResolutionIsA400()
    {
        await Raise();
        var response = await Client.PostAsJsonAsync($"{Project}/problems/problem-1/close", new { closedOn = "2024-04-05", resolution = " " });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await response.Content.ReadFromJsonAsync<JsonNode>())!["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "resolution" }));
    }

    [Test]
    public async Task ClosingBeforeTheProblemWasRaisedIsA400NamingClosedOn()
    {
        await Raise();
        var response = await Client.PostAsJsonAsync($"{Project}/problems/problem-1/close", new { closedOn = "2023-01-01", resolution = "done" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var errors = (await response.Content.ReadFromJsonAsync<JsonNode>())!["errors"]!.AsObject();
        Assert.That(errors.Select(e => e.Key), Is.EqualTo(new[] { "closedOn" }));
        Assert.That((string?)errors["closedOn"]![0], Does.Contain("before it was raised").And.Not.Contain("Parameter"));
    }
}
