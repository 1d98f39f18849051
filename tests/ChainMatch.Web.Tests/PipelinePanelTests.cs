using System.Text.Json.Nodes;

namespace ChainMatch.Web.Tests;

/// <summary>The project library's pipeline for the chosen region, as the service reports it.</summary>
public sealed class PipelinePanelTests : BrowserTest
{
    [Test]
    public async Task ThePipelinePanelShowsEachStageWithTheServicesCountsForTheChosenChain()
    {
        using var http = WebSession.Service.AdminClient();
        var stages = JsonNode.Parse(await http.GetStringAsync("/api/projects/pipeline?region=530100&chain=aluminium"))!["stages"]!.AsArray();

        await Open("region=530100&chain=aluminium&tab=pipeline");
        var rows = Page.Locator("#tab-pipeline table.pipeline tbody tr");
        await rows.First.WaitForAsync();

        Assert.That(await rows.CountAsync(), Is.EqualTo(stages.Count));
        foreach (var stage in stages)
        {
            var row = Page.Locator($"#tab-pipeline table.pipeline tr[data-stage='{(string)stage!["stage"]!}']");
            Assert.That(await row.Locator("td").Nth(1).TextContentAsync(), Is.EqualTo(((int)stage["projects"]!).ToString()));
        }
    }
}
