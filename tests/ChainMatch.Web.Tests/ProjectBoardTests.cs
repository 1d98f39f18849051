using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChainMatch.Domain.Access;
using Microsoft.Playwright;

namespace ChainMatch.Web.Tests;

/// <summary>
/// An investment officer of Qujing runs a project from the board: moves a lead to signed, raises a problem and closes it.
/// Each test works on its own lead in Qujing (the shared service's other tests read Kunming).
/// </summary>
public sealed class ProjectBoardTests : BrowserTest
{
    static readonly Lazy<string> QujingInvestment = new(() => WebSession.Service.CreateKey(Role.Investment, "530300"));

    protected override string? Key => QujingInvestment.Value;

    static async Task<string> NewLead()
    {
        var id = "board-" + Guid.NewGuid().ToString("N")[..8];
        using var http = WebSession.Service.AdminClient();
        var response = await http.PostAsJsonAsync("/api/projects", new { id, firm = "cell-co", segment = "foil", region = "530300", ownerTeam = "曲靖市投资促进局", date = "2024-02-01" });
        response.EnsureSuccessStatusCode();
        return id;
    }

    static async Task<JsonNode> Stored(string id)
    {
        using var http = WebSession.Service.AdminClient();
        return JsonNode.Parse(await http.GetStringAsync($"/api/projects/{id}"))!;
    }

    ILocator Card(string id) => Page.Locator($"#tab-pipeline .card[data-project='{id}']");

    [Test]
    public async Task AnOfficerMovesALeadToSignedWithItsDateAndAmountFromTheBoard()
    {
        var id = await NewLead();
        await Open("region=530300&chain=battery&tab=pipeline");
        await Assertions.Expect(Page.Locator("#tab-pipeline .board-column[data-stage=lead]").Locator($".card[data-project='{id}']")).ToBeVisibleAsync();
        await Assertions.Expect(Card(id).Locator(".days")).ToContainTextAsync("本阶段");

        await Card(id).ClickAsync();
        var form = Page.Locator(".project-detail form.move-form");
        await form.Locator("select[name=stage]").SelectOptionAsync("signed");
        await form.Locator("input[name=date]").FillAsync("2024-06-30");
        await form.Locator("input[name=agreedInvestment]").FillAsync("8.5");
        await form.Locator("button[type=submit]").ClickAsync();

        await Assertions.Expect(Page.Locator("#tab-pipeline .board-column[data-stage=signed]").Locator($".card[data-project='{id}']")).ToBeVisibleAsync();
        var stored = await Stored(id);
        Assert.That((string?)stored["stage"], Is.EqualTo("signed"));
        Assert.That((string?)stored["since"], Is.EqualTo("2024-06-30"));
        Assert.That((double?)stored["agreedInvestment"], Is.EqualTo(8.5));
    }

    [Test]
    public async Task TheMoveFormOffersOnlyTheStagesTheLifecycleAllows()
    {
        var id = await NewLead();
        await Open("region=530300&chain=battery&tab=pipeline");
        await Card(id).ClickAsync();

        var options = await Page.Locator(".project-detail form.move-form select[name=stage] option").EvaluateAllAsync<string[]>("os => os.map(o => o.value)");
        Assert.That(options, Is.EqualTo(new[] { "contacted", "negotiating", "signed", "lost" }));
    }

    [Test]
    public async Task AnOfficerRaisesAProblemDispatchesItAndClosesItWithTheResolution()
    {
        var id = await NewLead();
        await Open("region=530300&chain=battery&tab=pipeline");
        await Card(id).ClickAsync();

        var raise = Page.Locator(".project-detail form.raise-form");
        await raise.Locator("input[name=category]").FillAsync("用地");
        await raise.Locator("input[name=description]").FillAsync("厂房用地指标未落实");
        await raise.Locator("input[name=leadDepartment]").FillAsync("市自然资源局");
        await raise.Locator("input[name=responsibleDepartments]").FillAsync("市发改委、麒麟区政府");
        await raise.Locator("input[name=raisedOn]").FillAsync("2024-03-01");
        await raise.Locator("input[name=deadline]").FillAsync("2024-04-01");
        await raise.Locator("button[type=submit]").ClickAsync();

        var problem = Page.Locator(".project-detail li.problem-item[data-problem='problem-1']");
        await Assertions.Expect(problem).ToContainTextAsync("市自然资源局");
        await Assertions.Expect(problem).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("overdue"));
        await Assertions.Expect(Card(id).Locator(".overdue")).ToContainTextAsync("1 个问题超期");

        await problem.Locator("input[name=closedOn]").FillAsync("2024-04-15");
        await problem.Locator("input[name=resolution]").FillAsync("已调整用地指标");
        await problem.Locator("button[type=submit]").ClickAsync();

        await Assertions.Expect(problem.Locator(".closed")).ToContainTextAsync("已销号（2024-04-15）");
        var stored = (await Stored(id))["problems"]![0]!;
        Assert.That((string?)stored["resolution"], Is.EqualTo("已调整用地指标"));
        Assert.That(stored["responsibleDepartments"]!.AsArray().Select(d => (string?)d), Is.EqualTo(new[] { "市发改委", "麒麟区政府" }));
    }

    [Test]
    public async Task AnIllegalMoveShowsTheServicesReasonInChinese()
    {
        var id = await NewLead();
        await Open("region=530300&chain=battery&tab=pipeline");
        await Card(id).ClickAsync();
        var form = Page.Locator(".project-detail form.move-form");
        await form.Locator("input[name=date]").FillAsync("2020-01-01");
        await form.Locator("button[type=submit]").ClickAsync();

        await Assertions.Expect(Page.Locator("#messages .problem")).ToContainTextAsync("请求有误");
        await Assertions.Expect(Page.Locator("#messages .problem")).ToContainTextAsync("before its last step");
    }
}
