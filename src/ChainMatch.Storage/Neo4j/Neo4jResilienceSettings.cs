namespace ChainMatch.Storage.Neo4j;

/// <summary>
/// How hard the adapter tries before it calls Neo4j unavailable. The defaults follow the official drivers
/// (first retry after about a second, doubling, with jitter) but give up sooner, since a request is waiting.
/// </summary>
public sealed record Neo4jResilienceSettings
{
    /// <summary>One HTTP request (one statement, begin, commit or rollback) may take this long.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries of a unit of work (one auto-commit statement, or a whole transaction) after the first try.</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>Median delay before the first retry; later ones grow exponentially, with jitter.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The breaker opens when at least half of this many requests in the sampling window failed transiently.</summary>
    public int BreakerMinimumThroughput { get; init; } = 4;

    public TimeSpan BreakerSamplingDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// After a statement timed out, Neo4j goes on running it and refuses to roll its transaction back until it ends,
    /// while the transaction holds its locks: a replay begun at once would block on them. The rollback is retried
    /// this long; a transaction the server still holds after it is not replayed (the server's own
    /// <c>db.transaction.timeout</c> ends it).
    /// </summary>
    public TimeSpan RollbackPatience { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How long the breaker stays open before one request may test the server again (Polly's floor is 0.5 s).</summary>
    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromSeconds(15);
}
