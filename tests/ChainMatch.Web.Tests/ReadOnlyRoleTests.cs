using ChainMatch.Domain.Access;

namespace ChainMatch.Web.Tests;

/// <summary>A role that may not write projects gets no control that writes them, and no contacts.</summary>
public sealed class ReadOnlyRoleTests : BrowserTest
{
    static readonly Lazy<string> Planner = new(() => WebSession.Service.CreateKey(Role.Planner, "530100"));

    protected override string? Key => Planner.Value;

    [Test]
    public async Task APlannerSeesNeitherTheProjectBoardNorAnyWriteControl()
    {
        await Open("region=530100&chain=aluminium&asOf=2024&tab=gaps");
        await Page.Locator("tr.gap-row").First.ClickAsync();
        await Page.Locator(".leads-panel .lead").First.WaitForAsync();

        Assert.That(await Page.Locator("[data-tab=pipeline]").IsVisibleAsync(), Is.False);
        Assert.That(await Page.Locator("[data-tab=crm]").IsVisibleAsync(), Is.False);
        Assert.That(await Page.Locator("form.move-form, form.raise-form, form.close-form, button.create-lead, form.crm-form").CountAsync(), Is.EqualTo(0));
    }
}
