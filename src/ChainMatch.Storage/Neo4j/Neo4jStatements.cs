namespace ChainMatch.Storage.Neo4j;

/// <summary>
/// Every statement the adapter can send, in one list: the schema, the writes of every kind, the reads, the probe.
/// Tests hold it to a reviewed golden file (tests/fixtures/neo4j/statements.cypher) and, given a server, EXPLAIN each.
/// </summary>
static class Neo4jStatements
{
    public static IReadOnlyList<CypherStatement> All =>
    [
        .. GraphSchema.Constraints,
        Neo4jGraphStore.Ping,
        Neo4jGraphReader.AnyChain,
        Neo4jGraphReader.Version,
        Neo4jGraphReader.RaiseVersion,
        .. Neo4jGraphReader.Kinds,
        .. GraphKinds.Nodes.SelectMany(k => new[] { WriteStatements.LastOrd(k), WriteStatements.UpsertNodes(k) }),
        .. GraphKinds.OwnedLists.Select(WriteStatements.RemoveUnlisted),
        .. GraphKinds.Links.SelectMany(k => new[] { WriteStatements.LastOrd(k), WriteStatements.UpsertRelationships(k) }),
        .. GraphKinds.Singles.Select(WriteStatements.ReplaceSingle),
        .. Neo4jAccessStore.All,
    ];

    /// <summary>Schema commands: Neo4j runs them on their own, and they cannot be EXPLAINed.</summary>
    public static bool IsSchema(CypherStatement s) => s.Text.StartsWith("CREATE CONSTRAINT ", StringComparison.Ordinal) || s.Text.StartsWith("CREATE INDEX ", StringComparison.Ordinal);
}
