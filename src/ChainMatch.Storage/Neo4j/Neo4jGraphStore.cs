using ChainMatch.Domain.Graph;
using Microsoft.Extensions.Logging;

namespace ChainMatch.Storage.Neo4j;

/// <summary>
/// The production store: a Neo4j 5.26+ server spoken to over its HTTP Query API. Imports run in one explicit
/// transaction (all or nothing), reads are a fixed handful of queries, and every request goes through Polly.
/// The HttpClient belongs to the caller (the API's client factory, or the CLI).
/// </summary>
public sealed class Neo4jGraphStore : IGraphStore, IStoreProbe
{
    public const int DefaultBatchSize = 500;

    static readonly CypherStatement Ping = new("probe", "RETURN 1 AS ok", ReadOnly: true);

    readonly QueryApiClient _client;
    readonly int _batchSize;
    readonly ILogger _log;

    public Neo4jGraphStore(HttpClient http, Neo4jConnection connection, StoreAvailability availability, ILogger log,
        Neo4jResilienceSettings? resilience = null, int batchSize = DefaultBatchSize, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        _batchSize = batchSize;
        _log = log;
        var pipelines = new Neo4jResilience(resilience ?? new Neo4jResilienceSettings(), availability, log, connection.BaseUri.ToString(), time ?? TimeProvider.System);
        _client = new QueryApiClient(http, connection, pipelines);
    }

    public Neo4jConnection Connection => _client.Connection;

    /// <summary>Uniqueness constraints and indexes, each its own request; <c>IF NOT EXISTS</c> makes every start safe.</summary>
    public async Task InitialiseAsync(CancellationToken ct = default)
    {
        foreach (var statement in GraphSchema.Constraints) await _client.RunAsync(statement, ct);
    }

    public async Task<bool> IsEmptyAsync(CancellationToken ct = default) =>
        (await _client.RunAsync(Neo4jGraphReader.AnyChain, ct)).Records.Count == 0;

    public Task<GraphData> LoadAsync(CancellationToken ct = default) => Neo4jGraphReader.ReadAsync(_client, ct);

    public async Task<ImportReport> ImportAsync(GraphData data, BeforeCommit? beforeCommit, CancellationToken ct = default)
    {
        var written = await _client.InTransactionAsync("import", async (tx, token) =>
        {
            var rows = await new Neo4jGraphWriter(tx, _batchSize).WriteAsync(data, token);
            // The merged graph must still project (no parent cycles, no duplicates) before it may commit.
            var merged = ChainGraph.Build(await Neo4jGraphReader.ReadAsync(tx, token));
            if (beforeCommit is not null) await beforeCommit(merged, new ImportReport(rows), token);
            return rows;
        }, ct);
        _log.LogInformation("Neo4j import committed: {Rows} rows written", written.Values.Sum());
        return new ImportReport(written);
    }

    public async Task ProbeAsync(CancellationToken ct = default) => await _client.RunAsync(Ping, ct);
}
