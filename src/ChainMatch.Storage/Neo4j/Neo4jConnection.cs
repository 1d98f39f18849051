using ChainMatch.Domain;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;

namespace ChainMatch.Storage.Neo4j;

/// <summary>Where the Neo4j server is and who we are to it. Credentials come from configuration; none are built in.</summary>
public sealed partial record Neo4jConnection
{
    public Neo4jConnection(Uri baseUri, string database, string? user, string? password)
    {
        if (!baseUri.IsAbsoluteUri || (baseUri.Scheme != Uri.UriSchemeHttp && baseUri.Scheme != Uri.UriSchemeHttps))
            throw new InvalidValueException("uri", $"'{baseUri}' is not an http(s) URI: the Query API is served over HTTP (port 7474), not Bolt");
        if (!IsDatabaseName(database))
            throw new InvalidValueException("database", $"'{database}' is not a Neo4j database name");
        if (user is null != password is null)
            throw new InvalidValueException("user", "give both a Neo4j user and a password, or neither for a server with auth disabled");
        BaseUri = baseUri;
        Database = database;
        User = user;
        Password = password;
    }

    public Uri BaseUri { get; }
    public string Database { get; }
    public string? User { get; }
    public string? Password { get; }

    public string QueryPath => $"db/{Uri.EscapeDataString(Database)}/query/v2";
    public string TransactionsPath => $"{QueryPath}/tx";
    public string TransactionPath(string id) => $"{TransactionsPath}/{Uri.EscapeDataString(id)}";
    public string CommitPath(string id) => $"{TransactionPath(id)}/commit";

    public Uri Resolve(string path) => new(BaseUri.AbsoluteUri.TrimEnd('/') + "/" + path);

    /// <summary>Basic auth as the Query API expects it; null when the server runs without auth.</summary>
    public AuthenticationHeaderValue? Authorization => User is null
        ? null
        : new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}")));

    // Never print the password, not even in a debugger's view of the record.
    public override string ToString() => $"{BaseUri} database {Database} as {User ?? "(no auth)"}";

    public static bool IsDatabaseName(string name) => DatabaseName().IsMatch(name);

    // Neo4j's own rule for database names: a letter, then letters, digits, dots, dashes (and underscores, which it tolerates).
    [GeneratedRegex("^[A-Za-z][A-Za-z0-9._-]{0,62}$")]
    private static partial Regex DatabaseName();
}
