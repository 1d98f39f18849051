using ChainMatch.Domain.Graph;
using ChainMatch.Storage;

namespace ChainMatch.Api.Graph;

/// <summary>
/// Every write goes through here: one at a time, into the store in one transaction, then a fresh projection is
/// swapped in so that reads see it. A write the store refuses changes nothing and the old snapshot keeps serving.
/// </summary>
public sealed class GraphWrites(IGraphStore store, GraphSnapshot snapshot, ILogger<GraphWrites> log)
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
        await _gate.WaitAsync(ct);
        try
        {
            var (changes, result) = plan(snapshot.Current);
            var report = await store.ImportAsync(changes, ct);
            snapshot.Swap(await GraphLoader.ProjectAsync(store, ct));
            log.LogInformation("Wrote {What}: {Rows} rows changed", what, report.Total);
            return (result, report);
        }
        finally
        {
            _gate.Release();
        }
    }
}

/// <summary>A write that the record as it now stands refuses (it exists already, it moved on); answered 409 with the reason.</summary>
public sealed class WriteConflictException(string title, string message) : Exception(message)
{
    public string Title { get; } = title;
}
