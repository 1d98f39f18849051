using ChainMatch.Domain;
using ChainMatch.Domain.Graph;
using System.Text.RegularExpressions;

namespace ChainMatch.Api.Infrastructure;

/// <summary>Checks of path and query values; a malformed one is a 400 that names the parameter.</summary>
static partial class Parameters
{
    public static Dictionary<string, string[]> Errors() => [];

    /// <summary>The date a question is asked about, today when left out; a date outside the graph's years is refused naming them.</summary>
    public static DateOnly AsOfOrToday(string? text, string name, Dictionary<string, string[]> errors, TimeProvider time, ChainGraph graph)
    {
        var today = DateOnly.FromDateTime(time.GetLocalNow().Date);
        if (text is null) return today;
        if (!AsOf.TryParse(text, out var date))
        {
            errors[name] = [$"'{text}' is not a date: use {AsOf.Format}"];
            return default;
        }
        var years = RecordedYears.Of(graph, today.Year);
        if (!years.Contains(date)) errors[name] = [$"'{text}' is outside the graph's years: use a date from {years.First} to {years.Last}"];
        return date;
    }

    /// <summary>A calendar date in a request body, exactly YYYY-MM-DD (a bare year is too loose for a dated step).</summary>
    public static DateOnly Date(string? text, string name, Dictionary<string, string[]> errors)
    {
        if (text?.Length == 10 && AsOf.TryParse(text, out var date)) return date;
        errors[name] = [$"'{text}' is not a date: use YYYY-MM-DD"];
        return default;
    }

    /// <summary>An importer's bad rows as validation errors keyed by line, each naming its column.</summary>
    public static Dictionary<string, string[]> RowErrors(IEnumerable<Storage.Lists.RowError> rows) =>
        rows.GroupBy(r => $"line {r.Line}").ToDictionary(g => g.Key, g => g.Select(r => r.Column is null ? r.Reason : $"{r.Column}: {r.Reason}").ToArray());

    /// <summary>A finite number of at least zero, written with a dot (e.g. 1000 or 52.5).</summary>
    public static double? NonNegativeNumber(string text, string name, Dictionary<string, string[]> errors)
    {
        if (Numbers.TryParse(text, out var value) && value >= 0) return value;
        errors[name] = [$"'{text}' is not a number between 0 and {Numbers.Limit:0e0}"];
        return null;
    }

    // A JSON body may leave out or null any field, whatever the record declares: a missing id is named, not a 500.
    public static void Slug(string? value, string name, Dictionary<string, string[]> errors)
    {
        if (value is null) errors[name] = [$"'{name}' is required"];
        else if (!SlugPattern().IsMatch(value)) errors[name] = [$"'{value}' is not an id: use lower-case words joined by '-'"];
    }

    public static void RegionCode(string? value, string name, Dictionary<string, string[]> errors)
    {
        if (value is null) errors[name] = [$"'{name}' is required"];
        else if (!RegionPattern().IsMatch(value)) errors[name] = [$"'{value}' is not a region code: use a six-digit GB/T 2260 code or <county code>-<park>"];
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("^[1-9][0-9]{5}(-[a-z0-9]+(-[a-z0-9]+)*)?$")]
    private static partial Regex RegionPattern();
}
