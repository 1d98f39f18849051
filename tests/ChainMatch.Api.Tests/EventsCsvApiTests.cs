using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ChainMatch.Domain.Access;

namespace ChainMatch.Api.Tests;

/// <summary>Promotion events (推介会) out of the 客商库 as CSV and back in, through the real pipeline.</summary>
public sealed class EventsCsvApiTests : ApiTest
{
    const string Header = "id,name,date,place,region,firms,owner,notes\n";

    static readonly object Fair = new { name = "=新能源电池产业推介会", date = "2025-04-10", place = "昆明滇池会议中心", region = "530100", firms = new[] { "cell-co", "foil-co" },
        ownerTeam = "昆明市投资促进局", notes = "签约意向 2 项, \"重点\" 跟进\n第二行" };

    static async Task<(HttpStatusCode Status, JsonNode Body)> Import(HttpClient client, byte[] csv, string query = "")
    {
        using var response = await client.PostAsync("/api/crm/events/import" + query, new ByteArrayContent(csv) { Headers = { { "Content-Type", "text/csv" } } });
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    async Task AddEvent(object body)
    {
        using var response = await Client.PostAsJsonAsync("/api/crm/events", body);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task TheEventExportImportsIntoAnEmptyStoreAsTheSameEvents()
    {
        await AddEvent(Fair);
        await AddEvent(new { name = "曲靖绿色铝推介会", date = "2025-05-20", place = "曲靖", region = "530300", firms = Array.Empty<string>(), ownerTeam = "曲靖市投资促进局" });
        var csv = await Client.GetByteArrayAsync("/api/crm/events.csv");
        var exported = await GetJson("/api/crm/events");

        using var other = new ChainMatchApp(SeedFolder.Fixture("mini-seeds"));
        try
        {
            using var client = other.CreateClient();
            var (status, report) = await Import(client, csv);
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK), report.ToJsonString());
            Assert.That(((int?)report["rows"], (int?)report["written"]), Is.EqualTo(((int?)2, (int?)2)));
            var imported = (await client.GetFromJsonAsync<JsonNode>("/api/crm/events"))!;
            Assert.That(imported.ToJsonString(), Is.EqualTo(exported.ToJsonString()));
        }
        finally
        {
            other.Dispose();
            other.DeleteData();
        }
    }

    [Test]
    public async Task TheExportHasTheColumnsTheImportReadsAndTheFirmsMetByIdOfTheRegionAsked()
    {
        await AddEvent(Fair);
        await AddEvent(new { name = "曲靖绿色铝推介会", date = "2025-05-20", place = "曲靖", region = "530300", firms = new[] { "smelter-co" }, ownerTeam = "曲靖市投资促进局" });
        var text = Encoding.UTF8.GetString(await Client.GetByteArrayAsync("/api/crm/events.csv?region=530100")).TrimStart('\uFEFF');
        var lines = text.Split("\r\n");
        Assert.That(lines[0], Is.EqualTo("id,name,date,place,region,firms,owner,notes"));
        Assert.That(lines[1], Does.StartWith("event-1,'=新能源电池产业推介会,2025-04-10,昆明滇池会议中心,530100,cell-co;foil-co,"));
        Assert.That(text, Does.Not.Contain("曲靖绿色铝推介会"));
    }

    [Test]
    public async Task AnEventFileWithABadRowNamesTheLineAndReasonAndWritesNothing()
    {
        var file = Header + "fair-1,推介会,2025-04-10,昆明,530100,cell-co,昆明,\nfair-2,推介会,2025-04-11,,530100,宁德电芯公司;nobody,昆明,\n";
        var (status, problem) = await Import(Client, Encoding.UTF8.GetBytes(file));
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest), problem.ToJsonString());
        Assert.That(problem["errors"]!.AsObject().Select(e => (e.Key, string.Join(" | ", e.Value!.AsArray().Select(v => (string?)v)))), Is.EqualTo(new[]
        {
            ("line 3", "firms: no firm is called 'nobody': add it first (PUT /api/firms/{id} or chainmatch firm set)"),
        }));
        Assert.That((await GetJson("/api/crm/events")).AsArray(), Is.Empty);
    }

    [Test]
    public async Task AMissingPlaceIsNamedAsTheRowsPlaceColumn()
    {
        var (status, problem) = await Import(Client, Encoding.UTF8.GetBytes(Header + ",推介会,2025-04-11,,530100,cell-co,昆明,\n"));
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest), problem.ToJsonString());
        Assert.That((string?)problem["errors"]!["line 2"]![0], Is.EqualTo("place: an event needs the place it was held"));
    }

    [Test]
    public async Task ADryRunCountsTheRowsAndWritesNothing()
    {
        var (status, report) = await Import(Client, Encoding.UTF8.GetBytes(Header + ",推介会,2025-04-10,昆明,530100,cell-co,昆明,\n"), "?dryRun=true");
        Assert.That((status, (int?)report["rows"], (int?)report["written"], (bool?)report["dryRun"]), Is.EqualTo((HttpStatusCode.OK, (int?)1, (int?)0, (bool?)true)));
        Assert.That((await GetJson("/api/crm/events")).AsArray(), Is.Empty);
    }

    [Test]
    public async Task AKunmingKeyCannotImportAnEventForQujingAndNothingIsWritten()
    {
        using var kunming = App.ClientAs(Role.Investment, "530100");
        var file = Header + ",昆明推介会,2025-04-10,昆明,530100,cell-co,昆明,\n,曲靖推介会,2025-04-11,曲靖,530300,cell-co,昆明,\n";
        var (status, problem) = await Import(kunming, Encoding.UTF8.GetBytes(file));
        Assert.That(status, Is.EqualTo(HttpStatusCode.Forbidden), problem.ToJsonString());
        Assert.That(problem.ToJsonString(), Does.Contain("event-2"));
        Assert.That((await GetJson("/api/crm/events")).AsArray(), Is.Empty);
    }

    [Test]
    public async Task AnEventImportIsAuditedWithTheEventsAsWritten()
    {
        var (status, report) = await Import(Client, Encoding.UTF8.GetBytes(Header + "expo-2025,南博会投资推介会,2025-06-19,昆明滇池国际会展中心,530100,cell-co,昆明市投资促进局,\n"));
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), report.ToJsonString());
        var entry = (await GetJson("/api/audit?target=promotion%20events")).AsArray().Single()!;
        Assert.That((string?)entry["after"], Does.Contain("expo-2025").And.Contain("南博会投资推介会"));
    }
}
