namespace ChainMatch.Storage.Neo4j;

/// <summary>
/// Batched, parameterised upserts: <c>UNWIND $rows AS row MERGE …</c>. Every value is in <c>$rows</c>; the text holds
/// only kinds from <see cref="GraphKinds"/>. A property is only SET when a value differs, so re-importing the same
/// data writes nothing, and each statement returns the rows it wrote (<c>written</c>) and, for links, the rows whose
/// ends it found (<c>matched</c>): a missing one means a reference to a node that does not exist.
/// New nodes and links get <c>ord = $base + row.i</c>, where <c>$base</c> is one past the highest stored ord of the
/// kind, asked once per import (<see cref="LastOrd(NodeKind)"/>): the store reads back in import order.
/// </summary>
static class WriteStatements
{
    // Null-safe "differs": Cypher's = gives null when either side is null, so fall back to "both null".
    const string Changed = "any(k IN $keys WHERE NOT coalesce(e[k] = row.props[k], e[k] IS NULL AND row.props[k] IS NULL))";

    /// <summary>The highest ord of a kind, or no row: ORDER BY … DESC LIMIT 1 is answered from the end of the ord index.</summary>
    public static CypherStatement LastOrd(NodeKind k) => new($"{k.Report} last ord", $"""
        MATCH (x:{k.Label})
        WHERE x.ord IS NOT NULL
        RETURN x.ord AS ord
        ORDER BY x.ord DESC
        LIMIT 1
        """);

    public static CypherStatement LastOrd(RelationshipKind k) => new($"{k.Report} last ord", $"""
        MATCH ()-[x:{k.Type}]->()
        WHERE x.ord IS NOT NULL
        RETURN x.ord AS ord
        ORDER BY x.ord DESC
        LIMIT 1
        """);

    public static CypherStatement UpsertNodes(NodeKind k) => new($"{k.Report} nodes", $"""
        UNWIND $rows AS row
        OPTIONAL MATCH {Node("old", k, "row.key")}
        WITH row, old IS NULL AS created
        MERGE {Node("e", k, "row.key")}
          ON CREATE SET e.ord = $base + row.i
        WITH row, e, created OR {Changed} AS changed
        FOREACH (ignored IN CASE WHEN changed THEN [1] ELSE [] END | SET e += row.props)
        RETURN collect(row.i) AS matched, collect(CASE WHEN changed THEN row.i END) AS written
        """);

    public static CypherStatement UpsertRelationships(RelationshipKind k)
    {
        var key = k.Keyed ? " {key: row.key}" : "";
        var requires = k.Requires is { } r ? $"MATCH {Node("", r, "row.requires")}\n" : "";
        return new($"{k.Report} links", $"""
            UNWIND $rows AS row
            MATCH {Node("a", k.From, "row.from")}
            MATCH {Node("b", k.To, "row.to")}
            {requires}OPTIONAL MATCH (a)-[old:{k.Type}{key}]->(b)
            WITH row, a, b, old IS NULL AS created
            MERGE (a)-[e:{k.Type}{key}]->(b)
              ON CREATE SET e.ord = $base + row.i
            WITH row, e, created OR {Changed} AS changed
            FOREACH (ignored IN CASE WHEN changed THEN [1] ELSE [] END | SET e += row.props)
            RETURN collect(row.i) AS matched, collect(CASE WHEN changed THEN row.i END) AS written
            """);
    }

    /// <summary>Points each row's node at <c>row.to</c> (or at nothing when null), replacing the one link of this kind it had.</summary>
    public static CypherStatement ReplaceSingle(RelationshipKind k) => new($"{k.Report} {k.Type}", $"""
        UNWIND $rows AS row
        MATCH {Node("a", k.From, "row.from")}
        OPTIONAL MATCH (a)-[old:{k.Type}]->(current:{k.To.Label})
        WITH row, a, collect(old) AS olds, collect(current.{k.To.Key}) AS currents
        OPTIONAL MATCH {Node("b", k.To, "row.to")}
        WITH row, a, b, olds, currents <> CASE WHEN row.to IS NULL THEN [] ELSE [row.to] END AS changed
        FOREACH (o IN CASE WHEN changed THEN olds ELSE [] END | DELETE o)
        FOREACH (t IN CASE WHEN changed AND b IS NOT NULL THEN [b] ELSE [] END | CREATE (a)-[:{k.Type}]->(t))
        RETURN collect(CASE WHEN row.to IS NULL OR b IS NOT NULL THEN row.i END) AS matched, collect(CASE WHEN changed THEN row.i END) AS written
        """);

    /// <summary>A chain's segments and a segment's needs belong to their definitions: links the new list drops are deleted.</summary>
    public static CypherStatement RemoveUnlisted(RelationshipKind k) => new($"{k.Report} unlisted", $"""
        UNWIND $rows AS row
        MATCH {Node("a", k.From, "row.from")}-[e:{k.Type}]->(b:{k.To.Label})
        WHERE NOT b.{k.To.Key} IN row.items
        DELETE e
        RETURN count(*) AS removed
        """);

    static string Node(string variable, NodeKind k, string value) => $"({variable}:{k.Label} {{{k.Key}: {value}}})";
}
