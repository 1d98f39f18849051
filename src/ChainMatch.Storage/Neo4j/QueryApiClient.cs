using System.Net.Http.Headers;

namespace ChainMatch.Storage.Neo4j;

/// <summary>
/// Neo4j's HTTP Query API: <c>POST /db/{db}/query/v2</c> for auto-commit statements and <c>/query/v2/tx…</c> for
/// explicit transactions. Answers are asked for as typed JSON so integers, floats and nulls come back exactly.
/// The bookmarks of the latest answer go with every later request, so that on a cluster a read waits for the
/// writes this process has seen (read-your-writes); a single server ignores them.
/// </summary>
sealed class QueryApiClient(HttpClient http, Neo4jConnection connection, Neo4jResilience resilience) : ICypherRunner
{
    public const string TypedJson = "application/vnd.neo4j.query";
    // A cluster names the member holding a transaction; every later request of that transaction must name it back.
    public const string AffinityHeader = "neo4j-cluster-affinity";

    IReadOnlyList<string> _bookmarks = [];

    public Neo4jConnection Connection => connection;

    public Neo4jResilience Resilience => resilience;

    public IReadOnlyList<string> Bookmarks => Volatile.Read(ref _bookmarks);

    /// <summary>One statement in its own implicit transaction, retried whole on transient failures.</summary>
    public Task<QueryResult> RunAsync(CypherStatement statement, CancellationToken ct) =>
        resilience.RunUnitAsync(statement.Name, async ct =>
            (await SendAsync(HttpMethod.Post, connection.QueryPath, statement.Name, statement.ToRequestBody(Bookmarks), null, ct)).Result, ct);

    /// <summary>
    /// Begin, <paramref name="work"/>, commit; rollback on any failure. A transient failure replays the whole
    /// transaction from its begin, since Neo4j closes a transaction at its first error — but only once the server
    /// has let go of the failed one: a statement that timed out may still be running and holding its locks.
    /// A read-only transaction is begun in READ access mode (a cluster may serve it from a follower).
    /// </summary>
    public Task<T> InTransactionAsync<T>(string name, Func<ICypherRunner, CancellationToken, Task<T>> work, CancellationToken ct, bool readOnly = false) =>
        resilience.RunUnitAsync(name, async ct =>
        {
            var tx = await QueryApiTransaction.BeginAsync(this, name, readOnly, ct);
            try
            {
                var result = await work(tx, ct);
                await tx.CommitAsync(ct);
                return result;
            }
            catch (Exception failure)
            {
                var replayed = Neo4jFailures.IsTransient(failure);
                var closed = failure is Neo4jException { TransactionGone: true } || await tx.RollbackAsync(patient: replayed);
                if (!closed && replayed)
                    throw new StoreUnavailableException(
                        $"Neo4j at {connection.BaseUri} still holds transaction {tx.Id} of '{name}' {resilience.Settings.RollbackPatience.TotalSeconds:0.#} s after it failed " +
                        $"({Neo4jFailures.Describe(failure)}); it is not replayed while it may hold locks", failure);
                throw;
            }
        }, ct);

    /// <summary>One HTTP exchange through the breaker and the timeout; the body is read to its end before it is judged.</summary>
    public Task<(QueryResult Result, string? Affinity)> SendAsync(HttpMethod method, string path, string operation, byte[]? body, string? affinity, CancellationToken ct) =>
        resilience.SendAsync(operation, async ct =>
        {
            using var request = new HttpRequestMessage(method, connection.Resolve(path));
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(TypedJson));
            request.Headers.Authorization = connection.Authorization;
            if (affinity is not null) request.Headers.TryAddWithoutValidation(AffinityHeader, affinity);
            if (body is not null)
            {
                request.Content = new ByteArrayContent(body);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            }
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            var result = QueryResult.Parse(operation, connection, (int)response.StatusCode, response.ReasonPhrase, text);
            if (result.Bookmarks.Count > 0) Volatile.Write(ref _bookmarks, result.Bookmarks);
            var answeredAffinity = response.Headers.TryGetValues(AffinityHeader, out var values) ? values.FirstOrDefault() : null;
            return (result, answeredAffinity ?? affinity);
        }, ct);
}
