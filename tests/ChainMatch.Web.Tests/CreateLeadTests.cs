using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChainMatch.Domain.Access;
using Microsoft.Playwright;

namespace ChainMatch.Web.Tests;

/// <summary>
/// A Qujing investment officer turns a target into a lead in one click, is warned that Kunming already pursues the
/// firm for that segment before saving, and moves the new lead to signed on the board.
/// </summary>
public sealed class CreateLeadTests : BrowserTest
{
    static readonly Lazy<string> QujingInvestment = new(() => WebSession.Service.CreateKey(Role.Investment, "530300"));

    protected override string? Key => QujingInvestment.Value;

    [Test]
    public async Task AnOfficerCreatesALeadFromATargetSeesTheDuplicateWarningFirstAndMovesItToSigned()
    {
        using var http = WebSession.Service.AdminClient();
        // Kunming already courts foil-co for battery foil: Qujing's new lead for the same must be warned.
        var kunming = await http.PostAsJsonAsync("/api/projects", new { id = "kunming-" + Guid.NewGuid().ToString("N")[..8], firm = "foil-co", segment = "foil", region = "530100", ownerTeam = "昆明市投资促进局", date = "2024-01-10" });
        kunming.EnsureSuccessStatusCode();
        var targets = JsonNode.Parse(await http.GetStringAsync("/api/regions/530300/targets?chain=battery"))!["targets"]!.AsArray();
        var foil = targets.Where(x => (string?)x!["firmId"] == "foil-co").SelectMany(x => x!["gaps"]!.AsArray()).First(g => (string?)g!["segment"] == "foil")!;

        await Open("region=530300&chain=battery&tab=targets");
        var fit = Page.Locator("table.targets tbody td.fits li").Filter(new() { HasText = (string)foil["segmentName"]! })
            .Filter(new() { Has = Page.Locator("button.create-lead[data-firm=foil-co]") });
        await fit.Locator("button.create-lead").ClickAsync();

        var dialog = Page.Locator("dialog.lead-form");
        await Assertions.Expect(dialog.Locator(".duplicate-warning")).ToContainTextAsync("昆明市 already pursues this firm for this segment");
        var before = JsonNode.Parse(await http.GetStringAsync("/api/projects?region=530300"))!.AsArray().Count;
        await dialog.Locator("input[name=date]").FillAsync("2024-05-01");
        await dialog.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(dialog.Locator(".lead-status")).ToContainTextAsync("foil-co-foil-530300");
        Assert.That(JsonNode.Parse(await http.GetStringAsync("/api/projects?region=530300"))!.AsArray(), Has.Count.EqualTo(before + 1));
        await dialog.Locator("button.cancel").ClickAsync();

        await Page.Locator("[data-tab=pipeline]").ClickAsync();
        var card = Page.Locator("#tab-pipeline .card[data-project='foil-co-foil-530300']");
        await card.ClickAsync();
        var form = Page.Locator(".project-detail form.move-form");
        await form.Locator("select[name=stage]").SelectOptionAsync("signed");
        await form.Locator("input[name=date]").FillAsync("2024-08-01");
        await form.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(Page.Locator("#tab-pipeline .board-column[data-stage=signed] .card[data-project='foil-co-foil-530300']")).ToBeVisibleAsync();
    }

    [Test]
    public async Task ALeadOfAGapOffersCreateLeadPrefilledWithTheFirmAndTheKeysTeam()
    {
        await Open("region=530300&chain=battery&asOf=2024&tab=gaps");
        await Page.Locator("tr.gap-row[data-segment=cell]").ClickAsync();
        await Page.Locator(".leads-panel .lead button.create-lead").First.ClickAsync();

        var dialog = Page.Locator("dialog.lead-form");
        await Assertions.Expect(dialog.Locator("input[name=ownerTeam]")).ToHaveValueAsync("web-test-investment");
        await Assertions.Expect(dialog.Locator(".lead-warnings")).Not.ToContainTextAsync("加载中");
        Assert.That(await dialog.Locator("h3").TextContentAsync(), Is.EqualTo("建为线索"));
    }
}
