using System.Text.Json;

namespace ChainMatch.Storage.Neo4j;

/// <summary>One Query API answer: the statement's fields and rows and, inside an explicit transaction, its id.</summary>
sealed class QueryResult
{
    public static readonly QueryResult Empty = new([], [], null, null, []);

    QueryResult(IReadOnlyList<string> fields, IReadOnlyList<QueryRecord> records, string? transactionId, string? transactionExpires, IReadOnlyList<string> bookmarks)
    {
        Fields = fields;
        Records = records;
        TransactionId = transactionId;
        TransactionExpires = transactionExpires;
        Bookmarks = bookmarks;
    }

    public IReadOnlyList<string> Fields { get; }
    public IReadOnlyList<QueryRecord> Records { get; }
    public string? TransactionId { get; }
    public string? TransactionExpires { get; }

    /// <summary>What a committed write (or an auto-commit statement) leaves for later transactions to wait for on a cluster.</summary>
    public IReadOnlyList<string> Bookmarks { get; }

    public QueryRecord Single(string operation) => Records.Count == 1
        ? Records[0]
        : throw new FormatException($"Neo4j's answer to '{operation}' has {Records.Count} rows where one was expected");

    /// <summary>
    /// Reads a response body to its end. Errors win over data: a 202 can carry rows and then <c>errors</c>
    /// (a failure while streaming), so a body is only a success when it has no error at all.
    /// </summary>
    public static QueryResult Parse(string operation, Neo4jConnection server, int status, string? reason, string body)
    {
        var success = status is >= 200 and < 300;
        if (string.IsNullOrWhiteSpace(body))
            return success ? Empty : throw Neo4jException.FromStatus(operation, server, status, reason);

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            throw success
                ? Neo4jException.Protocol(operation, server, status, $"is not JSON ({e.Message}): {Excerpt(body)}")
                : Neo4jException.FromStatus(operation, server, status, reason);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw success ? Neo4jException.Protocol(operation, server, status, $"is not a JSON object: {Excerpt(body)}") : Neo4jException.FromStatus(operation, server, status, reason);
            if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
                throw FromErrors(operation, server, status, errors);
            if (!success) throw Neo4jException.FromStatus(operation, server, status, reason);
            return FromData(operation, server, status, root);
        }
    }

    static Neo4jException FromErrors(string operation, Neo4jConnection server, int status, JsonElement errors)
    {
        var first = errors[0];
        // Early Query API builds named the code "error"; later ones "code".
        var code = Text(first, "code") ?? Text(first, "error");
        var message = Text(first, "message");
        if (errors.GetArrayLength() > 1) message += $" (and {errors.GetArrayLength() - 1} more errors)";
        return Neo4jException.FromError(operation, server, status, code, message);
    }

    static QueryResult FromData(string operation, Neo4jConnection server, int status, JsonElement root)
    {
        string[] fields = [];
        var records = new List<QueryRecord>();
        if (root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object)
        {
            if (!data.TryGetProperty("fields", out var f) || f.ValueKind != JsonValueKind.Array
                || !data.TryGetProperty("values", out var values) || values.ValueKind != JsonValueKind.Array)
                throw Neo4jException.Protocol(operation, server, status, "has 'data' without 'fields' and 'values' arrays");
            fields = [.. f.EnumerateArray().Select(x => x.GetString() ?? "")];
            var index = fields.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => x.i);
            foreach (var row in values.EnumerateArray())
            {
                if (row.ValueKind != JsonValueKind.Array || row.GetArrayLength() != fields.Length)
                    throw Neo4jException.Protocol(operation, server, status, $"has a row that does not match its {fields.Length} fields");
                records.Add(new QueryRecord(operation, index, [.. row.EnumerateArray().Select(v => v.Clone())]));
            }
        }
        string? id = null, expires = null;
        if (root.TryGetProperty("transaction", out var tx) && tx.ValueKind == JsonValueKind.Object)
        {
            id = Text(tx, "id");
            expires = Text(tx, "expires");
        }
        string[] bookmarks = root.TryGetProperty("bookmarks", out var b) && b.ValueKind == JsonValueKind.Array
            ? [.. b.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!)]
            : [];
        return new QueryResult(fields, records, id, expires, bookmarks);
    }

    static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    static string Excerpt(string body) => body.Length <= 120 ? body : body[..120] + "…";
}
