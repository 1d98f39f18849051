using Microsoft.Extensions.Options;

namespace ChainMatch.Api.Graph;

/// <summary>
/// Writes are applied to the snapshot, not projected from the store; every <see cref="GraphOptions.ConsistencyCheckInterval"/>
/// this compares the two (<see cref="GraphWrites.CheckAsync"/>), so a difference is logged and mended rather than served for ever.
/// </summary>
sealed class SnapshotCheck(GraphWrites writes, IOptions<GraphOptions> options, TimeProvider time, ILogger<SnapshotCheck> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(options.Value.ConsistencyCheckInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                try
                {
                    await writes.CheckAsync(ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A store that does not answer now is the store monitor's to report; the next tick tries again.
                    log.LogWarning(e, "Snapshot check could not read the store");
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }
}
