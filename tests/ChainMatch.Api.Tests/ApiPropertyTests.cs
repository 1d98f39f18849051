using System.Net;
using System.Text.Json.Nodes;
using ChainMatch.Api.Graph;
using ChainMatch.Domain.Graph;
using ChainMatch.Storage.Lists;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChainMatch.Api.Tests;

/// <summary>
/// Every route the service maps, found in its endpoint data source, gets random and hostile route values, query
/// parameters and bodies over the real HTTP pipeline: never a 5xx, every refusal is problem details that names its
/// cause, a refused write leaves the store exactly as it was, and an accepted one is audited and leaves every page answering.
/// </summary>
public class ApiPropertyTests : ApiTest
{
    const int CasesPerEndpoint = 60;

    [Test]
    public void EveryEndpointAnswersHostileRequestsWithoutServerErrorsNamingTheCause()
    {
        var endpoints = HostileRequests.Endpoints(Services).ToList();
        Assert.That(endpoints, Has.Count.GreaterThanOrEqualTo(30), "the walk found too few routes: " + string.Join(", ", endpoints.Select(e => e.Name)));
        var known = KnownValues();
        var store = Services.GetRequiredService<IOptions<GraphOptions>>().Value.StorePath;

        foreach (var endpoint in endpoints)
        {
            var requests = Arb.From(HostileRequests.For(endpoint, known));
            Check.One(HostileInput.Cases(CasesPerEndpoint).WithName(endpoint.Name), Prop.ForAll(requests, request =>
            {
                // Every route value is filled and escaped, so a brace left in the path is one the walk could not fill.
                Assert.That(request.PathAndQuery.Split('?')[0], Does.Not.Contain("{").And.Not.Contain("}"), "the walk could not build a request for " + endpoint.Name);
                var before = endpoint.Writes ? StoreDigest.Of(store) : null;
                var audited = endpoint.Writes ? AuditCount() : 0;
                using var response = Client.SendAsync(request.ToMessage()).GetAwaiter().GetResult();
                var body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
                var what = $"{request} answered {(int)response.StatusCode}: {Shorten(body)}";
                Assert.That((int)response.StatusCode, Is.LessThan(500), what);
                if ((int)response.StatusCode < 400)
                {
                    if (before is not null && StoreDigest.Of(store) != before) StillServes(what, audited);
                    return;
                }
                NamesItsCause(response, body, what);
                if (before is not null) Assert.That(StoreDigest.Of(store), Is.EqualTo(before), what);
            }));
        }
    }

    /// <summary>Pages that show what writes change: after any accepted write, each still answers (a stored value must not break them).</summary>
    static readonly string[] Reads =
    [
        "/api/projects", "/api/projects/pipeline", "/api/problems/overdue", "/api/firms/foil-co", "/api/negative-list", "/api/audit", "/api/audit.csv",
        "/api/regions/530100/targets", "/api/regions/530100/targets?format=csv", "/api/regions/530100/targets.xlsx", "/api/regions/530000/gaps",
        "/api/regions/530100/segments/foil/leads?format=csv", "/api/chains/battery/status/530100.svg",
    ];

    /// <summary>An accepted write that changed the store left its audit entry, and every page still answers.</summary>
    void StillServes(string what, int auditedBefore)
    {
        Assert.That(AuditCount(), Is.GreaterThan(auditedBefore), "a write without its audit entry: " + what);
        foreach (var url in Reads)
        {
            using var read = Client.GetAsync(url).GetAwaiter().GetResult();
            Assert.That((int)read.StatusCode, Is.InRange(200, 299), $"after {what}: GET {url} answered {(int)read.StatusCode} {Shorten(read.Content.ReadAsStringAsync().GetAwaiter().GetResult())}");
        }
    }

    int AuditCount()
    {
        using var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(App.DataDirectory, "chainmatch.db")};Pooling=False");
        db.Open();
        using var count = db.CreateCommand();
        count.CommandText = "SELECT count(*) FROM audit";
        return Convert.ToInt32(count.ExecuteScalar());
    }

    static void NamesItsCause(HttpResponseMessage response, string body, string what)
    {
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), what);
        var problem = JsonNode.Parse(body)!.AsObject();
        Assert.That((string?)problem["title"], Is.Not.Null.And.Not.Empty, what);
        // A 400 names the field it refuses; only a request the framework cannot bind at all ("Bad request") says why in its detail.
        if (response.StatusCode == HttpStatusCode.BadRequest && (string?)problem["title"] != "Bad request")
            Assert.That(problem["errors"], Is.InstanceOf<JsonObject>(), "a 400 that names no field: " + what);
        if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound or HttpStatusCode.Conflict)
        {
            if (problem["errors"] is JsonObject errors)
            {
                Assert.That(errors, Is.Not.Empty, "no cause named: " + what);
                var unnamed = errors.Where(e => e.Key.Length == 0 || e.Value is not JsonArray messages || messages.Any(m => !(((string?)m)?.Length > 0)));
                Assert.That(unnamed.Select(e => $"'{e.Key}': {e.Value?.ToJsonString()}"), Is.Empty, "fields without a field name or a message: " + what);
            }
            else Assert.That((string?)problem["detail"], Is.Not.Null.And.Not.Empty, "no cause named: " + what);
        }
    }

    /// <summary>Ids and codes the mini-seeds hold, by the parameter names that take them, so that requests reach past the first check.</summary>
    Dictionary<string, string[]> KnownValues()
    {
        var graph = Services.GetRequiredService<GraphSnapshot>().Current;
        var chains = graph.Chains.Select(c => c.Id.Value).ToArray();
        var regions = graph.Regions.Select(r => r.Code.Value).ToArray();
        var segments = graph.Segments.Select(s => s.Id.Value).ToArray();
        var firms = graph.Firms.Select(f => f.Id.Value).ToArray();
        var projects = graph.Data.Projects.Select(p => p.Id).ToArray();
        var dates = new[] { "2019", "2024", "2024-06-30" };
        return new(StringComparer.OrdinalIgnoreCase)
        {
            ["chainId"] = chains, ["chain"] = chains,
            ["regionCode"] = regions, ["region"] = regions, ["hq"] = regions, ["root"] = regions, ["province"] = ["530000"],
            ["segmentId"] = segments, ["segment"] = segments, ["segments"] = segments,
            ["firmId"] = firms, ["firm"] = firms, ["projectId"] = projects, ["project"] = projects,
            ["listId"] = [.. ListFamily.All.Select(f => f.Id)], ["list"] = [.. ListFamily.All.Select(f => f.Id)], ["year"] = ["2024", "1989", "2101"],
            ["asOf"] = dates, ["from"] = dates, ["to"] = dates, ["date"] = ["2024-06-30", "2025-01-01"], ["deadline"] = ["2025-01-01"],
            ["stage"] = ["lead", "contacted", "signed", "lost"], ["format"] = ["json", "csv"], ["lang"] = ["zh", "en"],
            ["top"] = ["1", "10", "200", "201"], ["perGap"] = ["1", "5", "51"],
            ["name"] = ["新公司"], ["owner"] = ["昆明市投资促进局"], ["reason"] = ["test"],
        };
    }

    static string Shorten(string s) => s.Length > 600 ? s[..600] + "…" : s;
}
