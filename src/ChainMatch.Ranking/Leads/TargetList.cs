using ChainMatch.Domain.Firms;
using ChainMatch.Domain.Gaps;
using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Leads;
using ChainMatch.Domain.Reasons;

namespace ChainMatch.Ranking.Leads;

/// <summary>One of the region's gaps a target firm fits, with the firm's score and rank there and the reasons.</summary>
public sealed record GapFit(
    string Segment, string SegmentName, IReadOnlyList<string> Chains, GapKind GapKind, int GapPriority, double Score, int RankInGap, IReadOnlyList<Reason> Reasons);

/// <summary>A firm's place on one list edition (up to the target list's date).</summary>
public sealed record ListStanding(string List, string Edition, int Year, int? Rank);

/// <summary>
/// One firm to court, with the gaps it fits best first; <see cref="Score"/> and <see cref="Reasons"/> are those of its
/// best gap; <see cref="ExcludedBy"/> as for <see cref="Lead"/>; <see cref="Revenue"/> in 亿元 from its latest list
/// edition up to the date (see <see cref="Revenues"/>), null when no list gives one.
/// </summary>
public sealed record Target(
    string FirmId, string Name, string? NameEn, string? Headquarters, double Score, double? Revenue, IReadOnlyList<ListStanding> Lists,
    IReadOnlyList<GapFit> Gaps, IReadOnlyList<Reason> Reasons, IReadOnlyList<string> ExcludedBy);

/// <summary>The target list: <see cref="Firms"/> firms (one row each) over <see cref="Gaps"/> gaps.</summary>
public sealed record TargetList(string Region, string RegionName, DateOnly AsOf, int Gaps, int Firms, IReadOnlyList<Target> Targets);

/// <summary>
/// Which targets to keep: a chain's gaps only, firms on a list, firms headquartered in a region, firms with at least
/// <see cref="MinRevenue"/> 亿元 of revenue (a firm no list gives a revenue for is then left out).
/// </summary>
public sealed record TargetFilter(ChainId? Chain = null, ListFamily? List = null, RegionCode? Headquarters = null, int PerGap = 5, bool IncludeExcluded = false,
    double? MinRevenue = null)
{
}

/// <summary>The region's target list: the best leads of each of its gaps, gathered by firm, highest best score first.</summary>
public static class TargetLists
{
    public static TargetList Build(ChainGraph graph, LeadRanker ranker, RegionCode region, DateOnly asOf, TargetFilter filter)
    {
        var gaps = GapReports.GapList(graph, region, asOf, filter.Chain);
        if (filter.Headquarters is { } hq && graph.FindRegion(hq) is null) throw new NotFoundException("region", hq.Value);
        var revenues = new Dictionary<FirmId, double?>();
        double? Revenue(FirmId firm) => revenues.TryGetValue(firm, out var r) ? r : revenues[firm] = Revenues.Latest(graph, firm, asOf.Year);
        var include = Include(graph, filter, Revenue);
        var fits = gaps.Gaps
            .SelectMany(gap => ranker.Rank(graph, new Gap(new SegmentId(gap.Segment), region), asOf, filter.PerGap, include, filter.IncludeExcluded).Leads
                .Select(lead => (Lead: lead, Fit: new GapFit(gap.Segment, gap.Name, gap.Chains, gap.Kind, gap.Priority, lead.Score, lead.Rank, lead.Reasons))));
        var targets = fits
            .GroupBy(x => x.Lead.FirmId)
            .Select(firm =>
            {
                var best = firm.OrderByDescending(x => x.Fit.Score).ThenByDescending(x => x.Fit.GapPriority).ThenBy(x => x.Fit.Segment, StringComparer.Ordinal).ToList();
                var lead = best[0].Lead;
                var id = new FirmId(lead.FirmId);
                return new Target(lead.FirmId, lead.Name, lead.NameEn, lead.Headquarters, lead.Score, Revenue(id) is { } r ? Math.Round(r, 2) : null,
                    Standings(graph, id, asOf.Year), [.. best.Select(x => x.Fit)], lead.Reasons, lead.ExcludedBy);
            })
            .OrderByDescending(t => t.Score)
            .ThenByDescending(t => t.Gaps[0].GapPriority)
            .ThenBy(t => t.FirmId, StringComparer.Ordinal)
            .ToList();
        return new TargetList(gaps.Region, gaps.RegionName, asOf, gaps.Gaps.Count, targets.Count, targets);
    }

    /// <summary>The firm's standing on each list family: its latest edition up to the year, newest family first.</summary>
    static IReadOnlyList<ListStanding> Standings(ChainGraph graph, FirmId firm, int year) =>
        [.. graph.MembershipsOf(firm)
            .Select(m => (Membership: m, Edition: graph.Data.Lists.First(l => l.Id == m.List)))
            .Where(x => x.Edition.Year <= year)
            .GroupBy(x => ListFamily.Of(x.Edition.Id)?.Id ?? x.Edition.Id.Value)
            .Select(g => g.OrderByDescending(x => x.Edition.Year).First())
            .Select(x => new ListStanding(x.Edition.Id.Value, x.Edition.Name, x.Edition.Year, x.Membership.Rank))];

    static Func<Firm, bool>? Include(ChainGraph graph, TargetFilter filter, Func<FirmId, double?> revenue)
    {
        if (filter.List is null && filter.Headquarters is null && filter.MinRevenue is null) return null;
        return firm =>
            (filter.List is not { } list || graph.MembershipsOf(firm.Id).Any(m => ListFamily.Of(m.List) == list))
            && (filter.Headquarters is not { } hq || (firm.Headquarters is { } at && graph.IsWithin(at, hq)))
            && (filter.MinRevenue is not { } min || revenue(firm.Id) >= min);
    }
}
