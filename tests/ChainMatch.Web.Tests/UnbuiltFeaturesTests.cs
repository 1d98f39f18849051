using System.Text.Json.Nodes;

namespace ChainMatch.Web.Tests;

/// <summary>Simulation (issue 6) has no endpoint yet: its panel must say so plainly, not show made-up data.</summary>
public sealed class UnbuiltFeaturesTests : BrowserTest
{
    [Test]
    public async Task TheSimulationPanelSaysPlainlyItIsNotAvailableWhileTheServiceHasNoSimulationEndpoint()
    {
        using var http = new HttpClient { BaseAddress = Base };
        var paths = JsonNode.Parse(await http.GetStringAsync("/openapi/v1.json"))!["paths"]!.AsObject().Select(p => p.Key);
        Assert.That(paths.Where(p => p.Contains("simulat", StringComparison.OrdinalIgnoreCase) || p.Contains("anchor", StringComparison.OrdinalIgnoreCase)),
            Is.Empty, "the simulation endpoint exists now: replace this test with one of the simulation form showing a result");

        await Open("region=530100&tab=simulation");

        await Assertions.Expect(Page.Locator("#tab-simulation .not-available")).ToContainTextAsync("暂不可用");
    }
}
