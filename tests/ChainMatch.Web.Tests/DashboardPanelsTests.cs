using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChainMatch.Domain.Access;
using Microsoft.Playwright;
using UglyToad.PdfPig;

namespace ChainMatch.Web.Tests;

/// <summary>
/// The dashboard over a hand-built project library (the mini-seeds' graph, its projects replaced): in 2025 Kunming signs
/// k1 (5 亿元, funds in place 1 then 3) and k2 (0.6 亿元, in production in September) in March, Qujing signs q1 (8 亿元)
/// in July; Kunming and Qujing both pursue cell-co for cells (k1 started, q1 signed) and smelter-co for smelting (k3, q2
/// negotiating): two conflicts. Qujing signed old in 2024; k1 has a land problem overdue since 2025-04-30.
/// </summary>
public sealed class DashboardPanelsTests
{
    const string Projects = """
        id,firm,segment,region,owner,source_publisher,source_ref
        k1,cell-co,cell,530100,昆明市投资促进局,Test,hand-built
        k2,foil-co,foil,530181,安宁市投资促进局,Test,hand-built
        k3,smelter-co,smelting,530100,昆明市投资促进局,Test,hand-built
        q1,cell-co,cell,530300,曲靖市投资促进局,Test,hand-built
        q2,smelter-co,smelting,530300,曲靖市投资促进局,Test,hand-built
        old,foil-co,foil,530300,曲靖市投资促进局,Test,hand-built
        """;

    const string Stages = """
        project,stage,date,agreed_investment,funds_in_place,note
        k1,lead,2024-10-01,,,
        k1,signed,2025-03-10,5,1,
        k1,started,2025-06-01,,3,
        k2,signed,2025-03-20,0.6,,
        k2,started,2025-05-01,,,
        k2,in-production,2025-09-01,,,
        k3,negotiating,2025-01-15,,,
        q1,signed,2025-07-01,8,,
        q2,negotiating,2025-02-01,,,
        old,signed,2024-05-01,2,,
        """;

    const string Year2025 = "period=custom&from=2025-01-01&to=2025-12-31";

    SeedFolder _seeds = null!;
    LiveService _service = null!;
    IBrowserContext? _context;
    readonly List<string> _pageErrors = [];

    [OneTimeSetUp]
    public async Task StartHandBuiltLibrary()
    {
        _seeds = SeedFolder.CopyOf("mini-seeds");
        File.WriteAllText(Path.Combine(_seeds.Path, "projects.csv"), Projects + "\n");
        File.WriteAllText(Path.Combine(_seeds.Path, "project-stages.csv"), Stages + "\n");
        _service = LiveService.Start(_seeds.Path);
        using var admin = _service.AdminClient();
        using var raised = await admin.PostAsJsonAsync("/api/projects/k1/problems", new
        {
            category = "land", description = "用地指标未落实", raisedOn = "2025-03-15", leadDepartment = "自然资源局",
            responsibleDepartments = new[] { "园区管委会" }, deadline = "2025-04-30",
        });
        Assert.That(raised.IsSuccessStatusCode, await raised.Content.ReadAsStringAsync());
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _service.Dispose();
        _seeds.Dispose();
    }

    [TearDown]
    public async Task ClosePage()
    {
        if (_context is not null) await _context.DisposeAsync();
        _context = null;
        Assert.That(_pageErrors, Is.Empty, "uncaught errors in the page's scripts");
        _pageErrors.Clear();
    }

    async Task<IPage> Open(string key, string hash)
    {
        _context = await WebSession.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
            ExtraHTTPHeaders = new Dictionary<string, string> { ["X-Api-Key"] = key },
            AcceptDownloads = true,
        });
        _context.SetDefaultTimeout(30_000);
        var page = await _context.NewPageAsync();
        page.PageError += (_, error) => _pageErrors.Add(error);
        await page.GotoAsync(new Uri(_service.BaseAddress, "/dashboard#" + hash).ToString());
        await page.Locator("body[data-rendered='true']").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        return page;
    }

    async Task<JsonArray> ApiKpis(string key, string query)
    {
        using var http = new HttpClient { BaseAddress = _service.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return JsonNode.Parse(await http.GetStringAsync("/api/dashboard?" + query))!["kpis"]!.AsArray();
    }

    static double Value(JsonArray kpis, string kpi) => (double)kpis.Single(k => (string?)k!["kpi"] == kpi)!["value"]!;

    static async Task<Dictionary<string, string>> Tiles(IPage page) =>
        (await page.Locator(".kpi").EvaluateAllAsync<string[][]>("tiles => tiles.map(t => [t.dataset.kpi, t.querySelector('.value').textContent])"))
        .ToDictionary(t => t[0], t => t[1]);

    static string Format(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    [Test]
    public async Task The_KPI_tiles_equal_the_APIs_figures_for_the_hand_built_library_and_a_tile_opens_the_list_behind_it()
    {
        var key = _service.CreateKey(Role.Investment, "530000");
        var api = await ApiKpis(key, "from=2025-01-01&to=2025-12-31");
        // What the library holds by hand: k1, k2, q1 signed; k1 and q1 of at least 1 亿元; 5 + 0.6 + 8 agreed; k1's 3 in place; k2 producing.
        Assert.That(new[] { "projects-signed", "signed-at-least-one-yi", "agreed-investment", "funds-in-place", "started-production" }.Select(k => Value(api, k)),
            Is.EqualTo(new[] { 3, 2, 13.6, 3, 1 }));

        var page = await Open(key, "chain=battery&" + Year2025);
        Assert.That(await Tiles(page), Is.EquivalentTo(api.ToDictionary(k => (string)k!["kpi"]!, k => Format((double)k!["value"]!))));

        await page.ClickAsync(".kpi[data-kpi='projects-signed']");
        var rows = page.Locator("#list-table tbody tr");
        await page.Locator("#figure-list:not([hidden]) #list-table[data-count]").WaitForAsync();
        Assert.That(await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.id)"), Is.EqualTo(new[] { "k1", "k2", "q1" }));
    }

    [Test]
    public async Task A_Kunming_key_sees_Kunmings_figures_where_a_province_key_sees_the_provinces()
    {
        var kunming = _service.CreateKey(Role.Investment, "530100");
        var province = _service.CreateKey(Role.Investment, "530000");
        var kunmingApi = await ApiKpis(kunming, "from=2025-01-01&to=2025-12-31");
        Assert.That((Value(kunmingApi, "projects-signed"), Value(kunmingApi, "agreed-investment")), Is.EqualTo((2.0, 5.6)), "k1 and k2, not Qujing's q1");

        var kunmingTiles = await Tiles(await Open(kunming, "chain=battery&" + Year2025));
        await ClosePage();
        var provinceTiles = await Tiles(await Open(province, "chain=battery&" + Year2025));
        Assert.That((kunmingTiles["projects-signed"], kunmingTiles["agreed-investment"]), Is.EqualTo(("2", "5.6")));
        Assert.That((provinceTiles["projects-signed"], provinceTiles["agreed-investment"]), Is.EqualTo(("3", "13.6")));
    }

    [Test]
    public async Task The_bulletin_PDF_downloads_from_the_page_with_the_months_signed_count()
    {
        if (!File.Exists("/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf"))
            Assert.Ignore("the bulletin font (Debian's fonts-arphic-gbsn00lp) is not installed; scripts/install-deps.sh installs it");
        var key = _service.CreateKey(Role.Investment, "530000");
        var march = Value(await ApiKpis(key, "region=530000&from=2025-03-01&to=2025-03-31"), "projects-signed");
        Assert.That(march, Is.EqualTo(2));

        var page = await Open(key, "chain=battery&" + Year2025);
        await page.FillAsync("#bulletin-month", "2025-03");
        var link = page.Locator("#bulletin-pdf");
        Assert.That(await link.GetAttributeAsync("download"), Is.EqualTo("bulletin-530000-2025-03.pdf"));
        // Debian's chromium under Playwright cancels file downloads here, so the page fetches its own link, as the
        // browser would to save it: same URL, same signed-in context.
        var body = await page.EvaluateAsync<string[]>(@"async () => {
            const res = await fetch(document.getElementById('bulletin-pdf').href);
            const bytes = new Uint8Array(await res.arrayBuffer());
            let binary = '';
            for (const b of bytes) binary += String.fromCharCode(b);
            return [res.headers.get('content-type'), btoa(binary)];
        }");
        Assert.That(body[0], Is.EqualTo("application/pdf"));
        using var pdf = PdfDocument.Open(Convert.FromBase64String(body[1]));
        var text = string.Concat(pdf.GetPages().Select(p => p.Text));
        Assert.That(text, Does.Contain($"二、本月签约项目（{Format(march)}）"));
    }

    [Test]
    public async Task The_trend_overdue_and_conflict_panels_draw_and_a_department_opens_its_overdue_problems()
    {
        var page = await Open(_service.CreateKey(Role.Investment, "530000"), "chain=battery&" + Year2025);
        var trend = page.Locator("#trend");
        Assert.That(await trend.GetAttributeAsync("data-chains"), Is.EqualTo("aluminium,battery"));
        Assert.That(await trend.GetAttributeAsync("data-years"), Does.EndWith("2024,2025"));
        Assert.That(await page.Locator("#trend canvas").CountAsync(), Is.GreaterThan(0), "ECharts drew the lines");

        Assert.That(await page.Locator("#conflicts-table tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => `${r.dataset.firm}/${r.dataset.segment}`)"),
            Is.EqualTo(new[] { "cell-co/cell", "smelter-co/smelting" }));

        var department = page.Locator("#overdue-table tbody tr[data-department='自然资源局']");
        Assert.That(await department.Locator("td").Nth(1).TextContentAsync(), Is.EqualTo("1"));
        await department.Locator("a").ClickAsync();
        await page.Locator("#figure-list:not([hidden]) #list-table[data-count]").WaitForAsync();
        Assert.That(await page.Locator("#list-table tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.project)"), Is.EqualTo(new[] { "k1" }));
    }
}
