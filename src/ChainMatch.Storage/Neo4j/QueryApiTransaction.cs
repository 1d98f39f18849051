using System.Text;

namespace ChainMatch.Storage.Neo4j;

/// <summary>An open explicit transaction: statements run in it until commit or rollback.</summary>
sealed class QueryApiTransaction : ICypherRunner
{
    static readonly byte[] EmptyObject = Encoding.UTF8.GetBytes("{}");
    // A rollback must not wait on a caller that has already given up, but it must not hang either.
    static readonly TimeSpan RollbackTimeout = TimeSpan.FromSeconds(10);

    readonly QueryApiClient _client;
    readonly string _name;
    readonly string _id;
    string? _affinity;

    QueryApiTransaction(QueryApiClient client, string name, string id, string? affinity)
    {
        _client = client;
        _name = name;
        _id = id;
        _affinity = affinity;
    }

    public static async Task<QueryApiTransaction> BeginAsync(QueryApiClient client, string name, CancellationToken ct)
    {
        var operation = $"{name}: begin";
        var (result, affinity) = await client.SendAsync(HttpMethod.Post, client.Connection.TransactionsPath, operation, EmptyObject, null, ct);
        var id = result.TransactionId
            ?? throw new FormatException($"Neo4j's answer to '{operation}' has no transaction id: is this server older than 5.26, whose Query API has no explicit transactions?");
        return new QueryApiTransaction(client, name, id, affinity);
    }

    public async Task<QueryResult> RunAsync(CypherStatement statement, CancellationToken ct)
    {
        // The access mode belongs to the transaction (a write one); a statement inside it does not restate it.
        var body = (statement with { ReadOnly = false }).ToRequestBody();
        var (result, affinity) = await _client.SendAsync(HttpMethod.Post, _client.Connection.TransactionPath(_id), $"{_name}: {statement.Name}", body, _affinity, ct);
        _affinity = affinity;
        return result;
    }

    public async Task CommitAsync(CancellationToken ct) =>
        await _client.SendAsync(HttpMethod.Post, _client.Connection.CommitPath(_id), $"{_name}: commit", EmptyObject, _affinity, ct);

    /// <summary>
    /// Best effort: after a statement error Neo4j has already closed the transaction and answers 404, and an
    /// unreachable server drops it at its idle timeout anyway. The original failure is what the caller needs to see.
    /// </summary>
    public async Task RollbackAsync()
    {
        using var timeout = new CancellationTokenSource(RollbackTimeout);
        try
        {
            await _client.SendAsync(HttpMethod.Delete, _client.Connection.TransactionPath(_id), $"{_name}: rollback", null, _affinity, timeout.Token);
        }
        catch (Exception e) when (e is Neo4jException or HttpRequestException or IOException or OperationCanceledException or Polly.ExecutionRejectedException)
        {
            // Nothing to do: see above.
        }
    }
}
