using System.Text;
using ChainMatch.Domain.Access;
using Microsoft.Playwright;

namespace ChainMatch.Web.Tests;

/// <summary>The 客商库 tab's promotion events in and out as CSV, as an investment officer of Kunming.</summary>
public sealed class EventsCsvPageTests : BrowserTest
{
    static readonly Lazy<string> KunmingInvestment = new(() => WebSession.Service.CreateKey(Role.Investment, "530100"));

    protected override string? Key => KunmingInvestment.Value;

    static FilePayload Csv(string text) => new() { Name = "events.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(text) };

    [Test]
    public async Task AnOfficerImportsEventsFromAFileAndDownloadsThemAgain()
    {
        var name = "推介会" + Guid.NewGuid().ToString("N")[..6];
        await Open("region=530100&chain=battery&tab=crm");
        var panel = Page.Locator("section.crm-events");
        await Assertions.Expect(panel.Locator("button.import-csv")).ToHaveTextAsync("导入 CSV");

        await panel.Locator("input.import-file").SetInputFilesAsync(Csv($"name,date,place,region,firms,owner\n{name},2025-04-10,昆明滇池会议中心,530100,cell-co;铝箔公司,昆明市投资促进局\n"));
        await Assertions.Expect(Page.Locator("table.crm-events")).ToContainTextAsync(name);
        await Assertions.Expect(Page.Locator("table.crm-events")).ToContainTextAsync("宁德电芯公司、铝箔公司");

        // Debian's chromium under Playwright cancels file downloads, so the page fetches its own link as the browser would to save it.
        Assert.That(await panel.Locator("a.download").GetAttributeAsync("download"), Is.EqualTo("events.csv"));
        var exported = await panel.Locator("a.download").EvaluateAsync<string>("async a => await (await fetch(a.href)).text()");
        Assert.That(exported, Does.Contain($",{name},2025-04-10,昆明滇池会议中心,530100,cell-co;foil-co,昆明市投资促进局,"));
    }

    [Test]
    public async Task AFileWithABadRowShowsItsLineAndReasonAndAddsNoEvent()
    {
        var name = "推介会" + Guid.NewGuid().ToString("N")[..6];
        await Open("region=530100&chain=battery&tab=crm");
        var panel = Page.Locator("section.crm-events");
        await panel.Locator("input.import-file").SetInputFilesAsync(Csv($"name,date,place,region,firms,owner\n{name},2025-04-10,昆明,530100,cell-co,昆明\n{name},2025/04/11,昆明,530100,cell-co,昆明\n"));
        await Assertions.Expect(Page.Locator("#messages .problem")).ToContainTextAsync("line 3: date: '2025/04/11' is not a date: use YYYY-MM-DD");
        using var http = WebSession.Service.AdminClient();
        Assert.That(await http.GetStringAsync("/api/crm/events?region=530100"), Does.Not.Contain(name));
    }
}
