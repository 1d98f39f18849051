using System.Globalization;
using CsvHelper;

namespace ChainMatch.Ranking.Leads;

/// <summary>Target lists as CSV for Excel: one header line, reasons joined by "; ".</summary>
public static class LeadCsv
{
    public static string Leads(LeadList list) => Write(
        ["rank", "firm_id", "name", "name_en", "headquarters", "score", "reasons", "excluded_by"],
        list.Leads.Select(l => new object?[] { l.Rank, l.FirmId, l.Name, l.NameEn, l.Headquarters, l.Score, string.Join("; ", l.Reasons), string.Join("; ", l.ExcludedBy) }));

    /// <summary>The columns of a target list export, one row per firm (the Excel workbook uses them too).</summary>
    public static readonly string[] TargetColumns =
        ["firm_id", "name", "name_en", "headquarters", "revenue_100m_yuan", "lists", "score", "gaps", "best_gap_kind", "best_gap_priority", "reasons", "excluded_by"];

    public static string Targets(TargetList list) => Write(TargetColumns, list.Targets.Select(TargetRow));

    /// <summary>A target as export cells: lists as "edition #rank", gaps best first as "segment (score, #rank in gap)".</summary>
    public static object?[] TargetRow(Target t) =>
    [
        t.FirmId, t.Name, t.NameEn, t.Headquarters, t.Revenue,
        string.Join("; ", t.Lists.Select(l => l.Rank is { } r ? $"{l.Edition} #{r}" : l.Edition)), t.Score,
        string.Join("; ", t.Gaps.Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.SegmentName} ({g.Score:0.###}, #{g.RankInGap})"))),
        System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(t.Gaps[0].GapKind.ToString()), t.Gaps[0].GapPriority,
        string.Join("; ", t.Reasons), string.Join("; ", t.ExcludedBy),
    ];

    /// <summary>Any table written the same way (the audit export uses it too).</summary>
    public static string Write(string[] header, IEnumerable<object?[]> rows)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using var csv = new CsvWriter(text, CultureInfo.InvariantCulture);
        foreach (var h in header) csv.WriteField(h);
        csv.NextRecord();
        foreach (var row in rows)
        {
            foreach (var field in row) csv.WriteField(field);
            csv.NextRecord();
        }
        csv.Flush();
        return text.ToString();
    }
}
