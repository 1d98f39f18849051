using System.Globalization;
using ChainMatch.Domain.Reasons;
using CsvHelper;

namespace ChainMatch.Ranking.Leads;

/// <summary>Target lists as CSV for Excel: one header line, reasons in Chinese and in English, each joined into one cell.</summary>
public static class LeadCsv
{
    public static string Leads(LeadList list) => Write(
        ["rank", "firm_id", "name", "name_en", "headquarters", "score", "reasons", "reasons_en", "excluded_by"],
        list.Leads.Select(l => new object?[]
        {
            l.Rank, l.FirmId, l.Name, l.NameEn, l.Headquarters, l.Score,
            ReasonText.Join(l.Reasons, Language.Zh), ReasonText.Join(l.Reasons, Language.En), string.Join("; ", l.ExcludedBy),
        }));

    /// <summary>The columns of a target list export, one row per firm (the Excel workbook uses them too).</summary>
    public static readonly string[] TargetColumns =
        ["firm_id", "name", "name_en", "headquarters", "revenue_100m_yuan", "lists", "score", "gaps", "best_gap_kind", "best_gap_priority", "reasons", "reasons_en", "excluded_by"];

    public static string Targets(TargetList list) => Write(TargetColumns, list.Targets.Select(TargetRow));

    /// <summary>A target as export cells: lists as "edition #rank", gaps best first as "segment (score, #rank in gap)".</summary>
    public static object?[] TargetRow(Target t) =>
    [
        t.FirmId, t.Name, t.NameEn, t.Headquarters, t.Revenue,
        string.Join("; ", t.Lists.Select(l => l.Rank is { } r ? $"{l.Edition} #{r}" : l.Edition)), t.Score,
        string.Join("; ", t.Gaps.Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.SegmentName} ({g.Score:0.###}, #{g.RankInGap})"))),
        System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(t.Gaps[0].GapKind.ToString()), t.Gaps[0].GapPriority,
        ReasonText.Join(t.Reasons, Language.Zh), ReasonText.Join(t.Reasons, Language.En), string.Join("; ", t.ExcludedBy),
    ];

    /// <summary>Every CSV the service and the CLI write (leads, targets, the audit log) goes through here.</summary>
    public static string Write(string[] header, IEnumerable<object?[]> rows)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using var csv = new CsvWriter(text, CultureInfo.InvariantCulture);
        foreach (var h in header) csv.WriteField(Neutralise(h));
        csv.NextRecord();
        foreach (var row in rows)
        {
            foreach (var field in row) csv.WriteField(field is string s ? Neutralise(s) : field);
            csv.NextRecord();
        }
        csv.Flush();
        return text.ToString();
    }

    static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>
    /// Text that a spreadsheet would run as a formula (a firm named "=HYPERLINK(…)" or "+cmd|…") gets a leading single
    /// quote, as OWASP advises for CSV injection, so Excel shows it as text. Cells written from numbers are left as they
    /// are: a number such as -2.5 is not a formula, and quoting it would turn it into text in the sheet.
    /// </summary>
    public static string Neutralise(string cell) => cell.Length > 0 && FormulaStarts.Contains(cell[0]) ? "'" + cell : cell;
}
