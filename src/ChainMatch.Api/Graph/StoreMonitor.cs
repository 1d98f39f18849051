using ChainMatch.Storage;
using Microsoft.Extensions.Options;

namespace ChainMatch.Api.Graph;

/// <summary>
/// Reads are served from the projection, so a store that went away would go unnoticed until the next write.
/// For a store behind a network hop this asks, every probe interval, whether it still answers, and reports
/// the answer to <see cref="StoreAvailability"/> (which the health endpoint and write paths read).
/// </summary>
sealed class StoreMonitor(IGraphStore store, StoreAvailability availability, IOptions<GraphOptions> options, TimeProvider time, ILogger<StoreMonitor> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        if (store is not IStoreProbe probe) return;
        using var timer = new PeriodicTimer(options.Value.Neo4j.ProbeInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(ct)) await ProbeOnceAsync(probe, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    async Task ProbeOnceAsync(IStoreProbe probe, CancellationToken ct)
    {
        var wasAvailable = availability.IsAvailable;
        try
        {
            await probe.ProbeAsync(ct);
            availability.ReportAvailable();
            if (!wasAvailable) log.LogInformation("Graph store answers again: writes are accepted");
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            availability.ReportUnavailable(e.Message);
            if (wasAvailable) log.LogWarning("Graph store unavailable, serving reads from the last projection: {Reason}", e.Message);
        }
    }
}
