using System.Net.Http.Json;
using ChainMatch.Domain.Access;

namespace ChainMatch.Web.Tests;

/// <summary>The battery chain's chief for Qujing reads the chain's projects and problems and keeps its plan (一链一策).</summary>
public sealed class ChainChiefWorkspaceTests : BrowserTest
{
    static readonly Lazy<string> QujingBatteryChief = new(() => WebSession.Service.CreateKey(Role.ChainChief, "530300", "battery"));

    protected override string? Key => QujingBatteryChief.Value;

    [Test]
    public async Task AChiefSeesTheChainsProjectsAndProblemsWithoutWriteControlsAndEditsThePlanWithItsHistory()
    {
        var id = "chief-" + Guid.NewGuid().ToString("N")[..8];
        using (var http = WebSession.Service.AdminClient())
        {
            (await http.PostAsJsonAsync("/api/projects", new { id, firm = "cell-co", segment = "foil", region = "530300", ownerTeam = "曲靖市投资促进局", date = "2024-02-01" }))
                .EnsureSuccessStatusCode();
            (await http.PostAsJsonAsync($"/api/projects/{id}/problems", new
            {
                category = "用电", description = "专线未通", raisedOn = "2024-02-05", leadDepartment = "曲靖供电局", responsibleDepartments = new[] { "市发改委" }, deadline = "2024-03-01",
            })).EnsureSuccessStatusCode();
        }

        await Open("region=530300&chain=battery&tab=workspace");
        await Assertions.Expect(Page.Locator($"#tab-workspace table.chain-projects tr[data-project='{id}']")).ToContainTextAsync("宁德电芯公司");
        await Assertions.Expect(Page.Locator($"#tab-workspace .chain-problems li[data-project='{id}']")).ToContainTextAsync("专线未通");
        Assert.That(await Page.Locator("[data-tab=pipeline]").IsVisibleAsync(), Is.False);
        Assert.That(await Page.Locator("form.move-form, form.raise-form, form.close-form, form.propose-form, form.due-form, form.review-form, button.create-lead, .card").CountAsync(),
            Is.EqualTo(0));

        var form = Page.Locator("#tab-workspace form.plan-form");
        await form.Locator("textarea[name=priorities]").FillAsync("补链：正极材料\n强链：电池铝箔");
        await form.Locator("textarea[name=responsibleUnits]").FillAsync("市工信局\n市投资促进局");
        await form.Locator("textarea[name=yearlyTargets]").FillAsync("2027: 引进电池材料项目2个");
        await form.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(Page.Locator("#tab-workspace .plan-current[data-version='1'] .plan-priorities li")).ToHaveTextAsync(new[] { "补链：正极材料", "强链：电池铝箔" });

        await Page.Locator("#tab-workspace form.plan-form textarea[name=priorities]").FillAsync("补链：正极材料\n延链：电池回收");
        await Page.Locator("#tab-workspace form.plan-form button[type=submit]").ClickAsync();
        await Assertions.Expect(Page.Locator("#tab-workspace .plan-current[data-version='2'] .plan-priorities")).ToContainTextAsync("延链：电池回收");
        await Assertions.Expect(Page.Locator("#tab-workspace .plan-history li")).ToHaveCountAsync(2);
        await Assertions.Expect(Page.Locator("#tab-workspace .plan-history li").First).ToContainTextAsync("web-test-chain-chief");
        await Assertions.Expect(Page.Locator("#tab-workspace .plan-targets")).ToContainTextAsync("2027: 引进电池材料项目2个");
    }
}
