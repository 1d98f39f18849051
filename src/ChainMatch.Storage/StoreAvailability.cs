namespace ChainMatch.Storage;

/// <summary>
/// Whether the system of record can take writes right now, and if not, why. Adapters report into it
/// (the Neo4j one from its circuit breaker and every unit of work); the health endpoint reads it and
/// write paths call <see cref="ThrowIfUnavailable"/> before they touch the store.
/// </summary>
public sealed class StoreAvailability(TimeProvider time)
{
    public sealed record State(bool IsAvailable, string? Reason, DateTimeOffset Since);

    volatile State _state = new(true, null, time.GetUtcNow());

    public StoreAvailability() : this(TimeProvider.System) { }

    public State Current => _state;

    public bool IsAvailable => _state.IsAvailable;

    public void ReportAvailable()
    {
        if (!_state.IsAvailable) _state = new State(true, null, time.GetUtcNow());
    }

    public void ReportUnavailable(string reason)
    {
        // Keep the first "since" of an outage; only the reason follows the latest failure.
        var current = _state;
        _state = new State(false, reason, current.IsAvailable ? time.GetUtcNow() : current.Since);
    }

    public void ThrowIfUnavailable()
    {
        var current = _state;
        if (!current.IsAvailable) throw new StoreUnavailableException(current.Reason ?? "the graph store is unavailable");
    }
}
