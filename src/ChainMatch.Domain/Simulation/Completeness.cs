using ChainMatch.Domain.Gaps;
using ChainMatch.Domain.Graph;

namespace ChainMatch.Domain.Simulation;

/// <summary>
/// How complete a chain is in a region, from 0 to 1: 70 % the share of its segments held locally weighted by value
/// tier (a held tier-5 segment counts five times a tier-1 one), 30 % the share of its FEEDS links with both ends
/// held locally (the chain works as a chain, not as isolated plants). Weak segments count as held.
/// </summary>
public static class Completeness
{
    public const double SegmentWeight = 0.7, LinkWeight = 0.3;

    public static double Of(ChainGraph graph, RegionAnalysis analysis, ChainId chain) =>
        Of(graph, graph.SegmentsOf(chain).Where(s => analysis[s.Id].IsHeld).Select(s => s.Id).ToHashSet(), chain);

    /// <summary>Completeness when exactly <paramref name="held"/> are held: what anchor ranking varies without reassessing the region.</summary>
    public static double Of(ChainGraph graph, IReadOnlySet<SegmentId> held, ChainId chain)
    {
        var segments = graph.SegmentsOf(chain).ToList();
        var weighted = (double)segments.Where(s => held.Contains(s.Id)).Sum(s => s.ValueTier) / segments.Sum(s => s.ValueTier);
        var members = segments.Select(s => s.Id).ToHashSet();
        var links = segments.SelectMany(s => graph.FeedsFrom(s.Id)).Where(f => members.Contains(f.To)).ToList();
        var linked = links.Count == 0 ? 0 : (double)links.Count(f => held.Contains(f.From) && held.Contains(f.To)) / links.Count;
        return SegmentWeight * weighted + LinkWeight * linked;
    }
}
