using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ChainMatch.Domain.Access;

namespace ChainMatch.Api.Tests;

/// <summary>The 客商库 through the real pipeline: contacts, interactions, promotion events, the stale view, CSV in and out.</summary>
public sealed class ContactsApiTests : ApiTest
{
    static readonly object Li = new { firm = "cell-co", region = "530100", name = "李伟", title = "副总经理", phone = "+86 871 6123 4567", email = "li.wei@example.com",
        ownerTeam = "昆明市投资促进局", consentNote = "2025-03-02 名片交换时同意联系" };

    static string Today => DateOnly.FromDateTime(DateTime.Now).ToString("yyyy-MM-dd");

    async Task<JsonNode> Post(string url, object body, HttpStatusCode expected = HttpStatusCode.Created, HttpClient? client = null)
    {
        using var response = await (client ?? Client).PostAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), text);
        return JsonNode.Parse(text)!;
    }

    [Test]
    public async Task AnInvestmentOfficerAddsAContactAndFindsItAmongTheFirmsContacts()
    {
        using var kunming = App.ClientAs(Role.Investment, "530100");
        var added = await Post("/api/crm/contacts", Li, client: kunming);
        var listed = (await kunming.GetFromJsonAsync<JsonNode>("/api/crm/contacts?firm=cell-co"))!.AsArray();
        Assert.That(listed.Select(c => ((string?)c!["id"], (string?)c["name"], (string?)c["firmName"], (string?)c["phone"])),
            Is.EqualTo(new[] { ((string?)added["id"], (string?)"李伟", (string?)"宁德电芯公司", (string?)"+86 871 6123 4567") }));
    }

    [Test]
    public async Task AContactWithoutAConsentNoteIsA400NamingItAndNothingIsWritten()
    {
        var problem = await Post("/api/crm/contacts", new { firm = "cell-co", region = "530100", name = "李伟", ownerTeam = "昆明市投资促进局" }, HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "consentNote" }));
        Assert.That((await GetJson("/api/crm/contacts")).AsArray(), Is.Empty);
    }

    [Test]
    public async Task AContactWithAMalformedEmailIsA400NamingTheEmail()
    {
        var problem = await Post("/api/crm/contacts", new { firm = "cell-co", region = "530100", name = "李伟", email = "li.wei at example", ownerTeam = "t", consentNote = "c" },
            HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "email" }));
    }

    [Test]
    public async Task AVisitLoggedForAProjectShowsInItsHistoryWithTheContactMet()
    {
        var li = await Post("/api/crm/contacts", Li);
        await Post("/api/crm/interactions", new { kind = "visit", date = "2025-03-05", firm = "cell-co", region = "530100", contact = (string?)li["id"],
            project = "foil-for-kunming", who = "王芳", notes = "谈箔材配套", nextStep = "报送电价方案", ownerTeam = "昆明市投资促进局" });

        var history = (await GetJson("/api/crm/interactions?project=foil-for-kunming")).AsArray();
        Assert.That(history.Select(i => ((string?)i!["kind"], (string?)i["date"], (string?)i["contactName"], (string?)i["nextStep"])),
            Is.EqualTo(new[] { ((string?)"visit", (string?)"2025-03-05", (string?)"李伟", (string?)"报送电价方案") }));
    }

    [Test]
    public async Task AnInteractionDatedAfterTodayIsA400NamingTheDate()
    {
        var tomorrow = DateOnly.FromDateTime(DateTime.Now).AddDays(2).ToString("yyyy-MM-dd");
        var problem = await Post("/api/crm/interactions", new { kind = "call", date = tomorrow, firm = "cell-co", region = "530100", who = "王芳", notes = "n", ownerTeam = "t" },
            HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "date" }));
    }

    [Test]
    public async Task AnInteractionCannotNameAContactOfAnotherFirm()
    {
        var li = await Post("/api/crm/contacts", Li);
        var problem = await Post("/api/crm/interactions", new { kind = "call", date = "2025-03-05", firm = "foil-co", region = "530100", contact = (string?)li["id"],
            who = "王芳", notes = "n", ownerTeam = "t" }, HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "contact" }));
        Assert.That((await GetJson("/api/crm/interactions")).AsArray(), Is.Empty);
    }

    [Test]
    public async Task APromotionEventListsTheFirmsMetByName()
    {
        await Post("/api/crm/events", new { name = "新能源电池产业推介会", date = "2025-04-10", place = "昆明滇池会议中心", region = "530100", firms = new[] { "cell-co", "foil-co" },
            ownerTeam = "昆明市投资促进局" });
        var events = (await GetJson("/api/crm/events?firm=foil-co")).AsArray();
        Assert.That(events.Single()!["firms"]!.AsArray().Select(f => (string?)f!["name"]), Is.EqualTo(new[] { "宁德电芯公司", "铝箔公司" }));
    }

    [Test]
    public async Task ALeadWithNoTouchForThirtyDaysIsStaleUntilAVisitIsLogged()
    {
        await Post("/api/projects", new { id = "cold-lead", firm = "foil-co", segment = "foil", region = "530181", ownerTeam = "安宁招商组", date = "2025-01-02" });
        var stale = (await GetJson("/api/crm/stale?region=530100")).AsArray();
        Assert.That(stale.Select(s => ((string?)s!["project"], (string?)s["lastTouch"])), Does.Contain(((string?)"cold-lead", (string?)"2025-01-02")));

        // Logged by the prefecture: a visit of Kunming counts for Anning's lead.
        await Post("/api/crm/interactions", new { kind = "visit", date = Today, firm = "foil-co", region = "530100", who = "王芳", notes = "回访", ownerTeam = "昆明市投资促进局" });
        stale = (await GetJson("/api/crm/stale?region=530100")).AsArray();
        Assert.That(stale.Select(s => (string?)s!["project"]), Does.Not.Contain("cold-lead"));
    }

    [Test]
    public async Task TheStaleViewRefusesANumberOfDaysThatIsNotOne()
    {
        using var response = await Client.GetAsync("/api/crm/stale?days=-3");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await response.Content.ReadFromJsonAsync<JsonNode>())!["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "days" }));
    }

    [Test]
    public async Task TheContactExportImportsBackUnchanged()
    {
        await Post("/api/crm/contacts", Li);
        var csv = await Client.GetByteArrayAsync("/api/crm/contacts.csv");
        using var response = await Client.PostAsync("/api/crm/contacts/import", new ByteArrayContent(csv) { Headers = { { "Content-Type", "text/csv" } } });
        var report = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.That(((int?)report["rows"], (int?)report["written"]), Is.EqualTo(((int?)1, (int?)0)), report.ToJsonString());
    }

    [Test]
    public async Task AContactImportWithABadRowNamesTheLineAndReasonAndWritesNothing()
    {
        const string file = "firm,region,name,owner,consent,email\ncell-co,530100,李伟,昆明,同意,li@example.com\n宁德电芯公司,530100,张敏,昆明,,zhang@example.com\n";
        using var response = await Client.PostAsync("/api/crm/contacts/import", new StringContent(file, Encoding.UTF8, "text/csv"));
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), problem.ToJsonString());
        Assert.That(problem["errors"]!.AsObject().Select(e => (e.Key, (string?)e.Value![0])), Has.One.Matches<(string Line, string? Reason)>(e => e.Line == "line 3" && e.Reason!.StartsWith("consent:")));
        Assert.That((await GetJson("/api/crm/contacts")).AsArray(), Is.Empty);
    }

    [Test]
    public async Task AddingAContactIsAuditedWithItsIdButNotThePersonsData()
    {
        var added = await Post("/api/crm/contacts", Li);
        var entry = (await GetJson("/api/audit?target=contacts")).AsArray().Single()!;
        Assert.That((string?)entry["after"], Does.Contain((string?)added["id"]).And.Contain("昆明市投资促进局")
            .And.Not.Contain("李伟").And.Not.Contain("6123").And.Not.Contain("li.wei").And.Not.Contain("名片"));
    }

    async Task<HttpResponseMessage> Send(HttpMethod method, string url, object? body = null, HttpClient? client = null) =>
        await (client ?? Client).SendAsync(new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) });

    static readonly object Edit = new { title = "总经理", phone = (string?)null, email = "li@example.org", ownerTeam = "曲靖市投资促进局", consentNote = "2025-06-01 书面同意" };

    [Test]
    public async Task AnInvestmentOfficerEditsAContactAndTheFirmsContactsShowTheEdit()
    {
        using var kunming = App.ClientAs(Role.Investment, "530100");
        var id = (string?)(await Post("/api/crm/contacts", Li, client: kunming))["id"];
        using var response = await Send(HttpMethod.Put, $"/api/crm/contacts/{id}", Edit, kunming);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var listed = (await kunming.GetFromJsonAsync<JsonNode>("/api/crm/contacts?firm=cell-co"))!.AsArray().Single()!;
        Assert.That(((string?)listed["name"], (string?)listed["title"], (string?)listed["phone"], (string?)listed["email"], (string?)listed["ownerTeam"], (string?)listed["consentNote"]),
            Is.EqualTo(((string?)"李伟", (string?)"总经理", (string?)null, (string?)"li@example.org", (string?)"曲靖市投资促进局", (string?)"2025-06-01 书面同意")));
    }

    [Test]
    public async Task AnEditWithAMalformedPhoneIsA400NamingThePhoneAndChangesNothing()
    {
        var id = (string?)(await Post("/api/crm/contacts", Li))["id"];
        using var response = await Send(HttpMethod.Put, $"/api/crm/contacts/{id}", new { title = "总经理", phone = "call me", ownerTeam = "t", consentNote = "c" });
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.That((response.StatusCode, problem["errors"]!.AsObject().Select(e => e.Key).Single()), Is.EqualTo((HttpStatusCode.BadRequest, "phone")));
        Assert.That((string?)(await GetJson("/api/crm/contacts")).AsArray().Single()!["title"], Is.EqualTo("副总经理"));
    }

    [Test]
    public async Task EditingAnUnknownContactIsA404()
    {
        using var response = await Send(HttpMethod.Put, "/api/crm/contacts/nobody", Edit);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task RemovingAContactDeletesItsPersonalDataAndKeepsTheVisitsThatNamedIt()
    {
        var id = (string?)(await Post("/api/crm/contacts", Li))["id"];
        await Post("/api/crm/interactions", new { kind = "visit", date = "2025-03-05", firm = "cell-co", region = "530100", contact = id, who = "王芳", notes = "谈箔材配套", ownerTeam = "昆明" });

        using var response = await Send(HttpMethod.Delete, $"/api/crm/contacts/{id}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await response.Content.ReadAsStringAsync());
        Assert.That((await GetJson("/api/crm/contacts")).AsArray(), Is.Empty);
        Assert.That(await Client.GetStringAsync("/api/crm/contacts.csv"), Does.Not.Contain("李伟"));
        var visit = (await GetJson("/api/crm/interactions?firm=cell-co")).AsArray().Single()!;
        Assert.That(((string?)visit["notes"], (string?)visit["contact"], (string?)visit["contactName"]), Is.EqualTo(((string?)"谈箔材配套", (string?)null, (string?)null)));
    }

    [Test]
    public async Task TheRemovalIsAuditedWithWhoRemovedWhichContactAndNoPersonalData()
    {
        var id = (string?)(await Post("/api/crm/contacts", Li))["id"];
        using (await Send(HttpMethod.Delete, $"/api/crm/contacts/{id}")) { }

        var entry = (await GetJson($"/api/audit?target=contact:{id}")).AsArray().Single()!;
        var text = entry.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.That(((string?)entry["action"], (string?)entry["actor"]), Is.EqualTo(((string?)"DELETE /api/crm/contacts/{contactId}", (string?)"key:test-admin-*")));
        Assert.That(text, Does.Contain(id).And.Contain("removed").And.Not.Contain("李伟").And.Not.Contain("6123").And.Not.Contain("li.wei").And.Not.Contain("名片"));
    }

    [Test]
    public async Task ARemovedContactCannotBeEditedItIsA409NorImportedBackNorNamedByAnImportedVisitTheLineSaysWhy()
    {
        var id = (string?)(await Post("/api/crm/contacts", Li))["id"];
        using (await Send(HttpMethod.Delete, $"/api/crm/contacts/{id}")) { }

        using var edit = await Send(HttpMethod.Put, $"/api/crm/contacts/{id}", Edit);
        using var import = await Client.PostAsync("/api/crm/contacts/import",
            new StringContent($"id,firm,region,name,owner,consent\n{id},cell-co,530100,李伟,昆明,同意\n", Encoding.UTF8, "text/csv"));
        using var visit = await Client.PostAsync("/api/crm/interactions/import",
            new StringContent($"kind,date,firm,region,contact,who,notes,owner\nvisit,2025-03-05,cell-co,530100,{id},王芳,回访,昆明市投资促进局\n", Encoding.UTF8, "text/csv"));
        Assert.That((edit.StatusCode, import.StatusCode, visit.StatusCode), Is.EqualTo((HttpStatusCode.Conflict, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest)));
        var contactProblem = (await import.Content.ReadFromJsonAsync<JsonNode>())!;
        var visitProblem = (await visit.Content.ReadFromJsonAsync<JsonNode>())!;
        Assert.That((string?)contactProblem["errors"]!["line 2"]![0], Is.EqualTo($"id: contact {id} was removed when consent was withdrawn: it cannot be imported back"));
        Assert.That((string?)visitProblem["errors"]!["line 2"]![0], Is.EqualTo($"contact: contact {id} was removed when consent was withdrawn"));
        Assert.That(await Client.GetStringAsync("/api/crm/contacts.csv"), Does.Not.Contain("李伟"));
        Assert.That((await GetJson("/api/crm/interactions")).AsArray(), Is.Empty, "the refused visit was not written");
    }

    [Test]
    public async Task AKunmingInvestmentKeySeesKunmingsContactsButNotQujings()
    {
        await Post("/api/crm/contacts", Li);
        await Post("/api/crm/contacts", new { firm = "cell-co", region = "530300", name = "曲靖联系人", ownerTeam = "曲靖市投资促进局", consentNote = "同意" });
        using var kunming = App.ClientAs(Role.Investment, "530100");
        var names = (await kunming.GetFromJsonAsync<JsonNode>("/api/crm/contacts?firm=cell-co"))!.AsArray().Select(c => (string?)c!["name"]);
        Assert.That(names, Is.EqualTo(new[] { "李伟" }));
        using var qujing = await kunming.GetAsync("/api/crm/contacts?region=530300");
        Assert.That(qujing.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task TheInteractionExportImportsIntoAnotherStoreWithTheSameHistory()
    {
        await Post("/api/crm/interactions", new { kind = "meeting", date = "2025-03-05", firm = "cell-co", region = "530100", project = "foil-for-kunming",
            who = "王芳", notes = "=谈箔材配套", nextStep = "报送电价方案", ownerTeam = "昆明市投资促进局" });
        var csv = await Client.GetByteArrayAsync("/api/crm/interactions.csv");
        var exported = await GetJson("/api/crm/interactions");

        using var other = new ChainMatchApp(SeedFolder.Fixture("mini-seeds"));
        using var client = other.CreateClient();
        using var response = await client.PostAsync("/api/crm/interactions/import", new ByteArrayContent(csv) { Headers = { { "Content-Type", "text/csv" } } });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var imported = (await client.GetFromJsonAsync<JsonNode>("/api/crm/interactions"))!;
        other.Dispose();
        other.DeleteData();
        Assert.That(imported.ToJsonString(), Is.EqualTo(exported.ToJsonString()));
    }

    [Test]
    public async Task AnInteractionImportNamingAnUnknownProjectNamesTheLineAndWritesNothing()
    {
        const string file = "kind,date,firm,region,project,who,notes,owner\nvisit,2025-03-05,cell-co,530100,foil-for-kunming,王芳,回访,昆明\ncall,2025-03-06,cell-co,530100,no-such-project,王芳,电话,昆明\n";
        using var response = await Client.PostAsync("/api/crm/interactions/import", new StringContent(file, Encoding.UTF8, "text/csv"));
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), problem.ToJsonString());
        Assert.That(problem["errors"]!.AsObject().Select(e => (e.Key, (string?)e.Value![0])), Is.EqualTo(new[] { ("line 3", (string?)"project: unknown project 'no-such-project'") }));
        Assert.That((await GetJson("/api/crm/interactions")).AsArray(), Is.Empty);
    }
}
