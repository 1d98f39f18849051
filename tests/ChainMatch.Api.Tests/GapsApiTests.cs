using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ChainMatch.Api.Tests;

public class GapsApiTests : ApiTest
{
    static Dictionary<string, string?> Statuses(JsonNode map) =>
        map["segments"]!.AsArray().ToDictionary(s => (string)s!["id"]!, s => (string?)s!["status"]);

    [Test]
    public async Task KunmingsAluminiumMapShowsTheSmallSmelterAsWeakAndTheUnsourcedFoilAsUnverified()
    {
        var map = await GetJson("/api/chains/aluminium/status/530100?asOf=2024");
        Assert.That(Statuses(map), Is.EqualTo(new Dictionary<string, string?>
        {
            ["bauxite"] = "missing", ["alumina"] = "missing", ["smelting"] = "weak", ["foil"] = "unverified",
        }));
        var smelting = map["segments"]!.AsArray().Single(s => (string?)s!["id"] == "smelting")!;
        Assert.That((string?)smelting["localFirms"]![0]!["id"], Is.EqualTo("smelter-co"));
        Assert.That((string?)smelting["gapKind"], Is.EqualTo("weak"));
    }

    [Test]
    public async Task TheMapIsReadAsTheGraphStoodOnTheDateAsked()
    {
        var before = await GetJson("/api/chains/aluminium/status/530100?asOf=2010");
        Assert.That(Statuses(before)["smelting"], Is.EqualTo("missing"));
    }

    [Test]
    public async Task AProvinceMapCoversItsCountiesAndParks()
    {
        var map = await GetJson("/api/chains/aluminium/status/530000?asOf=2024-06-30");
        Assert.That(Statuses(map)["smelting"], Is.EqualTo("weak"));
        Assert.That((string?)map["asOf"], Is.EqualTo("2024-06-30"));
    }

    [Test]
    public async Task TheGapListPutsTheHighestPriorityFirstAndGivesReasons()
    {
        var gaps = (await GetJson("/api/regions/530100/gaps?asOf=2024"))["gaps"]!.AsArray();
        var priorities = gaps.Select(g => (int)g!["priority"]!).ToList();
        Assert.That(priorities, Is.Ordered.Descending);
        Assert.That(gaps.Select(g => (string?)g!["segment"]), Does.Contain("alumina").And.Contain("cell"));
        Assert.That(gaps.Where(g => g!["reasons"]!.AsArray().Count == 0).Select(g => (string?)g!["segment"]), Is.Empty, "gaps without reasons");
    }

    [Test]
    public async Task GapReasonsAreCodesWithArgumentsInChineseAndEnglish()
    {
        var gaps = (await GetJson("/api/regions/530100/gaps?asOf=2024"))["gaps"]!.AsArray();
        var reasons = gaps.SelectMany(g => g!["reasons"]!.AsArray()).Select(r => r!).ToList();
        Assert.That(reasons.Select(r => (string?)r["code"]), Is.All.StartWith("gap."));
        Assert.That(reasons.Select(r => r["args"]), Is.All.InstanceOf<JsonObject>());
        // Every segment name in an argument comes in both languages, and the Chinese text uses the Chinese one.
        var named = reasons.Where(r => r["args"]!["segments"] is not null).ToList();
        Assert.That(named, Is.Not.Empty);
        foreach (var r in named)
            foreach (var segment in r["args"]!["segments"]!.AsArray())
                Assert.That((string?)r["text"]!["zh"], Does.Contain((string?)segment!["zh"]));
    }

    [Test]
    public async Task TheGapListCanBeLimitedToOneChain()
    {
        var gaps = (await GetJson("/api/regions/530100/gaps?asOf=2024&chain=battery"))["gaps"]!.AsArray();
        Assert.That(gaps.Select(g => (string?)g!["segment"]), Is.EqualTo(new[] { "cell" }));
    }

    [Test]
    public async Task GapChangesBetweenTwoDatesAreHealedPersistentOrNew()
    {
        var changes = (await GetJson("/api/regions/530100/gap-changes?from=2010&to=2024&chain=aluminium"))["changes"]!.AsArray();
        var byChange = changes.ToDictionary(c => (string)c!["segment"]!, c => (string?)c!["change"]);
        // The smelter opened in 2012 below minimum scale: missing then, weak now, still a gap.
        Assert.That(byChange["smelting"], Is.EqualTo("persistent"));
        // The foil plant from 2021 is unsourced: it stops being a gap but is not claimed as present.
        Assert.That(byChange["foil"], Is.EqualTo("healed"));
    }
}
