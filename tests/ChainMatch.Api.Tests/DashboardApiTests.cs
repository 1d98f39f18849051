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
}
