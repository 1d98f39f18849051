using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace ChainMatch.Web.Tests;

/// <summary>Small fixes the investment team asked for: fits not log-odds, one error at a time, chain names, aligned and filtered pipeline, legible map.</summary>
public sealed class WorkbenchFixesTests : BrowserTest
{
    [Test]
    public async Task ALeadShowsAFitFrom0To100MappedFromTheModelScoreNotTheRawScore()
    {
        using var http = WebSession.Service.AdminClient();
        var leads = JsonNode.Parse(await http.GetStringAsync("/api/regions/530100/segments/alumina/leads?top=10&asOf=2024"))!["leads"]!.AsArray();
        var score = (double)leads[0]!["score"]!;
        var expected = (int)Math.Round(100 / (1 + Math.Exp(-score)), MidpointRounding.AwayFromZero);

        await Open("region=530100&chain=aluminium&asOf=2024");
        await Segment("alumina").ClickAsync();

        var shown = Page.Locator("#details .leads .lead .score").First;
        await Assertions.Expect(shown).ToHaveTextAsync($"契合度 {expected}");
        Assert.That(await shown.TextContentAsync(), Does.Not.Contain(score.ToString("0.00")));
    }

    [Test]
    public async Task TheTargetListShowsFitsNotRawScores()
    {
        await Open("region=530100&chain=aluminium&asOf=2024&tab=targets");
        var cell = Page.Locator("table.targets tbody tr").First.Locator("td").Nth(5);
        await cell.WaitForAsync();

        Assert.That(await cell.TextContentAsync(), Does.Match("^[0-9]{1,3}$"));
        Assert.That(int.Parse((await cell.TextContentAsync())!), Is.InRange(0, 100));
    }

    [Test]
    public async Task ErrorsReplaceEachOtherCarryAChineseTitleAndClearOnTheNextSuccess()
    {
        await Open("region=530100&chain=aluminium&asOf=1800");
        var problems = Page.Locator("#messages .problem");
        await Assertions.Expect(problems.First).ToContainTextAsync("outside the graph's years");
        // The map asks for its report and its picture: both fail, one message stays.
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.That(await problems.CountAsync(), Is.EqualTo(1));
        await Assertions.Expect(problems.First).ToContainTextAsync("请求有误");

        await Page.Locator("#as-of").FillAsync("2024");
        await Page.Locator("#as-of").DispatchEventAsync("change");
        await Segment("alumina").ClickAsync();
        await Assertions.Expect(Page.Locator("#details .leads .lead").First).ToBeVisibleAsync();
        await Assertions.Expect(problems).ToHaveCountAsync(0);
    }

    [Test]
    public async Task ALaterSuccessfulRequestClearsAnEarlierError()
    {
        await Open("region=530100&chain=aluminium&asOf=2024&tab=gaps");
        await Page.Locator("tr.gap-row").First.WaitForAsync();
        await Page.RouteAsync("**/leads?*", route => route.AbortAsync("connectionrefused"));
        await Page.Locator("tr.gap-row").First.ClickAsync();
        await Assertions.Expect(Page.Locator("#messages .problem")).ToHaveCountAsync(1);

        await Page.UnrouteAllAsync();
        await Page.Locator("tr.gap-row").First.ClickAsync();
        await Assertions.Expect(Page.Locator(".leads-panel .lead").First).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("#messages .problem")).ToHaveCountAsync(0);
    }

    [Test]
    public async Task ThePipelineCountsTheChosenChainOnlyWithNumbersUnderRightAlignedHeaders()
    {
        using var http = WebSession.Service.AdminClient();
        // An aluminium lead in Kunming, so that the battery chain's pipeline has something to leave out.
        var aluminium = await http.PostAsJsonAsync("/api/projects", new { id = "smelting-" + Guid.NewGuid().ToString("N")[..8], firm = "smelter-co", segment = "smelting", region = "530100", ownerTeam = "昆明市投资促进局", date = "2024-02-01" });
        aluminium.EnsureSuccessStatusCode();
        var all = JsonNode.Parse(await http.GetStringAsync("/api/projects?region=530100"))!.AsArray();
        var battery = JsonNode.Parse(await http.GetStringAsync("/api/projects?region=530100&chain=battery"))!.AsArray();
        Assert.That(all.Count, Is.GreaterThan(battery.Count));

        await Open("region=530100&chain=battery&tab=pipeline");
        await Page.Locator("#tab-pipeline table.pipeline").WaitForAsync();
        Assert.That(await Page.Locator("#tab-pipeline .board .card").CountAsync(), Is.EqualTo(battery.Count));
        var counts = await Page.Locator("#tab-pipeline table.pipeline tbody td:nth-child(2)").AllTextContentsAsync();
        Assert.That(counts.Sum(int.Parse), Is.EqualTo(battery.Count));

        var header = Page.Locator("#tab-pipeline table.pipeline th").Nth(1);
        var cell = Page.Locator("#tab-pipeline table.pipeline tbody td").Nth(1);
        Assert.That(await header.EvaluateAsync<string>("e => getComputedStyle(e).textAlign"), Is.EqualTo("right"));
        Assert.That(await cell.EvaluateAsync<string>("e => getComputedStyle(e).textAlign"), Is.EqualTo("right"));
    }

    [Test]
    public async Task MapTextIsAtLeast10PixelsOnALaptopScreenOrANarrowerWindow([Values(1366, 640)] int width)
    {
        await Page.SetViewportSizeAsync(width, 768);
        await Open("region=530100&chain=aluminium&asOf=2024");
        await Segment("alumina").WaitForAsync();

        var smallest = await Page.EvaluateAsync<double>(
            "() => { const svg = document.querySelector('svg.status-map'); const k = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;" +
            " return Math.min(...[...svg.querySelectorAll('text[font-size]')].map(t => Number(t.getAttribute('font-size')) * k)); }");
        Assert.That(smallest, Is.GreaterThanOrEqualTo(10));
    }
}
