using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChainMatch.Api.Dashboard;
using ChainMatch.Domain.Access;
using UglyToad.PdfPig;

namespace ChainMatch.Api.Tests;

/// <summary>The monthly bulletin over the mini-seeds: its one project, foil-for-kunming, was signed in Kunming on 2024-01-15 for 12.5 亿元.</summary>
public partial class BulletinApiTests : ApiTest
{
    static void NeedsTheFont()
    {
        if (!File.Exists(DashboardOptions.DefaultBulletinFont))
            Assert.Ignore($"the bulletin font {DashboardOptions.DefaultBulletinFont} is not installed (Debian's fonts-arphic-gbsn00lp; scripts/install-deps.sh installs it)");
    }

    async Task<double> SignedCount(string region, string from, string to)
    {
        var report = await GetJson($"/api/dashboard?region={region}&from={from}&to={to}");
        return (double)report["kpis"]!.AsArray().Single(k => (string?)k!["kpi"] == "projects-signed")!["value"]!;
    }

    static string PdfText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Concat(document.GetPages().Select(p => p.Text));
    }

    [Test]
    public async Task The_PDF_bulletin_downloads_and_its_text_holds_the_months_signed_count_and_signing()
    {
        NeedsTheFont();
        using var response = await Client.GetAsync("/api/regions/530100/bulletin?month=2024-01");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/pdf"));
        Assert.That(response.Content.Headers.ContentDisposition!.FileName, Is.EqualTo("bulletin-530100-2024-01.pdf"));

        var text = PdfText(await response.Content.ReadAsByteArrayAsync());
        var signed = await SignedCount("530100", "2024-01-01", "2024-01-31");
        Assert.That(signed, Is.EqualTo(1));
        Assert.That(text, Does.Contain("昆明市招商工作简报"));
        Assert.That(text, Does.Contain($"二、本月签约项目（{signed}）"));
        Assert.That(text, Does.Contain("2024-01-15 · 12.5 亿元"), "the signing with its date and amount");
    }

    [Test]
    public async Task A_month_without_a_signing_says_none_were_signed()
    {
        NeedsTheFont();
        var bytes = await Client.GetByteArrayAsync("/api/regions/530100/bulletin?month=2024-02&format=pdf");
        Assert.That(PdfText(bytes), Does.Contain("二、本月签约项目（0）"));
    }

    [Test]
    public async Task The_HTML_bulletin_shows_the_APIs_figures_for_the_month_and_the_same_month_last_year()
    {
        var html = await Client.GetStringAsync("/api/regions/530100/bulletin?month=2024-01&format=html");
        var shown = KpiRow().Matches(html).ToDictionary(m => m.Groups["kpi"].Value, m => (m.Groups["value"].Value, m.Groups["previous"].Value));
        var api = (await GetJson("/api/dashboard?region=530100&from=2024-01-01&to=2024-01-31"))["kpis"]!.AsArray();
        Assert.That(shown.Keys, Is.EquivalentTo(api.Select(k => (string)k!["kpi"]!)));
        foreach (var k in api)
            Assert.That(shown[(string)k!["kpi"]!], Is.EqualTo((Number(k["value"]!), Number(k["previousYear"]!))), (string)k["kpi"]!);
        Assert.That(html, Does.Contain("/api/chains/battery/status/530100.png?asOf=2024-01-31"), "the status map as of the month's end");
    }

    [Test]
    public async Task A_browser_asking_for_HTML_gets_the_page_and_a_download_gets_the_PDF()
    {
        NeedsTheFont();
        using var browser = new HttpRequestMessage(HttpMethod.Get, "/api/regions/530100/bulletin?month=2024-01");
        browser.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,*/*;q=0.8");
        using var page = await Client.SendAsync(browser);
        Assert.That(page.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/html"));
        using var download = await Client.GetAsync("/api/regions/530100/bulletin?month=2024-01");
        Assert.That(download.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/pdf"));
    }

    [TestCase("2024-13")]
    [TestCase("2024-1")]
    [TestCase("January")]
    [TestCase("1800-01")]
    public async Task A_month_that_is_not_a_month_of_the_graph_is_a_400_naming_month(string month)
    {
        using var response = await Client.GetAsync($"/api/regions/530100/bulletin?month={month}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("\"month\""));
    }

    [Test]
    public async Task A_Kunming_key_is_refused_Qujings_bulletin_and_a_map_reader_any_bulletin()
    {
        using var kunming = App.ClientAs(Role.Investment, "530100");
        using var qujing = await kunming.GetAsync("/api/regions/530300/bulletin?month=2024-01&format=html");
        Assert.That(qujing.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        using var chief = App.ClientAs(Role.ChainChief, "530100", "battery");
        using var refused = await chief.GetAsync("/api/regions/530100/bulletin?month=2024-01&chain=battery&format=html");
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "the bulletin reads the project library");
    }

    [Test]
    public void A_configured_bulletin_font_that_does_not_exist_stops_the_service_at_start()
    {
        using var app = new ChainMatchApp(SeedFolder.Fixture("mini-seeds"),
            settings: new Dictionary<string, string?> { ["Dashboard:BulletinFontFile"] = "/nowhere/font.ttf" });
        Assert.That(app.StartFailure().Message, Does.Contain("Dashboard:BulletinFontFile"));
        app.DeleteData();
    }

    static string Number(JsonNode value) => ((double)value).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex("<tr data-kpi=\"(?<kpi>[a-z-]+)\" data-value=\"(?<value>[0-9.]+)\" data-previous=\"(?<previous>[0-9.]+)\"")]
    private static partial Regex KpiRow();
}
