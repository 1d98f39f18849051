using ChainMatch.Domain;
using System.CommandLine;
using ChainMatch.Storage;
using ChainMatch.Storage.Neo4j;
using ChainMatch.Storage.Sqlite;

namespace ChainMatch.Cli;

/// <summary>Which store a command reads or writes: the embedded file (default) or a Neo4j server over its HTTP Query API.</summary>
static class StoreOptions
{
    public const string Embedded = "Embedded", Neo4j = "Neo4j";

    public static readonly Option<string> Provider = Create();

    public static readonly Option<string?> Neo4jUri = new("--neo4j-uri")
    {
        Description = "The Neo4j server's HTTP address, e.g. http://localhost:7474 (default: $CHAINMATCH_NEO4J_URI).",
        Recursive = true,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("CHAINMATCH_NEO4J_URI"),
    };

    public static readonly Option<string?> Neo4jUser = new("--neo4j-user")
    {
        Description = "The Neo4j user (default: $CHAINMATCH_NEO4J_USER).",
        Recursive = true,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("CHAINMATCH_NEO4J_USER"),
    };

    public static readonly Option<string?> Neo4jPassword = new("--neo4j-password")
    {
        Description = "The Neo4j password (default: $CHAINMATCH_NEO4J_PASSWORD; prefer the variable, a command line is visible to other users).",
        Recursive = true,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("CHAINMATCH_NEO4J_PASSWORD"),
    };

    public static readonly Option<string> Neo4jDatabase = new("--neo4j-database")
    {
        Description = "The Neo4j database (default: $CHAINMATCH_NEO4J_DATABASE, else neo4j).",
        Recursive = true,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("CHAINMATCH_NEO4J_DATABASE") is { Length: > 0 } db ? db : "neo4j",
    };

    public static IEnumerable<Option> All => [Provider, Neo4jUri, Neo4jUser, Neo4jPassword, Neo4jDatabase];

    public static bool IsNeo4j(ParseResult parse) => parse.GetValue(Provider) == Neo4j;

    /// <summary>The embedded file store named by --store.</summary>
    public static OpenedStore OpenEmbedded(ParseResult parse)
    {
        var file = parse.GetValue(GlobalOptions.Store)!;
        var store = SqliteGraphStore.OpenFile(file.FullName);
        return new OpenedStore(store, file.FullName, store);
    }

    /// <summary>The Neo4j server named by the --neo4j-* options; a missing address or credential is a command-line error.</summary>
    public static OpenedStore OpenNeo4j(ParseResult parse, TextWriter error)
    {
        var uri = parse.GetValue(Neo4jUri) is { Length: > 0 } u
            ? Uri.TryCreate(u, UriKind.Absolute, out var parsed) ? parsed : throw Usage($"--neo4j-uri '{u}' is not an address, e.g. http://localhost:7474")
            : throw Usage("--provider Neo4j needs --neo4j-uri (or CHAINMATCH_NEO4J_URI)");
        var user = parse.GetValue(Neo4jUser) is { Length: > 0 } name ? name : throw Usage("--provider Neo4j needs --neo4j-user (or CHAINMATCH_NEO4J_USER)");
        var password = parse.GetValue(Neo4jPassword) is { Length: > 0 } p ? p : throw Usage("--provider Neo4j needs a password: set CHAINMATCH_NEO4J_PASSWORD (or pass --neo4j-password)");
        Neo4jConnection connection;
        try
        {
            connection = new Neo4jConnection(uri, parse.GetValue(Neo4jDatabase)!, user, password);
        }
        catch (InvalidValueException e)
        {
            throw Usage(e.Message);
        }
        var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var store = new Neo4jGraphStore(http, connection, new StoreAvailability(), CliLog.For<Neo4jGraphStore>(error));
        return new OpenedStore(store, $"Neo4j at {connection.BaseUri} ({connection.Database})", http);
    }

    static CliException Usage(string message) => new(message, ChainMatchCli.Usage);

    static Option<string> Create()
    {
        var provider = new Option<string>("--provider")
        {
            Description = "Embedded (the --store file, the default) or Neo4j (the server named by --neo4j-uri).",
            Recursive = true,
            DefaultValueFactory = _ => Embedded,
        };
        provider.AcceptOnlyFromAmong(Embedded, Neo4j);
        return provider;
    }
}

/// <summary>A store a command opened, what to call it in messages, and what to release afterwards.</summary>
sealed record OpenedStore(IGraphStore Store, string Name, IDisposable Owned) : IDisposable
{
    public void Dispose() => Owned.Dispose();
}
