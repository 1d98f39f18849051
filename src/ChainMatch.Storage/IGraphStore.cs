using ChainMatch.Domain.Graph;
using ChainMatch.Storage.Access;

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

    /// <summary>
    /// Merges <paramref name="data"/> into the store in one transaction (re-importing the same data changes nothing) and
    /// raises the store version, running <paramref name="beforeCommit"/> inside it once the merged graph has projected:
    /// if that throws, nothing is written. The audit entry it returns is appended in the same transaction, so a write
    /// whose entry cannot be recorded does not happen.
    /// </summary>
    Task<ImportReport> ImportAsync(GraphData data, BeforeCommit? beforeCommit, CancellationToken ct = default);

    /// <summary>
    /// Writes the rows of <paramref name="rows"/> in one transaction, merged as <see cref="ImportAsync"/> merges them, and
    /// raises the store version, touching nothing else: the graph is not read back. The caller has checked the rows by
    /// applying them to its projection (<see cref="ChainGraph.Apply"/>); the store still refuses a reference to a row it
    /// does not hold. <paramref name="beforeCommit"/> runs inside the transaction: if it throws, nothing is written; the
    /// audit entry it returns is appended in the same transaction.
    /// </summary>
    Task<ImportReport> WriteAsync(GraphData rows, WriteCommit? beforeCommit, CancellationToken ct = default);

    /// <summary>
    /// The store version: raised by every write transaction, so a process serving a projection sees that another one
    /// wrote (0 for a store never written).
    /// </summary>
    Task<long> ReadVersionAsync(CancellationToken ct = default);
}

public static class GraphStoreImports
{
    /// <summary>An import with nothing to do before its commit: seeds at start, tests, in-memory stores.</summary>
    public static Task<ImportReport> ImportAsync(this IGraphStore store, GraphData data, CancellationToken ct = default) => store.ImportAsync(data, null, ct);
}

/// <summary>
/// Runs inside an import's transaction with the graph as it will be once committed, the rows written and the version the
/// commit will leave; returns the audit entry to append with the write (null: none). Throwing rolls the import back.
/// </summary>
public delegate AuditEntry? BeforeCommit(ChainGraph merged, ImportReport report);

/// <summary>
/// Runs inside a write's transaction with the rows written and the version the commit will leave, before the commit;
/// returns the audit entry to append with the write (null: none). Throwing rolls the write back.
/// </summary>
public delegate AuditEntry? WriteCommit(ImportReport report);

/// <summary>Rows written per table (inserted, changed or removed); all zeros when the import changed nothing.</summary>
public sealed record ImportReport(IReadOnlyDictionary<string, int> Written)
{
    /// <summary>The store version the import's commit leaves (see <see cref="IGraphStore.ReadVersionAsync"/>).</summary>
    public long Version { get; init; }

    /// <summary>
    /// A removal's earlier page images are still in the embedded store's write-ahead log: a reader held the log through
    /// every try to empty it. The store's next write tries again.
    /// </summary>
    public bool LogKept { get; init; }

    public int Total => Written.Values.Sum();
}
