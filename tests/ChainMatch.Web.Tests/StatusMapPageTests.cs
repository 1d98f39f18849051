namespace ChainMatch.Web.Tests;

/// <summary>The status map page over the mini-seeds: Kunming's aluminium chain as of 2024 is bauxite and alumina missing, smelting weak, foil unverified.</summary>
public sealed class StatusMapPageTests : BrowserTest
{
    const string Aluminium2024 = "region=530100&chain=aluminium&asOf=2024";

    [Test]
    public async Task TheMapDrawsOneBoxPerSegmentOfTheChain()
    {
        await Open(Aluminium2024);
        await Page.Locator("svg.status-map g.segment").First.WaitForAsync();

        Assert.That(await Page.Locator("svg.status-map g.segment").CountAsync(), Is.EqualTo(4));
    }

    [TestCase("bauxite", "missing", "#ffcdd2")]
    [TestCase("alumina", "missing", "#ffcdd2")]
    [TestCase("smelting", "weak", "#ffe082")]
    [TestCase("foil", "unverified", "#eeeeee")]
    public async Task EachBoxIsColouredByItsStatus(string segment, string status, string fill)
    {
        await Open(Aluminium2024);

        Assert.That(await Segment(segment).GetAttributeAsync("data-status"), Is.EqualTo(status));
        Assert.That(await Segment(segment).Locator("rect").GetAttributeAsync("fill"), Is.EqualTo(fill));
    }

    [Test]
    public async Task AMissingHighValueSegmentHasTheHighValueColour()
    {
        await Open("region=530100&chain=battery&asOf=2024");

        Assert.That(await Segment("cell").GetAttributeAsync("data-status"), Is.EqualTo("high-value"));
        Assert.That(await Segment("cell").Locator("rect").GetAttributeAsync("fill"), Is.EqualTo("#e1bee7"));
    }

    [Test]
    public async Task EachBoxShowsItsNumberOfLocalFirms()
    {
        await Open(Aluminium2024);

        Assert.That(await Segment("smelting").TextContentAsync(), Does.Contain("1 家企业"));
        Assert.That(await Segment("bauxite").TextContentAsync(), Does.Contain("0 家企业"));
    }

    [Test]
    public async Task ALinkToAnotherChainEndsAtAStubNamingThatChain()
    {
        await Open(Aluminium2024);

        var stub = Page.Locator("svg.status-map g.stub[data-segment='cell']");
        Assert.That(await stub.TextContentAsync(), Does.Contain("电芯").And.Contain("电池"));
        Assert.That(await Page.Locator("svg.status-map path.link.cross-chain[data-from='foil'][data-to='cell']").CountAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task FeedsLinksBetweenSegmentsAreDrawnAsArrows()
    {
        await Open(Aluminium2024);
        await Segment("bauxite").WaitForAsync();

        Assert.That(await Page.Locator("svg.status-map path.link:not(.cross-chain)").CountAsync(), Is.EqualTo(3));
    }

    [Test]
    public async Task ClickingASegmentShowsItsLocalFirmsAndReasons()
    {
        await Open(Aluminium2024);
        await Segment("smelting").ClickAsync();

        var details = Page.Locator("#details");
        await Assertions.Expect(details.Locator("table.firms")).ToContainTextAsync("安宁冶炼公司");
        Assert.That(await details.Locator("ul.reasons li").CountAsync(), Is.GreaterThan(0));
    }

    [Test]
    public async Task HoveringASegmentPreviewsItsFirms()
    {
        await Open(Aluminium2024);
        await Segment("smelting").HoverAsync();

        await Assertions.Expect(Page.Locator("#map-tooltip")).ToContainTextAsync("安宁冶炼公司");
    }

    [Test]
    public async Task TheEnglishToggleUsesEnglishNames()
    {
        await Open(Aluminium2024);
        await Segment("smelting").WaitForAsync();
        await Page.ClickAsync("#lang-en");

        await Assertions.Expect(Segment("smelting")).ToContainTextAsync("Smelting");
        await Assertions.Expect(Page.Locator("[data-tab='map']")).ToHaveTextAsync("Status map");
    }

    [Test]
    public async Task ASlowLoadShowsProgressUntilTheMapArrives()
    {
        var release = new TaskCompletionSource();
        await Page.RouteAsync("**/api/chains/aluminium/status/530100?*", async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        });
        await Open(Aluminium2024);

        await Assertions.Expect(Page.Locator("#progress")).ToBeVisibleAsync();
        release.SetResult();
        await Segment("bauxite").WaitForAsync();
        await Assertions.Expect(Page.Locator("#progress")).ToBeHiddenAsync();
    }
}
