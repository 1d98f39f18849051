using System.Collections.Immutable;
using System.Text.Json;
using ChainMatch.Domain;

namespace ChainMatch.Storage;

/// <summary>A short list of records (a project's key-project reviews and due dates, a plan's lines) as the JSON text both stores keep in one column or property (null when empty).</summary>
static class RecordsJson
{
    public static string? Write<T>(ImmutableArray<T> items) =>
        items.IsDefaultOrEmpty ? null : JsonSerializer.Serialize(items, ReportJson.Options);

    public static ImmutableArray<T> Read<T>(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize<ImmutableArray<T>>(json, ReportJson.Options);

    /// <summary>A save time as ISO 8601 text, exact to the tick, so a read-back plan equals the one written.</summary>
    public static string Time(DateTimeOffset at) => at.ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    public static DateTimeOffset Time(string text) => DateTimeOffset.ParseExact(text, "O", System.Globalization.CultureInfo.InvariantCulture);
}
