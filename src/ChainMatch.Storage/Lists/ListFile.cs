using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace ChainMatch.Storage.Lists;

/// <summary>One row of a ranked list as published: rank and name, the rest when the list gives them.</summary>
public sealed record ListRow(int Line, int Rank, string Name, string? NameEn, string? Headquarters, double? Revenue, string? Industry, string? Uscc)
{
    /// <summary>The revenue's unit as the file writes it (e.g. "USD million"); checked against the list family on import.</summary>
    public string? RevenueUnit { get; init; }

    public string? Country { get; init; }
}

/// <summary>A problem with one cell or row, said so that the person fixing the file finds it.</summary>
public sealed record RowError(int Line, string? Column, string Reason)
{
    public override string ToString() => Column is null ? $"line {Line}: {Reason}" : $"line {Line}, column '{Column}': {Reason}";
}

/// <summary>
/// Reads a ranked list exported as CSV: UTF-8 (with or without byte-order mark) or GB18030 (what Excel writes on a
/// Chinese Windows), headers in English or Chinese. Every bad row is reported in one pass, not just the first.
/// </summary>
public static class ListFile
{
    static readonly Dictionary<string, string> Columns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["rank"] = "rank", ["排名"] = "rank", ["名次"] = "rank",
        ["name"] = "name", ["企业名称"] = "name", ["公司名称"] = "name", ["名称"] = "name",
        ["name_en"] = "name_en", ["英文名称"] = "name_en",
        ["headquarters"] = "headquarters", ["总部"] = "headquarters", ["总部所在地"] = "headquarters",
        ["revenue"] = "revenue", ["营业收入"] = "revenue", ["营收"] = "revenue",
        ["industry"] = "industry", ["行业"] = "industry", ["所属行业"] = "industry",
        ["uscc"] = "uscc", ["统一社会信用代码"] = "uscc",
        ["revenue_unit"] = "revenue_unit", ["营业收入单位"] = "revenue_unit", ["单位"] = "revenue_unit",
        ["country"] = "country", ["国家"] = "country", ["国家/地区"] = "country",
    };

    public static (IReadOnlyList<ListRow> Rows, IReadOnlyList<RowError> Errors) Read(byte[] content)
    {
        string text;
        try
        {
            text = CsvText.Decode(content);
        }
        catch (ListImportException e)
        {
            return ([], e.Errors);
        }
        using var reader = new StringReader(text);
        using var csv = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null });
        var errors = new List<RowError>();
        if (!csv.Read()) return ([], [new RowError(1, null, "the file is empty: a header line is required")]);
        var header = csv.Record!.Select(h => h.Trim()).ToArray();
        var index = new Dictionary<string, int>();
        for (var i = 0; i < header.Length; i++)
        {
            if (!Columns.TryGetValue(header[i], out var column)) errors.Add(new RowError(1, header[i], $"unknown column (expected: {string.Join(", ", Columns.Values.Distinct())})"));
            else if (!index.TryAdd(column, i)) errors.Add(new RowError(1, header[i], $"column '{column}' appears twice"));
        }
        foreach (var required in new[] { "rank", "name" })
            if (!index.ContainsKey(required)) errors.Add(new RowError(1, required, "missing column"));
        if (errors.Count > 0) return ([], errors);

        var rows = new List<ListRow>();
        var ranks = new Dictionary<int, int>();
        while (csv.Read())
        {
            var line = csv.RawRow;
            var fields = csv.Record!;
            if (fields.All(string.IsNullOrWhiteSpace)) continue;
            string? Cell(string column) => index.TryGetValue(column, out var i) && i < fields.Length && fields[i].Trim() is { Length: > 0 } v ? v : null;
            var before = errors.Count;
            // Control characters are refused in every cell, named by line and column (TextRules).
            for (var c = 0; c < fields.Length; c++)
                if (Domain.TextRules.Problem(fields[c]) is { } problem) errors.Add(new RowError(line, c < header.Length ? header[c] : null, problem));
            if (fields.Length != header.Length) errors.Add(new RowError(line, null, $"{fields.Length} fields where the header has {header.Length}"));
            var rankText = Cell("rank");
            int rank = 0;
            if (rankText is null) errors.Add(new RowError(line, "rank", "required"));
            else if (!int.TryParse(rankText, NumberStyles.None, CultureInfo.InvariantCulture, out rank) || rank < 1)
                errors.Add(new RowError(line, "rank", $"must be a whole number from 1, not '{rankText}'"));
            else if (!ranks.TryAdd(rank, line)) errors.Add(new RowError(line, "rank", $"rank {rank} is already given on line {ranks[rank]}"));
            var name = Cell("name");
            if (name is null) errors.Add(new RowError(line, "name", "required"));
            double? revenue = null;
            if (Cell("revenue") is { } revenueText)
            {
                if (Domain.Numbers.TryParse(revenueText.Replace(",", "", StringComparison.Ordinal), out var r) && r >= 0) revenue = r;
                else errors.Add(new RowError(line, "revenue", $"must be a non-negative number up to {Domain.Numbers.Limit:0e0}, not '{revenueText}'"));
            }
            var unit = Cell("revenue_unit");
            if (unit is not null && Domain.Firms.Revenues.UnitOf(unit) is null)
                errors.Add(new RowError(line, "revenue_unit", $"'{unit}' is not a revenue unit ChainMatch knows (USD million, 百万美元, 万元)"));
            var uscc = Cell("uscc");
            if (uscc is not null && !Seeds.SeedIds.IsUscc(uscc)) errors.Add(new RowError(line, "uscc", $"'{uscc}' is not an 18-character unified social credit code"));
            if (errors.Count == before)
                rows.Add(new ListRow(line, rank, name!, Cell("name_en"), Cell("headquarters"), revenue, Cell("industry"), uscc)
                {
                    RevenueUnit = unit is null ? null : Domain.Firms.Revenues.UnitOf(unit),
                    Country = Cell("country"),
                });
        }
        return (rows, errors);
    }
}
