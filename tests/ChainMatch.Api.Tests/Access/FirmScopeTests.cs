using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChainMatch.Domain.Access;

namespace ChainMatch.Api.Tests.Access;

/// <summary>
/// Who edits a firm that spans regions: a regional admin records presences of any firm inside its scope, and edits a
/// firm's own fields only while the firm is headquartered there; an admin for all regions edits anything.
/// The fixture's cell-co is headquartered in Ningde (Fujian); the test adds anode-co in Anning (Kunming).
/// </summary>
public sealed class FirmScopeTests : ApiTest
{
    HttpClient _kunming = null!;

    [SetUp]
    public async Task AddAKunmingFirm()
    {
        (await Client.PutAsJsonAsync("/api/firms/anode-co", new { name = "负极公司", headquarters = "530181" })).EnsureSuccessStatusCode();
        _kunming = App.ClientAs(Role.Admin, "530100");
    }

    [TearDown]
    public void Dispose() => _kunming.Dispose();

    [Test]
    public async Task A_Kunming_admin_edits_a_firm_headquartered_in_Kunming()
    {
        var response = await _kunming.PutAsJsonAsync("/api/firms/anode-co", new { name = "负极材料公司", headquarters = "530100" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_Kunming_admin_cannot_move_a_firms_headquarters_to_Qujing()
    {
        var response = await _kunming.PutAsJsonAsync("/api/firms/anode-co", new { name = "负极公司", headquarters = "530300" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((string?)(await GetJson("/api/firms/anode-co"))["headquarters"], Is.EqualTo("530181"));
    }

    [Test]
    public async Task A_Kunming_admin_cannot_rename_a_firm_headquartered_in_Fujian()
    {
        var response = await _kunming.PutAsJsonAsync("/api/firms/cell-co", new { name = "renamed", headquarters = "530100" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task A_Kunming_admin_records_a_Fujian_firms_plant_in_Anning_but_not_in_Qujing()
    {
        var anning = await _kunming.PostAsJsonAsync("/api/firms/cell-co/presences", new { segment = "cell", region = "530181", since = 2024 });
        var qujing = await _kunming.PostAsJsonAsync("/api/firms/cell-co/presences", new { segment = "cell", region = "530300", since = 2024 });
        Assert.That(anning.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(qujing.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        var regions = (await GetJson("/api/firms/cell-co"))["presences"]!.AsArray().Select(p => (string?)p!["region"]);
        Assert.That(regions, Does.Contain("530181").And.Not.Contain("530300"));
    }

    [Test]
    public async Task An_admin_for_all_regions_edits_any_firm()
    {
        var response = await Client.PutAsJsonAsync("/api/firms/cell-co", new { name = "宁德电池", headquarters = "350900" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((string?)(await response.Content.ReadFromJsonAsync<JsonNode>())!["name"], Is.EqualTo("宁德电池"));
    }
}
