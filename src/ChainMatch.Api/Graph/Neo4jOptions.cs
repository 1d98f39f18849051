using System.ComponentModel.DataAnnotations;
using ChainMatch.Storage.Neo4j;

namespace ChainMatch.Api.Graph;

/// <summary>
/// The Neo4j server, bound from "Graph:Neo4j" (environment: <c>Graph__Neo4j__Uri</c>, <c>Graph__Neo4j__Password</c>, ...).
/// There are no default credentials: with the Neo4j provider, a missing user or password stops the start.
/// </summary>
public sealed class Neo4jOptions
{
    /// <summary>The HTTP address of the Query API, e.g. http://neo4j:7474 (not the bolt:// port).</summary>
    public string? Uri { get; set; }

    public string Database { get; set; } = "neo4j";
    public string? User { get; set; }
    public string? Password { get; set; }

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);
    public int MaxRetries { get; set; } = 3;
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often the service asks Neo4j whether it answers, so that health turns degraded even while nothing is written.</summary>
    public TimeSpan ProbeInterval { get; set; } = TimeSpan.FromSeconds(15);

    public int BatchSize { get; set; } = Neo4jGraphStore.DefaultBatchSize;

    public Neo4jConnection ToConnection() => new(new System.Uri(Uri!), Database, User, Password);

    public Neo4jResilienceSettings ToResilience() => new()
    {
        AttemptTimeout = RequestTimeout,
        MaxRetries = MaxRetries,
        RetryDelay = RetryDelay,
        BreakDuration = BreakDuration,
    };

    public IEnumerable<ValidationResult> Validate(string prefix)
    {
        ValidationResult Error(string setting, string message) => new($"{prefix}:{setting} {message}", [$"{nameof(GraphOptions.Neo4j)}.{setting}"]);

        if (!System.Uri.TryCreate(Uri, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            yield return Error(nameof(Uri), "must be the server's HTTP address, e.g. http://neo4j:7474 (the Query API, not bolt://)");
        if (!Neo4jConnection.IsDatabaseName(Database))
            yield return Error(nameof(Database), $"'{Database}' is not a Neo4j database name");
        if (string.IsNullOrWhiteSpace(User))
            yield return Error(nameof(User), "is required when Graph:Provider is Neo4j");
        if (string.IsNullOrEmpty(Password))
            yield return Error(nameof(Password), "is required when Graph:Provider is Neo4j (set Graph__Neo4j__Password in the environment)");
        // Polly's own floors: a timeout of at least 10 ms, one retry, a break of at least half a second.
        if (RequestTimeout < TimeSpan.FromMilliseconds(10)) yield return Error(nameof(RequestTimeout), "must be at least 10 ms");
        if (MaxRetries < 1) yield return Error(nameof(MaxRetries), "must be at least 1");
        if (BreakDuration < TimeSpan.FromMilliseconds(500)) yield return Error(nameof(BreakDuration), "must be at least 0.5 s");
        if (ProbeInterval <= TimeSpan.Zero) yield return Error(nameof(ProbeInterval), "must be positive");
        if (BatchSize < 1) yield return Error(nameof(BatchSize), "must be at least 1");
    }
}
