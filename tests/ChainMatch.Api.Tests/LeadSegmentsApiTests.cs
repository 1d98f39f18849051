using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChainMatch.Domain.Access;

namespace ChainMatch.Api.Tests;

/// <summary>The segments the firm page offers for a new lead, through the real pipeline.</summary>
public sealed class LeadSegmentsApiTests : ApiTest
{
    static async Task<List<(string? Segment, string? Basis)>> Offered(HttpClient client, string firm) =>
        [.. (await client.GetFromJsonAsync<JsonNode>($"/api/firms/{firm}/lead-segments"))!.AsArray().Select(x => ((string?)x!["segment"], (string?)x["basis"]))];

    [Test]
    public async Task AFoilMakerIsOfferedFoilFirstThenTheOtherSegmentsOfTheChainsFoilIsIn()
    {
        var offered = await Offered(Client, "foil-co");
        Assert.That(offered[0], Is.EqualTo(((string?)"foil", (string?)"operates")));
        Assert.That(offered.Skip(1).Select(x => x.Basis).Distinct(), Is.EqualTo(new[] { "chain" }));
        Assert.That(offered.Select(x => x.Segment), Is.SupersetOf(new[] { "smelting", "cell" }));
    }

    [Test]
    public async Task ACallerBoundToTheAluminiumChainIsOfferedOnlyAluminiumSegments()
    {
        using var aluminium = App.ClientAs(Role.Admin, "*", "aluminium");
        var offered = await Offered(aluminium, "foil-co");
        Assert.That(offered.Select(x => x.Segment), Does.Contain("smelting").And.Not.Contain("cell"));
    }

    [Test]
    public async Task APlannerMayNotAskForLeadSegments()
    {
        using var planner = App.ClientAs(Role.Planner, "530100");
        using var response = await planner.GetAsync("/api/firms/foil-co/lead-segments");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }
}
