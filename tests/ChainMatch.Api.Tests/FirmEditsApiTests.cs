using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;

namespace ChainMatch.Api.Tests;

public class FirmEditsApiTests : ApiTest
{
    [Test]
    public async Task ANewFirmCanBeAddedAndThenCorrected()
    {
        var added = await Client.PutAsJsonAsync("/api/firms/anode-co", new { name = "负极材料公司", headquarters = "530300", aliases = new[] { "负极公司" }, sourcePublisher = "test" });
        Assert.That(added.StatusCode, Is.EqualTo(HttpStatusCode.OK), await added.Content.ReadAsStringAsync());
        await Client.PutAsJsonAsync("/api/firms/anode-co", new { name = "负极材料股份公司", nameEn = "Anode Co", headquarters = "530300", sourcePublisher = "test" });
        var firm = await GetJson("/api/firms/anode-co");
        Assert.That(((string?)firm["name"], (string?)firm["nameEn"], firm["aliases"]!.AsArray().Count), Is.EqualTo(("负极材料股份公司", "Anode Co", 0)));
    }

    [Test]
    public async Task ANewPresenceChangesTheStatusMapAtOnce()
    {
        var before = (await GetJson("/api/chains/aluminium/status/530100?asOf=2024"))["segments"]!.AsArray().Single(s => (string?)s!["id"] == "alumina")!;
        Assert.That((string?)before["status"], Is.EqualTo("missing"));
        var response = await Client.PostAsJsonAsync("/api/firms/smelter-co/presences",
            new { segment = "alumina", region = "530181", capacity = 800000, unit = "t/yr", since = 2020, sourcePublisher = "test", sourceRef = "annual report" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var after = (await GetJson("/api/chains/aluminium/status/530100?asOf=2024"))["segments"]!.AsArray().Single(s => (string?)s!["id"] == "alumina")!;
        Assert.That((string?)after["status"], Is.Not.EqualTo("missing"));
    }

    [TestCase("/api/firms/anode-co", "PUT", """{"name":"负极","headquarters":"999999"}""", "headquarters")]
    [TestCase("/api/firms/anode-co", "PUT", """{"name":"负极","aliases":["宁德电芯公司"]}""", "aliases")]
    [TestCase("/api/firms/anode-co", "PUT", """{"name":"负极","uscc":"123"}""", "uscc")]
    [TestCase("/api/firms/Anode_Co", "PUT", """{"name":"负极"}""", "id")]
    [TestCase("/api/firms/smelter-co/presences", "POST", """{"segment":"anode","region":"530181"}""", "segment")]
    [TestCase("/api/firms/smelter-co/presences", "POST", """{"segment":"alumina","region":"530999"}""", "region")]
    [TestCase("/api/firms/smelter-co/presences", "POST", """{"segment":"alumina","region":"530181","capacity":5}""", "unit")]
    [TestCase("/api/firms/smelter-co/presences", "POST", """{"segment":"alumina","region":"530181","since":2020,"until":2019}""", "until")]
    [TestCase("/api/firms/smelter-co/presences", "POST", """{"segment":"alumina","region":"530181","until":2019}""", "until")]
    [TestCase("/api/firms/smelter-co/presences", "POST", """{"segment":"alumina","region":"530181","since":2020,"until":99999}""", "until")]
    [TestCase("/api/firms/smelter-co/presences", "POST", """{"segment":"alumina","region":"530181","capacity":-5,"unit":"t/yr"}""", "capacity")]
    public async Task ABadEditIsA400NamingTheFieldAndChangesNothing(string url, string method, string body, string field)
    {
        var firmsBefore = (int?)(await GetJson("/health"))["firms"];
        var response = await Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await response.Content.ReadFromJsonAsync<JsonNode>())!["errors"]!.AsObject().Select(e => e.Key), Does.Contain(field));
        Assert.That((int?)(await GetJson("/health"))["firms"], Is.EqualTo(firmsBefore));
    }

    [Test]
    public async Task AControlCharacterStoredBeforeTheInputRuleDoesNotBreakTheWorkbook()
    {
        // Written past the API, as a store filled before the rule may hold it.
        var store = Services.GetRequiredService<ChainMatch.Storage.IGraphStore>();
        var graph = Services.GetRequiredService<ChainMatch.Api.Graph.GraphSnapshot>();
        var firms = graph.Current.Firms.Select(f => f with { Name = f.Name + "\u0001\u001b" }).ToArray();
        await ChainMatch.Storage.GraphStoreImports.ImportAsync(store, ChainMatch.Domain.Graph.GraphData.Empty with { Firms = [.. firms] });
        graph.Swap(await ChainMatch.Storage.GraphLoader.ProjectAsync(store), await store.ReadVersionAsync());

        var workbook = await Client.GetAsync("/api/regions/530100/targets.xlsx?asOf=2024");

        Assert.That(workbook.StatusCode, Is.EqualTo(HttpStatusCode.OK), await workbook.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task APresenceForAnUnknownFirmIsA404() =>
        Assert.That((await Client.PostAsJsonAsync("/api/firms/nobody/presences", new { segment = "alumina", region = "530181" })).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
}
