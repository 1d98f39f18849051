using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Leads;
using ChainMatch.Ranking.Trees;

namespace ChainMatch.Ranking.Leads;

public sealed record Lead(
    string FirmId, string Name, string? NameEn, string? Headquarters, double Score, int Rank, IReadOnlyList<string> Reasons);

public sealed record LeadList(
    string Segment, string SegmentName, string Region, string RegionName, DateOnly AsOf, int Candidates, IReadOnlyList<Lead> Leads);

/// <summary>Ranks a gap's candidates with the model and explains each lead by the features that raised its score most.</summary>
public sealed class LeadRanker(TreeEnsemble model)
{
    const int ReasonsPerLead = 3;

    public LeadList Rank(ChainGraph graph, Gap gap, DateOnly asOf, int top)
    {
        var segment = graph.FindSegment(gap.Segment) ?? throw new NotFoundException("segment", gap.Segment.Value);
        var region = graph.FindRegion(gap.Region) ?? throw new NotFoundException("region", gap.Region.Value);
        var candidates = new LeadFinder(graph, asOf).Candidates(gap);
        var scored = candidates
            .Select(c => (Candidate: c, Score: model.Score(c.Features)))
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Candidate.Firm.Id.Value, StringComparer.Ordinal)
            .Take(top)
            .Select((x, i) => new Lead(x.Candidate.Firm.Id.Value, x.Candidate.Firm.Name, x.Candidate.Firm.NameEn,
                x.Candidate.Firm.Headquarters is { } hq ? graph.FindRegion(hq)?.Name : null,
                Math.Round(x.Score, 4), i + 1, Reasons(x.Candidate)))
            .ToList();
        return new LeadList(segment.Id.Value, segment.Name, region.Code.Value, region.Name, asOf, candidates.Count, scored);
    }

    /// <summary>The evidence of the features that pushed the score up most; the strongest evidence when none did.</summary>
    IReadOnlyList<string> Reasons(LeadCandidate candidate)
    {
        var contributions = model.Contributions(candidate.Features);
        var explained = Enum.GetValues<LeadFeature>()
            .Where(f => candidate.Evidence.ContainsKey(f))
            .OrderByDescending(f => contributions[(int)f])
            .ToList();
        var raising = explained.Where(f => contributions[(int)f] > 0).ToList();
        return (raising.Count > 0 ? raising : explained).Take(ReasonsPerLead).Select(f => candidate.Evidence[f]).Distinct().ToList();
    }
}
