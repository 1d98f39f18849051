using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChainMatch.Domain.Access;
using Microsoft.Playwright;

namespace ChainMatch.Web.Tests;

/// <summary>The 客商库 tab and the project page's contacts, as an investment officer of Kunming and of Qujing.</summary>
public sealed class ContactsPageTests : BrowserTest
{
    static readonly Lazy<string> KunmingInvestment = new(() => WebSession.Service.CreateKey(Role.Investment, "530100"));

    protected override string? Key => KunmingInvestment.Value;

    static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..6];

    static async Task Post(string url, object body)
    {
        using var http = WebSession.Service.AdminClient();
        using var response = await http.PostAsJsonAsync(url, body);
        Assert.That(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task AnInvestmentOfficerAddsAContactAndLogsAVisitWithIt()
    {
        var name = Unique("联系人");
        var notes = Unique("谈箔材配套");
        await Open("region=530100&chain=battery&tab=crm");

        var contact = Page.Locator("form.contact-form");
        await contact.Locator("input[name=firm]").FillAsync("cell-co");
        await contact.Locator("input[name=name]").FillAsync(name);
        await contact.Locator("input[name=phone]").FillAsync("0871-6123 4567");
        await contact.Locator("input[name=consentNote]").FillAsync("名片交换时同意联系");
        await contact.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(Page.Locator(".crm-contacts table.crm-contacts")).ToContainTextAsync(name);

        var visit = Page.Locator(".crm-interactions form.interaction-form");
        await visit.Locator("select[name=kind]").SelectOptionAsync("visit");
        await visit.Locator("input[name=firm]").FillAsync("cell-co");
        await visit.Locator("select[name=contact]").SelectOptionAsync(new SelectOptionValue { Label = name });
        await visit.Locator("input[name=who]").FillAsync("王芳");
        await visit.Locator("input[name=notes]").FillAsync(notes);
        await visit.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(Page.Locator("table.crm-interactions")).ToContainTextAsync(notes);

        using var http = WebSession.Service.AdminClient();
        var logged = JsonNode.Parse(await http.GetStringAsync("/api/crm/interactions?firm=cell-co&region=530100"))!.AsArray().Single(i => (string?)i!["notes"] == notes)!;
        Assert.That(((string?)logged["kind"], (string?)logged["contactName"], (string?)logged["region"]), Is.EqualTo(("visit", name, "530100")));
    }

    [Test]
    public async Task AKunmingKeyNeverSeesQujingsContacts()
    {
        var qujing = Unique("曲靖联系人");
        var kunming = Unique("昆明联系人");
        await Post("/api/crm/contacts", new { firm = "cell-co", region = "530300", name = qujing, ownerTeam = "曲靖市投资促进局", consentNote = "同意" });
        await Post("/api/crm/contacts", new { firm = "cell-co", region = "530100", name = kunming, ownerTeam = "昆明市投资促进局", consentNote = "同意" });

        await Open("region=530100&chain=battery&tab=crm");
        await Assertions.Expect(Page.Locator("table.crm-contacts")).ToContainTextAsync(kunming);
        Assert.That(await Page.ContentAsync(), Does.Not.Contain(qujing));

        // Asked for Qujing by address: refused with a message, and nothing of Qujing's shown.
        await Open("region=530300&chain=battery&tab=crm");
        await Assertions.Expect(Page.Locator("#messages .problem")).ToContainTextAsync("403");
        Assert.That(await Page.ContentAsync(), Does.Not.Contain(qujing));
    }
}

/// <summary>On a Qujing project's page, the firm's contacts and its interaction history; and the targets going cold.</summary>
public sealed class ProjectContactsPageTests : BrowserTest
{
    static readonly Lazy<string> QujingInvestment = new(() => WebSession.Service.CreateKey(Role.Investment, "530300"));

    protected override string? Key => QujingInvestment.Value;

    [Test]
    public async Task TheProjectPageShowsTheFirmsContactsAndInteractionHistory()
    {
        var id = "crm-" + Guid.NewGuid().ToString("N")[..8];
        var name = "联系人" + id;
        using var http = WebSession.Service.AdminClient();
        (await http.PostAsJsonAsync("/api/projects", new { id, firm = "cell-co", segment = "foil", region = "530300", ownerTeam = "曲靖市投资促进局", date = "2024-02-01" })).EnsureSuccessStatusCode();
        var contact = JsonNode.Parse(await (await http.PostAsJsonAsync("/api/crm/contacts",
            new { firm = "cell-co", region = "530300", name, ownerTeam = "曲靖市投资促进局", consentNote = "同意" })).EnsureSuccessStatusCode().Content.ReadAsStringAsync())!;
        (await http.PostAsJsonAsync("/api/crm/interactions", new { kind = "meeting", date = "2024-03-01", firm = "cell-co", region = "530300", contact = (string?)contact["id"],
            project = id, who = "李强", notes = "会谈" + id, ownerTeam = "曲靖市投资促进局" })).EnsureSuccessStatusCode();

        await Open("region=530300&chain=battery&tab=pipeline");
        await Page.Locator($"#tab-pipeline .card[data-project='{id}']").ClickAsync();
        var panel = Page.Locator(".project-detail .firm-contacts");
        await Assertions.Expect(panel.Locator("table.crm-contacts")).ToContainTextAsync(name);
        await Assertions.Expect(panel.Locator("table.crm-interactions")).ToContainTextAsync("会谈" + id);
        Assert.That(await panel.Locator("form.interaction-form").CountAsync(), Is.EqualTo(1), "an officer may log a visit from the project");
    }

    [Test]
    public async Task ALeadUntouchedForThirtyDaysIsListedAsGoingCold()
    {
        var id = "cold-" + Guid.NewGuid().ToString("N")[..8];
        using var http = WebSession.Service.AdminClient();
        (await http.PostAsJsonAsync("/api/projects", new { id, firm = "cell-co", segment = "foil", region = "530300", ownerTeam = "曲靖市投资促进局", date = "2024-02-01" })).EnsureSuccessStatusCode();

        await Open("region=530300&chain=battery&tab=crm");
        await Assertions.Expect(Page.Locator($"table.crm-stale tr[data-id='{id}']")).ToContainTextAsync("2024-02-01");
    }
}

/// <summary>Roles that need no personal data see neither the 客商库 nor its controls.</summary>
public sealed class ContactsHiddenTests : BrowserTest
{
    static readonly Lazy<string> ChainChief = new(() => WebSession.Service.CreateKey(Role.ChainChief, "530100", "battery"));

    protected override string? Key => ChainChief.Value;

    [Test]
    public async Task AChainChiefSeesNoContactsTabAndNoContactControlsEvenWhenTheAddressAsksForThem()
    {
        await Open("region=530100&chain=battery&tab=crm");
        // Once the page knows who is signed in, the tab is hidden and the map shown instead.
        await Assertions.Expect(Page.Locator("[data-tab=crm]")).ToBeHiddenAsync();
        await Assertions.Expect(Page.Locator("[data-tab=map]")).ToHaveAttributeAsync("aria-selected", "true");
        await Assertions.Expect(Page.Locator("#tab-crm")).ToBeHiddenAsync();
        Assert.That(await Page.Locator("form.crm-form, table.crm-contacts, .firm-contacts").CountAsync(), Is.EqualTo(0));
    }
}
