using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ChainMatch.Domain.Access;

namespace ChainMatch.Api.Tests.Access;

public sealed class LimitsTests
{
    ChainMatchApp _app = null!;

    [SetUp]
    public void Start() => _app = new ChainMatchApp(SeedFolder.Fixture("mini-seeds"), settings: new Dictionary<string, string?>
    {
        ["Limits:MaxBodyBytes"] = "2048",
        ["Limits:MaxImportBytes"] = "4096",
        ["Limits:ExpensivePermits"] = "2",
        ["Limits:ExpensiveWindowSeconds"] = "600",
    });

    [TearDown]
    public void Stop()
    {
        _app.Dispose();
        _app.DeleteData();
    }

    [Test]
    public async Task A_body_over_the_limit_is_a_413_naming_the_limit_and_nothing_is_written()
    {
        using var client = _app.CreateClient();
        var note = new string('x', 3000);
        var lead = await client.PostAsJsonAsync("/api/projects", new { firm = "smelter-co", segment = "foil", region = "530300", ownerTeam = "t", date = "2025-01-01", note });
        var problem = await lead.Content.ReadFromJsonAsync<JsonNode>();
        Assert.That(lead.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That((string?)problem!["limit"], Is.EqualTo("MaxBodyBytes"));
        Assert.That((string?)problem["detail"], Does.Contain("at most 2,048").And.Contain("Limits:MaxBodyBytes"));
        Assert.That((await client.GetFromJsonAsync<JsonArray>("/api/projects"))!, Has.Count.EqualTo(1), "only the seeded project");

        // Imports have their own, larger limit.
        var csv = "project,firm,segment,region,owner,stage,date\n" + string.Concat(Enumerable.Repeat("p,smelter-co,foil,530300,t,lead,2025-01-01\n", 60));
        var small = await client.PostAsync("/api/projects/import?dryRun=true", new StringContent(csv[..2500], Encoding.UTF8, "text/csv"));
        var large = await client.PostAsync("/api/projects/import", new StringContent(csv + csv, Encoding.UTF8, "text/csv"));
        Assert.That(small.StatusCode, Is.Not.EqualTo(HttpStatusCode.RequestEntityTooLarge), "2.5 KB is over the default limit but under the import limit");
        Assert.That(large.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That((string?)(await large.Content.ReadFromJsonAsync<JsonNode>())!["limit"], Is.EqualTo("MaxImportBytes"));
    }

    [Test]
    public async Task Expensive_endpoints_are_rate_limited_per_caller_with_a_429_naming_the_limit()
    {
        using var first = _app.ClientAs(Role.Planner, "530000");
        using var second = _app.ClientAs(Role.Planner, "530000");
        const string url = "/api/chains/battery/anchors/530100?asOf=2025";
        Assert.That((await first.GetAsync(url)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await first.GetAsync(url)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var third = await first.GetAsync(url);
        var problem = await third.Content.ReadFromJsonAsync<JsonNode>();
        Assert.That(third.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That((string?)problem!["limit"], Is.EqualTo("expensive"));
        Assert.That((string?)problem["detail"], Does.StartWith("The 'expensive' limit allows 2 requests per 600 s per caller"));
        Assert.That(third.Headers.RetryAfter?.Delta?.TotalSeconds, Is.GreaterThan(0).And.LessThanOrEqualTo(600));
        Assert.That((await second.GetAsync(url)).StatusCode, Is.EqualTo(HttpStatusCode.OK), "another caller has its own window");
        Assert.That((await first.GetAsync("/api/regions/530100/gaps")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "cheap endpoints are not limited");
    }
}
