using System.Net;
using System.Net.Sockets;
using ChainMatch.Storage.Neo4j;

namespace ChainMatch.Storage.Tests;

/// <summary>
/// How the Neo4j contract suite finds its server and waits for it, checked here without one: the readiness wait
/// against a Query API stand-in, and the choice between CHAINMATCH_NEO4J_URI, a Docker engine and a skip.
/// </summary>
public class Neo4jTestServerTests
{
    static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(10);

    static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Test]
    public async Task TheWaitEndsAtTheFirstReturn1AnsweredWithoutErrors()
    {
        var neo4j = new FakeNeo4j()
            .Then(_ => throw new HttpRequestException("Connection refused (neo4j.test:7474)"))
            .Then("gateway-unavailable")
            .Then("query-database-unavailable")
            .Then("query-error-in-202");
        using var http = new HttpClient(neo4j);

        await Neo4jReadiness.WaitAsync(http, Neo4jTestStore.Connection, TimeSpan.FromSeconds(30), Interval, TimeProvider.System);
        Assert.That(neo4j.Requests.Select(r => (r.Path, r.Statement)), Is.EqualTo(Enumerable.Repeat(("/db/chainmatch/query/v2", (string?)"RETURN 1 AS ok"), 5)));
    }

    [Test]
    public async Task ARefusedPasswordEndsTheWaitAtOnce()
    {
        var neo4j = new FakeNeo4j { Otherwise = _ => Neo4jRecording.Load("query-unauthorized").ToResponse() };
        using var http = new HttpClient(neo4j);

        var error = (await Assert.ThrowsAsync<InvalidOperationException>(() => Neo4jReadiness.WaitAsync(http, Neo4jTestStore.Connection, TimeSpan.FromSeconds(30), Interval, TimeProvider.System)))!;
        Assert.That(error.Message, Does.Contain("refused user 'chainmatch'"));
        Assert.That(neo4j.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task AServerThatNeverAnswersEndsTheWaitNamingItsLastAnswer()
    {
        var neo4j = new FakeNeo4j { Otherwise = _ => Neo4jRecording.Load("query-database-unavailable").ToResponse() };
        using var http = new HttpClient(neo4j);

        var error = (await Assert.ThrowsAsync<TimeoutException>(() => Neo4jReadiness.WaitAsync(http, Neo4jTestStore.Connection, TimeSpan.FromMilliseconds(200), Interval, TimeProvider.System)))!;
        Assert.That(error.Message, Does.StartWith("Neo4j at http://neo4j.test:7474/ did not answer RETURN 1 within 0.2 s").And.Contain("Neo.TransientError.General.DatabaseUnavailable"));
    }

    [Test]
    public async Task WithNeitherAServerNorADockerEngineTheSuiteSaysHowToGetEither()
    {
        var (server, why) = await Neo4jTestServer.StartAsync(Environment(("DOCKER_HOST", "unix:///nonexistent/docker.sock")));
        Assert.That(server, Is.Null);
        Assert.That(why, Does.StartWith("No Neo4j server for the contract suite: set CHAINMATCH_NEO4J_URI")
            .And.Contain("a Docker engine answers so that Testcontainers starts neo4j:5.26-community")
            .And.Contain("nothing answers at DOCKER_HOST unix:///nonexistent/docker.sock"));
    }

    [Test]
    public async Task ADockerHostThatRefusesConnectionsIsNoEngine()
    {
        var port = ClosedPort();
        var (endpoint, why) = await DockerEngine.FindAsync(Environment(("DOCKER_HOST", $"tcp://127.0.0.1:{port}")));
        Assert.That((endpoint, why), Is.EqualTo(((Uri?)null, $"nothing answers at DOCKER_HOST tcp://127.0.0.1:{port}/")));
    }

    [Test]
    public async Task ADockerHostThatAcceptsConnectionsIsAnEngine()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var (endpoint, _) = await DockerEngine.FindAsync(Environment(("DOCKER_HOST", $"tcp://127.0.0.1:{port}")));
        Assert.That(endpoint, Is.EqualTo(new Uri($"tcp://127.0.0.1:{port}")));
    }

    [Test]
    public async Task ANamedServerIsWaitedForAndUsedInsteadOfAContainer()
    {
        using var neo4j = new LoopbackNeo4j();
        neo4j.Server.Then("query-database-unavailable");

        var (server, _) = await Neo4jTestServer.StartAsync(Environment(("CHAINMATCH_NEO4J_URI", neo4j.Uri.ToString()), ("DOCKER_HOST", "unix:///nonexistent/docker.sock")));
        await using (server)
        {
            Assert.That(server!.Connection.BaseUri, Is.EqualTo(neo4j.Uri));
            Assert.That(server.Origin, Does.StartWith("CHAINMATCH_NEO4J_URI"));
            Assert.That(neo4j.Server.Requests.Select(r => r.Statement), Is.EqualTo(new[] { "RETURN 1 AS ok", "RETURN 1 AS ok" }));
        }
    }

    static int ClosedPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
