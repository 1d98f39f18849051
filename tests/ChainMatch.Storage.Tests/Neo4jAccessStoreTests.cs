using System.Text.RegularExpressions;
using ChainMatch.Storage.Neo4j;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChainMatch.Storage.Tests;

/// <summary>
/// The access store contract against Neo4j 5.26 (a server CHAINMATCH_NEO4J_URI names, else a Testcontainers one, else
/// skipped saying how to give it one), and what holds without a server: access records are only ever created.
/// </summary>
[NonParallelizable]
public partial class Neo4jAccessStoreTests : AccessStoreContract
{
    Neo4jTestServer? _server;
    string _skipped = "";

    [OneTimeSetUp]
    public async Task StartServer() => (_server, _skipped) = await Neo4jTestServer.StartAsync(Environment.GetEnvironmentVariable);

    [OneTimeTearDown]
    public async Task StopServer()
    {
        if (_server is not null) await _server.DisposeAsync();
    }

    Neo4jTestServer Server => _server ?? throw new IgnoreException(_skipped);

    protected override Task CreateEmptyStorageAsync() =>
        TestContext.CurrentContext.Test.Name.StartsWith("TheCodeOnly", StringComparison.Ordinal) ? Task.CompletedTask : Server.WipeAsync();

    protected override Stores Open() => StoreFactory.Open(new StoreSettings(StoreProviders.Neo4j, Neo4j: Server.Connection), () => Server.Http,
        new StoreAvailability(), NullLogger.Instance, TimeProvider.System);

    [Test]
    public void TheCodeOnlyEverCreatesAccessRecords()
    {
        var access = new[] { GraphSchema.ApiKey, GraphSchema.KeyRevocation, GraphSchema.Session, GraphSchema.SessionEnd, GraphSchema.AuditEntry };
        var statements = Neo4jStatements.All.Where(s => !Neo4jStatements.IsSchema(s) && access.Any(l => s.Text.Contains($":{l}", StringComparison.Ordinal))).ToList();
        Assert.That(statements.Select(s => s.Name), Is.SupersetOf(new[] { "create key", "revoke key", "start session", "end session", "append audit entry" }));
        Assert.Multiple(() =>
        {
            foreach (var s in statements)
            {
                Assert.That(s.Text, Does.Not.Match(@"\b(DELETE|REMOVE|DETACH)\b"), s.Name);
                // Only a node just merged into being gets properties, and the audit counter (a StoreVersion node, not a record) counts.
                foreach (Match set in SetClause().Matches(s.Text))
                    Assert.That(set.Value, Does.StartWith("ON CREATE SET").Or.StartWith("SET v.n"), $"{s.Name}: {set.Value}");
            }
        });
    }

    [GeneratedRegex(@"(ON CREATE )?SET [^\n]*")]
    private static partial Regex SetClause();
}
