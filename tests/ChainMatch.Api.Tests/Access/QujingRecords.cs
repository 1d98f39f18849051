using System.Net.Http.Json;

namespace ChainMatch.Api.Tests.Access;

/// <summary>
/// Operational records of Qujing (530300) that no Kunming caller may read or change: a firm headquartered there, a
/// negative-list rule, a project with a problem, a presence, a contact, an interaction and a promotion event. Every text a reader could leak carries <see cref="Marker"/>.
/// </summary>
static class QujingRecords
{
    public const string Marker = "qujing-secret";
    public const string Firm = "qujing-secret-co", Rule = "qujing-secret-rule", Project = "qujing-secret-project";
    public const string Contact = "qujing-secret-contact", Interaction = "qujing-secret-interaction", Event = "qujing-secret-event";

    /// <summary>Written through the API by a caller for all regions (the rule and problem texts ride in the audit log too).</summary>
    public static async Task SeedAsync(HttpClient admin)
    {
        var writes = new (string Url, object Body)[]
        {
            ($"/api/firms/{Firm}", new { name = "qujing-secret firm", headquarters = "530300" }),
            ("/api/negative-list", new { id = Rule, segment = "foil", region = "530300", reason = "qujing-secret reason" }),
            ("/api/projects", new { id = Project, firm = "smelter-co", segment = "foil", region = "530300", ownerTeam = "qujing-secret owner", date = "2025-03-01" }),
            ($"/api/projects/{Project}/problems", new { category = "land", description = "qujing-secret problem", raisedOn = "2025-03-02", leadDepartment = "qujing-secret department", deadline = "2025-03-10" }),
            ("/api/firms/smelter-co/presences", new { segment = "smelting", region = "530300", site = "qujing-secret site", since = 2020, capacity = 1000, unit = "t/yr" }),
            ("/api/crm/contacts", new { id = Contact, firm = "smelter-co", region = "530300", name = "qujing-secret person", phone = "0874 123 4567", ownerTeam = "qujing-secret team", consentNote = "qujing-secret consent" }),
            ("/api/crm/interactions", new { id = Interaction, kind = "visit", date = "2025-03-03", firm = "smelter-co", region = "530300", contact = Contact, project = Project,
                who = "qujing-secret officer", notes = "qujing-secret notes", ownerTeam = "qujing-secret team" }),
            ("/api/crm/events", new { id = Event, name = "qujing-secret fair", date = "2025-03-04", place = "qujing-secret hall", region = "530300", firms = new[] { "smelter-co" }, ownerTeam = "qujing-secret team" }),
        };
        foreach (var (url, body) in writes)
        {
            using var response = url.StartsWith("/api/firms/" + Firm, StringComparison.Ordinal) ? await admin.PutAsJsonAsync(url, body) : await admin.PostAsJsonAsync(url, body);
            Assert.That(response.IsSuccessStatusCode, Is.True, $"seeding {url}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
