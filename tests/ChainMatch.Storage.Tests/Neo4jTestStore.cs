using ChainMatch.Storage.Neo4j;

namespace ChainMatch.Storage.Tests;

/// <summary>A Neo4j store wired to a <see cref="FakeNeo4j"/>, with retry delays short enough for tests.</summary>
sealed class Neo4jTestStore
{
    public static readonly Neo4jConnection Connection = new(new Uri("http://neo4j.test:7474"), "chainmatch", "chainmatch", "s3cret-pass");

    public static readonly Neo4jResilienceSettings Fast = new()
    {
        RetryDelay = TimeSpan.FromMilliseconds(1),
        MaxRetryDelay = TimeSpan.FromMilliseconds(5),
        MaxRetries = 3,
        AttemptTimeout = TimeSpan.FromSeconds(5),
        // High enough that only the breaker tests, which lower it, ever see it open.
        BreakerMinimumThroughput = 1000,
        BreakDuration = TimeSpan.FromMilliseconds(500),
    };

    public FakeNeo4j Server { get; } = new();
    public ListLogger Log { get; } = new();
    public StoreAvailability Availability { get; } = new();
    public Neo4jGraphStore Store { get; }

    public Neo4jTestStore(Neo4jResilienceSettings? settings = null, int batchSize = Neo4jGraphStore.DefaultBatchSize) =>
        Store = new Neo4jGraphStore(new HttpClient(Server), Connection, Availability, Log, settings ?? Fast, batchSize);

    public IReadOnlyList<SentRequest> Requests => Server.Requests;

    public int Count(string method, string pathSuffix) =>
        Requests.Count(r => r.Method.Method == method && r.Path.EndsWith(pathSuffix, StringComparison.Ordinal));
}
