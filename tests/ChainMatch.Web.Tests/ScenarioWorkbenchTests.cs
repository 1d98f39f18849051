using System.Net.Http.Json;
using ChainMatch.Domain.Access;
using Microsoft.Playwright;

namespace ChainMatch.Web.Tests;

/// <summary>The planners' scenario workbench, walked as a province planner: anchors by name, compared, ranked, shared by address, exported.</summary>
public sealed class ScenarioWorkbenchTests : BrowserTest
{
    static readonly Lazy<string> Planner = new(() => WebSession.Service.CreateKey(Role.Planner, "530000"));

    protected override string? Key => Planner.Value;

    const string Qujing = "region=530300&chain=aluminium&asOf=2024&tab=simulation";

    async Task Type(ILocator input, string text)
    {
        await input.ClickAsync();
        await input.PressSequentiallyAsync(text);
    }

    [Test]
    public async Task APlannerSimulatesAnAnchorTypedByItsNameAndSeesTheMapAfterBesideTheMapBefore()
    {
        await Open(Qujing);
        await Type(Page.Locator("#sim-firm"), "安宁冶炼");
        await Page.Locator(".firm-picker .suggestions button[data-firm=smelter-co]").ClickAsync();
        await Page.Locator("#sim-run").ClickAsync();

        await Assertions.Expect(Page.Locator(".sim-map[data-side=after] g.segment[data-segment=smelting]")).ToHaveAttributeAsync("data-status", "weak");
        await Assertions.Expect(Page.Locator(".sim-map[data-side=before] g.segment[data-segment=smelting]")).ToHaveAttributeAsync("data-status", "missing");
        Assert.That(new Uri(Page.Url).Fragment, Does.Contain("anchors=smelter-co"));
    }

    [Test]
    public async Task ANameSeveralFirmsMatchAsksWhichOneIsMeant()
    {
        await Open(Qujing);
        await Page.Locator("#sim-firm").FillAsync("co");
        await Page.Locator("#sim-run").ClickAsync();

        await Assertions.Expect(Page.Locator(".choose-firm")).ToBeVisibleAsync();
        await Page.Locator(".firm-picker .suggestions button[data-firm=foil-co]").ClickAsync();
        await Page.Locator("#sim-run").ClickAsync();
        await Assertions.Expect(Page.Locator(".sim-summary")).ToContainTextAsync("铝箔公司");
    }

    [Test]
    public async Task TheSegmentChoiceOffersOnlyTheChainsSegments()
    {
        await Open(Qujing);
        var boxes = Page.Locator("#sim-segments input[name=bring]");
        await Assertions.Expect(boxes).ToHaveCountAsync(4);
        Assert.That(await boxes.EvaluateAllAsync<string[]>("xs => xs.map(x => x.value)"), Is.EquivalentTo(new[] { "bauxite", "alumina", "smelting", "foil" }));
    }

    [Test]
    public async Task TwoAnchorsAreComparedSideBySide()
    {
        await Open(Qujing + "&sim=compare");
        var slots = Page.Locator(".cmp-anchor input");
        await slots.Nth(0).FillAsync("安宁冶炼");
        await slots.Nth(1).FillAsync("铝箔");
        await Page.Locator("#cmp-run").ClickAsync();

        var table = Page.Locator("table.cmp-table");
        await Assertions.Expect(table.Locator("th[data-firm=smelter-co]")).ToContainTextAsync("安宁冶炼公司");
        await Assertions.Expect(table.Locator("th[data-firm=foil-co]")).ToContainTextAsync("铝箔公司");
        await Assertions.Expect(Page.Locator(".cmp-verdict")).ToHaveAttributeAsync("data-verdict", new System.Text.RegularExpressions.Regex("reinforce|overlap|independent"));
    }

    [Test]
    public async Task CandidateAnchorsAreRankedAndOneCanBeSimulatedFromTheList()
    {
        await Open(Qujing + "&sim=rank");
        var row = Page.Locator("table.rank-anchors tr[data-firm=smelter-co]");
        await row.Locator("button.simulate-anchor").ClickAsync();

        await Assertions.Expect(Page.Locator(".sim-summary")).ToContainTextAsync("安宁冶炼公司");
        Assert.That(new Uri(Page.Url).Fragment, Does.Contain("sim=simulate"));
    }

    [Test]
    public async Task ASharedScenarioAddressRunsOnOpeningAndSurvivesALanguageSwitch()
    {
        await Open(Qujing + "&sim=simulate&anchors=smelter-co&bring=smelting");
        await Assertions.Expect(Page.Locator(".sim-summary")).ToContainTextAsync("安宁冶炼公司");
        await Assertions.Expect(Page.Locator("#sim-segments input[value=smelting]")).ToBeCheckedAsync();

        await Page.Locator("#lang-en").ClickAsync();
        await Assertions.Expect(Page.Locator(".sim-side[data-side=before] h3")).ToHaveTextAsync("Before");
        await Assertions.Expect(Page.Locator(".sim-summary")).ToContainTextAsync("安宁冶炼公司");
        await Assertions.Expect(Page.Locator("#sim-firm")).ToHaveValueAsync("安宁冶炼公司");
        Assert.That(new Uri(Page.Url).Fragment, Does.Contain("anchors=smelter-co").And.Contain("bring=smelting"));
    }

    [Test]
    public async Task AnAnchorAlreadyInTheRegionIsSaidToBeThere()
    {
        await Open("region=530100&chain=aluminium&asOf=2024&tab=simulation&anchors=smelter-co");
        await Assertions.Expect(Page.Locator(".sim-already")).ToContainTextAsync("电解铝");
    }

    [Test]
    public async Task TheScenarioExportsAsOnePrintablePageWithBothMaps()
    {
        await Open(Qujing + "&anchors=smelter-co");
        var export = Page.Locator("#sim-export");
        await Assertions.Expect(export).ToBeEnabledAsync();
        var download = await Page.RunAndWaitForDownloadAsync(() => export.ClickAsync());
        var html = await File.ReadAllTextAsync((await download.PathAsync())!);

        Assert.That(download.SuggestedFilename, Is.EqualTo("scenario-smelter-co-530300.html"));
        Assert.That(html, Does.StartWith("<!doctype html>").And.Contain("@page").And.Contain("安宁冶炼公司"));
        Assert.That(System.Text.RegularExpressions.Regex.Matches(html, "<svg").Count, Is.EqualTo(2));
    }
}

/// <summary>Finding a firm by any of its names and reading its profile.</summary>
public sealed class FirmPageTests : BrowserTest
{
    [OneTimeSetUp]
    public async Task GiveTheCellMakerAChineseAlias()
    {
        // The fixture's firm as it is, with an alias added (PUT names every field of the firm).
        using var http = WebSession.Service.AdminClient();
        var put = await http.PutAsJsonAsync("/api/firms/cell-co", new
        {
            name = "宁德电芯公司", nameEn = "Cell Co", headquarters = "350900", ownership = "private", aliases = new[] { "电芯龙头" }, sourcePublisher = "Test", sourceRef = "made up",
        });
        Assert.That(put.IsSuccessStatusCode, Is.True, await put.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task AFirmIsFoundByItsChineseAliasAndItsPageShowsStandingsPlantsAndTheRule()
    {
        await Page.GotoAsync(new Uri(Base, "/firm.html").ToString());
        await Page.Locator("#firm-find").PressSequentiallyAsync("电芯龙头");
        await Page.Locator(".suggestions button[data-firm=cell-co]").ClickAsync();

        var profile = Page.Locator("article.firm-profile[data-firm=cell-co]");
        await Assertions.Expect(profile.Locator("h2")).ToContainTextAsync("宁德电芯公司");
        await Assertions.Expect(profile.Locator("table.presences tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(profile.Locator("table.standings tbody tr")).ToContainTextAsync("42");
        await Assertions.Expect(profile.Locator("ul.negative-rules")).ToContainTextAsync("not to be pursued");
    }

    [Test]
    public async Task ALeadLinksToItsFirmsPage()
    {
        await Open("region=530300&chain=aluminium&asOf=2024&tab=gaps");
        await Page.Locator("tr.gap-row[data-segment=smelting]").ClickAsync();
        await Page.Locator(".leads-panel .lead[data-firm=smelter-co] a.firm-link").ClickAsync();
        await Assertions.Expect(Page.Locator("article.firm-profile[data-firm=smelter-co] h2")).ToContainTextAsync("安宁冶炼公司");
    }
}
