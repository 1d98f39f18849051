using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ChainMatch.Api.Tests;

public class SimulationApiTests : ApiTest
{
    [TestCase(-5)]
    [TestCase(0)]
    public async Task AnInlineAnchorOfNoOrNegativeCapacityIsA400NamingTheSegment(double capacity)
    {
        var response = await Client.PostAsJsonAsync("/api/simulations/anchor", new
        {
            firm = "new-anchor", region = "530100", chain = "battery", asOf = "2024",
            describe = new { name = "新锚企", segments = new[] { new { segment = "foil", capacity = (double?)capacity, unit = "t/yr" } } },
        });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), await response.Content.ReadAsStringAsync());
        Assert.That((await response.Content.ReadFromJsonAsync<JsonNode>())!["errors"]!.AsObject().Select(e => e.Key), Does.Contain("describe.segments[0].capacity"));
    }

    [Test]
    public async Task LandingTheSmelterInQujingFillsSmeltingThereAndRaisesCompletenessWithoutWriting()
    {
        var response = await Client.PostAsJsonAsync("/api/simulations/anchor", new { firm = "smelter-co", region = "530300", chain = "aluminium", asOf = "2024" });
        var report = (await response.Content.ReadFromJsonAsync<JsonNode>())!;
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), report.ToJsonString());
        var smelting = report["changes"]!.AsArray().Single(c => (string?)c!["segment"] == "smelting")!;
        Assert.That(((string?)smelting["before"], (string?)smelting["after"]), Is.EqualTo(("missing", "weak")), "350 kt is under the fixture's 400 kt minimum scale");
        Assert.That((double)report["completenessAfter"]!, Is.GreaterThan((double)report["completenessBefore"]!));
        var map = await GetJson("/api/chains/aluminium/status/530300?asOf=2024");
        Assert.That((string?)map["segments"]!.AsArray().Single(s => (string?)s!["id"] == "smelting")!["status"], Is.EqualTo("missing"), "the store is not touched");
    }

    [Test]
    public async Task TheSmelterBreaksQujingsGreenPowerQuotaButNotYunnansAndEveryCheckIsReported()
    {
        var response = await Client.PostAsJsonAsync("/api/simulations/anchor", new { firm = "smelter-co", region = "530300", chain = "aluminium", asOf = "2024" });
        var report = (await response.Content.ReadFromJsonAsync<JsonNode>())!;
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), report.ToJsonString());
        var checks = report["constraints"]!.AsArray().Select(c => ((string?)c!["kind"], (string?)c["region"], (double?)c["available"], (double?)c["usedBefore"],
            (double?)c["anchorNeeds"], (double?)c["headroomAfter"], (bool?)c["broken"], (double?)c["excess"], (double?)c["excessPercent"]));
        // 350,000 t × 13,500 kWh = 4.725 TWh a year. Yunnan: the same smelter already runs in Anning, 100 − 4.725 − 4.725 = 90.55 left.
        // Qujing: nothing used yet, 4 − 4.725 = −0.725, over by 18.1 % of 4. Land: 100 ha a plant out of Qujing's 500.
        Assert.That(checks, Is.EquivalentTo(new[]
        {
            ("green-power-quota", "530000", (double?)100.0, (double?)4.725, (double?)4.725, (double?)90.55, (bool?)false, (double?)null, (double?)null),
            ("green-power-quota", "530300", 4.0, 0.0, 4.725, -0.725, true, 0.725, 18.1),
            ("land", "530300", 500.0, 0.0, 100.0, 400.0, false, null, null),
        }));
    }

    [TestCase("""{"firm":"nobody","region":"530300","chain":"aluminium"}""", HttpStatusCode.NotFound)]
    [TestCase("""{"firm":"smelter-co","region":"qujing","chain":"aluminium"}""", HttpStatusCode.BadRequest)]
    [TestCase("""{"firm":"cell-co","region":"530300","chain":"aluminium","segments":["anode"]}""", HttpStatusCode.NotFound)]
    public async Task ABadScenarioIsAProblem(string body, HttpStatusCode expected)
    {
        var response = await Client.PostAsync("/api/simulations/anchor", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.That(response.StatusCode, Is.EqualTo(expected));
    }
}

public class ScenarioComparisonApiTests : ApiTest
{
    [Test]
    public async Task TwoAnchorsInOneScenarioAreComparedWithEachAlone()
    {
        var response = await Client.PostAsJsonAsync("/api/simulations/compare", new
        {
            // As of 2022 cell-co still made foil (until 2023); smelting feeds foil, so together they close that link.
            anchors = new[] { new { firm = "smelter-co" }, new { firm = "cell-co" } }, region = "530300", chain = "aluminium", asOf = "2022",
        });
        var result = (await response.Content.ReadFromJsonAsync<JsonNode>())!;
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), result.ToJsonString());
        Assert.That(result["alone"]!.AsArray().Select(a => (string?)a!["firm"]), Is.EqualTo(new[] { "smelter-co", "cell-co" }));
        Assert.That((string?)result["verdict"], Is.EqualTo("reinforce"));
        Assert.That((double)result["togetherGain"]!, Is.GreaterThan((double)result["sumOfAlone"]!));
        Assert.That(result["constraints"]!.AsArray().Select(c => (string?)c!["kind"]), Does.Contain("green-power-quota"));
        Assert.That(result["brokenOnlyTogether"]!.AsArray(), Is.Empty, "the smelter alone already breaks Qujing's quota");
    }

    [Test]
    public async Task OneAnchorIsNoComparison()
    {
        var response = await Client.PostAsJsonAsync("/api/simulations/compare", new { anchors = new[] { new { firm = "smelter-co" } }, region = "530300", chain = "aluminium" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }
}

public class InlineAnchorApiTests : ApiTest
{
    [Test]
    public async Task AnAnchorNotInTheGraphCanBeDescribedInlineWithItsCapacity()
    {
        var response = await Client.PostAsJsonAsync("/api/simulations/anchor", new
        {
            firm = "new-smelter", region = "530300", chain = "aluminium", asOf = "2024",
            describe = new { name = "新建电解铝公司", segments = new[] { new { segment = "smelting", capacity = 500000.0, unit = "t/yr" } } },
        });
        var report = (await response.Content.ReadFromJsonAsync<JsonNode>())!;
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), report.ToJsonString());
        Assert.That((string?)report["anchorName"], Is.EqualTo("新建电解铝公司"));
        var smelting = report["changes"]!.AsArray().Single(c => (string?)c!["segment"] == "smelting")!;
        Assert.That((string?)smelting["after"], Is.EqualTo("present"), "500 kt is above the 400 kt minimum scale");
        var alumina = report["inputs"]!.AsArray().Single(i => (string?)i!["segment"] == "alumina")!;
        Assert.That((double?)alumina["demand"], Is.EqualTo(965000.0), "1.93 t of alumina per t of aluminium");
        Assert.That((await Client.GetAsync("/api/firms/new-smelter")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "the store is not touched");
    }

    [TestCase("""{"firm":"smelter-co","region":"530300","chain":"aluminium","describe":{"name":"x","segments":[{"segment":"smelting"}]}}""", "describe")]
    [TestCase("""{"firm":"new-one","region":"530300","chain":"aluminium","describe":{"name":"x","segments":[{"segment":"smelting","capacity":5}]}}""", "describe")]
    public async Task ABadInlineAnchorIsA400(string body, string field)
    {
        var response = await Client.PostAsync("/api/simulations/anchor", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await response.Content.ReadFromJsonAsync<JsonNode>())!["errors"]!.AsObject().Select(e => e.Key), Does.Contain(field));
    }
}
