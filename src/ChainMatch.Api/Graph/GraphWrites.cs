using ChainMatch.Api.Access;
using ChainMatch.Domain.Graph;
using ChainMatch.Storage;

namespace ChainMatch.Api.Graph;

/// <summary>
/// Every write goes through here: one at a time, into the store in one transaction together with its audit entry, then
/// a fresh projection is swapped in so that reads see it. The entry is appended inside the store's transaction, before
/// the commit: if it cannot be serialised or recorded, the write is rolled back. A write the store refuses changes
/// nothing and the old snapshot keeps serving. Only requests to audited endpoints may write (see <see cref="AuditedEndpoints"/>).
/// A write planned on a graph another process has since changed is rolled back, and planned again once this process
/// has caught up, so two processes never undo each other's writes.
/// </summary>
public sealed class GraphWrites(IGraphStore store, GraphSnapshot snapshot, GraphCatchUp catchUp, AuditLog audit, IHttpContextAccessor http, ILogger<GraphWrites> log)
{
    const int MaxPlans = 5;
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
            for (var attempt = 1; ; attempt++)
            {
                var (graph, basedOn) = snapshot.Read();
                var (changes, result) = plan(graph);
                var before = target.Read?.Invoke(context, graph);
                try
                {
                    var report = await store.ImportAsync(changes, (merged, rows) => rows.Version == basedOn + 1
                        ? audit.Entry(actor, action, name, before, target.Read is { } read ? read(context, merged) : Rows(changes))
                        : throw new StaleGraphException(), ct);
                    snapshot.SwapIfNewer(await GraphLoader.ProjectAsync(store, ct), report.Version);
                    log.LogInformation("Wrote {What}: {Rows} rows changed", what, report.Total);
                    return (result, report);
                }
                catch (StaleGraphException) when (attempt < MaxPlans)
                {
                    log.LogInformation("{What} was planned on store version {Version}, which another process has written since: catching up and planning again", what, basedOn);
                    await catchUp.CatchUpAsync(ct);
                }
                catch (StaleGraphException)
                {
                    throw new WriteConflictException("Graph changed meanwhile", $"{what}: other processes kept writing while this write was planned {MaxPlans} times; try again");
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Thrown inside the import's transaction, so that it rolls back, when the store moved on since the plan.</summary>
    sealed class StaleGraphException() : Exception("the store was written by another process since this write was planned");

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
