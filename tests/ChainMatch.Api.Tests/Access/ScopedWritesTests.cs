using System.Net;
using System.Text;
using ChainMatch.Api.Graph;
using ChainMatch.Domain.Access;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChainMatch.Api.Tests.Access;

/// <summary>
/// Every write route that can change a stored record is tried by a Kunming admin on a record stored in Qujing, with
/// Kunming values in the request: each is refused and the store is left exactly as it was. A write route missing from
/// the table fails the walk.
/// </summary>
public sealed class ScopedWritesTests
{
    const string Csv = "text/csv";

    /// <summary>An attempt to take over a Qujing record with Kunming values, per write route.</summary>
    static readonly Dictionary<string, (string Method, string Url, string Body, string ContentType)> TakeOvers = new()
    {
        ["POST /api/negative-list"] = ("POST", "/api/negative-list", $$"""{"id":"{{QujingRecords.Rule}}","segment":"foil","region":"530100","reason":"taken over"}""", "application/json"),
        ["PUT /api/firms/{firmId}"] = ("PUT", $"/api/firms/{QujingRecords.Firm}", """{"name":"taken over","headquarters":"530100"}""", "application/json"),
        ["POST /api/firms/{firmId}/presences"] = ("POST", "/api/firms/smelter-co/presences", """{"segment":"smelting","region":"530300","site":"qujing-secret site","since":2020}""", "application/json"),
        ["POST /api/projects"] = ("POST", "/api/projects", $$"""{"id":"{{QujingRecords.Project}}","firm":"smelter-co","segment":"foil","region":"530100","ownerTeam":"k","date":"2025-03-01"}""", "application/json"),
        ["POST /api/projects/{projectId}/stages"] = ("POST", $"/api/projects/{QujingRecords.Project}/stages", """{"stage":"contacted","date":"2025-04-01"}""", "application/json"),
        ["POST /api/projects/{projectId}/problems"] = ("POST", $"/api/projects/{QujingRecords.Project}/problems",
            """{"category":"land","description":"x","raisedOn":"2025-04-01","leadDepartment":"x","deadline":"2025-05-01"}""", "application/json"),
        ["POST /api/projects/{projectId}/problems/{problemId}/close"] = ("POST", $"/api/projects/{QujingRecords.Project}/problems/problem-1/close",
            """{"closedOn":"2025-04-01","resolution":"closed from Kunming"}""", "application/json"),
        ["POST /api/projects/{projectId}/key-proposals"] = ("POST", $"/api/projects/{QujingRecords.Project}/key-proposals",
            """{"date":"2025-04-01","reason":"proposed from Kunming"}""", "application/json"),
        ["POST /api/projects/{projectId}/key-review"] = ("POST", $"/api/projects/{QujingRecords.Project}/key-review",
            """{"decision":"admit","date":"2025-04-01","reason":"admitted from Kunming"}""", "application/json"),
        ["POST /api/projects/{projectId}/due-dates"] = ("POST", $"/api/projects/{QujingRecords.Project}/due-dates", """{"stage":"signed","by":"2025-06-01"}""", "application/json"),
        // A chain plan is keyed by its region: Qujing's plan can only be named by sending Qujing.
        ["POST /api/chains/{chainId}/plans"] = ("POST", "/api/chains/battery/plans", """{"region":"530300","basedOn":0,"priorities":["taken over"]}""", "application/json"),
        ["POST /api/projects/import"] = ("POST", "/api/projects/import",
            $"project,firm,segment,region,owner,stage,date\n{QujingRecords.Project},smelter-co,foil,530300,qujing-secret owner,lead,2025-03-01\n{QujingRecords.Project},smelter-co,foil,530300,qujing-secret owner,contacted,2025-05-01\n", Csv),
        ["POST /api/crm/contacts"] = ("POST", "/api/crm/contacts",
            $$"""{"id":"{{QujingRecords.Contact}}","firm":"smelter-co","region":"530100","name":"taken over","ownerTeam":"k","consentNote":"c"}""", "application/json"),
        ["POST /api/crm/contacts/import"] = ("POST", "/api/crm/contacts/import", $"id,firm,region,name,owner,consent\n{QujingRecords.Contact},smelter-co,530100,taken over,k,c\n", Csv),
        ["POST /api/crm/interactions"] = ("POST", "/api/crm/interactions",
            $$"""{"id":"{{QujingRecords.Interaction}}","kind":"visit","date":"2025-04-01","firm":"smelter-co","region":"530100","who":"k","notes":"taken over","ownerTeam":"k"}""", "application/json"),
        ["POST /api/crm/interactions/import"] = ("POST", "/api/crm/interactions/import",
            $"id,kind,date,firm,region,who,notes,owner\n{QujingRecords.Interaction},visit,2025-04-01,smelter-co,530100,k,taken over,k\n", Csv),
        ["PUT /api/crm/contacts/{contactId}"] = ("PUT", $"/api/crm/contacts/{QujingRecords.Contact}",
            """{"title":"taken over","ownerTeam":"k","consentNote":"c"}""", "application/json"),
        ["DELETE /api/crm/contacts/{contactId}"] = ("DELETE", $"/api/crm/contacts/{QujingRecords.Contact}", "", "application/json"),
        ["POST /api/crm/events"] = ("POST", "/api/crm/events",
            $$"""{"id":"{{QujingRecords.Event}}","name":"taken over","date":"2025-04-01","place":"k","region":"530100","firms":["smelter-co"],"ownerTeam":"k"}""", "application/json"),
        ["POST /api/crm/events/import"] = ("POST", "/api/crm/events/import",
            $"id,name,date,place,region,firms,owner\n{QujingRecords.Event},taken over,2025-04-01,k,530100,smelter-co,k\n", Csv),
        // A list edition is shared by every region (and may create firms): imported by a caller for all regions.
        ["POST /api/lists/{listId}/editions/{year:int}"] = ("POST", "/api/lists/fortune-global-500/editions/2024", "rank,name\n1,qujing-secret firm\n", Csv),
    };

    /// <summary>Write routes that store no record.</summary>
    static readonly HashSet<string> NoRecord = ["POST /api/session", "DELETE /api/session", "POST /api/simulations/anchor", "POST /api/simulations/anchor/map.svg", "POST /api/simulations/compare"];

    ChainMatchApp _app = null!;

    [SetUp]
    public async Task Seed()
    {
        _app = new ChainMatchApp(SeedFolder.Fixture("mini-seeds"));
        using var admin = _app.CreateClient();
        await QujingRecords.SeedAsync(admin);
    }

    [TearDown]
    public void Stop()
    {
        _app.Dispose();
        _app.DeleteData();
    }

    [Test]
    public async Task No_write_route_lets_a_Kunming_admin_change_a_record_stored_in_Qujing()
    {
        var writeRoutes = _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Where(m => m != "GET")
                .Select(m => $"{m} {("/" + e.RoutePattern.RawText!.Trim('/')).TrimEnd('/')}"))
            .ToList();
        Assert.That(writeRoutes.Except(TakeOvers.Keys).Except(NoRecord), Is.Empty, "write routes with no take-over attempt in the table");

        var store = _app.Services.GetRequiredService<IOptions<GraphOptions>>().Value.StorePath;
        using var kunming = _app.ClientAs(Role.Admin, "530100");
        var failures = new List<string>();
        foreach (var (route, (method, url, body, contentType)) in TakeOvers)
        {
            var before = StoreDigest.Of(store);
            using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent(body, Encoding.UTF8, contentType) };
            using var response = await kunming.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.Forbidden) failures.Add($"{route}: {(int)response.StatusCode} {text}");
            else if (text.Contains("530300", StringComparison.Ordinal) && !body.Contains("530300", StringComparison.Ordinal))
                failures.Add($"{route}: the refusal says where the stored record is: {text}");
            if (StoreDigest.Of(store) != before) failures.Add($"{route}: the store changed");
        }
        Assert.That(failures, Is.Empty);
    }
}
