using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ChainMatch.Api.Tests;

/// <summary>A firm's group link as the firm page shows it, and kept when the firm's own fields are corrected.</summary>
public class FirmGroupApiTests
{
    [Test]
    public async Task CorrectingAFirmKeepsTheGroupItBelongsTo()
    {
        using var seeds = SeedFolder.CopyOf("mini-seeds")
            .Write("groups.csv", "firm,parent,share,source_publisher,source_ref\nfoil-co,smelter-co,51,Test,https://example.org/group\n");
        using var app = new ChainMatchApp(seeds.Path);
        using var client = app.CreateClient();
        try
        {
            var put = await client.PutAsJsonAsync("/api/firms/foil-co", new { name = "铝箔股份公司", headquarters = "530100", sourcePublisher = "test" });
            Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.OK), await put.Content.ReadAsStringAsync());

            var group = (await client.GetFromJsonAsync<JsonNode>("/api/firms/foil-co"))!["group"]!;
            Assert.That(((string?)group["parent"], (string?)group["parentName"], (double?)group["share"]), Is.EqualTo(("smelter-co", "安宁冶炼公司", (double?)51)));
            Assert.That((string?)group["source"]!["reference"], Is.EqualTo("https://example.org/group"));
        }
        finally
        {
            app.DeleteData();
        }
    }
}
