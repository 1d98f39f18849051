using System.Text;

namespace ChainMatch.Cli.Tests;

/// <summary><c>chainmatch seed --provider Neo4j</c>, against a Query API stand-in listening on 127.0.0.1.</summary>
public class SeedIntoNeo4jTests
{
    [Test]
    public async Task SeedingIntoNeo4jImportsTheFolderInOneTransaction()
    {
        using var neo4j = new LoopbackNeo4j();
        var run = await CliRun.Of("seed", SeedFolder.Fixture("mini-seeds"), "--provider", "Neo4j",
            "--neo4j-uri", neo4j.Uri.ToString(), "--neo4j-user", "chainmatch", "--neo4j-password", "s3cret-pass");

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        Assert.That(run.Output, Does.StartWith($"Neo4j at {neo4j.Uri} (neo4j): imported mini-seeds;").And.Contain("rows written"));
        Assert.That(neo4j.Server.Requests.Count(r => r.Path == "/db/neo4j/query/v2/tx/tx1/commit"), Is.EqualTo(1));
    }

    [Test]
    public async Task ThePasswordCanComeFromTheEnvironment()
    {
        using var neo4j = new LoopbackNeo4j();
        var before = Environment.GetEnvironmentVariable("CHAINMATCH_NEO4J_PASSWORD");
        Environment.SetEnvironmentVariable("CHAINMATCH_NEO4J_PASSWORD", "from-the-environment");
        try
        {
            var run = await CliRun.Of("seed", SeedFolder.Fixture("mini-seeds"), "--provider", "Neo4j",
                "--neo4j-uri", neo4j.Uri.ToString(), "--neo4j-user", "chainmatch");
            Assert.That(run.ExitCode, Is.Zero, run.Error);
        }
        finally
        {
            Environment.SetEnvironmentVariable("CHAINMATCH_NEO4J_PASSWORD", before);
        }
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("chainmatch:from-the-environment"));
        Assert.That(neo4j.Server.Requests.Select(r => r.Header("Authorization")), Is.All.EqualTo(expected));
    }

    [Test]
    public async Task ARefusedPasswordExitsWithOneLineNamingNeo4jsErrorCode()
    {
        using var neo4j = new LoopbackNeo4j();
        neo4j.Server.Otherwise = _ => Neo4jRecording.Load("query-unauthorized").ToResponse();
        var run = await CliRun.Of("seed", SeedFolder.Fixture("mini-seeds"), "--provider", "Neo4j",
            "--neo4j-uri", neo4j.Uri.ToString(), "--neo4j-user", "chainmatch", "--neo4j-password", "wrong");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error.TrimEnd(), Is.EqualTo(
            $"error: Neo4j at {neo4j.Uri} refused the credentials of user 'chainmatch' for 'schema chain_id' (HTTP 401, Neo.ClientError.Security.Unauthorized): Invalid credential."));
    }

    [Test]
    public async Task ARetriedRequestIsOneWarningLineOnStderrAndTheRowCountStaysOffIt()
    {
        using var neo4j = new LoopbackNeo4j();
        neo4j.Server.Then("gateway-unavailable");
        var run = await CliRun.Of("seed", SeedFolder.Fixture("mini-seeds"), "--provider", "Neo4j",
            "--neo4j-uri", neo4j.Uri.ToString(), "--neo4j-user", "chainmatch", "--neo4j-password", "s3cret-pass");

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(1));
        Assert.That(lines[0], Does.Match(@"^warning: Neo4j 'schema chain_id' failed on attempt 1: .*503.*; retrying in \d+ ms$"));
    }

    [Test]
    public async Task Neo4jWithoutAnAddressIsACommandLineError()
    {
        var run = await CliRun.Of("seed", SeedFolder.Fixture("mini-seeds"), "--provider", "Neo4j", "--neo4j-uri", "");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error.TrimEnd(), Is.EqualTo("error: --provider Neo4j needs --neo4j-uri (or CHAINMATCH_NEO4J_URI)"));
    }

    [Test]
    public async Task GapsCanBeReadFromNeo4jToo()
    {
        using var neo4j = new LoopbackNeo4j();
        var run = await CliRun.Of("gaps", "--region", "530100", "--provider", "Neo4j",
            "--neo4j-uri", neo4j.Uri.ToString(), "--neo4j-user", "chainmatch", "--neo4j-password", "s3cret-pass");

        // The stand-in holds nothing, so the command stops where an empty embedded store would.
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error.TrimEnd(), Is.EqualTo($"error: store Neo4j at {neo4j.Uri} (neo4j) is empty: run 'chainmatch seed' first"));
    }
}
