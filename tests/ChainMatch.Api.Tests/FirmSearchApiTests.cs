using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ChainMatch.Api.Tests;

/// <summary>GET /api/firms/search: names, aliases and credit codes, folded, exact before prefix before contains.</summary>
public class FirmSearchApiTests : ApiTest
{
    async Task<List<(string? Id, string? Field, string? Match)>> Search(string query)
    {
        var hits = await GetJson($"/api/firms/search?q={Uri.EscapeDataString(query)}");
        return [.. hits.AsArray().Select(h => ((string?)h!["id"], (string?)h["field"], (string?)h["match"]))];
    }

    async Task AddAnode()
    {
        var put = await Client.PutAsJsonAsync("/api/firms/anode-co", new
        {
            name = "曲靖负极材料股份有限公司", nameEn = "Qujing Anode Materials", headquarters = "530300", uscc = "91530300MA6K7ABC1X",
            aliases = new[] { "负极龙头" }, sourcePublisher = "test",
        });
        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.OK), await put.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task AFirmAddedByAnEditIsFoundByItsChineseAlias()
    {
        await AddAnode();
        Assert.That(await Search("负极龙头"), Is.EqualTo(new[] { ("anode-co", "alias", "exact") }));
    }

    [Test]
    public async Task AnEnglishNameIsFoundByItsStartWhateverItsCase()
    {
        Assert.That((await Search("SMELTER")).First(), Is.EqualTo(("smelter-co", "name-en", "prefix")));
    }

    [Test]
    public async Task ACreditCodeIsFoundByItsFirstDigits()
    {
        await AddAnode();
        Assert.That(await Search("91530300ma6k"), Is.EqualTo(new[] { ("anode-co", "credit-code", "prefix") }));
    }

    [Test]
    public async Task APartOfTheNameFindsEveryFirmHoldingItWithTheNameStartingWithItFirst()
    {
        // 铝箔公司 starts with 铝; 安宁冶炼公司 does not hold it; "铝" inside a name ranks after.
        await Client.PutAsJsonAsync("/api/firms/alu-trader", new { name = "云南铝贸易公司", headquarters = "530100", sourcePublisher = "test" });
        Assert.That((await Search("铝")).Select(h => (h.Id, h.Match)), Is.EqualTo(new[] { ("foil-co", "prefix"), ("alu-trader", "contains") }));
    }

    [TestCase("q=", "q")]
    [TestCase("q=%EF%BC%88%EF%BC%89", "q")]
    [TestCase("limit=5", "q")]
    [TestCase("q=foil&limit=0", "limit")]
    [TestCase("q=foil&q=cell", "q")]
    public async Task ABadSearchIsA400NamingTheParameter(string query, string field)
    {
        var response = await Client.GetAsync($"/api/firms/search?{query}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await response.Content.ReadFromJsonAsync<JsonNode>())!["errors"]!.AsObject().Select(e => e.Key), Does.Contain(field));
    }

    [Test]
    public async Task ASearchLongerThanAHundredCharactersIsRefused()
    {
        var response = await Client.GetAsync($"/api/firms/search?q={new string('铝', 101)}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }
}

/// <summary>GET /api/firms/{id} as the firm page reads it: presences, list standings, group both ways, negative-list rules.</summary>
public class FirmProfileApiTests
{
    [Test]
    public async Task AGroupsPageListsItsSubsidiariesAndASubsidiarysPageItsGroup()
    {
        using var seeds = SeedFolder.CopyOf("mini-seeds")
            .Write("groups.csv", "firm,parent,share,source_publisher,source_ref\nfoil-co,smelter-co,51,Test,https://example.org/group\n");
        using var app = new ChainMatchApp(seeds.Path);
        using var client = app.CreateClient();
        try
        {
            var group = (await client.GetFromJsonAsync<JsonNode>("/api/firms/smelter-co"))!;
            Assert.That(group["subsidiaries"]!.AsArray().Select(s => ((string?)s!["id"], (double?)s["share"])), Is.EqualTo(new[] { ("foil-co", (double?)51) }));
            var plant = (await client.GetFromJsonAsync<JsonNode>("/api/firms/foil-co"))!;
            Assert.That((string?)plant["group"]!["parent"], Is.EqualTo("smelter-co"));
            Assert.That(plant["subsidiaries"]!.AsArray(), Is.Empty);
        }
        finally
        {
            app.DeleteData();
        }
    }

    [Test]
    public async Task AListedFirmOnTheNegativeListShowsItsStandingItsPlantsAndTheRule()
    {
        using var app = new ChainMatchApp(SeedFolder.Fixture("mini-seeds"));
        using var client = app.CreateClient();
        try
        {
            var firm = (await client.GetFromJsonAsync<JsonNode>("/api/firms/cell-co"))!;
            Assert.That(firm["lists"]!.AsArray().Select(l => (int?)l!["rank"]), Is.EqualTo(new int?[] { 42 }));
            Assert.That(firm["presences"]!.AsArray().Select(p => ((string?)p!["segment"], (string?)p["region"])), Is.EquivalentTo(new[] { ("cell", "350900"), ("foil", "350900") }));
            Assert.That(firm["negativeList"]!.AsArray().Select(r => (string?)r), Has.Some.Contains("not to be pursued"));
        }
        finally
        {
            app.DeleteData();
        }
    }
}
