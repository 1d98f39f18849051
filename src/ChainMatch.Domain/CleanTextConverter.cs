using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChainMatch.Domain;

/// <summary>JSON strings in under <see cref="TextRules"/>: a control character in any field is a 400 naming the field.</summary>
public sealed class CleanTextConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String) throw new JsonException("must be a string");
        var text = reader.GetString()!;
        return TextRules.Problem(text) is { } problem ? throw new JsonException(problem) : text;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
