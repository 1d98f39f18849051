using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChainMatch.Domain.Access;

namespace ChainMatch.Api.Tests;

/// <summary>The fixture's one project, foil-for-kunming, was signed in Kunming on 2024-01-15 for 12.5 亿元.</summary>
public class DashboardApiTests : ApiTest
{
    static double Kpi(JsonNode report, string kpi, string field = "value") =>
        (double)report["kpis"]!.AsArray().Single(k => (string?)k!["kpi"] == kpi)![field]!;

    [Test]
    public async Task The_year_of_the_signing_counts_it_and_the_next_year_shows_it_as_the_previous_year()
    {
        var year2024 = await GetJson("/api/dashboard?region=530100&from=2024-01-01&to=2024-12-31");
        Assert.That((Kpi(year2024, "projects-signed"), Kpi(year2024, "agreed-investment"), Kpi(year2024, "signed-at-least-one-yi")), Is.EqualTo((1.0, 12.5, 1.0)));
        var year2025 = await GetJson("/api/dashboard?region=530100&from=2025-01-01&to=2025-12-31");
        Assert.That((Kpi(year2025, "projects-signed"), Kpi(year2025, "projects-signed", "previousYear")), Is.EqualTo((0.0, 1.0)));
        Assert.That((string?)year2025["kpis"]![0]!["definition"], Is.Not.Empty);
    }

    [Test]
    public async Task A_Kunming_key_gets_Kunmings_figures_by_default_and_is_refused_the_province()
    {
        using var kunming = App.ClientAs(Role.Admin, "530100");
        var mine = await kunming.GetFromJsonAsync<JsonNode>("/api/dashboard?from=2024-01-01&to=2024-12-31");
        Assert.That((string?)mine!["region"], Is.EqualTo("530100"));
        using var province = await kunming.GetAsync("/api/dashboard?region=530000");
        Assert.That(province.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task A_period_ending_before_it_starts_is_a_400_naming_from()
    {
        using var response = await Client.GetAsync("/api/dashboard?from=2025-02-01&to=2025-01-01");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("\"from\""));
    }

    [Test]
    public async Task The_province_map_gets_a_row_per_prefecture_and_a_Kunming_key_only_its_own()
    {
        var province = await GetJson("/api/dashboard/prefectures?region=530000&chain=battery&asOf=2025-06-30");
        Assert.That(province["prefectures"]!.AsArray().Select(p => (string?)p!["region"]), Is.EqualTo(new[] { "530100", "530300" }));
        using var kunming = App.ClientAs(Role.Admin, "530100");
        var own = await kunming.GetFromJsonAsync<JsonNode>("/api/dashboard/prefectures?chain=battery&asOf=2025-06-30");
        Assert.That(own!["prefectures"]!.AsArray().Select(p => (string?)p!["region"]), Is.EqualTo(new[] { "530100" }));
    }

    [Test]
    public async Task The_prefecture_map_needs_a_chain()
    {
        using var response = await Client.GetAsync("/api/dashboard/prefectures?region=530000");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("\"chain\""));
    }

    [Test]
    public async Task The_list_behind_a_figure_holds_the_projects_it_counts_and_sums()
    {
        var signed = await GetJson("/api/dashboard/list?kpi=projects-signed&region=530100&from=2024-01-01&to=2024-12-31");
        Assert.That(signed["items"]!.AsArray().Select(i => (string?)i!["id"]), Is.EqualTo(new[] { "foil-for-kunming" }));
        Assert.That((double)signed["value"]!, Is.EqualTo(1));
        var agreed = await GetJson("/api/dashboard/list?kpi=agreed-investment&region=530100&from=2024-01-01&to=2024-12-31");
        Assert.That(((double)agreed["value"]!, (double)agreed["items"]![0]!["amount"]!), Is.EqualTo((12.5, 12.5)));
        var qujing = await GetJson("/api/dashboard/list?kpi=projects-signed&region=530300&from=2024-01-01&to=2024-12-31");
        Assert.That(qujing["items"]!.AsArray(), Is.Empty, "Kunming's project is not Qujing's");
    }

    [Test]
    public async Task A_figure_the_dashboard_does_not_know_is_a_400_naming_kpi()
    {
        using var response = await Client.GetAsync("/api/dashboard/list?kpi=projects-dreamt");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("\"kpi\"").And.Contain("projects-signed"));
    }

    [Test]
    public async Task The_trend_gives_every_chain_a_point_per_year_the_last_as_of_the_date_asked()
    {
        var trend = await GetJson("/api/dashboard/trend?region=530100&fromYear=2020&asOf=2025-06-30");
        var chains = trend["chains"]!.AsArray();
        Assert.That(chains.Select(c => (string?)c!["chain"]), Does.Contain("battery"));
        foreach (var c in chains)
        {
            var points = c!["points"]!.AsArray();
            Assert.That(points.Select(p => (int)p!["year"]!), Is.EqualTo(new[] { 2020, 2021, 2022, 2023, 2024, 2025 }));
            Assert.That((string?)points[^1]!["asOf"], Is.EqualTo("2025-06-30"));
        }
    }

    [TestCase("20x0")]
    [TestCase("2026")]
    [TestCase("1900")]
    public async Task A_trend_starting_outside_the_years_is_a_400_naming_fromYear(string fromYear)
    {
        using var response = await Client.GetAsync($"/api/dashboard/trend?region=530100&fromYear={fromYear}&asOf=2025-06-30");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("\"fromYear\""));
    }

    [TestCase("530000", "/dashboard")]
    [TestCase("530100", "/dashboard")]
    [TestCase("530181", "/")]
    [TestCase("*", "/dashboard")]
    public async Task Province_and_prefecture_callers_open_on_the_dashboard_and_county_callers_on_the_map(string region, string home)
    {
        using var client = App.ClientAs(Role.Investment, region);
        var me = await client.GetFromJsonAsync<JsonNode>("/api/me");
        Assert.That((string?)me!["home"], Is.EqualTo(home));
    }
}
