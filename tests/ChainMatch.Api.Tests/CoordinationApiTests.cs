using ChainMatch.Domain.Access;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ChainMatch.Api.Tests;

/// <summary>The fixture's Kunming already pursues cell-co for foil (project foil-for-kunming, signed).</summary>
public class CoordinationApiTests : ApiTest
{
    Task<HttpResponseMessage> QujingCourtsTheSameFirm() => Client.PostAsJsonAsync("/api/projects",
        new { firm = "cell-co", segment = "foil", region = "530300", ownerTeam = "曲靖市投资促进局", date = "2024-06-01" });

    [Test]
    public async Task ALeadForAFirmAndSegmentPursuedElsewhereInTheProvinceWarnsAndNamesTheOtherRegion()
    {
        var response = await QujingCourtsTheSameFirm();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var warnings = (await response.Content.ReadFromJsonAsync<JsonNode>())!["warnings"]!.AsArray().Select(w => (string?)w).ToList();
        Assert.That(warnings.Single(), Does.StartWith("昆明市 already pursues this firm for this segment (project foil-for-kunming, signed"));
    }

    [Test]
    public async Task TheDuplicateCheckGivesTheSameWarningBeforeALeadIsSavedAndSavesNothing()
    {
        var check = await GetJson("/api/projects/duplicates?firm=cell-co&segment=foil&region=530300");
        var warnings = check["warnings"]!.AsArray().Select(w => (string?)w).ToList();
        Assert.That(warnings.Single(), Does.StartWith("昆明市 already pursues this firm for this segment (project foil-for-kunming, signed"));
        Assert.That((await GetJson("/api/projects?region=530300")).AsArray(), Is.Empty);
    }

    [Test]
    public async Task TheDuplicateCheckOfAnUnknownFirmIsA400NamingIt()
    {
        var response = await Client.GetAsync("/api/projects/duplicates?firm=no-such-firm&segment=foil&region=530300");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("unknown firm 'no-such-firm'"));
    }

    [Test]
    public async Task AKunmingLeadIsWarnedThatQujingPursuesTheFirmWithoutQujingsProjectOrOwner()
    {
        await QujingCourtsTheSameFirm();
        using var kunming = App.ClientAs(Role.Investment, "530100");
        var response = await kunming.PostAsJsonAsync("/api/projects", new { firm = "cell-co", segment = "foil", region = "530181", ownerTeam = "安宁市", date = "2024-07-01" });
        var warnings = (await response.Content.ReadFromJsonAsync<JsonNode>())!["warnings"]!.AsArray().Select(w => (string?)w).ToList();
        Assert.That(warnings, Is.EqualTo(new[] { "曲靖市 already pursues this firm for this segment" }));
    }

    [Test]
    public async Task TheProvinceSeesBothPursuitsWithStagesOwnersAndASuggestion()
    {
        Assert.That((await GetJson("/api/coordination/conflicts?asOf=2024-12-31"))["conflicts"]!.AsArray(), Is.Empty, "one region alone is no conflict");
        await QujingCourtsTheSameFirm();
        var conflict = (await GetJson("/api/coordination/conflicts?asOf=2024-12-31"))["conflicts"]![0]!;
        Assert.That(((string?)conflict["firm"], (string?)conflict["segment"]), Is.EqualTo(("cell-co", "foil")));
        Assert.That(conflict["pursuits"]!.AsArray().Select(p => ((string?)p!["region"], (string?)p["stage"])),
            Is.EquivalentTo(new[] { ("530100", "signed"), ("530300", "lead") }));
        Assert.That((string?)conflict["suggestion"], Is.Not.Empty);
    }

    [Test]
    public async Task AnUnknownProvinceIsA404() =>
        Assert.That((await Client.GetAsync("/api/coordination/conflicts?province=990000")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
}
