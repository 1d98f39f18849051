using ChainMatch.Domain.Graph;
using ChainMatch.Storage.Access;
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
    const int MaxLoadAttempts = 5;

    internal static readonly CypherStatement Ping = new("probe", "RETURN 1 AS ok", ReadOnly: true);

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

    /// <summary>The access store shares the client: one breaker and one view of availability per server.</summary>
    internal QueryApiClient Client => _client;

    /// <summary>Uniqueness constraints and indexes, each its own request; <c>IF NOT EXISTS</c> makes every start safe.</summary>
    public async Task InitialiseAsync(CancellationToken ct = default)
    {
        foreach (var statement in GraphSchema.Constraints) await _client.RunAsync(statement, ct);
    }

    public async Task<bool> IsEmptyAsync(CancellationToken ct = default) =>
        (await _client.RunAsync(Neo4jGraphReader.AnyChain, ct)).Records.Count == 0;

    /// <summary>
    /// One read transaction (READ access mode, after the bookmarks of the last writes seen), between two readings of
    /// the store version: when an import committed in between, the graph is read again, so a projection is never
    /// half before and half after an import.
    /// </summary>
    public async Task<GraphData> LoadAsync(CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (data, consistent) = await _client.InTransactionAsync("load", async (tx, token) =>
            {
                var before = await Neo4jGraphReader.ReadVersionAsync(tx, token);
                var read = await Neo4jGraphReader.ReadAsync(tx, token);
                return (read, before == await Neo4jGraphReader.ReadVersionAsync(tx, token));
            }, ct, readOnly: true);
            if (consistent) return data;
            if (attempt == MaxLoadAttempts)
                throw new StoreUnavailableException($"Neo4j at {Connection.BaseUri}: imports committed during each of {MaxLoadAttempts} reads of the graph; try again");
            _log.LogInformation("Neo4j graph changed while it was read (attempt {Attempt}); reading it again", attempt);
        }
    }

    public Task<ImportReport> ImportAsync(GraphData data, BeforeCommit? beforeCommit, CancellationToken ct = default) =>
        InTransactionAsync("import", data, async (tx, report, token) =>
        {
            if (beforeCommit is null) return null;
            // The merged graph must still project (no parent cycles, no duplicates) before it may commit.
            var merged = ChainGraph.Build(await Neo4jGraphReader.ReadAsync(tx, token));
            return beforeCommit(merged, report);
        }, ct);

    public Task<ImportReport> WriteAsync(GraphData rows, WriteCommit? beforeCommit, CancellationToken ct = default) =>
        InTransactionAsync("write", rows, (_, report, _) => Task.FromResult(beforeCommit?.Invoke(report)), ct);

    /// <summary>
    /// Every write of the graph in one transaction: the store version raised, its rows, then <paramref name="beforeCommit"/>
    /// and the audit entry it returns.
    /// </summary>
    async Task<ImportReport> InTransactionAsync(string name, GraphData data, Func<ICypherRunner, ImportReport, CancellationToken, Task<AuditEntry?>> beforeCommit, CancellationToken ct)
    {
        var written = await _client.InTransactionAsync(name, async (tx, token) =>
        {
            // First, so that concurrent writes queue on this one node rather than deadlock over the graph; every
            // process serving this database sees the new version and reloads.
            var version = (await tx.RunAsync(Neo4jGraphReader.RaiseVersion, token)).Records is [var raised, ..] ? raised.Integer("version") ?? 0 : 0;
            var report = new ImportReport(await new Neo4jGraphWriter(tx, _batchSize).WriteAsync(data, token)) { Version = version };
            if (await beforeCommit(tx, report, token) is { } entry) await tx.RunAsync(Neo4jAccessStore.AppendStatement(entry), token);
            return report;
        }, ct);
        _log.LogInformation("Neo4j {Write} committed: {Rows} rows written", name, written.Total);
        return written;
    }

    public Task<long> ReadVersionAsync(CancellationToken ct = default) => Neo4jGraphReader.ReadVersionAsync(_client, ct);

    public async Task ProbeAsync(CancellationToken ct = default) => await _client.RunAsync(Ping, ct);
}
