using ChainMatch.Domain.Gaps;
using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Leads;

namespace ChainMatch.Ranking.Leads;

/// <summary>One firm to court for one of the region's gaps; <see cref="ExcludedBy"/> as for <see cref="Lead"/>.</summary>
public sealed record Target(
    string FirmId, string Name, string? NameEn, string? Headquarters, string Segment, string SegmentName,
    IReadOnlyList<string> Chains, GapKind GapKind, int GapPriority, double Score, int RankInGap, IReadOnlyList<string> Reasons, IReadOnlyList<string> ExcludedBy);

public sealed record TargetList(string Region, string RegionName, DateOnly AsOf, int Gaps, IReadOnlyList<Target> Targets);

/// <summary>Which targets to keep: a chain's gaps only, firms on a list, firms headquartered in a region.</summary>
public sealed record TargetFilter(ChainId? Chain = null, string? List = null, RegionCode? Headquarters = null, int PerGap = 5, bool IncludeExcluded = false)
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
        var include = Include(graph, filter);
        var targets = gaps.Gaps
            .SelectMany(gap => ranker.Rank(graph, new Gap(new SegmentId(gap.Segment), region), asOf, filter.PerGap, include, filter.IncludeExcluded).Leads
                .Select(lead => new Target(lead.FirmId, lead.Name, lead.NameEn, lead.Headquarters, gap.Segment, gap.Name, gap.Chains,
                    gap.Kind, gap.Priority, lead.Score, lead.Rank, lead.Reasons, lead.ExcludedBy)))
            .OrderByDescending(t => t.Score)
            .ThenByDescending(t => t.GapPriority)
            .ThenBy(t => t.FirmId, StringComparer.Ordinal)
            .ToList();
        return new TargetList(gaps.Region, gaps.RegionName, asOf, gaps.Gaps.Count, targets);
    }

    static Func<Firm, bool>? Include(ChainGraph graph, TargetFilter filter)
    {
        if (filter.List is null && filter.Headquarters is null) return null;
        return firm =>
            (filter.List is not { } list || graph.MembershipsOf(firm.Id).Any(m => m.List.Value.StartsWith(list + "-", StringComparison.Ordinal)))
            && (filter.Headquarters is not { } hq || (firm.Headquarters is { } at && graph.IsWithin(at, hq)));
    }
}
