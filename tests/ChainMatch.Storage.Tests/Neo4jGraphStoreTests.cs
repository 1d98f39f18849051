using System.Net.Http.Headers;
using System.Text;
using ChainMatch.Storage.Neo4j;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChainMatch.Storage.Tests;

/// <summary>
/// The store contract against a real Neo4j 5.26+ server, named by CHAINMATCH_NEO4J_URI (with CHAINMATCH_NEO4J_USER,
/// CHAINMATCH_NEO4J_PASSWORD and optionally CHAINMATCH_NEO4J_DATABASE). Without it every test reports itself skipped.
/// Each test starts by deleting every ChainMatch node in that database: point it at a throw-away server.
/// </summary>
public class Neo4jGraphStoreTests : GraphStoreContract
{
    public const string NotConfigured = "CHAINMATCH_NEO4J_URI is not set: no Neo4j server to run the contract suite against";

    static readonly string[] Labels = ["Chain", "Segment", "Region", "Firm", "FirmList", "Resource"];

    HttpClient? _http;
    Neo4jConnection _connection = null!;

    /// <summary>The server the environment names, or null.</summary>
    public static Neo4jConnection? ConfiguredServer() =>
        Environment.GetEnvironmentVariable("CHAINMATCH_NEO4J_URI") is { Length: > 0 } uri
            ? new Neo4jConnection(new Uri(uri),
                Environment.GetEnvironmentVariable("CHAINMATCH_NEO4J_DATABASE") is { Length: > 0 } db ? db : "neo4j",
                Environment.GetEnvironmentVariable("CHAINMATCH_NEO4J_USER") is { Length: > 0 } user ? user : null,
                Environment.GetEnvironmentVariable("CHAINMATCH_NEO4J_PASSWORD") is { Length: > 0 } password ? password : null)
            : null;

    protected override async Task CreateEmptyStorageAsync()
    {
        _connection = ConfiguredServer() ?? throw Ignore();
        _http = new HttpClient();
        // Straight over HTTP, not through the adapter: the wipe must not depend on the code under test.
        using var request = new HttpRequestMessage(HttpMethod.Post, _connection.Resolve(_connection.QueryPath))
        {
            Content = new StringContent($$"""{"statement":"MATCH (n) WHERE {{string.Join(" OR ", Labels.Select(l => $"n:{l}"))}} DETACH DELETE n"}""",
                Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = _connection.Authorization;
        using var response = await _http.SendAsync(request);
        Assert.That(response.IsSuccessStatusCode, Is.True, $"wiping {_connection}: {await response.Content.ReadAsStringAsync()}");
    }

    protected override IGraphStore Open() =>
        new Neo4jGraphStore(_http!, _connection, new StoreAvailability(), NullLogger.Instance, batchSize: 2);

    [TearDown]
    public void DisposeClient() => _http?.Dispose();

    static Exception Ignore()
    {
        Assert.Ignore(NotConfigured);
        return new InvalidOperationException("unreachable");
    }
}
