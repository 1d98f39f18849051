using ChainMatch.Storage;
using Microsoft.Extensions.Options;

namespace ChainMatch.Api.Graph;

/// <summary>
/// Catching up with other processes' writes: when the store's version is newer than the snapshot's, the graph is
/// projected again and swapped in. This process's own writes swap their graph themselves and leave the snapshot at
/// the version they committed, so they never come back through here.
/// </summary>
public sealed class GraphCatchUp(IGraphStore store, GraphSnapshot snapshot, TimeProvider time, ILogger<GraphCatchUp> log)
{
    /// <summary>True when another process had written and the graph was loaded again.</summary>
    public async Task<bool> CatchUpAsync(CancellationToken ct)
    {
        var version = await store.ReadVersionAsync(ct);
        if (version <= snapshot.Version) return false;
        var started = time.GetTimestamp();
        // Labelled with the version read before the load: a write landing meanwhile makes the graph newer than its label, never older.
        var graph = await GraphLoader.ProjectAsync(store, ct);
        if (!snapshot.SwapIfNewer(graph, version)) return false;
        log.LogInformation("Store version {Version} was written by another process: graph loaded again in {Ms:0} ms", version, time.GetElapsedTime(started).TotalMilliseconds);
        return true;
    }
}

/// <summary>Every <see cref="GraphOptions.CatchUpInterval"/>, asks whether another process wrote, and catches up.</summary>
sealed class StoreCatchUp(GraphCatchUp catchUp, IOptions<GraphOptions> options, TimeProvider time, ILogger<StoreCatchUp> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(options.Value.CatchUpInterval, time);
        var failing = false;
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                try
                {
                    await catchUp.CatchUpAsync(ct);
                    failing = false;
                }
                catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    // The store monitor reports an outage; say once that catching up has stopped, not twice a second.
                    if (!failing) log.LogWarning("Cannot catch up with the store's writes, serving the last projection: {Reason}", e.Message);
                    failing = true;
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }
}
