using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChainMatch.Domain;

/// <summary>
/// JSON numbers in and out under <see cref="Numbers"/>: reading refuses infinities (1e400 parses to one), NaN, numbers
/// written as strings and anything beyond the limit, naming the field; writing puts null for a non-finite value so a
/// bad figure already stored cannot make a page fail to serialise.
/// </summary>
public sealed class FiniteDoubleConverter : JsonConverter<double>
{
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDouble(out var value) || !Numbers.IsAcceptable(value))
            throw new JsonException($"must be {Numbers.Rule}");
        return value;
    }

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
    {
        if (double.IsFinite(value)) writer.WriteNumberValue(value);
        else writer.WriteNullValue();
    }
}

public sealed class FiniteSingleConverter : JsonConverter<float>
{
    public override float Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDouble(out var value) || !Numbers.IsAcceptable(value))
            throw new JsonException($"must be {Numbers.Rule}");
        return (float)value;
    }

    public override void Write(Utf8JsonWriter writer, float value, JsonSerializerOptions options)
    {
        if (float.IsFinite(value)) writer.WriteNumberValue(value);
        else writer.WriteNullValue();
    }
}

public sealed class BoundedDecimalConverter : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDecimal(out var value) || Math.Abs(value) > (decimal)Numbers.Limit)
            throw new JsonException($"must be {Numbers.Rule}");
        return value;
    }

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
}
