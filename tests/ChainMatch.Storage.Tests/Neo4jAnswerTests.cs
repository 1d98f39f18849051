using System.Net;
using ChainMatch.Domain.Graph;
using ChainMatch.Storage.Neo4j;
using ChainMatch.Storage.Seeds;
using Microsoft.Extensions.Logging;

namespace ChainMatch.Storage.Tests;

/// <summary>How the Neo4j adapter behaves on each kind of answer: what it retries, what it rolls back, what it says.</summary>
public class Neo4jAnswerTests
{
    static GraphData Seeds => SeedReader.Read(SeedFolder.Fixture("mini-seeds"));

    [TestCase("query-syntax-error", "Neo.ClientError.Statement.SyntaxError")]
    [TestCase("query-unauthorized", "Neo.ClientError.Security.Unauthorized")]
    [TestCase("query-error-after-rows", "Neo.ClientError.Statement.ArithmeticError")]
    [TestCase("query-legacy-error-field", "Neo.ClientError.Statement.ParameterMissing")]
    public async Task AClientErrorIsNotRetriedAndItsCodeIsInTheMessage(string recording, string code)
    {
        var neo4j = new Neo4jTestStore();
        neo4j.Server.Then(recording);

        var error = await Assert.ThrowsAsync<Neo4jException>(() => neo4j.Store.IsEmptyAsync());
        Assert.That((error.Code, error.IsTransient), Is.EqualTo((code, false)));
        Assert.That(error.Message, Does.Contain(code).And.Contain("'is empty'"));
        Assert.That(neo4j.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task AnErrorWhoseCodeIsNotAvailableIsAClientErrorWithoutACode()
    {
        var neo4j = new Neo4jTestStore();
        neo4j.Server.Then("query-code-not-available");

        var error = (await Assert.ThrowsAsync<Neo4jException>(() => neo4j.Store.IsEmptyAsync()))!;
        Assert.That((error.Code, error.IsTransient, error.HttpStatus), Is.EqualTo(((string?)null, false, (int?)400)));
        Assert.That(error.Message, Does.Contain("(HTTP 400, N/A): Unable to convert java.math.BigInteger to Neo4j Value."));
        Assert.That(neo4j.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task AnUnknownDatabaseIsNotRetriedAndIsNamed()
    {
        var neo4j = new Neo4jTestStore();
        neo4j.Server.Then("query-database-not-found");

        var error = (await Assert.ThrowsAsync<Neo4jException>(() => neo4j.Store.ProbeAsync()))!;
        Assert.That((error.Code, error.IsTransient), Is.EqualTo(("Neo.ClientError.Database.DatabaseNotFound", false)));
        Assert.That(error.Message, Does.Contain("HTTP 404").And.Contain("Database name: 'chainmatch'"));
        Assert.That(neo4j.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task AStatementTheUserMayNotRunIsRefusedWithHttp400AndNotRetried()
    {
        var neo4j = new Neo4jTestStore();
        neo4j.Server.Then("query-forbidden");

        var error = (await Assert.ThrowsAsync<Neo4jException>(() => neo4j.Store.InitialiseAsync()))!;
        Assert.That((error.Code, error.IsTransient), Is.EqualTo(("Neo.ClientError.Security.Forbidden", false)));
        Assert.That(error.Message, Does.Contain("refused 'schema chain_id' (HTTP 400"));
        Assert.That(neo4j.Requests, Has.Count.EqualTo(1));
    }

    [TestCase("query-not-acceptable", 406)]
    [TestCase("query-unsupported-media-type", 415)]
    public async Task AServerThatDoesNotSpeakTypedJsonIsNotRetriedAndTheMessageSaysWhatIsNeeded(string recording, int status)
    {
        var neo4j = new Neo4jTestStore();
        neo4j.Server.Then(recording);

        var error = (await Assert.ThrowsAsync<Neo4jException>(() => neo4j.Store.ProbeAsync()))!;
        Assert.That((error.HttpStatus, error.IsTransient), Is.EqualTo(((int?)status, false)));
        Assert.That(error.Message, Does.Contain("application/vnd.neo4j.query").And.Contain("5.26"));
        Assert.That(neo4j.Requests, Has.Count.EqualTo(1));
    }

    [TestCase("tx-start-failed", "Neo.DatabaseError.Transaction.TransactionStartFailed")]
    [TestCase("query-error-in-202", "Neo.ClientError.Statement.TypeError")]
    public async Task AServerErrorOrAnErrorInsideA202RollsTheImportBackAndIsNotReplayed(string recording, string code)
    {
        var neo4j = new Neo4jTestStore();
        neo4j.Server.Otherwise = r => r.Parameter("rows") is not null ? Neo4jRecording.Load(recording).ToResponse() : neo4j.Server.Accepting(r);

        var error = (await Assert.ThrowsAsync<Neo4jException>(() => neo4j.Store.ImportAsync(Seeds)))!;
        Assert.That((error.Code, error.IsTransient), Is.EqualTo((code, false)));
        Assert.That((neo4j.Count("POST", "/query/v2/tx"), neo4j.Count("DELETE", "/tx/tx1"), neo4j.Count("POST", "/commit")), Is.EqualTo((1, 1, 0)));
    }

    [Test]
    public async Task ATransactionThatExpiredIsReplayedFromItsBegin()
    {
        var neo4j = new Neo4jTestStore();
        neo4j.Server.Otherwise = r => r.Path.EndsWith("/tx/tx1", StringComparison.Ordinal) && r.Parameter("rows") is not null
            ? Neo4jRecording.Load("tx-expired").ToResponse()
            : neo4j.Server.Accepting(r);

        await neo4j.Store.ImportAsync(Seeds);
        Assert.That(neo4j.Count("POST", "/query/v2/tx"), Is.EqualTo(2));
        Assert.That(neo4j.Count("POST", "/tx/tx2/commit"), Is.EqualTo(1));
        Assert.That(neo4j.Count("DELETE", "/tx/tx1"), Is.Zero, "the server no longer knows it: nothing to roll back");
    }

    [Test]
    public async Task AStatementThatTimedOutIsNotReplayedUntilTheServerHasRolledItsTransactionBack()
    {
        var neo4j = new Neo4jTestStore(Neo4jTestStore.Fast with { AttemptTimeout = TimeSpan.FromMilliseconds(200) });
        var refusals = 2;
        neo4j.Server.Blocks = r => r.Path.EndsWith("/tx/tx1", StringComparison.Ordinal) && r.Statement?.Contains("MERGE (e:Firm {", StringComparison.Ordinal) == true;
        neo4j.Server.Otherwise = r => r.Method == HttpMethod.Delete && refusals-- > 0
            ? Neo4jRecording.Load("tx-rollback-refused").ToResponse()
            : neo4j.Server.Accepting(r);

        await neo4j.Store.ImportAsync(Seeds);
        var sent = neo4j.Requests.Select(r => $"{r.Method} {r.Path}").ToList();
        var secondBegin = sent.LastIndexOf("POST /db/chainmatch/query/v2/tx");
        Assert.That(sent.Take(secondBegin).Count(r => r == "DELETE /db/chainmatch/query/v2/tx/tx1"), Is.EqualTo(3), string.Join("\n", sent));
        Assert.That(neo4j.Count("POST", "/tx/tx2/commit"), Is.EqualTo(1));
        Assert.That(neo4j.Log.At(LogLevel.Warning), Has.Exactly(2).Contains("refused to roll back 'import'"));
    }

    [Test]
    public async Task ATransactionTheServerStillHoldsAfterThePatienceIsNotReplayed()
    {
        var neo4j = new Neo4jTestStore(Neo4jTestStore.Fast with { AttemptTimeout = TimeSpan.FromMilliseconds(200), RollbackPatience = TimeSpan.FromMilliseconds(300) });
        neo4j.Server.Blocks = r => r.Statement?.Contains("MERGE (e:Firm {", StringComparison.Ordinal) == true;
        neo4j.Server.Otherwise = r => r.Method == HttpMethod.Delete ? Neo4jRecording.Load("tx-rollback-refused").ToResponse() : neo4j.Server.Accepting(r);

        var error = (await Assert.ThrowsAsync<StoreUnavailableException>(() => neo4j.Store.ImportAsync(Seeds)))!;
        Assert.That(error.Message, Does.Contain("still holds transaction tx1 of 'import'").And.Contain("not replayed"));
        Assert.That(neo4j.Count("POST", "/query/v2/tx"), Is.EqualTo(1));
    }

    [Test]
    public async Task ARefusedPasswordNamesTheUserAndTheServer()
    {
        var neo4j = new Neo4jTestStore();
        neo4j.Server.Then("query-unauthorized");

        var error = await Assert.ThrowsAsync<Neo4jException>(() => neo4j.Store.ProbeAsync());
        Assert.That(error.Message, Is.EqualTo("Neo4j at http://neo4j.test:7474/ refused the credentials of user 'chainmatch' for 'probe' " +
            "(HTTP 401, Neo.ClientError.Security.Unauthorized): Invalid credential."));
    }

    [Test]
    public async Task ABodyThatIsNotJsonFailsAtOnceSayingSo()
    {
        var neo4j = new Neo4jTestStore();
        neo4j.Server.Then("query-malformed-body");

        var error = await Assert.ThrowsAsync<Neo4jException>(() => neo4j.Store.ProbeAsync());
        Assert.That(error.Message, Does.Contain("(HTTP 202) with a body that is not JSON"));
        Assert.That(neo4j.Requests, Has.Count.EqualTo(1));
    }

    [TestCase("query-database-unavailable")]
    [TestCase("gateway-unavailable")]
    public async Task ATransientFailureIsRetriedAndTheRetryIsLogged(string recording)
    {
        var neo4j = new Neo4jTestStore();
        neo4j.Server.Then(recording);

        Assert.That(await neo4j.Store.IsEmptyAsync(), Is.True);
        Assert.That(neo4j.Requests, Has.Count.EqualTo(2));
        Assert.That(neo4j.Log.At(LogLevel.Warning).Single(), Does.Contain("'is empty' failed on attempt 1").And.Contain("retrying in"));
        Assert.That(neo4j.Availability.IsAvailable, Is.True);
    }

    [TestCase(HttpStatusCode.BadGateway)]
    [TestCase(HttpStatusCode.ServiceUnavailable)]
    [TestCase(HttpStatusCode.GatewayTimeout)]
    public async Task AGatewayThatKeepsFailingIsRetriedThenTheStoreIsUnavailable(HttpStatusCode status)
    {
        var neo4j = new Neo4jTestStore();
        neo4j.Server.Otherwise = _ => FakeNeo4j.Answer(status, "<html>gateway</html>", "text/html");

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => neo4j.Store.ProbeAsync());
        Assert.That(neo4j.Requests, Has.Count.EqualTo(1 + Neo4jTestStore.Fast.MaxRetries));
        Assert.That(error.Message, Does.StartWith("Neo4j at http://neo4j.test:7474/ is unavailable: 'probe' failed:").And.Contain($"HTTP {(int)status}"));
        Assert.That(neo4j.Availability.Current.Reason, Is.EqualTo(error.Message));
    }

    [Test]
    public async Task ARefusedConnectionIsRetriedThenTheStoreIsUnavailable()
    {
        var neo4j = new Neo4jTestStore();
        neo4j.Server.GoDown();

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => neo4j.Store.LoadAsync());
        Assert.That(error.Message, Does.Contain("Connection refused"));
        Assert.That(neo4j.Requests, Has.Count.EqualTo(1 + Neo4jTestStore.Fast.MaxRetries));
        Assert.That(neo4j.Log.At(LogLevel.Warning).Count(), Is.EqualTo(Neo4jTestStore.Fast.MaxRetries));
    }

    [Test]
    public async Task AServerThatDoesNotAnswerTimesOutOnEveryAttempt()
    {
        var neo4j = new Neo4jTestStore(Neo4jTestStore.Fast with { AttemptTimeout = TimeSpan.FromMilliseconds(100), MaxRetries = 1 });
        neo4j.Server.Hang();

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => neo4j.Store.ProbeAsync());
        Assert.That(error.Message, Does.EndWith("'probe' failed: no answer within 0.1 s"));
        Assert.That(neo4j.Requests, Has.Count.EqualTo(2));
        Assert.That(neo4j.Log.At(LogLevel.Warning), Has.Exactly(2).Contains("got no answer within 100 ms"));
    }

    [Test]
    public async Task AFailedBatchRollsTheTransactionBackAndIsNotRetried()
    {
        var neo4j = new Neo4jTestStore(batchSize: 2);
        var batches = 0;
        neo4j.Server.Otherwise = r => r.Parameter("rows") is not null && ++batches == 4
            ? Neo4jRecording.Load("query-constraint-violation").ToResponse()
            : neo4j.Server.Accepting(r);

        var error = await Assert.ThrowsAsync<Neo4jException>(() => neo4j.Store.ImportAsync(Seeds));
        Assert.That(error.Code, Is.EqualTo("Neo.ClientError.Schema.ConstraintValidationFailed"));
        Assert.That(error.Message, Does.Contain("refused 'import: segment nodes'"));
        Assert.That(neo4j.Count("DELETE", "/db/chainmatch/query/v2/tx/tx1"), Is.EqualTo(1));
        Assert.That(neo4j.Count("POST", "/commit"), Is.Zero);
        Assert.That(neo4j.Count("POST", "/query/v2/tx"), Is.EqualTo(1), "one begin: client errors are not retried");
    }

    [Test]
    public async Task ARollbackThatFindsTheTransactionGoneDoesNotHideTheFailure()
    {
        var neo4j = new Neo4jTestStore();
        neo4j.Server.Otherwise = r => r.Method == HttpMethod.Delete
            ? Neo4jRecording.Load("tx-closed").ToResponse()
            : r.Parameter("rows") is not null ? Neo4jRecording.Load("query-syntax-error").ToResponse() : neo4j.Server.Accepting(r);

        var error = await Assert.ThrowsAsync<Neo4jException>(() => neo4j.Store.ImportAsync(Seeds));
        Assert.That(error.Code, Is.EqualTo("Neo.ClientError.Statement.SyntaxError"));
    }

    [Test]
    public async Task ADeadlockReplaysTheWholeTransactionFromItsBegin()
    {
        var neo4j = new Neo4jTestStore();
        var deadlocked = false;
        neo4j.Server.Otherwise = r =>
        {
            if (r.Parameter("rows") is not null && r.Statement!.Contains("MERGE (e:Firm {", StringComparison.Ordinal) && !deadlocked)
            {
                deadlocked = true;
                return Neo4jRecording.Load("query-deadlock").ToResponse();
            }
            return neo4j.Server.Accepting(r);
        };

        await neo4j.Store.ImportAsync(Seeds);
        Assert.That(neo4j.Count("POST", "/query/v2/tx"), Is.EqualTo(2));
        Assert.That(neo4j.Count("DELETE", "/tx/tx1"), Is.EqualTo(1));
        Assert.That(neo4j.Count("POST", "/tx/tx2/commit"), Is.EqualTo(1));
        Assert.That(neo4j.Log.At(LogLevel.Warning).Single(), Does.Contain("Neo.TransientError.Transaction.DeadlockDetected"));
    }

    [Test]
    public async Task ALinkToANodeThatExistsNowhereAbortsTheImportNamingTheRow()
    {
        var neo4j = new Neo4jTestStore();
        neo4j.Server.Otherwise = r => r.Statement?.Contains("OPERATES_IN {key: row.key}", StringComparison.Ordinal) == true && r.Parameter("rows") is not null
            ? FakeNeo4j.Answer(HttpStatusCode.Accepted, """{"data":{"fields":["matched","written"],"values":[[{"$type":"List","_value":[{"$type":"Integer","_value":"0"},{"$type":"Integer","_value":"2"},{"$type":"Integer","_value":"3"}]},{"$type":"List","_value":[]}]]},"transaction":{"id":"tx1","expires":"2026-11-21T09:01:00Z"}}""")
            : neo4j.Server.Accepting(r);

        var error = await Assert.ThrowsAsync<GraphIntegrityException>(() => neo4j.Store.ImportAsync(Seeds));
        Assert.That(error.Message, Is.EqualTo("presence of firm 'foil-co' in segment 'foil' at region '530181', which is neither in this import nor in the store"));
        Assert.That(neo4j.Count("DELETE", "/tx/tx1"), Is.EqualTo(1));
    }

    [Test]
    public async Task TypedValuesFromTheServerBecomeTheGraphsRecords()
    {
        var neo4j = new Neo4jTestStore();
        neo4j.Server.Otherwise = r => r.Statement?.StartsWith("MATCH (f:Firm)\n", StringComparison.Ordinal) == true
            ? FakeNeo4j.Answer(HttpStatusCode.Accepted, """
                {"data":{"fields":["id","name","nameEn","headquarters","ownership","publisher","ref","estimate","uscc","aliases","parent","parentShare","parentPublisher","parentRef","parentEstimate"],"values":[[
                {"$type":"String","_value":"cell-co"},{"$type":"String","_value":"宁德电芯公司"},{"$type":"Null","_value":null},
                {"$type":"String","_value":"350900"},{"$type":"String","_value":"private"},{"$type":"String","_value":"Test"},
                {"$type":"Null","_value":null},{"$type":"Boolean","_value":true},{"$type":"String","_value":"91350900MA2XN7ABCD"},
                {"$type":"List","_value":[{"$type":"String","_value":"宁德电芯"}]},{"$type":"String","_value":"group-co"},
                {"$type":"Float","_value":"51.0"},{"$type":"String","_value":"Test"},{"$type":"Null","_value":null},{"$type":"Boolean","_value":false}]]}}
                """)
            : neo4j.Server.Accepting(r);

        var firm = (await neo4j.Store.LoadAsync()).Firms.Single();
        Assert.That(firm with { Aliases = [] }, Is.EqualTo(new Firm(new FirmId("cell-co"), "宁德电芯公司", null, new RegionCode("350900"), "private", new Provenance("Test", null, true))
        {
            Uscc = "91350900MA2XN7ABCD",
        }).Using<Firm>((a, b) => a.Id == b.Id && a.Name == b.Name && a.NameEn == b.NameEn && a.Headquarters == b.Headquarters
            && a.Ownership == b.Ownership && a.Source == b.Source && a.Uscc == b.Uscc));
        Assert.That(firm.Aliases, Is.EqualTo(new[] { "宁德电芯" }));
        Assert.That(firm.Group, Is.EqualTo(new GroupLink(new FirmId("group-co"), 51, new Provenance("Test", null))));
    }

    [Test]
    public async Task ARegionsCoordinatesBecomeItsSeatAndNullsNone()
    {
        var neo4j = new Neo4jTestStore();
        neo4j.Server.Otherwise = r => r.Statement?.StartsWith("MATCH (r:Region)\n", StringComparison.Ordinal) == true
            ? FakeNeo4j.Answer(HttpStatusCode.Accepted, """
                {"data":{"fields":["code","name","nameEn","level","parent","publisher","ref","estimate","latitude","longitude"],"values":[
                [{"$type":"String","_value":"530000"},{"$type":"String","_value":"云南省"},{"$type":"Null","_value":null},{"$type":"String","_value":"province"},
                 {"$type":"Null","_value":null},{"$type":"Null","_value":null},{"$type":"Null","_value":null},{"$type":"Boolean","_value":false},
                 {"$type":"Float","_value":"25.04"},{"$type":"Integer","_value":"103"}],
                [{"$type":"String","_value":"530100"},{"$type":"String","_value":"昆明市"},{"$type":"Null","_value":null},{"$type":"String","_value":"prefecture"},
                 {"$type":"String","_value":"530000"},{"$type":"Null","_value":null},{"$type":"Null","_value":null},{"$type":"Boolean","_value":false},
                 {"$type":"Null","_value":null},{"$type":"Null","_value":null}]]}}
                """)
            : neo4j.Server.Accepting(r);

        var regions = (await neo4j.Store.LoadAsync()).Regions;
        Assert.That(regions.Select(r => r.Seat), Is.EqualTo(new GeoPoint?[] { new GeoPoint(25.04, 103), null }));
    }
}
