using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChainMatch.Domain;

/// <summary>The one JSON shape of every report, shared by the API and the CLI: camelCase, kebab-case enum values, finite numbers.</summary>
public static class ReportJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        // Chinese names stay readable in files and terminals instead of \uXXXX escapes.
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        // Every number in or out is finite and in range (Numbers); the web defaults would also read "NaN" from a string.
        options.NumberHandling = JsonNumberHandling.Strict;
        options.Converters.Add(new FiniteDoubleConverter());
        options.Converters.Add(new FiniteSingleConverter());
        options.Converters.Add(new BoundedDecimalConverter());
        // Text in obeys TextRules: no control characters, no lone surrogates.
        options.Converters.Add(new CleanTextConverter());
    }

    public static readonly JsonSerializerOptions Options = Create(indented: true);

    static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions { WriteIndented = indented };
        Configure(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
