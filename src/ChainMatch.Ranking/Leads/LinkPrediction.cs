using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Leads;

namespace ChainMatch.Ranking.Leads;

/// <summary>
/// Training queries from the graph itself: for each firm, segment and prefecture where a sourced presence
/// exists, hide everything the firm has in that prefecture, its projects there included (so the graph looks as
/// it did before the firm arrived, and the project that is the arrival cannot give it away), pose the segment in
/// the prefecture as a gap, and the firm is the relevant candidate. Used where the project library is thin.
/// </summary>
public static class LinkPrediction
{
    public sealed record Result(IReadOnlyList<LeadQuery> Queries, int Hidden, int Unreachable);

    /// <param name="within">Only presences inside this region are hidden (null: everywhere).</param>
    public static Result Build(ChainGraph graph, DateOnly asOf, RegionCode? within = null)
    {
        var finder = new LeadFinder(graph, asOf);
        var queries = new List<LeadQuery>();
        int hidden = 0, unreachable = 0;
        var arrivals = graph.Data.Presences
            .Where(p => p.IsActiveIn(asOf.Year) && p.Source.IsVerified)
            .Where(p => within is not { } scope || graph.IsWithin(p.Region, scope))
            // A presence known only at province level says too little about where the firm chose to go.
            .Select(p => (Presence: p, Prefecture: graph.PrefectureOf(p.Region)))
            .Where(x => x.Prefecture is not null)
            .Select(x => (x.Presence.Firm, x.Presence.Segment, Prefecture: x.Prefecture!.Code))
            .Distinct();
        foreach (var (firm, segment, prefecture) in arrivals)
        {
            hidden++;
            var before = graph.PresencesOf(firm).Where(p => graph.IsWithin(p.Region, prefecture)).ToList();
            var courted = graph.Data.Projects.Where(p => p.Firm == firm && graph.IsWithin(p.Region, prefecture)).ToList();
            if (Posed(new Gap(segment, prefecture), finder.Candidates(new Gap(segment, prefecture), before, courted), firm) is { } query) queries.Add(query);
            else unreachable++;
        }
        return new Result(queries, hidden, unreachable);
    }

    /// <summary>
    /// The arrivals whose year is known, each posed as the backtest poses a landing: with the graph as it stood at the
    /// end of the year before (the arrival, and anything the firm began later, not yet in it), the segment in the
    /// prefecture as the gap and the firm as the one relevant candidate. A firm already in the segment there that
    /// year is expanding, not arriving, and is left out. Only arrivals in or before <paramref name="asOf"/>'s year.
    /// </summary>
    public static Result Dated(ChainGraph graph, DateOnly asOf)
    {
        var finders = new Dictionary<int, LeadFinder>();
        var queries = new List<LeadQuery>();
        int hidden = 0, unreachable = 0;
        // A plant built in phases arrives once: with its first phase.
        var arrivals = graph.Data.Presences
            .Where(p => p.Since <= asOf.Year && p.Source.IsVerified && graph.PrefectureOf(p.Region) is not null)
            .GroupBy(p => (p.Firm, p.Segment, Prefecture: graph.PrefectureOf(p.Region)!.Code))
            .Select(g => (g.Key.Firm, g.Key.Segment, g.Key.Prefecture, Year: g.Min(p => p.Since!.Value)));
        foreach (var (firm, segment, prefecture, year) in arrivals)
        {
            if (graph.PresencesWithin(segment, prefecture).Any(p => p.Firm == firm && p.IsActiveIn(year - 1))) continue;
            hidden++;
            if (!finders.TryGetValue(year - 1, out var finder)) finders[year - 1] = finder = new LeadFinder(graph, new DateOnly(year - 1, 12, 31));
            if (Posed(new Gap(segment, prefecture), finder.Candidates(new Gap(segment, prefecture)), firm) is { } query) queries.Add(query);
            else unreachable++;
        }
        return new Result(queries, hidden, unreachable);
    }

    /// <summary>A seeded split by gap, so that no gap is in both parts.</summary>
    public static (List<LeadQuery> Train, List<LeadQuery> Test) Split(IEnumerable<LeadQuery> queries, double testShare, int seed)
    {
        var train = new List<LeadQuery>();
        var test = new List<LeadQuery>();
        foreach (var q in queries)
            (Bucket(q.Gap, seed) < testShare ? test : train).Add(q);
        return (train, test);
    }

    /// <summary>FNV-1a of the gap and seed mapped to [0, 1): stable across runs and machines, unlike string.GetHashCode.</summary>
    internal static double Bucket(Gap gap, int seed)
    {
        var hash = 2166136261u ^ (uint)seed;
        foreach (var ch in gap.ToString())
        {
            hash ^= ch;
            hash *= 16777619;
        }
        return hash / (double)uint.MaxValue;
    }

    public static RankingSet ToRankingSet(IReadOnlyList<LeadQuery> queries)
    {
        var rows = queries.Sum(q => q.Candidates.Count);
        var features = new float[rows * LeadFeatures.Count];
        var labels = new float[rows];
        var row = 0;
        foreach (var q in queries)
            for (var i = 0; i < q.Candidates.Count; i++, row++)
            {
                q.Candidates[i].Features.CopyTo(features, row * LeadFeatures.Count);
                labels[row] = q.Labels[i];
            }
        return new RankingSet(features, LeadFeatures.Count, labels, queries.Select(q => (uint)q.Candidates.Count).ToArray());
    }

    /// <summary>
    /// The gap as a query with <paramref name="firm"/> its one relevant candidate; null when the firm has no other tie to
    /// the segment or its neighbours, so candidate generation cannot reach it.
    /// </summary>
    static LeadQuery? Posed(Gap gap, IEnumerable<LeadCandidate> gathered, FirmId firm)
    {
        // Sorted so that the training rows do not depend on how candidates happen to be gathered.
        var candidates = gathered.OrderBy(c => c.Firm.Id.Value, StringComparer.Ordinal).ToList();
        var labels = candidates.Select(c => c.Firm.Id == firm ? 1 : 0).ToList();
        return labels.Contains(1) ? new LeadQuery(gap, candidates, labels) : null;
    }
}
