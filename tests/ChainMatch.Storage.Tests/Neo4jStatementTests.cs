using System.Text;
using System.Text.RegularExpressions;
using ChainMatch.Domain.Graph;
using ChainMatch.Storage.Neo4j;
using ChainMatch.Storage.Seeds;

namespace ChainMatch.Storage.Tests;

/// <summary>
/// Every statement the adapter can send, checked without a server: against the reviewed list in
/// tests/fixtures/neo4j/statements.cypher (no Cypher parser is served here as a NuGet package), and for the
/// mistakes a reader would miss. With a server, <see cref="Neo4jGraphStoreTests"/> also EXPLAINs each one.
/// </summary>
public partial class Neo4jStatementTests
{
    const string GoldenFile = "statements.cypher";
    const string AcceptVariable = "CHAINMATCH_ACCEPT_STATEMENTS";

    static IReadOnlyList<CypherStatement> All => Neo4jStatements.All;

    [Test]
    public void EveryStatementIsTheOneReviewedInTheGoldenFile()
    {
        var rendered = Render(All);
        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
            File.WriteAllText(Path.Combine(Path.GetDirectoryName(SeedFolder.RepositorySeeds())!, "tests", "fixtures", "neo4j", GoldenFile), rendered);
        var reviewed = File.ReadAllText(Path.Combine(SeedFolder.Fixture("neo4j"), GoldenFile));

        var changed = Blocks(rendered).Except(Blocks(reviewed)).Select(b => b.Split('\n')[0]).ToList();
        var gone = Blocks(reviewed).Except(Blocks(rendered)).Select(b => b.Split('\n')[0]).ToList();
        Assert.That((changed, gone), Is.EqualTo((new List<string>(), new List<string>())),
            $"a statement changed without tests/fixtures/neo4j/{GoldenFile} being reviewed: check it against Neo4j 5.26's Cypher manual, then run the tests once with {AcceptVariable}=1 and commit the file");
        Assert.That(rendered, Is.EqualTo(reviewed), "same statements, another order");
    }

    [Test]
    public async Task EveryStatementTheAdapterSendsIsInTheList()
    {
        var seeds = SeedReader.Read(SeedFolder.Fixture("mini-seeds"));
        var neo4j = new Neo4jTestStore(batchSize: 2);
        await neo4j.Store.InitialiseAsync();
        await neo4j.Store.IsEmptyAsync();
        await neo4j.Store.ImportAsync(seeds);
        await neo4j.Store.ImportAsync(GraphData.Empty);
        await neo4j.Store.WriteAsync(GraphData.Empty with { Firms = [seeds.Firms[0]], Presences = [seeds.Presences[0]], Projects = [seeds.Projects[0]] }, null);
        await neo4j.Store.LoadAsync();
        await neo4j.Store.ProbeAsync();

        var listed = All.Select(s => s.Text).ToHashSet();
        var sent = neo4j.Requests.Select(r => r.Statement).OfType<string>().ToList();
        Assert.That(sent, Has.Count.GreaterThan(60));
        Assert.That(sent.Where(s => !listed.Contains(s)).Distinct(), Is.Empty);
    }

    [Test]
    public void StatementsHaveUniqueNamesAndTexts()
    {
        Assert.That(All.Select(s => s.Name), Is.Unique);
        Assert.That(All.Select(s => s.Text), Is.Unique);
    }

    [Test]
    public void EveryBracketIsClosedInTheOrderItWasOpened()
    {
        Assert.That(All.Where(s => !Balanced(s.Text)).Select(s => s.Name), Is.Empty);
    }

    [Test]
    public void StatementsNameOnlyTheSchemasLabelsAndRelationshipTypes()
    {
        var types = All.SelectMany(s => RelationshipType().Matches(s.Text)).Select(m => m.Groups[1].Value).Distinct().ToList();
        var labels = All.SelectMany(s => NodeLabel().Matches(s.Text)).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.That(labels, Is.EquivalentTo(GraphSchema.AllLabels));
        Assert.That(types.Where(t => !IsType(t)), Is.Empty);
        Assert.That(types, Has.Count.EqualTo(11));
    }

    [Test]
    public void ValuesTravelAsTheParametersTheAdapterSupplies()
    {
        Assert.That(All.SelectMany(s => Parameter().Matches(s.Text)).Select(m => m.Groups[1].Value).Distinct(), Is.EquivalentTo(new[]
        {
            "rows", "keys", "base",
            // Access records, one value each.
            "id", "name", "role", "region", "chains", "hash", "at", "key", "actor", "action", "target", "before", "after", "from", "to", "limit",
        }));
        Assert.That(All.SelectMany(s => Quoted().Matches(s.Text)).Select(m => m.Value).Distinct(), Is.EquivalentTo(new[] { "'graph'", "'audit'" }),
            "the two fixed keys of the store version nodes: the graph's version and the audit log's numbering");
    }

    [Test]
    public void TheContractSuitesWipeCoversEveryLabelAnyStatementNames()
    {
        var named = All.SelectMany(s => NodeLabel().Matches(s.Text)).Select(m => m.Groups[1].Value).Distinct();
        var wipe = Neo4jTestServer.WipeStatement;
        Assert.That(named.Where(l => !wipe.Contains($"n:{l}", StringComparison.Ordinal)), Is.Empty, wipe);
    }

    static string Render(IEnumerable<CypherStatement> statements)
    {
        var text = new StringBuilder("// Every statement ChainMatch's Neo4j adapter can send (Neo4jStatements.All), reviewed against Neo4j 5.26's Cypher manual.\n");
        text.Append("// Regenerate with CHAINMATCH_ACCEPT_STATEMENTS=1 after a review; Neo4jStatementTests fails until this file matches.\n");
        foreach (var s in statements) text.Append($"\n// {s.Name}{(s.ReadOnly ? " (read)" : "")}\n{s.Text};\n");
        return text.ToString();
    }

    static IEnumerable<string> Blocks(string file) => file.Replace("\r\n", "\n").Split("\n\n// ").Skip(1).Select(b => b.TrimEnd());

    static bool Balanced(string text)
    {
        var open = new Stack<char>();
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '\'') quoted = !quoted;
            if (quoted) continue;
            if (c is '(' or '[' or '{') open.Push(c);
            else if (c is ')' or ']' or '}')
            {
                var expected = c switch { ')' => '(', ']' => '[', _ => '{' };
                if (open.Count == 0 || open.Pop() != expected) return false;
            }
        }
        return open.Count == 0 && !quoted;
    }

    static bool IsType(string name)
    {
        try
        {
            GraphSchema.Type(name);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"\(\w*:(\w+)")]
    private static partial Regex NodeLabel();

    [GeneratedRegex(@"\[\w*:(\w+)")]
    private static partial Regex RelationshipType();

    [GeneratedRegex(@"\$(\w+)")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"'[^']*'")]
    private static partial Regex Quoted();
}
