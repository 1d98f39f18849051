using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace ChainMatch.Storage.Seeds;

/// <summary>One CSV file read as rows of named fields, each row knowing its file and line for error messages.</summary>
sealed class CsvTable
{
    public required string File { get; init; }
    public required IReadOnlyList<CsvRow> Rows { get; init; }

    /// <summary>Reads <c>name.csv</c> and every <c>name/*.csv</c> (by file name) under the seed folder.</summary>
    public static IEnumerable<CsvTable> ReadAll(string folder, string name, IReadOnlyCollection<string> required, IReadOnlyCollection<string> optional)
    {
        var files = new List<string>();
        var single = Path.Combine(folder, name + ".csv");
        if (System.IO.File.Exists(single)) files.Add(single);
        var dir = Path.Combine(folder, name);
        if (Directory.Exists(dir)) files.AddRange(Directory.GetFiles(dir, "*.csv").OrderBy(f => f, StringComparer.Ordinal));
        return files.Select(f => Read(folder, f, required, optional));
    }

    static CsvTable Read(string folder, string path, IReadOnlyCollection<string> required, IReadOnlyCollection<string> optional)
    {
        var file = Path.GetRelativePath(folder, path).Replace('\\', '/');
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null, DetectDelimiter = false };
        using var parser = new CsvParser(reader, config);
        if (!parser.Read()) throw new SeedFormatException(file, 1, "empty file: a header line is required");
        var header = parser.Record!.Select(h => h.Trim()).ToArray();
        foreach (var h in header)
            if (!required.Contains(h) && !optional.Contains(h))
                throw new SeedFormatException(file, 1, $"unknown column '{h}' (expected: {string.Join(", ", required.Concat(optional))})");
        foreach (var r in required)
            if (!header.Contains(r)) throw new SeedFormatException(file, 1, $"missing column '{r}'");
        var duplicate = header.GroupBy(h => h).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new SeedFormatException(file, 1, $"column '{duplicate.Key}' appears twice");

        var rows = new List<CsvRow>();
        while (parser.Read())
        {
            var fields = parser.Record!;
            var line = parser.RawRow;
            if (fields.All(string.IsNullOrWhiteSpace)) continue;
            if (fields.Length != header.Length)
                throw new SeedFormatException(file, line, $"{fields.Length} fields where the header has {header.Length}");
            rows.Add(new CsvRow(file, line, header.Zip(fields).ToDictionary(p => p.First, p => p.Second.Trim())));
        }
        return new CsvTable { File = file, Rows = rows };
    }
}

/// <summary>A CSV row with typed accessors that fail with file, line and column.</summary>
sealed class CsvRow(string file, int line, IReadOnlyDictionary<string, string> fields)
{
    public string File => file;
    public int Line => line;
    public string Place => $"{file}:{line}";

    public SeedFormatException Error(string reason) => new(file, line, reason);

    public string Required(string column) =>
        Optional(column) ?? throw Error($"'{column}' is required");

    public string? Optional(string column) =>
        !fields.TryGetValue(column, out var v) || v.Length == 0 ? null
        : Domain.TextRules.Problem(v) is { } problem ? throw Error($"'{column}' {problem}") : v;

    public int? Int(string column, int min = int.MinValue, int max = int.MaxValue)
    {
        if (Optional(column) is not { } text) return null;
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            throw Error($"'{column}' must be a whole number, not '{text}'");
        if (value < min || value > max) throw Error($"'{column}' must be between {min} and {max}, not {value}");
        return value;
    }

    public double? Number(string column)
    {
        if (Optional(column) is not { } text) return null;
        if (!Domain.Numbers.TryParse(text, out var value))
            throw Error($"'{column}' must be {Domain.Numbers.Rule}, not '{text}'");
        if (value < 0) throw Error($"'{column}' must not be negative, not {text}");
        return value;
    }

    /// <summary>A number that may be negative but must lie in [min, max], e.g. a latitude.</summary>
    public double? Number(string column, double min, double max)
    {
        if (Optional(column) is not { } text) return null;
        if (!Domain.Numbers.TryParse(text, out var value))
            throw Error($"'{column}' must be {Domain.Numbers.Rule}, not '{text}'");
        if (value < min || value > max) throw Error($"'{column}' must be between {min} and {max}, not {text}");
        return value;
    }

    public bool Flag(string column) => Optional(column) switch
    {
        null or "false" => false,
        "true" => true,
        var other => throw Error($"'{column}' must be true, false or empty, not '{other}'"),
    };
}
