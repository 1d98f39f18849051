using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace ChainMatch.Storage.Neo4j;

/// <summary>
/// One Cypher statement and its parameters. Values only ever travel as parameters; the text holds nothing but
/// fixed Cypher and identifiers from <see cref="GraphSchema"/>. <see cref="Name"/> labels logs and errors.
/// </summary>
sealed record CypherStatement(string Name, string Text, IReadOnlyDictionary<string, object?>? Parameters = null, bool ReadOnly = false)
{
    /// <summary>
    /// The Query API request body: statement, parameters, for reads the access mode (clusters route reads to followers),
    /// and the bookmarks of the last writes seen, which a cluster member waits for before it answers.
    /// </summary>
    public byte[] ToRequestBody(IReadOnlyList<string>? bookmarks = null)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("statement", Text);
            if (Parameters is { Count: > 0 })
            {
                w.WritePropertyName("parameters");
                WriteValue(w, Parameters);
            }
            if (ReadOnly) w.WriteString("accessMode", "Read");
            if (bookmarks is { Count: > 0 })
            {
                w.WritePropertyName("bookmarks");
                WriteValue(w, bookmarks);
            }
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }

    static void WriteValue(Utf8JsonWriter w, object? value)
    {
        switch (value)
        {
            case null: w.WriteNullValue(); break;
            case string s: w.WriteStringValue(s); break;
            case bool b: w.WriteBooleanValue(b); break;
            case int i: w.WriteNumberValue(i); break;
            case long l: w.WriteNumberValue(l); break;
            case double d: WriteFloat(w, d); break;
            case IReadOnlyDictionary<string, object?> map:
                w.WriteStartObject();
                foreach (var (key, item) in map)
                {
                    w.WritePropertyName(key);
                    WriteValue(w, item);
                }
                w.WriteEndObject();
                break;
            case IEnumerable list:
                w.WriteStartArray();
                foreach (var item in list) WriteValue(w, item);
                w.WriteEndArray();
                break;
            default: throw new ArgumentException($"a {value.GetType().Name} cannot be a Cypher parameter");
        }
    }

    /// <summary>
    /// System.Text.Json writes 350000.0 as <c>350000</c>, which Neo4j would store as an INTEGER; a float must keep
    /// its point (or exponent) so that it comes back, and compares, as a FLOAT.
    /// </summary>
    static void WriteFloat(Utf8JsonWriter w, double d)
    {
        if (!double.IsFinite(d)) throw new ArgumentException($"{d} cannot travel as a plain-JSON Cypher parameter");
        var text = d.ToString("R", CultureInfo.InvariantCulture);
        if (!text.Contains('.') && !text.Contains('E')) text += ".0";
        w.WriteRawValue(text);
    }
}
