using System.Text.Json;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace ChainMatch.Storage.Neo4j;

/// <summary>An open explicit transaction: statements run in it until commit or rollback.</summary>
sealed class QueryApiTransaction : ICypherRunner
{
    readonly QueryApiClient _client;
    readonly string _name;
    string? _affinity;

    QueryApiTransaction(QueryApiClient client, string name, string id, string? affinity)
    {
        _client = client;
        _name = name;
        Id = id;
        _affinity = affinity;
    }

    public string Id { get; }

    public static async Task<QueryApiTransaction> BeginAsync(QueryApiClient client, string name, bool readOnly, CancellationToken ct)
    {
        var operation = $"{name}: begin";
        var (result, affinity) = await client.SendAsync(HttpMethod.Post, client.Connection.TransactionsPath, operation, BeginBody(readOnly, client.Bookmarks), null, ct);
        var id = result.TransactionId
            ?? throw new FormatException($"Neo4j's answer to '{operation}' has no transaction id: is this server older than 5.26, whose Query API has no explicit transactions?");
        return new QueryApiTransaction(client, name, id, affinity);
    }

    /// <summary>The access mode and bookmarks belong to the transaction: they are given once, at its begin.</summary>
    static byte[] BeginBody(bool readOnly, IReadOnlyList<string> bookmarks)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            if (readOnly) w.WriteString("accessMode", "Read");
            if (bookmarks.Count > 0)
            {
                w.WriteStartArray("bookmarks");
                foreach (var b in bookmarks) w.WriteStringValue(b);
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }

    public async Task<QueryResult> RunAsync(CypherStatement statement, CancellationToken ct)
    {
        var body = (statement with { ReadOnly = false }).ToRequestBody();
        var (result, affinity) = await _client.SendAsync(HttpMethod.Post, _client.Connection.TransactionPath(Id), $"{_name}: {statement.Name}", body, _affinity, ct);
        _affinity = affinity;
        return result;
    }

    public async Task CommitAsync(CancellationToken ct) =>
        await _client.SendAsync(HttpMethod.Post, _client.Connection.CommitPath(Id), $"{_name}: commit", "{}"u8.ToArray(), _affinity, ct);

    /// <summary>
    /// True once the server has let go of the transaction: it took the rollback, or no longer knows the transaction
    /// (a statement error or its idle timeout closed it already). While a timed-out statement still runs, Neo4j
    /// refuses the rollback; it is asked again, backing off, for up to <see cref="Neo4jResilienceSettings.RollbackPatience"/>.
    /// False when that passes. A server that cannot be reached at all counts as closed: it went away with its transactions.
    /// Never the caller's token: a caller that gave up still must not leave a transaction behind.
    /// Only a rollback that a replay waits for (<paramref name="patient"/>) asks more than once.
    /// </summary>
    public async Task<bool> RollbackAsync(bool patient)
    {
        var resilience = _client.Resilience;
        var settings = resilience.Settings;
        var time = resilience.Time;
        var started = time.GetTimestamp();
        var delay = settings.RetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            Exception refusal;
            try
            {
                await _client.SendAsync(HttpMethod.Delete, _client.Connection.TransactionPath(Id), $"{_name}: rollback", null, _affinity, CancellationToken.None);
                return true;
            }
            catch (Neo4jException e) when (e.TransactionGone)
            {
                return true;
            }
            catch (Neo4jException e) when (e.HttpStatus is not (401 or 403))
            {
                refusal = e;
            }
            catch (TimeoutRejectedException e)
            {
                refusal = e;
            }
            catch (Exception e) when (e is HttpRequestException or IOException or BrokenCircuitException)
            {
                // Nothing listens (or the breaker says so): a server that went away took its transactions with it.
                resilience.Log.LogWarning("Neo4j rollback of '{Operation}' ({Transaction}) not sent: {Reason}", _name, Id, Neo4jFailures.Describe(e));
                return true;
            }
            catch (Neo4jException e)
            {
                resilience.Log.LogWarning("Neo4j refused the rollback of '{Operation}' ({Transaction}): {Reason}", _name, Id, Neo4jFailures.Describe(e));
                return false;
            }
            var left = settings.RollbackPatience - time.GetElapsedTime(started);
            if (!patient || left <= TimeSpan.Zero) return false;
            var wait = delay < left ? delay : left;
            resilience.Log.LogWarning("Neo4j refused to roll back '{Operation}' ({Transaction}) on attempt {Attempt}: {Reason}; asking again in {DelayMs:0} ms",
                _name, Id, attempt, Neo4jFailures.Describe(refusal), wait.TotalMilliseconds);
            await Task.Delay(wait, time);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, settings.MaxRetryDelay.Ticks));
        }
    }
}
