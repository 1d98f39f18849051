using ChainMatch.Domain.Graph;

namespace ChainMatch.Api.Graph;

/// <summary>
/// The current immutable projection and the store version it shows. Readers take a reference; a write swaps in a new
/// one after its commit, and a reload after another process's write swaps in one only if it is newer.
/// </summary>
public sealed class GraphSnapshot(TimeProvider time)
{
    sealed record Loaded(ChainGraph Graph, long Version, DateTimeOffset At);

    Loaded? _loaded;

    public ChainGraph Current => Volatile.Read(ref _loaded)?.Graph ?? throw new InvalidOperationException("the chain graph has not been projected yet");

    /// <summary>The store version the current graph shows (-1 before the first projection).</summary>
    public long Version => Volatile.Read(ref _loaded)?.Version ?? -1;

    public DateTimeOffset? LoadedAt => Volatile.Read(ref _loaded)?.At;

    /// <summary>The graph and its version together, as a write plans on them.</summary>
    public (ChainGraph Graph, long Version) Read() => Volatile.Read(ref _loaded) is { } loaded
        ? (loaded.Graph, loaded.Version)
        : throw new InvalidOperationException("the chain graph has not been projected yet");

    /// <summary>The graph as of <paramref name="version"/>: this process's own write, just committed, or the projection at start.</summary>
    public void Swap(ChainGraph graph, long version) => Volatile.Write(ref _loaded, new Loaded(graph, version, time.GetUtcNow()));

    /// <summary>
    /// Swaps in a graph loaded at <paramref name="version"/> unless the current one is as new: a reload that raced with
    /// this process's own write must not put back the graph before it. True when it swapped.
    /// </summary>
    public bool SwapIfNewer(ChainGraph graph, long version)
    {
        var next = new Loaded(graph, version, time.GetUtcNow());
        while (true)
        {
            var current = Volatile.Read(ref _loaded);
            if (current is not null && current.Version >= version) return false;
            if (Interlocked.CompareExchange(ref _loaded, next, current) == current) return true;
        }
    }
}
