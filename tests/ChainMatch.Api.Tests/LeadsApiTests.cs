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
        var list = await GetJson("/api/regions/530100/segments/foil/leads?asOf=2022");
        var leads = list["leads"]!.AsArray();
        Assert.That(((string?)list["segment"], (string?)list["region"]), Is.EqualTo(("foil", "530100")));
        Assert.That(leads.Select(l => (string?)l!["firmId"]), Is.EquivalentTo(new[] { "cell-co", "smelter-co" }));
        Assert.That(leads.Select(l => (int)l!["rank"]!), Is.EqualTo(new[] { 1, 2 }));
        Assert.That(leads.Select(l => (double)l!["score"]!), Is.Ordered.Descending);
        Assert.That(leads.All(l => l!["reasons"]!.AsArray().Count > 0), Is.True);
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
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-model-{Guid.NewGuid():N}.json");
        using var app = new ChainMatchApp(SeedFolder.Fixture("mini-seeds"), modelPath: missing);
        try
        {
            Assert.That(() => app.CreateClient(), Throws.Exception.With.Message.EqualTo($"model {missing}: file not found"));
        }
        finally
        {
            app.DeleteData();
        }
    }

    [Test]
    public void ACorruptModelStopsTheStartSayingWhatIsWrong()
    {
        using var folder = SeedFolder.Empty().Write("model.json", "{\"learner\": {\"gradient_booster\": ");
        using var app = new ChainMatchApp(SeedFolder.Fixture("mini-seeds"), modelPath: Path.Combine(folder.Path, "model.json"));
        try
        {
            Assert.That(() => app.CreateClient(), Throws.Exception.With.Message.Contains("model.json: not valid JSON"));
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
