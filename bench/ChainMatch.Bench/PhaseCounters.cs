using System.Diagnostics;

namespace ChainMatch.Bench;

/// <summary>What the process spent over a phase of the bench: collections by generation, their pauses, bytes allocated and CPU time.</summary>
sealed class PhaseCounters
{
    readonly long _start = Stopwatch.GetTimestamp();
    readonly int[] _collections = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
    readonly TimeSpan _paused = GC.GetTotalPauseDuration();
    readonly long _allocated = GC.GetTotalAllocatedBytes(precise: true);
    readonly TimeSpan _cpu = Process.GetCurrentProcess().TotalProcessorTime;

    PhaseCounters() { }

    public static PhaseCounters Start() => new();

    public Spent Stop() => new(
        Stopwatch.GetElapsedTime(_start).TotalSeconds,
        [GC.CollectionCount(0) - _collections[0], GC.CollectionCount(1) - _collections[1], GC.CollectionCount(2) - _collections[2]],
        (GC.GetTotalPauseDuration() - _paused).TotalMilliseconds,
        GC.GetTotalAllocatedBytes(precise: true) - _allocated,
        (Process.GetCurrentProcess().TotalProcessorTime - _cpu).TotalSeconds);

    public sealed record Spent(double Seconds, int[] Collections, double PausedMs, long AllocatedBytes, double CpuSeconds)
    {
        public override string ToString() =>
            $"collections gen0/1/2 {Collections[0]}/{Collections[1]}/{Collections[2]}, paused {PausedMs:F0} ms ({PausedMs / 10 / Seconds:F1} % of the time); " +
            $"allocated {AllocatedBytes / 1e6:F0} MB ({AllocatedBytes / 1e6 / Seconds:F0} MB/s); CPU {CpuSeconds:F1} s of {Seconds:F1} s ({CpuSeconds / Seconds:F2} cores)";
    }
}
