using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChainMatch.Api.Graph;
using ChainMatch.Storage;
using ChainMatch.Storage.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ChainMatch.Api.Tests;

/// <summary>When the store is down the service keeps reading from its projection, says so on /health, and refuses writes with 503.</summary>
public class StoreOutageTests
{
    const string WritePath = "/test/write";

    [Test]
    public async Task WhileTheStoreIsDownHealthIsDegradedWithTheReasonAndReadsGoOn()
    {
        using var app = new ChainMatchApp(SeedFolder.Fixture("mini-seeds"));
        try
        {
            var client = app.CreateClient();
            app.Services.GetRequiredService<StoreAvailability>().ReportUnavailable("Neo4j at http://neo4j:7474/ is unavailable: Connection refused");

            var health = (await client.GetFromJsonAsync<JsonNode>("/health"))!;
            Assert.That(((string?)health["status"], (string?)health["reason"]),
                Is.EqualTo(("degraded", "Neo4j at http://neo4j:7474/ is unavailable: Connection refused")));
            Assert.That((await client.GetAsync("/api/chains/battery")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
        finally
        {
            app.DeleteData();
        }
    }

    [Test]
    public async Task AWriteWhileTheStoreIsDownIsA503ProblemSayingWhy()
    {
        using var app = new ChainMatchApp(SeedFolder.Fixture("mini-seeds"), services: s => s.AddSingleton<IStartupFilter, WriteEndpoint>());
        try
        {
            var client = app.CreateClient();
            app.Services.GetRequiredService<StoreAvailability>().ReportUnavailable("Neo4j at http://neo4j:7474/ is unavailable: circuit opened");

            var response = await client.PostAsync(WritePath, null);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            var problem = (await response.Content.ReadFromJsonAsync<JsonNode>())!;
            Assert.That(((string?)problem["title"], (string?)problem["detail"]),
                Is.EqualTo(("Graph store unavailable", "Neo4j at http://neo4j:7474/ is unavailable: circuit opened")));
        }
        finally
        {
            app.DeleteData();
        }
    }

    [Test]
    public async Task OnNeo4jTheServiceSeedsTheServerThenTurnsDegradedWhenItGoesAwayAndKeepsServingReads()
    {
        var neo4j = new FakeNeo4j();
        // Keys are in Neo4j: the stand-in knows one, as a server would after `chainmatch keys create --provider Neo4j`.
        var (keyId, secret, token) = ApiKeyTokens.New();
        Func<SentRequest, HttpResponseMessage> serving = r => r.Statement?.StartsWith("MATCH (k:ApiKey {id: $id})", StringComparison.Ordinal) == true
            && (string?)r.Parameter("id") == keyId ? KeyRow(keyId, secret) : neo4j.Accepting(r);
        neo4j.Otherwise = serving;
        using var app = new ChainMatchApp(SeedFolder.Fixture("mini-seeds"), settings: new Dictionary<string, string?>
        {
            ["Graph:Provider"] = "Neo4j",
            ["Graph:Neo4j:Uri"] = "http://neo4j.test:7474",
            ["Graph:Neo4j:User"] = "chainmatch",
            ["Graph:Neo4j:Password"] = "s3cret-pass",
            ["Graph:Neo4j:RetryDelay"] = "00:00:00.001",
            ["Graph:Neo4j:MaxRetries"] = "1",
            ["Graph:Neo4j:ProbeInterval"] = "00:00:00.050",
        }, services: s => s.AddHttpClient(GraphServices.Neo4jHttpClient).ConfigurePrimaryHttpMessageHandler(() => neo4j));
        try
        {
            var client = app.CreateClient();
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            Assert.That(neo4j.Requests.Count(r => r.Path == "/db/neo4j/query/v2/tx/tx1/commit"), Is.EqualTo(1), "the seeds were imported in one transaction");
            Assert.That((await client.GetAsync("/api/chains")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the key, checked against Neo4j");
            var healthy = (await client.GetFromJsonAsync<JsonNode>("/health"))!;
            Assert.That(((string?)healthy["status"], (string?)healthy["store"]), Is.EqualTo(("healthy", "Neo4j")));

            neo4j.GoDown();
            var degraded = await PollHealthUntil(client, "degraded");
            Assert.That((string?)degraded["reason"], Does.StartWith("Neo4j at http://neo4j.test:7474/ is unavailable").And.Contain("Connection refused"));
            Assert.That((await client.GetAsync("/api/chains")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "a key checked lately goes on reading");
            using var stranger = app.CreateDefaultClient();
            stranger.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ApiKeyTokens.New().Token);
            Assert.That((await stranger.GetAsync("/api/chains")).StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), "a key never checked cannot be");

            neo4j.Otherwise = serving;
            Assert.That((string?)(await PollHealthUntil(client, "healthy"))["reason"], Is.Null);
        }
        finally
        {
            app.DeleteData();
        }
    }

    /// <summary>Neo4j's answer to the key lookup: the key's row, its secret's hash as the adapter stores it.</summary>
    static HttpResponseMessage KeyRow(string id, string secret) => FakeNeo4j.Answer(HttpStatusCode.Accepted, new JsonObject
    {
        ["data"] = new JsonObject
        {
            ["fields"] = new JsonArray("id", "name", "role", "region", "chains", "created", "revoked", "secret"),
            ["values"] = new JsonArray(new JsonArray(id, "outage-test", "admin", "*", new JsonArray(), "2026-12-01T00:00:00.0000000Z", null,
                Convert.ToBase64String(ApiKeyTokens.Hash(secret)))),
        },
    }.ToJsonString());

    static async Task<JsonNode> PollHealthUntil(HttpClient client, string status)
    {
        // Bounded: the probe runs every 50 ms, so a few seconds is plenty even on a loaded machine.
        for (var i = 0; i < 200; i++)
        {
            var health = (await client.GetFromJsonAsync<JsonNode>("/health"))!;
            if ((string?)health["status"] == status) return health;
            await Task.Delay(25);
        }
        Assert.Fail($"/health never reported '{status}'");
        throw new InvalidOperationException("unreachable");
    }

    /// <summary>Stands in for the write endpoints to come: it checks the store before writing, as they will.</summary>
    sealed class WriteEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map(WritePath, branch => branch.Run(context =>
            {
                context.RequestServices.GetRequiredService<StoreAvailability>().ThrowIfUnavailable();
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                return Task.CompletedTask;
            }));
        };
    }
}
