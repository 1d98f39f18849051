using System.Globalization;
using CsvHelper;

namespace ChainMatch.Ranking.Leads;

/// <summary>Target lists as CSV for Excel: one header line, reasons joined by "; ".</summary>
public static class LeadCsv
{
    public static string Leads(LeadList list) => Write(
        ["rank", "firm_id", "name", "name_en", "headquarters", "score", "reasons", "excluded_by"],
        list.Leads.Select(l => new object?[] { l.Rank, l.FirmId, l.Name, l.NameEn, l.Headquarters, l.Score, string.Join("; ", l.Reasons), string.Join("; ", l.ExcludedBy) }));

    public static string Targets(TargetList list) => Write(
        ["firm_id", "name", "name_en", "headquarters", "segment", "segment_name", "chains", "gap_kind", "gap_priority", "score", "rank_in_gap", "reasons", "excluded_by", "revenue_100m_yuan"],
        list.Targets.Select(t => new object?[]
        {
            t.FirmId, t.Name, t.NameEn, t.Headquarters, t.Segment, t.SegmentName, string.Join(" ", t.Chains),
            System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(t.GapKind.ToString()), t.GapPriority, t.Score, t.RankInGap, string.Join("; ", t.Reasons),
            string.Join("; ", t.ExcludedBy), t.Revenue,
        }));

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
