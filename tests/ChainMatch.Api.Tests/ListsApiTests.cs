using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;

namespace ChainMatch.Api.Tests;

public class ListsApiTests : ApiTest
{
    const string Fortune = "rank,name,name_en,revenue\n312,宁德电芯公司,Cell Co,56000\n450,新来的公司,Newcomer Metals,12000\n";

    async Task<HttpResponseMessage> Upload(string url, string csv, Encoding? encoding = null) =>
        await Client.PostAsync(url, new ByteArrayContent((encoding ?? Encoding.UTF8).GetBytes(csv)) { Headers = { { "Content-Type", "text/csv" } } });

    [Test]
    public async Task AnUploadedEditionIsAttachedToTheFirmsItNamesAndReadsSeeIt()
    {
        var response = await Upload("/api/lists/fortune-global-500/editions/2024", Fortune);
        var report = (await response.Content.ReadFromJsonAsync<JsonNode>())!;
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), report.ToJsonString());
        Assert.That(((int?)report["matched"], (int?)report["unmatched"]), Is.EqualTo((1, 1)));
        Assert.That((string?)report["problems"]![0]!["name"], Is.EqualTo("新来的公司"));
        var lists = (await GetJson("/api/firms/cell-co"))["lists"]!.AsArray();
        var fortune = lists.Single(l => (string?)l!["list"] == "fortune-global-500-2024")!;
        Assert.That(((int?)fortune["rank"], (double?)fortune["revenue"]), Is.EqualTo((312, 56000.0)));
    }

    [Test]
    public async Task TheSameEditionUploadedTwiceWritesNothingTheSecondTime()
    {
        await Upload("/api/lists/fortune-global-500/editions/2024", Fortune);
        var second = (await (await Upload("/api/lists/fortune-global-500/editions/2024", Fortune)).Content.ReadFromJsonAsync<JsonNode>())!;
        Assert.That((int?)second["written"], Is.Zero);
    }

    [Test]
    public async Task MissingFirmsAreCreatedOnlyWhenAskedAndADryRunWritesNothing()
    {
        var dry = (await (await Upload("/api/lists/china-top-500/editions/2024?createMissing=true&dryRun=true", Fortune)).Content.ReadFromJsonAsync<JsonNode>())!;
        Assert.That(((int?)dry["created"], (int?)dry["written"]), Is.EqualTo((1, 0)));
        Assert.That((await Client.GetAsync("/api/firms/newcomer-metals")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        await Upload("/api/lists/china-top-500/editions/2024?createMissing=true", Fortune);
        Assert.That((string?)(await GetJson("/api/firms/newcomer-metals"))["name"], Is.EqualTo("新来的公司"));
    }

    /// <summary>A clock stopped at one instant.</summary>
    sealed class StoppedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Test]
    public async Task AFirmAnUploadCreatesIsSourcedToTheUploadOnTheServicesClockDate()
    {
        using var app = new ChainMatchApp(SeedFolder.Fixture("mini-seeds"),
            services: s => s.AddSingleton<TimeProvider>(new StoppedClock(new DateTimeOffset(2031, 2, 3, 10, 0, 0, TimeSpan.Zero))));
        try
        {
            using var client = app.CreateClient();
            var response = await client.PostAsync("/api/lists/china-top-500/editions/2024?createMissing=true",
                new ByteArrayContent(Encoding.UTF8.GetBytes(Fortune)) { Headers = { { "Content-Type", "text/csv" } } });
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
            var firm = (await client.GetFromJsonAsync<JsonNode>("/api/firms/newcomer-metals"))!;
            Assert.That((string?)firm["source"]!["reference"], Is.EqualTo("upload of 2031-02-03"));
        }
        finally
        {
            app.DeleteData();
        }
    }

    [Test]
    public async Task AGb18030ExportFromExcelIsRead()
    {
        var response = await Upload("/api/lists/china-private-top-500/editions/2024", "排名,企业名称\r\n7,宁德电芯公司\r\n", Encoding.GetEncoding("GB18030"));
        Assert.That((int?)(await response.Content.ReadFromJsonAsync<JsonNode>())!["matched"], Is.EqualTo(1));
    }

    [Test]
    public async Task AFileWithBadRowsImportsNothingAndNamesEveryRow()
    {
        var response = await Upload("/api/lists/fortune-global-500/editions/2024", "rank,name\nx,甲公司\n1,宁德电芯公司\n2,\n");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var problem = (await response.Content.ReadFromJsonAsync<JsonNode>())!;
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "line 2", "line 4" }));
        var lists = (await GetJson("/api/firms/cell-co"))["lists"]!.AsArray();
        Assert.That(lists.Select(l => (string?)l!["list"]), Does.Not.Contain("fortune-global-500-2024"));
    }

    [TestCase("/api/lists/forbes-2000/editions/2024", "listId")]
    [TestCase("/api/lists/fortune-global-500/editions/1066", "year")]
    public async Task AnUnknownListOrImpossibleYearIsA400(string url, string parameter)
    {
        var response = await Upload(url, Fortune);
        var problem = (await response.Content.ReadFromJsonAsync<JsonNode>())!;
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Does.Contain(parameter));
    }

    static ListsApiTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
}
