using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ChainMatch.Api.Tests;

public class StartupTests
{
    [Test]
    public async Task TheSeedsAreImportedOnlyIntoAnEmptyStore()
    {
        using var seeds = SeedFolder.CopyOf("mini-seeds");
        var dataDir = Path.Combine(Path.GetTempPath(), "chainmatch-api-" + Guid.NewGuid().ToString("N"));
        try
        {
            using (var first = new ChainMatchApp(seeds.Path, dataDir))
                Assert.That((await first.CreateClient().GetAsync("/api/chains/battery")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

            // Seeds removed: a second start must serve what the store already holds, not re-import.
            Directory.Delete(seeds.Path, recursive: true);
            using var second = new ChainMatchApp(seeds.Path, dataDir);
            var chains = await second.CreateClient().GetFromJsonAsync<JsonArray>("/api/chains");
            Assert.That(chains!.Count, Is.EqualTo(2));
        }
        finally
        {
            if (Directory.Exists(dataDir)) Directory.Delete(dataDir, recursive: true);
        }
    }

    [Test]
    public void ABrokenSeedFolderStopsTheStartNamingFileAndLine()
    {
        using var seeds = SeedFolder.CopyOf("mini-seeds");
        File.AppendAllText(Path.Combine(seeds.Path, "presences.csv"), "cell-co,anode,350900,,,2020,,,,,\n");
        using var app = new ChainMatchApp(seeds.Path);
        try
        {
            Assert.That(app.StartFailure().Message, Is.EqualTo("presences.csv:6: unknown segment 'anode'"));
        }
        finally
        {
            app.DeleteData();
        }
    }

    [Test]
    public async Task TheShippedSeedsServeKunmingsBatteryChain()
    {
        using var app = new ChainMatchApp(SeedFolder.RepositorySeeds());
        try
        {
            var map = await app.CreateClient().GetFromJsonAsync<JsonNode>("/api/chains/new-energy-battery/status/530100");
            Assert.That(map!["segments"]!.AsArray(), Has.Count.GreaterThanOrEqualTo(15));
            Assert.That((string?)map["regionName"], Is.EqualTo("昆明市"));
        }
        finally
        {
            app.DeleteData();
        }
    }
}
