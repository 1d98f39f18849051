using ChainMatch.Storage.Neo4j;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;
using System.Text;

namespace ChainMatch.Storage.Tests;

/// <summary>
/// The Neo4j server the contract suite runs against: the one CHAINMATCH_NEO4J_URI names (with CHAINMATCH_NEO4J_USER,
/// CHAINMATCH_NEO4J_PASSWORD, CHAINMATCH_NEO4J_DATABASE), else a neo4j:5.26-community container that Testcontainers
/// starts when a Docker engine answers, else none, and the tests say so naming both ways. Either way it is ready
/// (answers RETURN 1) before the first test runs.
/// </summary>
sealed class Neo4jTestServer : IAsyncDisposable
{
    public const string Image = "neo4j:5.26-community";
    const int HttpPort = 7474;
    const string ContainerPassword = "contract-tests";
    static readonly TimeSpan StartPatience = TimeSpan.FromMinutes(3);

    readonly IContainer? _container;

    Neo4jTestServer(Neo4jConnection connection, string origin, IContainer? container)
    {
        Connection = connection;
        Origin = origin;
        _container = container;
    }

    public Neo4jConnection Connection { get; }
    public string Origin { get; }
    public HttpClient Http { get; } = new();

    public static string NoServer(string whyNoDocker) =>
        "No Neo4j server for the contract suite: set CHAINMATCH_NEO4J_URI (and CHAINMATCH_NEO4J_USER, CHAINMATCH_NEO4J_PASSWORD) " +
        $"to a throw-away Neo4j 5.26+ server, or run where a Docker engine answers so that Testcontainers starts {Image} ({whyNoDocker}).";

    /// <summary>Deletes every node carrying a ChainMatch label, whatever kinds the adapter gains: the labels come from <see cref="GraphSchema"/>.</summary>
    public static string WipeStatement => $"MATCH (n) WHERE {string.Join(" OR ", GraphSchema.AllLabels.Select(l => $"n:{l}"))} DETACH DELETE n";

    /// <summary>The server the environment names.</summary>
    public static Neo4jConnection? Configured(Func<string, string?> environment) =>
        environment("CHAINMATCH_NEO4J_URI") is { Length: > 0 } uri
            ? new Neo4jConnection(new Uri(uri),
                environment("CHAINMATCH_NEO4J_DATABASE") is { Length: > 0 } db ? db : "neo4j",
                environment("CHAINMATCH_NEO4J_USER") is { Length: > 0 } user ? user : null,
                environment("CHAINMATCH_NEO4J_PASSWORD") is { Length: > 0 } password ? password : null)
            : null;

    /// <summary>A ready server, or null and the reason there is none.</summary>
    public static async Task<(Neo4jTestServer? Server, string Why)> StartAsync(Func<string, string?> environment, CancellationToken ct = default)
    {
        if (Configured(environment) is { } configured)
            return (await ReadyAsync(new Neo4jTestServer(configured, $"CHAINMATCH_NEO4J_URI {configured}", null), ct), "");

        var (docker, why) = await DockerEngine.FindAsync(environment);
        if (docker is null) return (null, NoServer(why));

        var builder = new ContainerBuilder(Image);
        // Testcontainers reads DOCKER_HOST (and its TLS settings) itself; a socket found elsewhere is named to it.
        if (environment("DOCKER_HOST") is not { Length: > 0 }) builder = builder.WithDockerEndpoint(docker);
        var container = builder
            .WithEnvironment("NEO4J_AUTH", $"neo4j/{ContainerPassword}")
            // As in docker-compose.yml: the server ends a transaction that outlives this, whatever its client did.
            .WithEnvironment("NEO4J_db_transaction_timeout", "5m")
            .WithPortBinding(HttpPort, assignRandomHostPort: true)
            .WithWaitStrategy(Wait.ForUnixContainer().UntilHttpRequestIsSucceeded(r => r.ForPort(HttpPort).ForPath("/")))
            .Build();
        await container.StartAsync(ct);
        var uri = new UriBuilder(Uri.UriSchemeHttp, container.Hostname, container.GetMappedPublicPort(HttpPort)).Uri;
        var server = new Neo4jTestServer(new Neo4jConnection(uri, "neo4j", "neo4j", ContainerPassword), $"{Image} on {why} at {uri}", container);
        return (await ReadyAsync(server, ct), "");
    }

    static async Task<Neo4jTestServer> ReadyAsync(Neo4jTestServer server, CancellationToken ct)
    {
        await Neo4jReadiness.WaitAsync(server.Http, server.Connection, StartPatience, TimeSpan.FromSeconds(1), TimeProvider.System, ct);
        return server;
    }

    /// <summary>One statement straight over HTTP, not through the adapter under test; fails on any error.</summary>
    public async Task<string> RunAsync(string statement, string? parameters = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Connection.Resolve(Connection.QueryPath))
        {
            Content = new StringContent(
                $$"""{"statement":{{System.Text.Json.JsonSerializer.Serialize(statement)}}{{(parameters is null ? "" : $",\"parameters\":{parameters}")}}}""",
                Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = Connection.Authorization;
        using var response = await Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.IsSuccessStatusCode && !body.Contains("\"errors\":[{", StringComparison.Ordinal), Is.True, $"{statement}\n→ HTTP {(int)response.StatusCode}: {body}");
        return body;
    }

    public Task WipeAsync() => RunAsync(WipeStatement);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (_container is not null) await _container.DisposeAsync();
    }
}
