using ChainMatch.Storage.Neo4j;
using Microsoft.Extensions.Logging;

namespace ChainMatch.Storage.Tests;

/// <summary>The circuit breaker: it opens on repeated transient failures, fails fast while open, and closes on the first answer after the break.</summary>
public class Neo4jBreakerTests
{
    static readonly Neo4jResilienceSettings Breaking = Neo4jTestStore.Fast with { BreakerMinimumThroughput = 2, MaxRetries = 1 };

    [Test]
    public async Task AfterRepeatedFailuresTheBreakerOpensAndTheStoreIsReportedDown()
    {
        var neo4j = new Neo4jTestStore(Breaking);
        neo4j.Server.GoDown();

        await Assert.ThrowsAsync<StoreUnavailableException>(() => neo4j.Store.ProbeAsync());
        Assert.That(neo4j.Log.At(LogLevel.Error).Single(), Does.StartWith("Neo4j at http://neo4j.test:7474/ is unavailable: circuit opened for 0.5 s after"));
        Assert.That(neo4j.Availability.IsAvailable, Is.False);
    }

    [Test]
    public async Task WhileTheBreakerIsOpenCallsFailAtOnceWithoutReachingNeo4j()
    {
        var neo4j = new Neo4jTestStore(Breaking);
        neo4j.Server.GoDown();
        await Assert.ThrowsAsync<StoreUnavailableException>(() => neo4j.Store.ProbeAsync());
        var sent = neo4j.Requests.Count;

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => neo4j.Store.IsEmptyAsync());
        Assert.That(neo4j.Requests, Has.Count.EqualTo(sent));
        Assert.That(error.Message, Does.Contain("the circuit is open after repeated failures"));
    }

    [Test]
    public async Task AfterTheBreakTheFirstAnswerClosesTheBreakerAndTheStoreIsAvailableAgain()
    {
        var neo4j = new Neo4jTestStore(Breaking);
        neo4j.Server.GoDown();
        await Assert.ThrowsAsync<StoreUnavailableException>(() => neo4j.Store.ProbeAsync());
        neo4j.Server.ComeBack();

        await Task.Delay(Breaking.BreakDuration + TimeSpan.FromMilliseconds(200));
        await neo4j.Store.ProbeAsync();

        Assert.That(neo4j.Availability.IsAvailable, Is.True);
        Assert.That(neo4j.Log.At(LogLevel.Information), Has.Some.Contains("circuit half-open").And.Some.Contains("circuit closed"));
    }

    [Test]
    public async Task ClientErrorsNeverOpenTheBreaker()
    {
        var neo4j = new Neo4jTestStore(Breaking);
        neo4j.Server.Otherwise = _ => Neo4jRecording.Load("query-syntax-error").ToResponse();

        for (var i = 0; i < 5; i++) await Assert.ThrowsAsync<Neo4jException>(() => neo4j.Store.ProbeAsync());
        Assert.That(neo4j.Requests, Has.Count.EqualTo(5));
        Assert.That(neo4j.Log.At(LogLevel.Error), Is.Empty);
    }
}
