using ChainMatch.Api.Access;
using ChainMatch.Domain.Graph;
using ChainMatch.Storage;

namespace ChainMatch.Api.Graph;

/// <summary>
/// Every write goes through here: one at a time, into the store in one transaction together with its audit entry, then
/// a fresh projection is swapped in so that reads see it. The entry is appended inside the store's transaction, before
/// the commit: if it cannot be serialised or recorded, the write is rolled back. A write the store refuses changes
/// nothing and the old snapshot keeps serving. Only requests to audited endpoints may write (see <see cref="AuditedEndpoints"/>).
/// </summary>
public sealed class GraphWrites(IGraphStore store, GraphSnapshot snapshot, AuditLog audit, IHttpContextAccessor http, ILogger<GraphWrites> log)
{
    readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<ImportReport> ApplyAsync(GraphData changes, string what, CancellationToken ct) =>
        (await UpdateAsync(_ => (changes, 0), what, ct)).Written;

    /// <summary>
    /// Plans a write on the newest graph and applies it while no other write runs, so a read-modify-write (the next
    /// problem number, a stage move, "does this id exist?") never works from a graph another write has since changed and
    /// never silently undoes that write. The plan refuses by throwing: nothing is written then.
    /// </summary>
    public async Task<(T Result, ImportReport Written)> UpdateAsync<T>(Func<ChainGraph, (GraphData Changes, T Result)> plan, string what, CancellationToken ct)
    {
        var context = http.HttpContext ?? throw new InvalidOperationException($"{what}: a write outside a request has no one to audit it");
        var (actor, action, target) = AuditedEndpoints.Of(context);
        var name = target.Name(context);
        await _gate.WaitAsync(ct);
        try
        {
            var (changes, result) = plan(snapshot.Current);
            var before = target.Read?.Invoke(context, snapshot.Current);
            var report = await store.ImportAsync(changes, async (merged, rows, token) =>
            {
                var entry = audit.Entry(actor, action, name, before, target.Read is { } read ? read(context, merged) : Rows(changes));
                await audit.AppendAsync(entry, token);
            }, ct);
            snapshot.Swap(await GraphLoader.ProjectAsync(store, ct));
            log.LogInformation("Wrote {What}: {Rows} rows changed", what, report.Total);
            return (result, report);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The kinds of row a write carries, without the empty ones.</summary>
    static Dictionary<string, object> Rows(GraphData changes) => new Dictionary<string, object>
    {
        ["firms"] = changes.Firms, ["presences"] = changes.Presences, ["lists"] = changes.Lists, ["memberships"] = changes.Memberships,
        ["projects"] = changes.Projects, ["negativeRules"] = changes.NegativeRules, ["supplies"] = changes.Supplies,
    }.Where(kv => kv.Value is System.Collections.ICollection { Count: > 0 }).ToDictionary();
}

/// <summary>A write that the record as it now stands refuses (it exists already, it moved on); answered 409 with the reason.</summary>
public sealed class WriteConflictException(string title, string message) : Exception(message)
{
    public string Title { get; } = title;
}
