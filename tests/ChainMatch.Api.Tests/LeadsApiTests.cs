using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ChainMatch.Api.Tests;

public class LeadsApiTests : ApiTest
{
    [Test]
    public async Task LeadsForAGapAreRankedWithScoresAndReasons()
    {
        // As of 2022 the cell maker still made foil in Ningde, and the Anning smelter sits upstream of foil.
        // The cell maker is on the fixture's negative list, so it is asked for explicitly.
        var list = await GetJson("/api/regions/530100/segments/foil/leads?asOf=2022&includeExcluded=true");
        var leads = list["leads"]!.AsArray();
        Assert.That(((string?)list["segment"], (string?)list["region"]), Is.EqualTo(("foil", "530100")));
        Assert.That(leads.Select(l => (string?)l!["firmId"]), Is.EquivalentTo(new[] { "cell-co", "smelter-co" }));
        Assert.That(leads.Select(l => (int)l!["rank"]!), Is.EqualTo(new[] { 1, 2 }));
        Assert.That(leads.Select(l => (double)l!["score"]!), Is.Ordered.Descending);
        Assert.That(leads.Where(l => l!["reasons"]!.AsArray().Count == 0).Select(l => (string?)l!["firmId"]), Is.Empty, "leads without reasons");
    }

    [Test]
    public async Task EachReasonIsACodeWithItsArgumentsAndReadsInChineseAndEnglish()
    {
        var leads = (await GetJson("/api/regions/530100/segments/foil/leads?asOf=2022&includeExcluded=true"))["leads"]!.AsArray();
        var reasons = leads.SelectMany(l => l!["reasons"]!.AsArray()).Select(r => r!).ToList();
        Assert.That(reasons.Select(r => (string?)r["code"]), Is.All.StartWith("lead."));
        Assert.That(reasons.Select(r => (string?)r["text"]!["zh"]), Is.All.Not.Empty.And.All.Not.Contain("{"));
        Assert.That(reasons.Where(r => (string?)r["text"]!["zh"] == (string?)r["text"]!["en"]).Select(r => (string?)r["code"]), Is.Empty, "reasons that read the same in both languages");
        // A reason that names a segment carries it in both languages and reads it in each (the cell maker's foil in Ningde, or
        // its cells downstream of foil, whichever the model puts forward): the text is built from the arguments.
        var named = reasons.Where(r => r["args"]?["segment"] is not null).ToList();
        Assert.That(named, Is.Not.Empty, "no reason names a segment");
        foreach (var reason in named)
        {
            var segment = reason["args"]!["segment"]!;
            Assert.That(((string?)segment["zh"], (string?)segment["en"]), Is.EqualTo(("电池铝箔", "Battery foil")), (string?)reason["code"]);
            Assert.That((string?)reason["text"]!["zh"], Does.Contain("电池铝箔"), (string?)reason["code"]);
            Assert.That((string?)reason["text"]!["en"], Does.Contain("Battery foil"), (string?)reason["code"]);
        }
    }

    [Test]
    public async Task AFirmAlreadyInTheSegmentThereIsNotALead()
    {
        // The unsourced foil plant in Anning (since 2021) is local, so its firm is no lead for Kunming.
        var leads = (await GetJson("/api/regions/530100/segments/foil/leads?asOf=2022"))["leads"]!.AsArray();
        Assert.That(leads.Select(l => (string?)l!["firmId"]), Does.Not.Contain("foil-co"));
    }

    [Test]
    public async Task TopLimitsTheList() =>
        Assert.That((await GetJson("/api/regions/530100/segments/foil/leads?asOf=2022&top=1"))["leads"]!.AsArray(), Has.Count.EqualTo(1));

    [TestCase("/api/regions/530100/segments/anode/leads", HttpStatusCode.NotFound)]
    [TestCase("/api/regions/530999/segments/foil/leads", HttpStatusCode.NotFound)]
    [TestCase("/api/regions/530100/segments/foil/leads?top=0", HttpStatusCode.BadRequest)]
    [TestCase("/api/regions/530100/segments/foil/leads?top=5000", HttpStatusCode.BadRequest)]
    public async Task BadGapsAreProblems(string url, HttpStatusCode expected)
    {
        var response = await Client.GetAsync(url);
        Assert.That(response.StatusCode, Is.EqualTo(expected));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }
}

public class ModelStartupTests
{
    [Test]
    public void AMissingModelStopsTheStartNamingTheFile()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-model-{Guid.NewGuid():N}.zip");
        using var app = new ChainMatchApp(SeedFolder.Fixture("mini-seeds"), modelPath: missing);
        try
        {
            Assert.That(app.StartFailure().Message, Is.EqualTo($"model {missing}: file not found"));
        }
        finally
        {
            app.DeleteData();
        }
    }

    [Test]
    public void ACorruptModelStopsTheStartSayingWhatIsWrong()
    {
        using var folder = SeedFolder.Empty().Write("model.zip", "{\"learner\": {\"gradient_booster\": ");
        using var app = new ChainMatchApp(SeedFolder.Fixture("mini-seeds"), modelPath: Path.Combine(folder.Path, "model.zip"));
        try
        {
            Assert.That(app.StartFailure().Message, Does.Contain("model.zip: not an ML.NET ranking model"));
        }
        finally
        {
            app.DeleteData();
        }
    }

    [Test]
    public async Task WithTheShippedSeedsAFirmAlreadyMakingLfpInKunmingIsNoLeadThere()
    {
        using var app = new ChainMatchApp(SeedFolder.RepositorySeeds());
        try
        {
            var list = await app.CreateClient().GetFromJsonAsync<JsonNode>("/api/regions/530100/segments/lfp-cathode/leads?asOf=2025&top=50");
            var firms = list!["leads"]!.AsArray().Select(l => (string?)l!["firmId"]).ToList();
            Assert.That(firms, Is.Not.Empty);
            Assert.That(firms, Does.Not.Contain("hunan-yuneng"), "Hunan Yuneng has made LFP cathode in Anning since 2023");
        }
        finally
        {
            app.DeleteData();
        }
    }
}

public class TargetsApiTests : ApiTest
{
    [Test]
    public async Task TheTargetListCoversTheRegionsGapsBestLeadFirst()
    {
        var list = await GetJson("/api/regions/530100/targets?asOf=2022");
        var targets = list["targets"]!.AsArray();
        Assert.That((int?)list["gaps"], Is.EqualTo(4));
        Assert.That(targets.Select(t => (double)t!["score"]!), Is.Ordered.Descending);
        Assert.That(targets.SelectMany(t => t!["gaps"]!.AsArray().Select(g => (string?)g!["segment"])).Distinct(),
            Is.SubsetOf(new[] { "bauxite", "alumina", "smelting", "foil", "cell" }));
    }

    [Test]
    public async Task TheTargetListHasOneRowPerFirmWithTheGapsItFitsBestFirst()
    {
        var list = await GetJson("/api/regions/530100/targets?asOf=2022&includeExcluded=true");
        var targets = list["targets"]!.AsArray();
        Assert.That((int?)list["firms"], Is.EqualTo(targets.Count));
        Assert.That(targets.Select(t => (string?)t!["firmId"]), Is.Unique);
        Assert.That(targets.Any(t => t!["gaps"]!.AsArray().Count > 1), Is.True, "a firm fitting several gaps is one row");
        foreach (var target in targets)
        {
            var scores = target!["gaps"]!.AsArray().Select(g => (double)g!["score"]!).ToList();
            Assert.That(scores, Is.Ordered.Descending);
            Assert.That((double)target["score"]!, Is.EqualTo(scores[0]));
        }
    }

    [Test]
    public async Task ListAndHeadquartersFiltersKeepOnlyMatchingFirms()
    {
        var listed = (await GetJson("/api/regions/530100/targets?asOf=2022&list=fortune-global-500"))["targets"]!.AsArray();
        Assert.That(listed, Is.Empty, "no fixture firm is on a Fortune Global 500 edition");
        var fujian = (await GetJson("/api/regions/530100/targets?asOf=2022&hq=350000&includeExcluded=true"))["targets"]!.AsArray();
        Assert.That(fujian.Select(t => (string?)t!["firmId"]).Distinct(), Is.EqualTo(new[] { "cell-co" }));
    }

    [Test]
    public async Task TheTargetListExportsAsCsvThatExcelOpensWithChineseIntact()
    {
        var response = await Client.GetAsync("/api/regions/530100/targets?asOf=2022&format=csv&includeExcluded=true");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/csv"));
        Assert.That(bytes.Take(3), Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }));
        var lines = System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).TrimEnd().Split('\n');
        Assert.That(lines[0].TrimEnd('\r'), Does.StartWith("firm_id,name,name_en,headquarters,revenue_100m_yuan,lists,score,gaps"));
        Assert.That(lines.Skip(1).Any(l => l.Contains("宁德电芯公司", StringComparison.Ordinal)), Is.True);
    }

    [Test]
    public async Task OneGapsLeadsExportAsCsvToo()
    {
        var response = await Client.GetAsync("/api/regions/530100/segments/foil/leads?asOf=2022&format=csv");
        Assert.That(response.Content.Headers.ContentDisposition?.FileName, Is.EqualTo("leads-foil-530100-20221231.csv"));
    }

    async Task UploadList(string url, string csv)
    {
        var response = await Client.PostAsync(url, new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)) { Headers = { { "Content-Type", "text/csv" } } });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task AMinimumRevenueKeepsFirmsWhoseListRevenueReachesItIn100MillionYuan()
    {
        // The 2022 Fortune edition ranks 2021 revenues: $56,000M × 0.01 × 6.4515 (2021 average rate) = 3612.84 亿元.
        await UploadList("/api/lists/fortune-global-500/editions/2022", "rank,name,revenue\n312,宁德电芯公司,56000\n");
        async Task<JsonArray> Targets(string min) =>
            (await GetJson($"/api/regions/530100/targets?asOf=2022&includeExcluded=true&minRevenue={min}"))["targets"]!.AsArray();

        var above = await Targets("3612");
        Assert.That(above.Select(t => (string?)t!["firmId"]).Distinct(), Is.EqualTo(new[] { "cell-co" }), "firms no list gives a revenue for are left out");
        Assert.That(above.Select(t => (double?)t!["revenue"]), Is.All.EqualTo(3612.84));
        Assert.That(await Targets("3613"), Is.Empty);
    }

    [Test]
    public async Task RevenueIn10000YuanIsConvertedWithoutAnExchangeRate()
    {
        // China top 500 lists give 营业收入 in 万元: 5,000,000 万元 = 500 亿元.
        await UploadList("/api/lists/china-top-500/editions/2022", "rank,name,revenue\n88,安宁冶炼公司,5000000\n");
        var targets = (await GetJson("/api/regions/530100/targets?asOf=2022&minRevenue=500"))["targets"]!.AsArray();
        Assert.That(targets.Select(t => ((string?)t!["firmId"], (double?)t["revenue"])).Distinct(), Is.EqualTo(new[] { ("smelter-co", (double?)500.0) }));
    }

    [Test]
    public async Task TheMinimumRevenueFilterAppliesToTheCsvAndTheWorkbookToo()
    {
        await UploadList("/api/lists/china-top-500/editions/2022", "rank,name,revenue\n88,安宁冶炼公司,5000000\n");
        var csv = await Client.GetStringAsync("/api/regions/530100/targets?asOf=2022&minRevenue=100&format=csv");
        var lines = csv.TrimStart('\uFEFF').TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.That(lines[0], Does.Contain(",headquarters,revenue_100m_yuan,"));
        Assert.That(lines.Skip(1).ToList(), Has.Count.EqualTo(1).And.All.StartWith("smelter-co,").And.All.Contains(",500,"));

        var workbook = await Client.GetAsync("/api/regions/530100/targets.xlsx?asOf=2022&minRevenue=100");
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(await workbook.Content.ReadAsByteArrayAsync()), isEditable: false);
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Skip(1).ToList();
        Assert.That(rows.Select(r => r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().First().InnerText), Is.EqualTo(lines.Skip(1).Select(l => "smelter-co")));
    }

    [TestCase("/api/regions/530100/targets?minRevenue=lots", "minRevenue")]
    [TestCase("/api/regions/530100/targets?minRevenue=-5", "minRevenue")]
    [TestCase("/api/regions/530100/targets.xlsx?minRevenue=NaN", "minRevenue")]
    [TestCase("/api/regions/530100/targets?list=forbes", "list")]
    [TestCase("/api/regions/530100/targets?perGap=0", "perGap")]
    [TestCase("/api/regions/530100/targets?format=xlsx", "format")]
    [TestCase("/api/regions/530100/targets?hq=fujian", "hq")]
    public async Task AMalformedFilterIsA400NamingIt(string url, string parameter)
    {
        var response = await Client.GetAsync(url);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var problem = (await response.Content.ReadFromJsonAsync<JsonNode>())!;
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Does.Contain(parameter));
    }
}

public class NegativeListApiTests : ApiTest
{
    // The fixture's negative list holds one rule, "no-cell-co", naming cell-co.

    [Test]
    public async Task AFirmOnTheNegativeListIsLeftOutOfLeadsUnlessAskedAndThenFlagged()
    {
        var plain = (await GetJson("/api/regions/530100/segments/foil/leads?asOf=2022"))["leads"]!.AsArray();
        Assert.That(plain.Select(l => (string?)l!["firmId"]), Is.EqualTo(new[] { "smelter-co" }));
        var all = (await GetJson("/api/regions/530100/segments/foil/leads?asOf=2022&includeExcluded=true"))["leads"]!.AsArray();
        var cellCo = all.Single(l => (string?)l!["firmId"] == "cell-co")!;
        Assert.That((bool?)cellCo["excluded"], Is.True);
        Assert.That((string?)cellCo["excludedBy"]![0], Is.EqualTo("no-cell-co: Test rule: this firm is not to be pursued"));
    }

    [Test]
    public async Task TheFirmShowsTheRulesThatNameIt() =>
        Assert.That((string?)(await GetJson("/api/firms/cell-co"))["negativeList"]![0], Does.StartWith("no-cell-co:"));

    [Test]
    public async Task ANewRuleTakesEffectAtOnce()
    {
        var response = await Client.PostAsJsonAsync("/api/negative-list", new { id = "no-foil-in-kunming", segment = "foil", region = "530100", reason = "energy quota", sourcePublisher = "test" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That((await GetJson("/api/regions/530100/segments/foil/leads?asOf=2022"))["leads"]!.AsArray(), Is.Empty);
        Assert.That((await GetJson("/api/negative-list")).AsArray().Select(r => (string?)r!["id"]), Is.EquivalentTo(new[] { "no-cell-co", "no-foil-in-kunming" }));
    }

    [TestCase("""{"id":"r1","segment":"anode","reason":"x"}""", "segment")]
    [TestCase("""{"id":"r1","reason":"x"}""", "firm")]
    [TestCase("""{"id":"R 1","firm":"cell-co","reason":"x"}""", "id")]
    [TestCase("""{"id":"r1","firm":"cell-co","reason":" "}""", "reason")]
    [TestCase("""{"firm":"cell-co","reason":"x"}""", "id")]
    public async Task ABadRuleIsA400NamingTheField(string body, string field)
    {
        var response = await Client.PostAsync("/api/negative-list", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var problem = (await response.Content.ReadFromJsonAsync<JsonNode>())!;
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Does.Contain(field));
    }
}
