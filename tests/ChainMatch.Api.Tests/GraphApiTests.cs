using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace ChainMatch.Api.Tests;

public class GraphApiTests : ApiTest
{
    [Test]
    public async Task ListsTheSeededChains()
    {
        var chains = (await GetJson("/api/chains")).AsArray();
        Assert.That(chains.Select(c => (string?)c!["id"]), Is.EqualTo(new[] { "aluminium", "battery" }));
        Assert.That((int?)chains[0]!["segments"], Is.EqualTo(4));
    }

    [Test]
    public async Task AChainMarksTheLinksThatCrossIntoOtherChains()
    {
        var links = (await GetJson("/api/chains/battery"))["links"]!.AsArray();
        var crossing = links.ToDictionary(l => $"{l!["from"]}->{l["to"]}", l => (bool)l!["crossChain"]!);
        Assert.That(crossing, Is.EqualTo(new Dictionary<string, bool> { ["smelting->foil"] = true, ["foil->cell"] = false }));
    }

    [Test]
    public async Task TheRegionTreeNestsParksUnderCounties()
    {
        var tree = (await GetJson("/api/regions?root=530100")).AsArray();
        var county = tree[0]!["children"]!.AsArray().Single(c => (string?)c!["code"] == "530181")!;
        Assert.That((string?)county["children"]![0]!["code"], Is.EqualTo("530181-anning-park"));
        Assert.That((string?)county["children"]![0]!["level"], Is.EqualTo("park"));
    }

    [Test]
    public async Task AFirmShowsWhereItOperatesAndItsLists()
    {
        var firm = await GetJson("/api/firms/cell-co");
        Assert.That((string?)firm["headquarters"], Is.EqualTo("350900"));
        Assert.That(firm["presences"]!.AsArray().Select(p => (string?)p!["segment"]), Is.EquivalentTo(new[] { "cell", "foil" }));
        Assert.That((int?)firm["lists"]![0]!["rank"], Is.EqualTo(42));
    }

    [Test]
    public async Task TheHealthEndpointReportsTheProjectedGraph()
    {
        var health = await GetJson("/health");
        Assert.That(((string?)health["status"], (int?)health["chains"]), Is.EqualTo(("healthy", 2)));
    }

    [Test]
    public async Task TheHealthEndpointNamesTheSqliteEngineTheStoresRunOn()
    {
        var reported = (string?)(await GetJson("/health"))["sqlite"];

        using var connection = new SqliteConnection($"Data Source={Path.Combine(App.DataDirectory, "chainmatch.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var query = connection.CreateCommand();
        query.CommandText = "SELECT sqlite_version()";
        Assert.That(reported, Is.EqualTo((string?)query.ExecuteScalar()));
        // The bundled engine, not the 2021 one the 2.0 bundle carried.
        Assert.That(Version.Parse(reported!), Is.GreaterThanOrEqualTo(new Version(3, 50)));
    }

    [Test]
    public async Task TheOpenApiDocumentListsTheEndpoints()
    {
        var paths = (await GetJson("/openapi/v1.json"))["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.That(paths, Is.SupersetOf(new[]
        {
            "/health", "/api/chains", "/api/chains/{chainId}", "/api/regions", "/api/firms/{firmId}",
            "/api/chains/{chainId}/status/{regionCode}", "/api/regions/{regionCode}/gaps", "/api/regions/{regionCode}/gap-changes",
        }));
    }

    [TestCase("/api/chains/steel", "chain")]
    [TestCase("/api/firms/nobody", "firm")]
    [TestCase("/api/chains/aluminium/status/530999", "region")]
    [TestCase("/api/regions/?root=530999", "region")]
    public async Task AnUnknownIdIsA404ProblemNamingIt(string url, string kind)
    {
        var response = await Client.GetAsync(url);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        var problem = (await response.Content.ReadFromJsonAsync<JsonNode>())!;
        Assert.That((string?)problem["title"], Is.EqualTo($"Unknown {kind}"));
    }

    [TestCase("/api/chains/aluminium/status/530100?asOf=last-year", "asOf")]
    [TestCase("/api/chains/Alu%20minium/status/530100", "chainId")]
    [TestCase("/api/chains/aluminium/status/kunming", "regionCode")]
    [TestCase("/api/regions/530100/gaps?asOf=2024-02-30", "asOf")]
    [TestCase("/api/regions/530100/gap-changes", "from")]
    [TestCase("/api/regions/530100/gap-changes?from=2025&to=2020", "from")]
    [TestCase("/api/firms/Not_An_Id", "firmId")]
    public async Task AMalformedParameterIsA400NamingIt(string url, string parameter)
    {
        var response = await Client.GetAsync(url);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var problem = (await response.Content.ReadFromJsonAsync<JsonNode>())!;
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Does.Contain(parameter));
    }
}
