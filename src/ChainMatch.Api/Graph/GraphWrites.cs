using ChainMatch.Api.Access;
using ChainMatch.Domain.Graph;
using ChainMatch.Storage;

namespace ChainMatch.Api.Graph;

/// <summary>
/// Every write goes through here, one at a time: its rows are applied to the snapshot as a new version (checked there,
/// without the store being read back), written to the store in one transaction together with the audit entry, and the
/// new version is swapped in once the transaction has committed. The entry is appended inside the store's transaction,
/// before the commit: if it cannot be serialised or recorded, the write is rolled back. A write the store refuses
/// changes nothing and the old snapshot keeps serving. Only requests to audited endpoints may write (see <see cref="AuditedEndpoints"/>).
/// A write planned on a graph another process has since changed is rolled back, and planned again once this process
/// has caught up, so two processes never undo each other's writes.
/// </summary>
public sealed class GraphWrites(IGraphStore store, GraphSnapshot snapshot, GraphCatchUp catchUp, AuditLog audit, IHttpContextAccessor http, ILogger<GraphWrites> log)
{
    const int MaxPlans = 5;

    /// <summary>Differences named in the log per check: enough to find the cause, not the whole graph.</summary>
    const int LoggedDifferences = 20;

    readonly SemaphoreSlim _gate = new(1, 1);

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
                var (current, basedOn) = snapshot.Read();
                var (changes, result) = plan(current);
                var next = current.Apply(changes);
                var before = target.Read?.Invoke(context, current);
                try
                {
                    // Checked inside the transaction, after the version is raised: the plan stands only if no other process wrote since.
                    var report = await store.WriteAsync(changes, rows => rows.Version == basedOn + 1
                        ? audit.Entry(actor, action, name, before, target.Read is { } read ? read(context, next) : Rows(changes))
                        : throw new StaleGraphException(), ct);
                    snapshot.SwapIfNewer(next, report.Version);
                    log.LogInformation("Wrote {What}: {Rows} rows changed", what, report.Total);
                    if (report.LogKept)
                        log.LogWarning("{What}: the removed personal data is gone from the store's tables, but a reader kept the write-ahead log from being emptied; the store's next write empties it", what);
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

    /// <summary>
    /// Holds the snapshot to a fresh projection of the store: every difference is logged as a warning and the fresh
    /// projection replaces the snapshot (the store is the record). The store is read while no write runs, so both
    /// stand at the same write; the comparison runs after writes may go on again. Another process's write is no
    /// difference: while the store stands at another version than the snapshot the check leaves it to the catch-up
    /// (<see cref="GraphCatchUp"/>) and compares next time.
    /// </summary>
    public async Task<IReadOnlyList<string>> CheckAsync(CancellationToken ct)
    {
        ChainGraph kept;
        long version;
        GraphData stored;
        await _gate.WaitAsync(ct);
        try
        {
            (kept, version) = snapshot.Read();
            if (await store.ReadVersionAsync(ct) != version) return Caught(version);
            stored = await store.LoadAsync(ct);
            if (await store.ReadVersionAsync(ct) != version) return Caught(version);
        }
        finally
        {
            _gate.Release();
        }
        var differences = GraphComparison.Differences(stored, kept.Data);
        if (differences.Count == 0)
        {
            log.LogInformation("Snapshot checked against a fresh projection of the store: no difference");
            return differences;
        }
        foreach (var difference in differences.Take(LoggedDifferences)) log.LogWarning("Snapshot differs from the store: {Difference}", difference);
        var fresh = ChainGraph.Build(stored);
        await _gate.WaitAsync(ct);
        try
        {
            // A write that landed meanwhile was applied to the snapshot checked: the next check judges that one.
            if (ReferenceEquals(snapshot.Current, kept)) snapshot.Swap(fresh, version);
        }
        finally
        {
            _gate.Release();
        }
        return differences;
    }

    IReadOnlyList<string> Caught(long version)
    {
        log.LogInformation("Snapshot check skipped: another process wrote since store version {Version}, and the catch-up loads its write", version);
        return [];
    }

    /// <summary>Thrown inside the write's transaction, so that it rolls back, when the store moved on since the plan.</summary>
    sealed class StaleGraphException() : Exception("the store was written by another process since this write was planned");

    /// <summary>The kinds of row a write carries, without the empty ones; contacts without their personal data (see <see cref="Domain.Contacts.Contact.Trace"/>).</summary>
    static Dictionary<string, object> Rows(GraphData changes) => new Dictionary<string, object>
    {
        ["firms"] = changes.Firms, ["presences"] = changes.Presences, ["lists"] = changes.Lists, ["memberships"] = changes.Memberships,
        ["projects"] = changes.Projects, ["negativeRules"] = changes.NegativeRules, ["supplies"] = changes.Supplies, ["chainPlans"] = changes.ChainPlans,
        ["contacts"] = changes.Contacts.Select(c => c.Trace()).ToList(), ["interactions"] = changes.Interactions, ["promotionEvents"] = changes.PromotionEvents,
    }.Where(kv => kv.Value is System.Collections.ICollection { Count: > 0 }).ToDictionary();
}

/// <summary>A write that the record as it now stands refuses (it exists already, it moved on); answered 409 with the reason.</summary>
public sealed class WriteConflictException(string title, string message) : Exception(message)
{
    public string Title { get; } = title;
}
