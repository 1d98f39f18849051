using System.Globalization;
using System.Text.Json;

namespace ChainMatch.Storage.Neo4j;

/// <summary>
/// One row of a result, read by field name. Values arrive as typed JSON (<c>{"$type":"Integer","_value":"42"}</c>:
/// integers and floats as strings so that int64 and float precision survive); plain JSON values are read too.
/// </summary>
sealed class QueryRecord(string operation, IReadOnlyDictionary<string, int> fields, JsonElement[] values)
{
    public string? String(string field) => AsString(Value(field), field);

    public string RequiredString(string field) => String(field) ?? throw Missing(field);

    public long? Integer(string field) => AsInteger(Value(field), field);

    public int? Int32(string field) => Integer(field) is { } v ? checked((int)v) : null;

    public double? Float(string field) => AsFloat(Value(field), field);

    public bool? Boolean(string field) => AsBoolean(Value(field), field);

    public IReadOnlyList<string> StringList(string field) =>
        [.. AsList(Value(field), field).Select(v => AsString(v, field) ?? throw Missing(field))];

    public IReadOnlyList<long> IntegerList(string field) =>
        [.. AsList(Value(field), field).Select(v => AsInteger(v, field) ?? throw Missing(field))];

    JsonElement Value(string field) => fields.TryGetValue(field, out var i)
        ? values[i]
        : throw new FormatException($"Neo4j's answer to '{operation}' has no field '{field}'");

    FormatException Missing(string field) => new($"Neo4j's answer to '{operation}' has a null in '{field}'");

    FormatException WrongType(string field, string? type, string expected) =>
        new($"Neo4j's answer to '{operation}' has a {type ?? "plain"} value in '{field}' where {expected} was expected");

    /// <summary>The $type and _value of a typed value; (null, value) for plain JSON.</summary>
    static (string? Type, JsonElement Value) Unwrap(JsonElement e) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty("$type", out var type) && e.TryGetProperty("_value", out var value)
            ? (type.GetString(), value)
            : (null, e);

    string? AsString(JsonElement e, string field) => Unwrap(e) switch
    {
        ("Null", _) or (null, { ValueKind: JsonValueKind.Null }) => null,
        ("String" or null, { ValueKind: JsonValueKind.String } v) => v.GetString(),
        var (type, _) => throw WrongType(field, type, "a string"),
    };

    long? AsInteger(JsonElement e, string field) => Unwrap(e) switch
    {
        ("Null", _) or (null, { ValueKind: JsonValueKind.Null }) => null,
        ("Integer", { ValueKind: JsonValueKind.String } v) => long.Parse(v.GetString()!, NumberStyles.Integer, CultureInfo.InvariantCulture),
        (null, { ValueKind: JsonValueKind.Number } v) when v.TryGetInt64(out var l) => l,
        var (type, _) => throw WrongType(field, type, "an integer"),
    };

    double? AsFloat(JsonElement e, string field) => Unwrap(e) switch
    {
        ("Null", _) or (null, { ValueKind: JsonValueKind.Null }) => null,
        // Java writes "NaN", "Infinity" and "1.5E300"; all parse with the invariant culture.
        ("Float" or "Integer", { ValueKind: JsonValueKind.String } v) => double.Parse(v.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture),
        (null, { ValueKind: JsonValueKind.Number } v) => v.GetDouble(),
        var (type, _) => throw WrongType(field, type, "a number"),
    };

    bool? AsBoolean(JsonElement e, string field) => Unwrap(e) switch
    {
        ("Null", _) or (null, { ValueKind: JsonValueKind.Null }) => null,
        ("Boolean" or null, { ValueKind: JsonValueKind.True or JsonValueKind.False } v) => v.GetBoolean(),
        var (type, _) => throw WrongType(field, type, "a boolean"),
    };

    IEnumerable<JsonElement> AsList(JsonElement e, string field) => Unwrap(e) switch
    {
        ("List" or null, { ValueKind: JsonValueKind.Array } v) => v.EnumerateArray(),
        var (type, _) => throw WrongType(field, type, "a list"),
    };
}
