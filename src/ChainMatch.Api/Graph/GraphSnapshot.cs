using ChainMatch.Domain.Graph;

namespace ChainMatch.Api.Graph;

/// <summary>The current immutable projection. Readers take a reference; writers swap in a new one after a commit.</summary>
public sealed class GraphSnapshot(TimeProvider time)
{
    sealed record Loaded(ChainGraph Graph, DateTimeOffset At);

    volatile Loaded? _loaded;

    public ChainGraph Current => _loaded?.Graph ?? throw new InvalidOperationException("the chain graph has not been projected yet");

    public DateTimeOffset? LoadedAt => _loaded?.At;

    public void Swap(ChainGraph graph) => _loaded = new Loaded(graph, time.GetUtcNow());
}
