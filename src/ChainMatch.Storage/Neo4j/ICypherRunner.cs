namespace ChainMatch.Storage.Neo4j;

/// <summary>Runs one statement: on its own (auto-commit) or inside an open transaction. Readers and writers do not care which.</summary>
interface ICypherRunner
{
    Task<QueryResult> RunAsync(CypherStatement statement, CancellationToken ct);
}
