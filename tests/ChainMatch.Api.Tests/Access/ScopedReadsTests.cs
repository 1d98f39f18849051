using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using ChainMatch.Domain.Access;

namespace ChainMatch.Api.Tests.Access;

/// <summary>
/// With Qujing's operational records seeded, a Kunming admin (every permission, Kunming only) walks every GET route
/// with Kunming values: no answer contains any of Qujing's records. Public graph facts (chains, firms, list standings,
/// where firms operate) stay visible; projects, problems, negative-list rules and presences' details of Qujing do not.
/// </summary>
public sealed class ScopedReadsTests
{
    static readonly Dictionary<string, string> Sample = new(StringComparer.OrdinalIgnoreCase)
    {
        ["chainId"] = "aluminium", ["regionCode"] = "530100", ["segmentId"] = "foil", ["firmId"] = "smelter-co", ["projectId"] = "foil-for-kunming",
        ["region"] = "530100", ["root"] = "530100", ["province"] = "530100", ["from"] = "2015", ["includeExcluded"] = "true",
    };

    ChainMatchApp _app = null!;

    [OneTimeSetUp]
    public async Task Seed()
    {
        _app = new ChainMatchApp(SeedFolder.Fixture("mini-seeds"), settings: new Dictionary<string, string?> { ["Limits:ExpensivePermits"] = "100000" });
        using var admin = _app.CreateClient();
        await QujingRecords.SeedAsync(admin);
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _app.Dispose();
        _app.DeleteData();
    }

    [Test]
    public async Task No_GET_route_shows_a_Kunming_caller_any_of_Qujings_records()
    {
        using var kunming = _app.ClientAs(Role.Admin, "530100");
        var urls = new List<string>();
        foreach (var e in HostileRequests.Endpoints(_app.Services).Where(e => e.Method == "GET"))
        {
            var path = e.RouteValues.Aggregate(e.Pattern, (p, r) => Regex.Replace(p, $"{{{r}(:[^}}]*)?}}", Sample.GetValueOrDefault(r, "x")));
            urls.Add(path);
            var query = string.Join('&', e.Query.Where(Sample.ContainsKey).Select(q => $"{q}={Sample[q]}"));
            if (query.Length > 0) urls.Add(path + "?" + query);
        }
        Assert.That(urls, Has.Count.GreaterThanOrEqualTo(20), "the walk found too few GET routes");

        var leaks = new List<string>();
        var answered = 0;
        foreach (var url in urls)
        {
            using var response = await kunming.GetAsync(url);
            var text = await Text(response);
            if (response.IsSuccessStatusCode) answered++;
            if (text.Contains(QujingRecords.Marker, StringComparison.Ordinal)) leaks.Add($"{url}: {(int)response.StatusCode} {text[..Math.Min(300, text.Length)]}");
        }
        Assert.That(answered, Is.GreaterThanOrEqualTo(15), "too few routes answered to show anything");
        Assert.That(leaks, Is.Empty);
    }

    [Test]
    public async Task A_caller_for_all_regions_sees_the_records_the_walk_looks_for()
    {
        using var admin = _app.CreateClient();
        foreach (var url in new[] { "/api/firms/smelter-co", "/api/negative-list", "/api/projects", "/api/problems/overdue?asOf=2025-12-31", "/api/audit",
            "/api/crm/contacts", "/api/crm/contacts.csv", "/api/crm/interactions", "/api/crm/interactions.csv", "/api/crm/events", "/api/crm/events.csv", "/api/crm/stale?days=1" })
            Assert.That(await Text(await admin.GetAsync(url)), Does.Contain(QujingRecords.Marker), url);
    }

    [Test]
    public async Task A_Kunming_caller_sees_that_a_firm_operates_in_Qujing_but_not_the_sites_details()
    {
        using var kunming = _app.ClientAs(Role.Admin, "530100");
        var firm = await Text(await kunming.GetAsync("/api/firms/smelter-co"));
        Assert.That(firm, Does.Contain("\"region\":\"530300\"").And.Contain("\"withheld\":true"));
        Assert.That(firm, Does.Contain("Anning smelter"), "the Kunming site in full");
    }

    [Test]
    public async Task Refusing_a_stored_Qujing_project_does_not_say_where_it_is()
    {
        using var kunming = _app.ClientAs(Role.Investment, "530100");
        using var response = await kunming.GetAsync($"/api/projects/{QujingRecords.Project}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(text, Does.Not.Contain("530300").And.Not.Contain("曲靖"));
    }

    /// <summary>The body as text; a workbook's parts unzipped, so that names inside it are seen too.</summary>
    static async Task<string> Text(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (bytes is not [(byte)'P', (byte)'K', ..]) return Encoding.UTF8.GetString(bytes);
        using var zip = new ZipArchive(new MemoryStream(bytes));
        return string.Concat(zip.Entries.Select(entry => new StreamReader(entry.Open()).ReadToEnd()));
    }
}
