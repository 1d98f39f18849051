using ChainMatch.Domain.Firms;
using ChainMatch.Domain.Gaps;
using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Leads;

namespace ChainMatch.Ranking.Leads;

/// <summary>
/// One firm to court for one of the region's gaps; <see cref="ExcludedBy"/> as for <see cref="Lead"/>; <see cref="Revenue"/>
/// in 亿元 from its latest list edition up to the date (see <see cref="Revenues"/>), null when no list gives one.
/// </summary>
public sealed record Target(
    string FirmId, string Name, string? NameEn, string? Headquarters, string Segment, string SegmentName,
    IReadOnlyList<string> Chains, GapKind GapKind, int GapPriority, double Score, int RankInGap, IReadOnlyList<string> Reasons, IReadOnlyList<string> ExcludedBy,
    double? Revenue);

public sealed record TargetList(string Region, string RegionName, DateOnly AsOf, int Gaps, IReadOnlyList<Target> Targets);

/// <summary>
/// Which targets to keep: a chain's gaps only, firms on a list, firms headquartered in a region, firms with at least
/// <see cref="MinRevenue"/> 亿元 of revenue (a firm no list gives a revenue for is then left out).
/// </summary>
public sealed record TargetFilter(ChainId? Chain = null, string? List = null, RegionCode? Headquarters = null, int PerGap = 5, bool IncludeExcluded = false,
    double? MinRevenue = null)
{
    /// <summary>List families a filter can name; a firm matches when it is on any edition of the family.</summary>
    public static readonly IReadOnlyList<string> Lists = ["fortune-global-500", "china-top-500", "china-private-top-500"];
}

/// <summary>The region's target list: the best leads of each of its gaps, highest score first.</summary>
public static class TargetLists
{
    public static TargetList Build(ChainGraph graph, LeadRanker ranker, RegionCode region, DateOnly asOf, TargetFilter filter)
    {
        var gaps = GapReports.GapList(graph, region, asOf, filter.Chain);
        if (filter.Headquarters is { } hq && graph.FindRegion(hq) is null) throw new NotFoundException("region", hq.Value);
        var revenues = new Dictionary<FirmId, double?>();
        double? Revenue(FirmId firm) => revenues.TryGetValue(firm, out var r) ? r : revenues[firm] = Revenues.Latest(graph, firm, asOf.Year);
        var include = Include(graph, filter, Revenue);
        var targets = gaps.Gaps
            .SelectMany(gap => ranker.Rank(graph, new Gap(new SegmentId(gap.Segment), region), asOf, filter.PerGap, include, filter.IncludeExcluded).Leads
                .Select(lead => new Target(lead.FirmId, lead.Name, lead.NameEn, lead.Headquarters, gap.Segment, gap.Name, gap.Chains,
                    gap.Kind, gap.Priority, lead.Score, lead.Rank, lead.Reasons, lead.ExcludedBy, Revenue(new FirmId(lead.FirmId)) is { } r ? Math.Round(r, 2) : null)))
            .OrderByDescending(t => t.Score)
            .ThenByDescending(t => t.GapPriority)
            .ThenBy(t => t.FirmId, StringComparer.Ordinal)
            .ToList();
        return new TargetList(gaps.Region, gaps.RegionName, asOf, gaps.Gaps.Count, targets);
    }

    static Func<Firm, bool>? Include(ChainGraph graph, TargetFilter filter, Func<FirmId, double?> revenue)
    {
        if (filter.List is null && filter.Headquarters is null && filter.MinRevenue is null) return null;
        return firm =>
            (filter.List is not { } list || graph.MembershipsOf(firm.Id).Any(m => m.List.Value.StartsWith(list + "-", StringComparison.Ordinal)))
            && (filter.Headquarters is not { } hq || (firm.Headquarters is { } at && graph.IsWithin(at, hq)))
            && (filter.MinRevenue is not { } min || revenue(firm.Id) >= min);
    }
}
