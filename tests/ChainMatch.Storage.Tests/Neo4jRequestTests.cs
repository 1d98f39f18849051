using System.Text;
using ChainMatch.Domain.Graph;
using ChainMatch.Storage.Neo4j;
using ChainMatch.Storage.Seeds;

namespace ChainMatch.Storage.Tests;

/// <summary>What the Neo4j adapter puts on the wire: endpoints, headers, statements and parameters.</summary>
public class Neo4jRequestTests
{
    static GraphData Seeds => SeedReader.Read(SeedFolder.Fixture("mini-seeds"));

    [Test]
    public async Task AQueryIsPostedToTheDatabasesQueryEndpointAsTypedJsonWithBasicAuth()
    {
        var neo4j = new Neo4jTestStore();
        await neo4j.Store.IsEmptyAsync();

        var sent = neo4j.Requests.Single();
        Assert.That((sent.Method.Method, sent.Path), Is.EqualTo(("POST", "/db/chainmatch/query/v2")));
        Assert.That(sent.Header("Authorization"), Is.EqualTo("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("chainmatch:s3cret-pass"))));
        Assert.That(sent.Header("Accept"), Is.EqualTo("application/vnd.neo4j.query"));
        Assert.That(sent.Header("Content-Type"), Is.EqualTo("application/json"));
        Assert.That(sent.Statement, Is.EqualTo("MATCH (c:Chain) RETURN c.id AS id LIMIT 1"));
        Assert.That((string?)sent.Json!["accessMode"], Is.EqualTo("Read"));
    }

    [Test]
    public async Task StartingCreatesEveryConstraintIdempotentlyEachInItsOwnRequest()
    {
        var neo4j = new Neo4jTestStore();
        await neo4j.Store.InitialiseAsync();

        Assert.That(neo4j.Requests.Select(r => r.Path), Is.All.EqualTo("/db/chainmatch/query/v2"));
        Assert.That(neo4j.Requests.Select(r => r.Statement), Is.All.Contains(" IF NOT EXISTS "));
        Assert.That(neo4j.Requests.Select(r => r.Statement), Does.Contain("CREATE CONSTRAINT firm_id IF NOT EXISTS FOR (n:Firm) REQUIRE n.id IS UNIQUE"));
        Assert.That(neo4j.Requests.Select(r => r.Statement), Has.Exactly(15).StartsWith("CREATE CONSTRAINT").And.Contains("IS UNIQUE"));
    }

    [Test]
    public async Task AnImportIsOneTransactionOfBatchedUnwindStatementsEndingInACommit()
    {
        var neo4j = new Neo4jTestStore(batchSize: 2);
        var report = await neo4j.Store.ImportAsync(Seeds);

        var paths = neo4j.Requests.Select(r => (r.Method.Method, r.Path)).ToList();
        Assert.That(paths[0], Is.EqualTo(("POST", "/db/chainmatch/query/v2/tx")));
        Assert.That(paths[^1], Is.EqualTo(("POST", "/db/chainmatch/query/v2/tx/tx1/commit")));
        Assert.That(paths.Skip(1).SkipLast(1), Is.All.EqualTo(("POST", "/db/chainmatch/query/v2/tx/tx1")));
        var writes = neo4j.Requests.Where(r => r.Parameter("rows") is not null).ToList();
        Assert.That(writes.Select(w => w.Statement), Is.All.Contains("UNWIND $rows AS row"));
        Assert.That(writes.Select(w => w.Parameter("rows")!.AsArray().Count), Is.All.InRange(1, 2));
        Assert.That(report.Written["firm"], Is.EqualTo(3));
    }

    [Test]
    public async Task NoValueFromTheDataEverAppearsInStatementText()
    {
        var seeds = Seeds;
        var neo4j = new Neo4jTestStore();
        await neo4j.Store.ImportAsync(seeds);

        var values = seeds.Firms.SelectMany(f => new[] { f.Id.Value, f.Name })
            .Concat(seeds.Regions.SelectMany(r => new[] { r.Code.Value, r.Name }))
            .Concat(seeds.Segments.Select(s => s.Name)).Concat(seeds.Chains.Select(c => c.Name));
        var statements = string.Join("\n", neo4j.Requests.Select(r => r.Statement));
        Assert.That(values.Where(v => statements.Contains(v, StringComparison.Ordinal)), Is.Empty);
        Assert.That(neo4j.Requests.Any(r => r.Body!.Contains("\"key\":\"smelter-co\"", StringComparison.Ordinal)), Is.True, "values travel as parameters");
    }

    [Test]
    public async Task AWholeNumberCapacityTravelsAsAFloatAndAYearAsAnInteger()
    {
        var neo4j = new Neo4jTestStore();
        await neo4j.Store.ImportAsync(Seeds);

        var presences = neo4j.Requests.Single(r => r.Statement?.Contains("OPERATES_IN {key: row.key}", StringComparison.Ordinal) == true && r.Parameter("rows") is not null);
        Assert.That(presences.Body, Does.Contain("\"capacity\":350000.0,").And.Contain("\"since\":2012,"));
    }

    [Test]
    public async Task ADeclaredConstraintIsAKeyedLinkFromRegionToResourceAndAnIntensityALinkFromSegment()
    {
        var neo4j = new Neo4jTestStore();
        await neo4j.Store.ImportAsync(Seeds);

        var constraints = neo4j.Requests.Single(r => r.Statement?.Contains("MERGE (a)-[e:HAS_CONSTRAINT {key: row.key}]->(b)", StringComparison.Ordinal) == true);
        var first = constraints.Parameter("rows")!.AsArray()[1]!;
        Assert.That(((string?)first["from"], (string?)first["to"], (string?)first["key"]), Is.EqualTo(("530300", "hydropower", "green-power-quota|2020")));
        Assert.That(((double?)first["props"]!["amount"], (string?)first["props"]!["unit"]), Is.EqualTo(((double?)4.0, "TWh/yr")));
        var intensities = neo4j.Requests.Single(r => r.Statement?.Contains("MERGE (a)-[e:CONSUMES]->(b)", StringComparison.Ordinal) == true);
        Assert.That(intensities.Parameter("rows")!.AsArray().Select(x => ((string?)x!["from"], (string?)x["to"], (string?)x["props"]!["inputUnit"], (string?)x["props"]!["outputUnit"])),
            Is.EqualTo(new[] { ("smelting", "hydropower", "kWh", "t"), ("smelting", "land", "ha", "plant") }));
        Assert.That(neo4j.Requests.Count(r => r.Statement?.Contains("CONSUMES", StringComparison.Ordinal) == true && r.Statement.Contains("DELETE e", StringComparison.Ordinal)), Is.EqualTo(1),
            "intensities a segment no longer lists are removed");
    }

    [Test]
    public async Task ARegionsSeatTravelsAsTwoFloatsAndAMissingOneAsNulls()
    {
        var neo4j = new Neo4jTestStore();
        await neo4j.Store.ImportAsync(Seeds);

        var regions = neo4j.Requests.Single(r => r.Statement?.Contains("MERGE (e:Region {code: row.key})", StringComparison.Ordinal) == true && r.Parameter("rows") is not null);
        var rows = regions.Parameter("rows")!.AsArray().ToDictionary(row => (string)row!["key"]!, row => row!["props"]!.ToJsonString());
        Assert.That(rows["530300"], Does.Contain("\"latitude\":25.49,\"longitude\":103.8"));
        Assert.That(rows["530181"], Does.Contain("\"latitude\":null,\"longitude\":null"));
    }

    [Test]
    public async Task LoadingReadsEveryKindInsideOneReadTransaction()
    {
        var neo4j = new Neo4jTestStore();
        await neo4j.Store.LoadAsync();

        var sent = neo4j.Requests;
        Assert.That((sent[0].Path, sent[0].Body), Is.EqualTo(("/db/chainmatch/query/v2/tx", """{"accessMode":"Read"}""")));
        Assert.That(sent[^1].Path, Is.EqualTo("/db/chainmatch/query/v2/tx/tx1/commit"));
        var statements = sent.Skip(1).SkipLast(1).ToList();
        Assert.That(statements.Select(r => r.Path), Is.All.EqualTo("/db/chainmatch/query/v2/tx/tx1"));
        // Twenty kinds, whatever the graph's size, between two readings of the store version.
        Assert.That(statements, Has.Count.EqualTo(22));
        Assert.That(new[] { statements[0].Statement, statements[^1].Statement }, Is.All.Contains("(v:StoreVersion {id: 'graph'})"));
    }

    [Test]
    public async Task AWriteRaisesTheStoreVersionSendsOnlyItsRowsAndReadsNothingBack()
    {
        var neo4j = new Neo4jTestStore();
        var presence = SeedReader.Read(SeedFolder.Fixture("mini-seeds")).Presences[0];
        await neo4j.Store.WriteAsync(GraphData.Empty with { Presences = [presence] }, null);

        Assert.That(neo4j.Requests.Select(r => r.Statement).OfType<string>(), Is.EqualTo(new[]
        {
            Neo4jGraphReader.RaiseVersion.Text, WriteStatements.LastOrd(GraphKinds.Presence).Text, WriteStatements.UpsertRelationships(GraphKinds.Presence).Text,
        }));
        Assert.That((neo4j.Count("POST", "/query/v2/tx"), neo4j.Count("POST", "/commit")), Is.EqualTo((1, 1)), "one transaction");
    }

    [Test]
    public async Task AnImportCommittedBetweenTheTwoVersionReadingsMakesTheLoadReadAgain()
    {
        var neo4j = new Neo4jTestStore();
        var versions = new Queue<long>([1, 2, 2, 2]);
        neo4j.Server.Otherwise = r => r.Statement?.StartsWith("OPTIONAL MATCH (v:StoreVersion", StringComparison.Ordinal) == true
            ? FakeNeo4j.Answer(System.Net.HttpStatusCode.Accepted, $$$"""{"data":{"fields":["version"],"values":[[{"$type":"Integer","_value":"{{{versions.Dequeue()}}}"}]]}}""")
            : neo4j.Server.Accepting(r);

        await neo4j.Store.LoadAsync();
        Assert.That((neo4j.Count("POST", "/query/v2/tx"), neo4j.Count("POST", "/commit")), Is.EqualTo((2, 2)));
        Assert.That(versions, Is.Empty);
    }

    [Test]
    public async Task ReadsAfterACommittedImportCarryItsBookmarks()
    {
        var neo4j = new Neo4jTestStore();
        await neo4j.Store.ImportAsync(GraphData.Empty);
        var before = neo4j.Requests.Count;
        await neo4j.Store.LoadAsync();
        await neo4j.Store.IsEmptyAsync();

        var reads = neo4j.Requests.Skip(before).ToList();
        Assert.That(reads[0].Body, Is.EqualTo("""{"accessMode":"Read","bookmarks":["FB:fake"]}"""));
        Assert.That(reads[^1].Json!["bookmarks"]!.ToJsonString(), Is.EqualTo("""["FB:fake"]"""));
    }

    [Test]
    public async Task AnImportAsksEachKindForItsLastOrdOnceWhateverTheNumberOfBatches()
    {
        var neo4j = new Neo4jTestStore(batchSize: 1);
        await neo4j.Store.ImportAsync(Seeds);

        var statements = neo4j.Requests.Select(r => r.Statement ?? "").ToList();
        Assert.That(statements.Where(s => s.Contains("max(", StringComparison.Ordinal)), Is.Empty, "no write scans its kind for the highest ord");
        var lastOrds = statements.Where(s => s.Contains("ORDER BY x.ord DESC", StringComparison.Ordinal)).ToList();
        Assert.That(lastOrds, Is.Unique.And.Count.GreaterThan(10));
        var firmBatches = neo4j.Requests.Where(r => r.Statement?.Contains("MERGE (e:Firm {", StringComparison.Ordinal) == true).ToList();
        Assert.That(firmBatches, Has.Count.EqualTo(Seeds.Firms.Length));
        Assert.That(firmBatches.Select(r => (long?)r.Parameter("base")), Is.All.EqualTo(0L));
    }

    [Test]
    public async Task NewRowsAreNumberedAfterTheHighestOrdTheStoreHolds()
    {
        var neo4j = new Neo4jTestStore(batchSize: 2);
        neo4j.Server.Otherwise = r => r.Statement?.StartsWith("MATCH (x:Firm)", StringComparison.Ordinal) == true
            ? FakeNeo4j.Answer(System.Net.HttpStatusCode.Accepted, """{"data":{"fields":["ord"],"values":[[{"$type":"Integer","_value":"41"}]]}}""")
            : neo4j.Server.Accepting(r);
        await neo4j.Store.ImportAsync(Seeds);

        var firmBatches = neo4j.Requests.Where(r => r.Statement?.Contains("MERGE (e:Firm {", StringComparison.Ordinal) == true).ToList();
        Assert.That(firmBatches.Select(r => (long?)r.Parameter("base")), Is.EqualTo(new long?[] { 42, 42 }));
        Assert.That(firmBatches.SelectMany(r => r.Parameter("rows")!.AsArray().Select(x => (int)x!["i"]!)), Is.EqualTo(new[] { 0, 1, 2 }));
    }

    [Test]
    public async Task EveryOrdAnImportAsksForIsIndexed()
    {
        var neo4j = new Neo4jTestStore();
        await neo4j.Store.InitialiseAsync();
        var indexes = neo4j.Requests.Select(r => r.Statement!).Where(s => s.StartsWith("CREATE INDEX", StringComparison.Ordinal)).ToList();
        await neo4j.Store.ImportAsync(Seeds);

        var asked = neo4j.Requests.Select(r => r.Statement ?? "").Where(s => s.Contains("ORDER BY x.ord DESC", StringComparison.Ordinal))
            .Select(s => s.Split('\n')[0]).ToList();
        Assert.That(asked, Is.Not.Empty);
        var expected = asked.Select(m => m.StartsWith("MATCH ()-[x:", StringComparison.Ordinal)
            ? $"FOR ()-[r:{m["MATCH ()-[x:".Length..m.IndexOf(']')]}]-() ON (r.ord)"
            : $"FOR (n:{m["MATCH (x:".Length..m.IndexOf(')')]}) ON (n.ord)");
        Assert.That(expected.Where(e => !indexes.Any(i => i.EndsWith(e, StringComparison.Ordinal))), Is.Empty);
    }

    [Test]
    public async Task TheClusterMemberThatHoldsATransactionIsNamedOnEveryLaterRequest()
    {
        var neo4j = new Neo4jTestStore();
        neo4j.Server.Then(r =>
        {
            var begin = neo4j.Server.Accepting(r);
            begin.Headers.Add("neo4j-cluster-affinity", "member-2");
            return begin;
        });
        await neo4j.Store.ImportAsync(GraphData.Empty);

        Assert.That(neo4j.Requests.Skip(1).Select(r => r.Header("neo4j-cluster-affinity")), Is.All.EqualTo("member-2"));
    }
}
