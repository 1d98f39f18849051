namespace ChainMatch.Storage;

/// <summary>A store behind a network hop can be asked cheaply whether it answers; an embedded one need not be.</summary>
public interface IStoreProbe
{
    /// <summary>Completes when the store answered; throws (e.g. <see cref="StoreUnavailableException"/>) when it did not.</summary>
    Task ProbeAsync(CancellationToken ct = default);
}
