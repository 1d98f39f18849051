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

    public async Task<ImportReport> ApplyAsync(GraphData changes, string what, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var report = await store.ImportAsync(changes, ct);
            snapshot.Swap(await GraphLoader.ProjectAsync(store, ct));
            log.LogInformation("Wrote {What}: {Rows} rows changed", what, report.Total);
            return report;
        }
        finally
        {
            _gate.Release();
        }
    }
}
