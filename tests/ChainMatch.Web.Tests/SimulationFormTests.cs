namespace ChainMatch.Web.Tests;

/// <summary>The anchor simulation form: a scenario run in the browser shows before and after side by side.</summary>
public sealed class SimulationFormTests : BrowserTest
{
    [Test]
    public async Task LandingTheSmelterInQujingShowsCompletenessBeforeAndAfterAndTheSegmentThatChanges()
    {
        await Open("region=530300&chain=aluminium&asOf=2024&tab=simulation");
        await Page.Locator("#sim-firm").FillAsync("smelter-co");
        await Page.Locator("#sim-run").ClickAsync();

        var after = Page.Locator(".sim-side[data-side='after'] .completeness");
        await after.WaitForAsync();
        var before = await Page.Locator(".sim-side[data-side='before'] .completeness").TextContentAsync();
        Assert.That(before, Is.EqualTo("0.0%"));
        Assert.That(await after.TextContentAsync(), Is.Not.EqualTo("0.0%"));
        Assert.That(await Page.Locator("table.sim-changes tr[data-segment='smelting']").CountAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task TheQuotaTheSmelterBreaksIsHighlightedWithItsExcess()
    {
        await Open("region=530300&chain=aluminium&asOf=2024&tab=simulation");
        await Page.Locator("#sim-firm").FillAsync("smelter-co");
        await Page.Locator("#sim-run").ClickAsync();

        var broken = Page.Locator("table.sim-constraints tr.broken");
        await broken.First.WaitForAsync();
        Assert.That(await broken.CountAsync(), Is.EqualTo(1));
        Assert.That((await broken.GetAttributeAsync("data-kind"), await broken.GetAttributeAsync("data-region")), Is.EqualTo(("green-power-quota", "530300")));
        await Assertions.Expect(broken.Locator(".verdict")).ToContainTextAsync("0.725 TWh/yr (18.1%)");
        Assert.That(await Page.Locator("table.sim-constraints tbody tr:not(.broken)").CountAsync(), Is.EqualTo(2), "Yunnan's quota and Qujing's land hold");
    }

    [Test]
    public async Task AnUnknownAnchorIsShownAsAMessage()
    {
        await Open("region=530300&chain=aluminium&asOf=2024&tab=simulation");
        await Page.Locator("#sim-firm").FillAsync("nobody");
        await Page.Locator("#sim-run").ClickAsync();
        await Assertions.Expect(Page.Locator("#messages")).ToContainTextAsync("nobody");
    }
}
