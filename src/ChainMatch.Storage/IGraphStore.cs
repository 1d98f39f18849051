using ChainMatch.Domain.Graph;

namespace ChainMatch.Storage;

/// <summary>The system of record for the chain graph. Every write lands whole or not at all.</summary>
public interface IGraphStore
{
    /// <summary>Creates the schema if it is not there; safe to call at every start.</summary>
    Task InitialiseAsync(CancellationToken ct = default);

    /// <summary>True until the first import has landed.</summary>
    Task<bool> IsEmptyAsync(CancellationToken ct = default);

    /// <summary>The whole graph, for projection into a <see cref="ChainGraph"/>.</summary>
    Task<GraphData> LoadAsync(CancellationToken ct = default);

    /// <summary>Merges <paramref name="data"/> into the store in one transaction; re-importing the same data changes nothing.</summary>
    Task<ImportReport> ImportAsync(GraphData data, CancellationToken ct = default);
}

/// <summary>Rows written per table (inserted, changed or removed); all zeros when the import changed nothing.</summary>
public sealed record ImportReport(IReadOnlyDictionary<string, int> Written)
{
    public int Total => Written.Values.Sum();
}
