using ChainMatch.Domain;
using System.CommandLine;
using ChainMatch.Storage;
using ChainMatch.Storage.Neo4j;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChainMatch.Cli;

/// <summary>Which store a command reads or writes: the embedded file (default) or a Neo4j server over its HTTP Query API.</summary>
static class StoreOptions
{
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

    public static bool IsNeo4j(ParseResult parse) => parse.GetValue(Provider) == StoreProviders.Neo4j;

    /// <summary>The configured stores (graph and access): the --store file, or the Neo4j server the --neo4j-* options name.</summary>
    public static Stores Open(ParseResult parse)
    {
        if (!IsNeo4j(parse))
            return StoreFactory.Open(new StoreSettings(StoreProviders.Embedded, EmbeddedPath: parse.GetValue(GlobalOptions.Store)!.FullName),
                () => throw new InvalidOperationException("the embedded store needs no HTTP client"), new StoreAvailability(), NullLogger.Instance, ChainMatchCli.Time);
        var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        try
        {
            var stores = StoreFactory.Open(new StoreSettings(StoreProviders.Neo4j, Neo4j: Neo4jConnectionOf(parse)), () => http, new StoreAvailability(),
                CliLog.For<Neo4jGraphStore>(parse.InvocationConfiguration.Error), ChainMatchCli.Time);
            return new Stores(stores.Graph, stores.Access, stores.Name, http);
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    /// <summary>The Neo4j server named by the --neo4j-* options; a missing address or credential is a command-line error.</summary>
    static Neo4jConnection Neo4jConnectionOf(ParseResult parse)
    {
        var uri = parse.GetValue(Neo4jUri) is { Length: > 0 } u
            ? Uri.TryCreate(u, UriKind.Absolute, out var parsed) ? parsed : throw Usage($"--neo4j-uri '{u}' is not an address, e.g. http://localhost:7474")
            : throw Usage("--provider Neo4j needs --neo4j-uri (or CHAINMATCH_NEO4J_URI)");
        var user = parse.GetValue(Neo4jUser) is { Length: > 0 } name ? name : throw Usage("--provider Neo4j needs --neo4j-user (or CHAINMATCH_NEO4J_USER)");
        var password = parse.GetValue(Neo4jPassword) is { Length: > 0 } p ? p : throw Usage("--provider Neo4j needs a password: set CHAINMATCH_NEO4J_PASSWORD (or pass --neo4j-password)");
        try
        {
            return new Neo4jConnection(uri, parse.GetValue(Neo4jDatabase)!, user, password);
        }
        catch (InvalidValueException e)
        {
            throw Usage(e.Message);
        }
    }

    static CliException Usage(string message) => new(message, ChainMatchCli.Usage);

    static Option<string> Create()
    {
        var provider = new Option<string>("--provider")
        {
            Description = "Embedded (the --store file, the default) or Neo4j (the server named by --neo4j-uri).",
            Recursive = true,
            DefaultValueFactory = _ => StoreProviders.Embedded,
        };
        provider.AcceptOnlyFromAmong([.. StoreProviders.All]);
        return provider;
    }
}
