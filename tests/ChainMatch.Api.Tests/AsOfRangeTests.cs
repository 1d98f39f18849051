using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ChainMatch.Api.Tests;

/// <summary>Every route that binds an as-of date refuses one outside the graph's years, naming the range.</summary>
public class AsOfRangeTests : ApiTest
{
    static readonly string[] QueryRoutes =
    [
        "/api/chains/aluminium/status/530100?asOf={0}",
        "/api/chains/aluminium/status/530100.svg?asOf={0}",
        "/api/regions/530100/gaps?asOf={0}",
        "/api/regions/530100/gap-changes?from=2020&to={0}",
        "/api/regions/530100/gap-changes?from={0}&to=2024",
        "/api/regions/530100/segments/alumina/leads?asOf={0}",
        "/api/regions/530100/targets?asOf={0}",
        "/api/regions/530100/targets.xlsx?asOf={0}",
        "/api/chains/aluminium/anchors/530300?asOf={0}",
        "/api/coordination/conflicts?asOf={0}",
        "/api/problems/overdue?asOf={0}",
    ];

    [Test]
    public async Task AnAsOfOutsideTheGraphsYearsIsA400NamingThemOnEveryRoute([ValueSource(nameof(QueryRoutes))] string route, [Values("1800", "2099-06-30")] string date)
    {
        var response = await Client.GetAsync(string.Format(route, date));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject();
        var message = (string)errors.Single().Value![0]!;
        Assert.That(message, Does.Match("outside the graph's years: use a date from [0-9]{4} to [0-9]{4}"));
    }

    [Test]
    public async Task ASimulationBodyWithAnAsOfOutsideTheGraphsYearsIsA400()
    {
        var response = await Client.PostAsJsonAsync("/api/simulations/anchor", new { firm = "smelter-co", region = "530300", chain = "aluminium", asOf = "1800" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("asOf").And.Contain("outside the graph's years"));
    }

    [Test]
    public async Task TheCurrentYearIsAlwaysInsideTheRange()
    {
        var response = await Client.GetAsync($"/api/regions/530100/gaps?asOf={DateTime.UtcNow.Year}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
