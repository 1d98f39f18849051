using ChainMatch.Domain.Gaps;
using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Leads;
using ChainMatch.Domain.Simulation;

namespace ChainMatch.Ranking.Simulation;

public sealed record RankedAnchor(
    string FirmId, string Name, IReadOnlyList<string> Segments, double CompletenessGain, int FollowerPull, IReadOnlyList<string> Followers, double BestGapScore, int Rank);

public sealed record AnchorRankingReport(string Chain, string Region, string RegionName, DateOnly AsOf, double CompletenessBefore, int Candidates, IReadOnlyList<RankedAnchor> Anchors);

/// <summary>
/// Every firm that could fill a gap of a chain in a region, ranked by what landing it would bring: first the chain
/// completeness it adds (it would hold the chain's segments it runs elsewhere; completeness depends only on which
/// segments are held, so no graph is rebuilt per candidate), then its follower pull (its known suppliers and customers
/// in the chain not yet in the region), then the model's score for its best gap. The full simulation, with followers
/// re-ranked, is for the anchors a planner then looks at.
/// </summary>
public sealed class AnchorRanking(Leads.LeadRanker ranker)
{
    public AnchorRankingReport Rank(ChainGraph graph, ChainId chain, RegionCode region, DateOnly asOf, int top = 20, int? maxCandidates = null)
    {
        var place = graph.FindRegion(region) ?? throw new NotFoundException("region", region.Value);
        if (graph.FindChain(chain) is null) throw new NotFoundException("chain", chain.Value);
        var analysis = RegionAnalysis.Run(graph, region, asOf);
        var chainSegments = graph.SegmentsOf(chain).Select(s => s.Id).ToList();
        var held = chainSegments.Where(s => analysis[s].IsHeld).ToHashSet();
        var gaps = chainSegments.Where(s => analysis[s].IsGap && !held.Contains(s)).ToList();
        var before = Completeness.Of(graph, held, chain);

        // Candidates: firms running a gap segment somewhere, scored by the model for that gap.
        var best = new Dictionary<FirmId, float>();
        foreach (var gap in gaps)
        {
            var (set, scores) = ranker.Score(graph, new Gap(gap, region), asOf);
            for (var i = 0; i < set.Count; i++)
                if (set.Row(i)[(int)LeadFeature.SegmentSitesElsewhere] > 0 && (!best.TryGetValue(set.FirmAt(i).Id, out var b) || scores[i] > b))
                    best[set.FirmAt(i).Id] = scores[i];
        }
        var candidates = best.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key.Value, StringComparer.Ordinal)
            .Take(maxCandidates ?? int.MaxValue).ToList();

        var inChain = chainSegments.ToHashSet();
        var partners = Partners(graph, asOf);
        var ranked = candidates.Select(kv =>
            {
                var brings = graph.PresencesOf(kv.Key).Where(p => p.IsActiveIn(asOf.Year) && inChain.Contains(p.Segment)).Select(p => p.Segment).Distinct().ToList();
                var after = new HashSet<SegmentId>(held);
                after.UnionWith(brings);
                var followers = partners.GetValueOrDefault(kv.Key, [])
                    .Where(f => !graph.PresencesOf(f).Any(p => p.IsActiveIn(asOf.Year) && graph.IsWithin(p.Region, region))
                        && graph.PresencesOf(f).Any(p => p.IsActiveIn(asOf.Year) && inChain.Contains(p.Segment)))
                    .Distinct().ToList();
                return (Firm: kv.Key, Brings: brings, Gain: Completeness.Of(graph, after, chain) - before, Followers: followers, Score: kv.Value);
            })
            .OrderByDescending(x => Math.Round(x.Gain, 6)).ThenByDescending(x => x.Followers.Count).ThenByDescending(x => x.Score).ThenBy(x => x.Firm.Value, StringComparer.Ordinal)
            .Take(top)
            .Select((x, i) => new RankedAnchor(x.Firm.Value, graph.FindFirm(x.Firm)!.Name, [.. x.Brings.Select(s => s.Value)], Math.Round(x.Gain, 4),
                x.Followers.Count, [.. x.Followers.Take(5).Select(f => graph.FindFirm(f)!.Name)], Math.Round(x.Score, 4), i + 1))
            .ToList();
        return new AnchorRankingReport(chain.Value, region.Value, place.Name, asOf, Math.Round(before, 4), candidates.Count, ranked);
    }

    /// <summary>Known supply partners of each firm, both ways.</summary>
    static Dictionary<FirmId, List<FirmId>> Partners(ChainGraph graph, DateOnly asOf)
    {
        var partners = new Dictionary<FirmId, List<FirmId>>();
        foreach (var s in graph.Data.Supplies.Where(s => s.Since is null || s.Since <= asOf.Year))
        {
            (partners.TryGetValue(s.Supplier, out var a) ? a : partners[s.Supplier] = []).Add(s.Customer);
            (partners.TryGetValue(s.Customer, out var b) ? b : partners[s.Customer] = []).Add(s.Supplier);
        }
        return partners;
    }
}
