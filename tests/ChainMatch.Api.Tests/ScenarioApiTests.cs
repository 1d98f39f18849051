using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ChainMatch.Api.Tests;

/// <summary>What the scenario workbench relies on: a scenario's segments belong to its chain, and the report says what is already there.</summary>
public class ScenarioApiTests : ApiTest
{
    async Task<(HttpStatusCode Status, JsonNode Body)> Simulate(object body)
    {
        var response = await Client.PostAsJsonAsync("/api/simulations/anchor", body);
        return (response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonNode>())!);
    }

    [Test]
    public async Task ASegmentOfAnotherChainIsA400NamingTheSegmentsField()
    {
        var (status, body) = await Simulate(new { firm = "cell-co", region = "530300", chain = "aluminium", segments = new[] { "cell" } });
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest), body.ToJsonString());
        Assert.That((string?)body["errors"]!["segments"]![0], Does.Contain("cell is not a segment of chain 'aluminium'"));
    }

    [Test]
    public async Task AnInlineAnchorWithASegmentOfAnotherChainIsA400NamingDescribe()
    {
        var (status, body) = await Simulate(new
        {
            firm = "new-cells", region = "530300", chain = "aluminium",
            describe = new { name = "新电芯", segments = new[] { new { segment = "cell" } } },
        });
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest), body.ToJsonString());
        Assert.That(body["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "describe" }));
    }

    [Test]
    public async Task TwoAnchorsOneBringingASegmentOfAnotherChainAreRefusedNamingAnchors()
    {
        var response = await Client.PostAsJsonAsync("/api/simulations/compare", new
        {
            region = "530300", chain = "aluminium",
            anchors = new object[] { new { firm = "smelter-co" }, new { firm = "cell-co", segments = new[] { "cell" } } },
        });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await response.Content.ReadFromJsonAsync<JsonNode>())!["errors"]!.AsObject().Select(e => e.Key), Does.Contain("anchors"));
    }

    [Test]
    public async Task LandingTheSmelterInKunmingSaysItAlreadyRunsASmelterThere()
    {
        var (status, body) = await Simulate(new { firm = "smelter-co", region = "530100", chain = "aluminium", asOf = "2024" });
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        Assert.That(body["alreadyPresent"]!.AsArray().Select(s => ((string?)s!["segment"], (double?)s["capacity"])), Is.EqualTo(new[] { ("smelting", (double?)350000) }));
    }

    [Test]
    public async Task LandingTheSmelterInQujingSaysNothingIsThereYet()
    {
        var (_, body) = await Simulate(new { firm = "smelter-co", region = "530300", chain = "aluminium", asOf = "2024" });
        Assert.That(body["alreadyPresent"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task AShortfallOfTheWholeDemandShowsNoLocalSupplyAndNothingLeft()
    {
        var (_, body) = await Simulate(new { firm = "smelter-co", region = "530300", chain = "aluminium", asOf = "2024" });
        var alumina = body["inputs"]!.AsArray().Single(n => (string?)n!["segment"] == "alumina")!;
        // 350,000 t of aluminium a year × 1.93 t of alumina per t; Qujing makes no alumina.
        Assert.That(((double?)alumina["demand"], (double?)alumina["localSupply"], (double?)alumina["localUse"], (double?)alumina["left"], (double?)alumina["shortfall"]),
            Is.EqualTo(((double?)675500, (double?)null, (double?)0, (double?)0, (double?)675500)));
    }
}

/// <summary>POST /api/simulations/anchor/map.svg: the status map after the anchor landed, beside GET …/status/{region}.svg before.</summary>
public class AfterMapApiTests : ApiTest
{
    static string? StatusOf(string svg, string segment) =>
        System.Xml.Linq.XDocument.Parse(svg).Descendants().FirstOrDefault(e => (string?)e.Attribute("data-segment") == segment && e.Attribute("data-status") is not null)
            ?.Attribute("data-status")?.Value;

    [Test]
    public async Task TheMapAfterTheSmelterLandsInQujingShowsSmeltingWeakWhereTheMapBeforeShowsItMissing()
    {
        var before = await Client.GetStringAsync("/api/chains/aluminium/status/530300.svg?asOf=2024");
        var response = await Client.PostAsJsonAsync("/api/simulations/anchor/map.svg?lang=en", new { firm = "smelter-co", region = "530300", chain = "aluminium", asOf = "2024" });
        var after = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), after);
        Assert.That((StatusOf(before, "smelting"), StatusOf(after, "smelting")), Is.EqualTo(("missing", "weak")));
        Assert.That(StatusOf(await Client.GetStringAsync("/api/chains/aluminium/status/530300.svg?asOf=2024"), "smelting"), Is.EqualTo("missing"), "the store is not touched");
    }

    [Test]
    public async Task AnUnknownLanguageIsA400NamingLang()
    {
        var response = await Client.PostAsJsonAsync("/api/simulations/anchor/map.svg?lang=fr", new { firm = "smelter-co", region = "530300", chain = "aluminium" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await response.Content.ReadFromJsonAsync<JsonNode>())!["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "lang" }));
    }
}
