using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Leads;
using ChainMatch.Domain.Projects;

namespace ChainMatch.Ranking.Simulation;

public sealed record Pursuit(string Project, string Region, string RegionName, ProjectStage Stage, string OwnerTeam, double? Score, float ResourceFit);

public sealed record Conflict(string Firm, string FirmName, string Segment, string SegmentName, IReadOnlyList<Pursuit> Pursuits, string BestRegion, string Suggestion);

public sealed record ConflictReport(string Province, string ProvinceName, DateOnly AsOf, IReadOnlyList<Conflict> Conflicts);

/// <summary>
/// 全省一盘棋: open projects (not lost, not yet producing) where two or more prefectures of one province pursue the
/// same firm for the same segment, each with its stage and owner, and which region fits best: the highest model
/// score for the firm in that gap, resource fit breaking ties.
/// </summary>
public sealed class Coordination(Leads.LeadRanker ranker)
{
    public ConflictReport Conflicts(ChainGraph graph, RegionCode province, DateOnly asOf)
    {
        var root = graph.FindRegion(province) ?? throw new NotFoundException("region", province.Value);
        var open = graph.Data.Projects.Where(p => IsOpen(p, asOf) && graph.IsWithin(p.Region, province)).ToList();
        var conflicts = open
            .GroupBy(p => (p.Firm, p.Segment))
            .Where(g => g.Select(p => Prefecture(graph, p.Region)).Distinct().Count() > 1)
            .Select(g =>
            {
                var pursuits = g.Select(p =>
                {
                    var (candidates, scores) = ranker.Score(graph, new Gap(p.Segment, p.Region), asOf);
                    var i = Enumerable.Range(0, candidates.Count).FirstOrDefault(i => candidates.FirmAt(i).Id == p.Firm, -1);
                    var region = graph.FindRegion(p.Region)!;
                    return new Pursuit(p.Id, region.Code.Value, region.Name, p.Stage, p.OwnerTeam,
                        i < 0 ? null : Math.Round(scores[i], 4),
                        i < 0 ? 0 : candidates.Row(i)[(int)LeadFeature.ResourceFit]);
                }).OrderByDescending(p => p.Score ?? double.MinValue).ThenByDescending(p => p.ResourceFit).ToList();
                var best = pursuits[0];
                var suggestion = best.Score is null
                    ? $"no region can score {graph.FindFirm(g.Key.Firm)!.Name} here (it is no candidate anywhere): settle between the owners"
                    : $"{best.RegionName} fits best (model score {best.Score:0.###}{(best.ResourceFit > 0 ? ", holds the resources the segment needs" : "")}); the others should coordinate through the province rather than compete";
                return new Conflict(g.Key.Firm.Value, graph.FindFirm(g.Key.Firm)!.Name, g.Key.Segment.Value, graph.FindSegment(g.Key.Segment)!.Name,
                    pursuits, best.Region, suggestion);
            })
            .OrderBy(c => c.Firm, StringComparer.Ordinal).ThenBy(c => c.Segment, StringComparer.Ordinal)
            .ToList();
        return new ConflictReport(root.Code.Value, root.Name, asOf, conflicts);
    }

    /// <summary>
    /// Projects elsewhere in the province that already pursue this firm for this segment: the warning a new lead gets. It
    /// names the other region always, and the project, stage and owner only where <paramref name="showsProject"/> allows.
    /// </summary>
    public static IReadOnlyList<string> AlreadyPursued(ChainGraph graph, FirmId firm, SegmentId segment, RegionCode region, DateOnly asOf, Func<Project, bool>? showsProject = null)
    {
        var province = graph.ProvinceOf(region).Code;
        var here = Prefecture(graph, region);
        return graph.Data.Projects
            .Where(p => p.Firm == firm && p.Segment == segment && IsOpen(p, asOf) && graph.IsWithin(p.Region, province) && Prefecture(graph, p.Region) != here)
            .Select(p => showsProject?.Invoke(p) == false
                ? $"{graph.FindRegion(p.Region)!.Name} already pursues this firm for this segment"
                : $"{graph.FindRegion(p.Region)!.Name} already pursues this firm for this segment (project {p.Id}, {ProjectLifecycle.Name(p.Stage)}, owner {p.OwnerTeam})")
            .ToList();
    }

    static bool IsOpen(Project p, DateOnly asOf) =>
        p.History[0].Date <= asOf && p.Stage is not (ProjectStage.Lost or ProjectStage.InProduction or ProjectStage.CapitalAdded);

    static RegionCode Prefecture(ChainGraph graph, RegionCode region) => graph.PrefectureOf(region)?.Code ?? region;
}
