using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChainMatch.Domain.Access;
using Microsoft.Playwright;

namespace ChainMatch.Web.Tests;

/// <summary>
/// A Qujing investment officer proposes a project for the key-project library and sets its due dates from the board;
/// the province's reviewer admits it. Each test works on its own lead in Qujing.
/// </summary>
public sealed class KeyProjectTests : BrowserTest
{
    static readonly Lazy<string> QujingInvestment = new(() => WebSession.Service.CreateKey(Role.Investment, "530300"));

    protected override string? Key => QujingInvestment.Value;

    static async Task<string> NewLead(string stage = "negotiating")
    {
        var id = "key-" + Guid.NewGuid().ToString("N")[..8];
        using var http = WebSession.Service.AdminClient();
        (await http.PostAsJsonAsync("/api/projects", new { id, firm = "cell-co", segment = "foil", region = "530300", ownerTeam = "曲靖市投资促进局", date = "2024-02-01" }))
            .EnsureSuccessStatusCode();
        (await http.PostAsJsonAsync($"/api/projects/{id}/stages", new { stage, date = "2024-02-10" })).EnsureSuccessStatusCode();
        return id;
    }

    static async Task<JsonNode> Stored(string id)
    {
        using var http = WebSession.Service.AdminClient();
        return JsonNode.Parse(await http.GetStringAsync($"/api/projects/{id}"))!;
    }

    static ILocator Card(IPage page, string id) => page.Locator($"#tab-pipeline .card[data-project='{id}']");

    [Test]
    public async Task AnOfficerProposesAKeyProjectAndTheProvinceAdmitsItWithDateAndReason()
    {
        var id = await NewLead();
        await Open("region=530300&chain=battery&tab=pipeline");
        await Card(Page, id).ClickAsync();
        var propose = Page.Locator(".project-detail form.propose-form");
        await propose.Locator("input[name=date]").FillAsync("2024-03-01");
        await propose.Locator("input[name=reason]").FillAsync("电池材料链主项目");
        await propose.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(Page.Locator(".project-detail .key-state[data-state=proposed]")).ToBeVisibleAsync();
        Assert.That(await Page.Locator(".project-detail form.review-form").CountAsync(), Is.EqualTo(0), "the proposer is offered no review");

        // The reviewer: an admin for the province, in a browser of their own.
        await using var reviewerContext = await WebSession.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
            ExtraHTTPHeaders = new Dictionary<string, string> { ["X-Api-Key"] = WebSession.Service.AdminKey },
        });
        var reviewer = await reviewerContext.NewPageAsync();
        await reviewer.GotoAsync(new Uri(Base, "/#region=530300&chain=battery&tab=pipeline").ToString());
        await Card(reviewer, id).ClickAsync();
        var review = reviewer.Locator(".project-detail form.review-form");
        await review.Locator("input[name=date]").FillAsync("2024-03-15");
        await review.Locator("input[name=reason]").FillAsync("符合省重点项目标准");
        await review.Locator("button[name=admit]").ClickAsync();
        await Assertions.Expect(reviewer.Locator(".project-detail .key-state[data-state=admitted]")).ToContainTextAsync("符合省重点项目标准");

        var key = (await Stored(id))["key"]!;
        Assert.That(((string?)key["state"], (string?)key["reviewedBy"], (string?)key["reviewedOn"]), Is.EqualTo(("admitted", "key:web-test-admin", "2024-03-15")));

        // The officer's board, filtered to key projects, shows the admitted project with its mark and leaves out the others.
        var other = await NewLead();
        await Open("region=530300&chain=battery&tab=pipeline");
        await Page.Locator("#tab-pipeline input[name=keyOnly]").CheckAsync();
        await Assertions.Expect(Card(Page, id).Locator(".key-badge")).ToBeVisibleAsync();
        await Assertions.Expect(Card(Page, other)).ToHaveCountAsync(0);
    }

    [Test]
    public async Task AnOfficerSetsADueDateAndTheProjectIsListedOverdueWithItsCardMarked()
    {
        var id = await NewLead();
        await Open("region=530300&chain=battery&tab=pipeline");
        await Card(Page, id).ClickAsync();
        var due = Page.Locator(".project-detail form.due-form");
        Assert.That(await due.Locator("select[name=stage] option").EvaluateAllAsync<string[]>("os => os.map(o => o.value)"),
            Is.EqualTo(new[] { "signed", "started", "in-production" }));
        await due.Locator("select[name=stage]").SelectOptionAsync("signed");
        await due.Locator("input[name=by]").FillAsync("2024-06-30");
        await due.Locator("button[type=submit]").ClickAsync();

        await Assertions.Expect(Card(Page, id).Locator(".past-due[data-due=signed]")).ToContainTextAsync("2024-06-30");
        var row = Page.Locator($"#tab-pipeline table.past-due-list tr[data-project='{id}']");
        await Assertions.Expect(row).ToContainTextAsync("逾期");
        await Assertions.Expect(row).ToContainTextAsync("曲靖市投资促进局");
        Assert.That((string?)(await Stored(id))["dueDates"]![0]!["by"], Is.EqualTo("2024-06-30"));
    }
}
