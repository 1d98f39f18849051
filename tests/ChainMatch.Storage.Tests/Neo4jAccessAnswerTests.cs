using ChainMatch.Storage.Access;
using ChainMatch.Storage.Neo4j;

namespace ChainMatch.Storage.Tests;

/// <summary>The Neo4j access store against the Query API stand-in answering with tests/fixtures/neo4j/access-*.json.</summary>
public class Neo4jAccessAnswerTests
{
    const string Secret = "fixture-secret-made-up-for-chainmatch-tests-0001";

    static (Neo4jTestStore Neo4j, Neo4jAccessStore Access) Open()
    {
        var neo4j = new Neo4jTestStore();
        return (neo4j, new Neo4jAccessStore(neo4j.Store));
    }

    [Test]
    public async Task AKeyIsReadFromItsNodeAndCheckedAgainstTheStoredHash()
    {
        var (neo4j, access) = Open();
        neo4j.Server.Then("access-find-key").Then("access-find-key");

        var key = await access.FindActiveAsync($"cmk_0a1b2c3d4e5f_{Secret}");
        var wrong = await access.FindActiveAsync($"cmk_0a1b2c3d4e5f_{Secret}x");

        Assert.That((key?.Name, key?.Role, key?.Region, key?.Chains, key?.Created, key?.Revoked),
            Is.EqualTo(("al-chief", "chain-chief", "530000", (IReadOnlyList<string>?)["green-aluminium", "phosphate"], (DateTimeOffset?)new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero), (DateTimeOffset?)null)));
        Assert.That(wrong, Is.Null, "a wrong secret");
        var sent = neo4j.Requests[0];
        Assert.That((sent.Statement, (string?)sent.Parameter("id"), (string?)sent.Json!["accessMode"]),
            Is.EqualTo((Neo4jAccessStore.FindKey.Text, "0a1b2c3d4e5f", "Read")), "the statement of statements.cypher, as a read");
    }

    [Test]
    public async Task AuditEntriesAreReadInOrderWithTheirNulls()
    {
        var (neo4j, access) = Open();
        neo4j.Server.Then("access-query-audit");

        var entries = await access.QueryAuditAsync(new AuditQuery(Target: "firm:"));

        Assert.That(entries.Select(e => (e.Seq, e.Actor, e.Target, e.Before)), Is.EqualTo(new[]
        {
            (1L, "key:al-chief", "firm:foil-co", (string?)"{\"name\":\"铝箔公司\"}"),
            (2L, "cli:root", "firm:smelter-co", null),
        }));
        Assert.That(entries[1].At, Is.EqualTo(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero)));
        var sent = neo4j.Requests[0];
        Assert.That(((string?)sent.Parameter("target"), sent.Parameter("actor"), (int?)sent.Parameter("limit")), Is.EqualTo(("firm:", (System.Text.Json.Nodes.JsonNode?)null, (int?)1000)));
    }

    [Test]
    public async Task AGraphImportAppendsItsEntryInsideItsOwnTransaction()
    {
        var (neo4j, _) = Open();
        var seeds = Seeds.SeedReader.Read(SeedFolder.Fixture("mini-seeds"));

        await neo4j.Store.ImportAsync(seeds, (_, _) => new AuditEntry(0, DateTimeOffset.UnixEpoch, "cli:test", "seed", "seeds", null, "{}"));

        var append = neo4j.Requests.Single(r => r.Statement == Neo4jAccessStore.Append.Text);
        Assert.That(append.Path, Is.EqualTo("/db/chainmatch/query/v2/tx/tx1"), "a statement of the import's transaction, not one of its own");
        Assert.That(neo4j.Requests.Last().Path, Is.EqualTo("/db/chainmatch/query/v2/tx/tx1/commit"), "committed after the entry");
        Assert.That(((string?)append.Parameter("actor"), (string?)append.Parameter("at")), Is.EqualTo(("cli:test", "1970-01-01T00:00:00.0000000Z")));
    }
}
