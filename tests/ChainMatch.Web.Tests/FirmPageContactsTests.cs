using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChainMatch.Domain.Access;
using Microsoft.Playwright;

namespace ChainMatch.Web.Tests;

/// <summary>The firm page's contacts, interaction history and "create lead", as a Kunming investment officer.</summary>
public sealed class FirmPageContactsTests : BrowserTest
{
    static readonly Lazy<string> KunmingInvestment = new(() => WebSession.Service.CreateKey(Role.Investment, "530100"));

    protected override string? Key => KunmingInvestment.Value;

    internal static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..6];

    internal static async Task<string> AddContact(string firm, string region, string name, string? phone = null)
    {
        using var http = WebSession.Service.AdminClient();
        using var response = await http.PostAsJsonAsync("/api/crm/contacts", new { firm, region, name, phone, title = "副总经理", ownerTeam = "招商组", consentNote = "名片交换时同意联系" });
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.IsSuccessStatusCode, text);
        return (string)JsonNode.Parse(text)!["id"]!;
    }

    internal async Task OpenFirm(string firm) => await Page.GotoAsync(new Uri(Base, $"/firm.html#firm={firm}").ToString());

    [Test]
    public async Task AnOfficerSeesTheFirmsContactsCreatesALeadFromTheFirmPageEditsAContactAndRemovesAnother()
    {
        var kept = Unique("留用联系人");
        var withdrawn = Unique("撤回联系人");
        var keptId = await AddContact("foil-co", "530100", kept, "0871-6123 4567");
        var withdrawnId = await AddContact("foil-co", "530181", withdrawn, "0871-6999 0000");
        using var http = WebSession.Service.AdminClient();
        var notes = Unique("谈箔材配套");
        (await http.PostAsJsonAsync("/api/crm/interactions", new { kind = "visit", date = "2025-03-05", firm = "foil-co", region = "530100", contact = keptId,
            who = "王芳", notes, ownerTeam = "招商组" })).EnsureSuccessStatusCode();
        // Qujing courts foil-co for battery cells: an Anning lead for the same is warned before it is saved.
        (await http.PostAsJsonAsync("/api/projects", new { id = Unique("qujing-cell-"), firm = "foil-co", segment = "cell", region = "530300", ownerTeam = "曲靖市投资促进局",
            date = "2024-01-10" })).EnsureSuccessStatusCode();

        await OpenFirm("foil-co");
        var contacts = Page.Locator("article.firm-profile .firm-contacts");
        await Assertions.Expect(contacts.Locator("table.crm-contacts")).ToContainTextAsync(kept);
        await Assertions.Expect(contacts.Locator("table.crm-contacts")).ToContainTextAsync(withdrawn);
        await Assertions.Expect(contacts.Locator("table.crm-interactions")).ToContainTextAsync(notes);

        var leadsBefore = JsonNode.Parse(await http.GetStringAsync("/api/projects?region=530181"))!.AsArray().Count(p => (string?)p!["firm"] == "foil-co");
        await Page.Locator("article.firm-profile h2 button.create-lead").ClickAsync();
        var dialog = Page.Locator("dialog.lead-form");
        await Assertions.Expect(dialog.Locator("select[name=segment]")).ToHaveValueAsync("foil");
        await Assertions.Expect(dialog.Locator("select[name=region]")).ToHaveValueAsync("530100");
        await dialog.Locator("select[name=segment]").SelectOptionAsync("cell");
        await dialog.Locator("select[name=region]").SelectOptionAsync("530181");
        await Assertions.Expect(dialog.Locator(".duplicate-warning")).ToContainTextAsync("曲靖市 already pursues this firm for this segment");
        await dialog.Locator("input[name=date]").FillAsync("2025-05-01");
        await dialog.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(dialog.Locator(".lead-status")).ToContainTextAsync("foil-co-cell-530181");
        var leads = JsonNode.Parse(await http.GetStringAsync("/api/projects?region=530181"))!.AsArray().Where(p => (string?)p!["firm"] == "foil-co").ToList();
        Assert.That(leads, Has.Count.EqualTo(leadsBefore + 1));
        Assert.That(leads.Select(p => (string?)p!["id"]), Does.Contain(await dialog.Locator(".lead-status").GetAttributeAsync("data-project")));
        await dialog.Locator("button.cancel").ClickAsync();

        await contacts.Locator($"tr[data-id='{keptId}'] button.edit-contact").ClickAsync();
        var edit = contacts.Locator($"tr.contact-edit[data-id='{keptId}'] form.contact-edit-form");
        await edit.Locator("input[name=title]").FillAsync("总经理");
        await edit.Locator("input[name=email]").FillAsync("kept@example.com");
        await edit.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(contacts.Locator($"table.crm-contacts tr[data-id='{keptId}']")).ToContainTextAsync("kept@example.com");

        Page.Dialog += (_, d) => d.AcceptAsync();
        await contacts.Locator($"tr[data-id='{withdrawnId}'] button.remove-contact").ClickAsync();
        await Assertions.Expect(contacts.Locator("table.crm-contacts")).Not.ToContainTextAsync(withdrawn);
        await Assertions.Expect(contacts.Locator("table.crm-contacts")).ToContainTextAsync("总经理");

        var stored = JsonNode.Parse(await http.GetStringAsync("/api/crm/contacts?firm=foil-co"))!.AsArray();
        Assert.That(stored.Select(c => (string?)c!["id"]), Does.Contain(keptId).And.Not.Contain(withdrawnId));
        Assert.That(await http.GetStringAsync("/api/crm/contacts.csv"), Does.Not.Contain(withdrawn).And.Not.Contain("6999"));
    }

    [Test]
    public async Task AKunmingKeyNeverSeesQujingsContactsOnTheFirmPage()
    {
        var qujing = Unique("曲靖联系人");
        var kunming = Unique("昆明联系人");
        await AddContact("cell-co", "530300", qujing);
        await AddContact("cell-co", "530100", kunming);

        await OpenFirm("cell-co");
        await Assertions.Expect(Page.Locator(".firm-contacts table.crm-contacts")).ToContainTextAsync(kunming);
        Assert.That(await Page.ContentAsync(), Does.Not.Contain(qujing));
    }
}

/// <summary>A planner needs no personal data and writes no projects: the firm page neither shows nor asks for contacts.</summary>
public sealed class FirmPagePlannerTests : BrowserTest
{
    static readonly Lazy<string> Planner = new(() => WebSession.Service.CreateKey(Role.Planner, "530100"));

    protected override string? Key => Planner.Value;

    [Test]
    public async Task APlannerSeesNoContactsAndNoWriteControlsOnTheFirmPageAndNoContactIsAskedFor()
    {
        var name = FirmPageContactsTests.Unique("联系人");
        await FirmPageContactsTests.AddContact("foil-co", "530100", name);
        var asked = new List<string>();
        Page.Request += (_, r) => asked.Add(r.Url);

        await Page.GotoAsync(new Uri(Base, "/firm.html#firm=foil-co").ToString());
        await Assertions.Expect(Page.Locator("article.firm-profile[data-firm=foil-co] table.presences")).ToBeVisibleAsync();

        Assert.That(await Page.Locator(".firm-contacts, button.create-lead, button.edit-contact, button.remove-contact, form.crm-form").CountAsync(), Is.EqualTo(0));
        Assert.That(asked.Where(u => u.Contains("/api/crm/", StringComparison.Ordinal) || u.Contains("lead-segments", StringComparison.Ordinal)), Is.Empty);
        Assert.That(await Page.ContentAsync(), Does.Not.Contain(name));
    }
}

/// <summary>A chain chief reads maps and leads of the chain, no contacts, and writes no leads.</summary>
public sealed class FirmPageChainChiefTests : BrowserTest
{
    static readonly Lazy<string> ChainChief = new(() => WebSession.Service.CreateKey(Role.ChainChief, "530100", "battery"));

    protected override string? Key => ChainChief.Value;

    [Test]
    public async Task AChainChiefSeesNoContactsAndNoCreateLeadOnTheFirmPage()
    {
        await Page.GotoAsync(new Uri(Base, "/firm.html#firm=foil-co").ToString());
        await Assertions.Expect(Page.Locator("article.firm-profile[data-firm=foil-co] table.presences")).ToBeVisibleAsync();
        Assert.That(await Page.Locator(".firm-contacts, button.create-lead, button.edit-contact, button.remove-contact").CountAsync(), Is.EqualTo(0));
    }
}
