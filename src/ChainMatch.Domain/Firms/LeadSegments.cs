using ChainMatch.Domain.Graph;

namespace ChainMatch.Domain.Firms;

/// <summary>Why a segment is offered for a lead on a firm.</summary>
public enum LeadSegmentBasis { Operates, Industry, Chain }

public sealed record LeadSegment(SegmentId Segment, LeadSegmentBasis Basis);

/// <summary>The segments a lead for a firm may name, as the firm page offers them.</summary>
public static class LeadSegments
{
    /// <summary>
    /// Where the firm operates first, then what its list industries, or its groups', map to (heaviest first; the holders
    /// <see cref="ChainGraph.IndustryHolders"/> names, as the ranking's industry affinity reads them), then the other segments of
    /// those segments' chains; each segment once, under the first basis that offers it.
    /// </summary>
    public static IReadOnlyList<LeadSegment> For(ChainGraph graph, FirmId firm)
    {
        var offered = new List<LeadSegment>();
        var seen = new HashSet<SegmentId>();
        void Offer(SegmentId segment, LeadSegmentBasis basis)
        {
            if (seen.Add(segment)) offered.Add(new LeadSegment(segment, basis));
        }
        foreach (var p in graph.PresencesOf(firm)) Offer(p.Segment, LeadSegmentBasis.Operates);
        var industries = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (holder, _) in graph.IndustryHolders(graph.IndexOf(firm)))
            foreach (var m in graph.MembershipIndexesOf(holder))
                if (graph.Data.Memberships[m].Industry is { } industry) industries.Add(industry);
        foreach (var x in graph.Data.IndustrySegments.Where(x => x.Segment is not null && x.Weight > 0 && industries.Contains(x.Industry)).OrderByDescending(x => x.Weight))
            Offer(x.Segment!.Value, LeadSegmentBasis.Industry);
        foreach (var chain in offered.ToList().SelectMany(s => graph.ChainsOf(s.Segment)).Distinct())
            foreach (var s in chain.Segments) Offer(s, LeadSegmentBasis.Chain);
        return offered;
    }
}
