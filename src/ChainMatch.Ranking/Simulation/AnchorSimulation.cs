using ChainMatch.Domain;
using ChainMatch.Domain.Gaps;
using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Leads;
using ChainMatch.Domain.Reasons;
using ChainMatch.Domain.Projects;
using ChainMatch.Domain.Simulation;

namespace ChainMatch.Ranking.Simulation;

public sealed record AnchorSite(string Segment, string Name, double? Capacity, string? Unit);

public sealed record SegmentChange(string Segment, string Name, SegmentStatus Before, SegmentStatus After, GapKind? GapBefore, GapKind? GapAfter);

public sealed record Follower(string FirmId, string Name, string Gap, string GapName, double OldScore, double NewScore, int? OldRank, int NewRank, IReadOnlyList<Reason> Reasons);

public sealed record FollowOnEstimate(double Amount, int Followers, string Method);

/// <summary>An anchor not (yet) in the graph, described by what it announces: a name and the segments it would run, with capacities where known.</summary>
public sealed record InlineAnchor(string Name, string? NameEn, RegionCode? Headquarters, IReadOnlyList<(SegmentId Segment, Quantity? Capacity)> Segments);

public sealed record AloneGain(string Firm, string Name, double Gain, IReadOnlyList<ConstraintCheck> Constraints);

/// <summary>Several anchors against each alone; <see cref="BrokenOnlyTogether"/> names the constraints they break together but none breaks alone.</summary>
public sealed record ScenarioComparison(
    string Region, string Chain, DateOnly AsOf, double CompletenessBefore, IReadOnlyList<AloneGain> Alone, double TogetherGain, double SumOfAlone, string Verdict, string Explanation,
    IReadOnlyList<ConstraintCheck> Constraints, IReadOnlyList<string> BrokenOnlyTogether);

public sealed record SimulationReport(
    string Anchor, string AnchorName, string Region, string RegionName, string Chain, DateOnly AsOf, IReadOnlyList<AnchorSite> Sites,
    double CompletenessBefore, double CompletenessAfter, IReadOnlyList<SegmentChange> Changes, IReadOnlyList<Follower> Followers, FollowOnEstimate FollowOn,
    IReadOnlyList<InputNeed> Inputs, IReadOnlyList<ResourceNeed> Resources, IReadOnlyList<ConstraintCheck> Constraints)
{
    /// <summary>Where the anchor already operates in the region (or a region under it) as of the date: the scenario adds to what is there.</summary>
    public IReadOnlyList<AnchorSite> AlreadyPresent { get; init; } = [];
}

/// <summary>
/// "If we land this anchor firm here, what follows?" The anchor's sites are added to an overlay of the snapshot (a new
/// immutable graph; the store is never touched), then the region is assessed again and every gap near the anchor
/// re-ranked: gaps closed or weakened, chain completeness before and after, the firms whose lead scores rose most
/// (followers) and why, and an estimate of follow-on investment with its method.
/// </summary>
public sealed class AnchorSimulation(Leads.LeadRanker ranker)
{
    const int FollowersShown = 10, LeadsPerGap = 5;
    static readonly Provenance Scenario = new("ChainMatch simulation", "anchor scenario (not a fact)");

    /// <summary>The same for an anchor described inline: it joins the overlay only, never the store.</summary>
    public SimulationReport Run(ChainGraph graph, FirmId anchorId, InlineAnchor inline, RegionCode region, ChainId chain, DateOnly asOf)
    {
        var (withFirm, sites) = Inline(graph, anchorId, inline, region, chain, asOf);
        return Run(withFirm, anchorId, region, chain, asOf, sites);
    }

    public SimulationReport Run(ChainGraph graph, FirmId anchorId, RegionCode region, ChainId chain, DateOnly asOf, IReadOnlyList<SegmentId>? segments = null) =>
        Run(graph, anchorId, region, chain, asOf, Sites(graph, anchorId, region, chain, asOf, segments, "segments"));

    /// <summary>The graph a scenario is assessed on: the anchor's sites added to a copy of the snapshot (for the "after" status map).</summary>
    public static ChainGraph Overlay(ChainGraph graph, FirmId anchorId, RegionCode region, ChainId chain, DateOnly asOf, IReadOnlyList<SegmentId>? segments) =>
        ChainGraph.Build(graph.Data with { Presences = graph.Data.Presences.AddRange(Sites(graph, anchorId, region, chain, asOf, segments, "segments")) });

    /// <summary>The same for an anchor described inline.</summary>
    public static ChainGraph Overlay(ChainGraph graph, FirmId anchorId, InlineAnchor inline, RegionCode region, ChainId chain, DateOnly asOf)
    {
        var (withFirm, sites) = Inline(graph, anchorId, inline, region, chain, asOf);
        return ChainGraph.Build(withFirm.Data with { Presences = withFirm.Data.Presences.AddRange(sites) });
    }

    static (ChainGraph WithFirm, List<Presence> Sites) Inline(ChainGraph graph, FirmId anchorId, InlineAnchor inline, RegionCode region, ChainId chain, DateOnly asOf)
    {
        if (graph.FindFirm(anchorId) is not null) throw new InvalidValueException("describe", $"firm '{anchorId}' already exists: simulate it by id, without a description");
        if (inline.Segments.Count == 0) throw new InvalidValueException("describe", "an anchor described inline needs the segments it would run");
        foreach (var (segment, _) in inline.Segments)
            if (graph.FindSegment(segment) is null) throw new NotFoundException("segment", segment.Value);
        RequireInChain(graph, chain, inline.Segments.Select(s => s.Segment), "describe");
        if (inline.Headquarters is { } hq && graph.FindRegion(hq) is null) throw new NotFoundException("region", hq.Value);
        var withFirm = ChainGraph.Build(graph.Data with { Firms = graph.Data.Firms.Add(new Firm(anchorId, inline.Name, inline.NameEn, inline.Headquarters, null, Scenario)) });
        return (withFirm, [.. inline.Segments.Select(s => new Presence(anchorId, s.Segment, region, s.Capacity, asOf.Year, null, "simulated anchor site", Scenario))]);
    }

    SimulationReport Run(ChainGraph graph, FirmId anchorId, RegionCode region, ChainId chain, DateOnly asOf, List<Presence> sites)
    {
        var anchor = graph.FindFirm(anchorId) ?? throw new NotFoundException("firm", anchorId.Value);
        var place = graph.FindRegion(region) ?? throw new NotFoundException("region", region.Value);
        if (graph.FindChain(chain) is null) throw new NotFoundException("chain", chain.Value);
        var chainSegments = graph.SegmentsOf(chain).Select(s => s.Id).ToHashSet();
        var chosen = sites.Select(s => s.Segment).ToList();
        var after = ChainGraph.Build(graph.Data with { Presences = graph.Data.Presences.AddRange(sites) });

        var before = RegionAnalysis.Run(graph, region, asOf);
        var afterAnalysis = RegionAnalysis.Run(after, region, asOf);
        var changes = graph.Segments
            .Select(s => (Before: before[s.Id], After: afterAnalysis[s.Id]))
            .Where(x => x.Before.Status != x.After.Status || x.Before.GapKind != x.After.GapKind)
            .Select(x => new SegmentChange(x.Before.Segment.Id.Value, x.Before.Segment.Name, x.Before.Status, x.After.Status, x.Before.GapKind, x.After.GapKind))
            .ToList();

        var followers = Followers(graph, after, afterAnalysis, anchorId, region, chainSegments, chosen, asOf);
        var inputs = AnchorNeeds.Inputs(graph, before, sites,
            input => [.. ranker.Rank(after, new Gap(input, region), asOf, 3, include: f => f.Id != anchorId).Leads.Select(l => l.Name)]);
        return new SimulationReport(anchorId.Value, anchor.Name, region.Value, place.Name, chain.Value, asOf,
            [.. sites.Select(s => new AnchorSite(s.Segment.Value, graph.FindSegment(s.Segment)!.Name, s.Capacity?.Amount, s.Capacity?.Unit))],
            Math.Round(Completeness.Of(graph, before, chain), 4), Math.Round(Completeness.Of(after, afterAnalysis, chain), 4),
            changes, followers, FollowOn(graph, followers), inputs, AnchorNeeds.Resources(graph, region, sites),
            ConstraintLayers.Check(graph, region, asOf, sites))
        {
            AlreadyPresent = [.. graph.PresencesOf(anchorId).Where(p => p.IsActiveIn(asOf.Year) && graph.IsWithin(p.Region, region))
                .Select(p => new AnchorSite(p.Segment.Value, graph.FindSegment(p.Segment)!.Name, p.Capacity?.Amount, p.Capacity?.Unit))],
        };
    }

    /// <summary>A scenario for a chain brings that chain's segments: a segment of another chain is refused naming the field.</summary>
    static void RequireInChain(ChainGraph graph, ChainId chain, IEnumerable<SegmentId> segments, string field)
    {
        if (graph.FindChain(chain) is null) throw new NotFoundException("chain", chain.Value);
        var inChain = graph.SegmentsOf(chain).Select(s => s.Id).ToHashSet();
        var outside = segments.Where(s => !inChain.Contains(s)).Select(s => s.Value).Distinct().ToList();
        if (outside.Count > 0)
            throw new InvalidValueException(field, $"{string.Join(", ", outside)} {(outside.Count == 1 ? "is not a segment" : "are not segments")} of chain '{chain}': choose among {string.Join(", ", inChain.Select(s => s.Value))}");
    }

    /// <summary>
    /// The sites an anchor would open: the segments named, or the chain's segments it runs elsewhere, each at the
    /// largest capacity it runs elsewhere when that is known.
    /// </summary>
    static List<Presence> Sites(ChainGraph graph, FirmId anchorId, RegionCode region, ChainId chain, DateOnly asOf, IReadOnlyList<SegmentId>? segments, string field)
    {
        var anchor = graph.FindFirm(anchorId) ?? throw new NotFoundException("firm", anchorId.Value);
        var chainSegments = graph.SegmentsOf(chain).Select(s => s.Id).ToHashSet();
        var active = graph.PresencesOf(anchorId).Where(p => p.IsActiveIn(asOf.Year)).ToList();
        var chosen = segments is { Count: > 0 } ? segments : active.Select(p => p.Segment).Where(chainSegments.Contains).Distinct().ToList();
        if (chosen.Count == 0) throw new InvalidValueException(field, $"{anchor.Name} operates no segment of chain '{chain}': name the segments it would bring");
        foreach (var s in chosen)
            if (graph.FindSegment(s) is null) throw new NotFoundException("segment", s.Value);
        RequireInChain(graph, chain, chosen, field);
        return [.. chosen.Select(s => new Presence(anchorId, s, region,
            active.Where(p => p.Segment == s && p.Capacity is not null).OrderByDescending(p => p.Capacity!.Amount).FirstOrDefault()?.Capacity,
            asOf.Year, null, "simulated anchor site", Scenario))];
    }

    /// <summary>
    /// Several anchors in one scenario against each alone: the completeness gain of all together against the sum of
    /// their gains alone. More than the sum: they reinforce each other (e.g. one makes what the other buys, closing the
    /// link between them); less: they overlap (they fill the same gaps).
    /// </summary>
    public ScenarioComparison Compare(ChainGraph graph, IReadOnlyList<(FirmId Firm, IReadOnlyList<SegmentId>? Segments)> anchors, RegionCode region, ChainId chain, DateOnly asOf)
    {
        if (anchors.Count < 2) throw new InvalidValueException("anchors", "a comparison needs two anchors or more");
        if (graph.FindRegion(region) is null) throw new NotFoundException("region", region.Value);
        if (graph.FindChain(chain) is null) throw new NotFoundException("chain", chain.Value);
        double CompletenessWith(IEnumerable<Presence> sites)
        {
            var overlay = ChainGraph.Build(graph.Data with { Presences = graph.Data.Presences.AddRange(sites) });
            return Completeness.Of(overlay, RegionAnalysis.Run(overlay, region, asOf), chain);
        }
        var before = Completeness.Of(graph, RegionAnalysis.Run(graph, region, asOf), chain);
        var sites = anchors.Select(a => (a.Firm, Sites: Sites(graph, a.Firm, region, chain, asOf, a.Segments, "anchors"))).ToList();
        var gains = sites.Select(a => CompletenessWith(a.Sites) - before).ToList();
        var alone = sites.Select((a, i) => new AloneGain(a.Firm.Value, graph.FindFirm(a.Firm)!.Name, Math.Round(gains[i], 4),
            ConstraintLayers.Check(graph, region, asOf, a.Sites))).ToList();
        var together = Math.Round(CompletenessWith(sites.SelectMany(a => a.Sites)) - before, 4);
        var constraints = ConstraintLayers.Check(graph, region, asOf, sites.SelectMany(a => a.Sites));
        var brokenAlone = alone.SelectMany(a => a.Constraints).Where(c => c.Broken).Select(Name).ToHashSet();
        var brokenOnlyTogether = constraints.Where(c => c.Broken && !brokenAlone.Contains(Name(c)))
            .Select(c => $"{Name(c)}: over by {c.Excess} {c.Unit} ({c.ExcessPercent}%)").ToList();
        var sum = Math.Round(gains.Sum(), 4);
        var verdict = together > sum + 1e-9 ? "reinforce" : together < sum - 1e-9 ? "overlap" : "independent";
        return new ScenarioComparison(region.Value, chain.Value, asOf, Math.Round(before, 4), alone, together, sum, verdict,
            verdict switch
            {
                "reinforce" => $"together they add {together:P1} of completeness, more than the {sum:P1} their gains alone sum to: they reinforce each other",
                "overlap" => $"together they add {together:P1}, less than the {sum:P1} alone: they fill some of the same gaps",
                _ => $"together they add {together:P1}, the sum of their gains alone: they neither help nor overlap",
            }, constraints, brokenOnlyTogether);

        static string Name(ConstraintCheck c) => $"{ConstraintKinds.Name(c.Kind)} on {c.Resource} in {c.RegionName} ({c.Region})";
    }

    /// <summary>Firms whose score for a gap near the anchor rose most, with the features that rose as the reasons.</summary>
    List<Follower> Followers(ChainGraph before, ChainGraph after, RegionAnalysis afterAnalysis, FirmId anchor, RegionCode region,
        HashSet<SegmentId> chainSegments, IReadOnlyList<SegmentId> anchorSegments, DateOnly asOf)
    {
        var near = anchorSegments
            .SelectMany(s => after.FeedsFrom(s).Select(f => f.To).Concat(after.FeedsInto(s).Select(f => f.From)))
            .Concat(chainSegments)
            .Except(anchorSegments)
            .Distinct()
            .Where(s => afterAnalysis[s].IsGap)
            .ToList();
        var followers = new List<Follower>();
        foreach (var segment in near)
        {
            var gap = new Gap(segment, region);
            var old = ranker.Score(before, gap, asOf);
            var oldRanks = Ranked(old);
            var now = ranker.Score(after, gap, asOf);
            var negative = new NegativeList(after, gap);
            foreach (var (firm, (score, rank, index)) in Ranked(now))
            {
                if (firm == anchor || rank > LeadsPerGap || negative.Catching(firm).Count > 0) continue;
                var had = oldRanks.TryGetValue(firm, out var previous);
                var rise = score - (had ? previous.Score : float.NegativeInfinity);
                if (rise <= 1e-6) continue;
                var evidence = now.Candidates.Evidence(index);
                var features = now.Candidates.Row(index).ToArray();
                var was = had ? old.Candidates.Row(previous.Index).ToArray() : null;
                var reasons = Enum.GetValues<LeadFeature>()
                    .Where(f => was is null || features[(int)f] > was[(int)f])
                    .Where(evidence.ContainsKey)
                    .Select(f => evidence[f])
                    .DefaultIfEmpty(Reason.Of(!had ? "follower.new_candidate" : "follower.gap_gains_local_tie"))
                    .Take(3)
                    .ToList();
                followers.Add(new Follower(firm.Value, now.Candidates.FirmAt(index).Name, segment.Value, after.FindSegment(segment)!.Name,
                    Math.Round(had ? previous.Score : 0, 4), Math.Round(score, 4), had ? previous.Rank : null, rank, reasons));
            }
        }
        return [.. followers.OrderByDescending(f => f.NewScore - f.OldScore).ThenBy(f => f.FirmId, StringComparer.Ordinal).Take(FollowersShown)];
    }

    /// <summary>Each candidate's score, rank (ties by firm id) and place in the set, by firm.</summary>
    static Dictionary<FirmId, (float Score, int Rank, int Index)> Ranked(Leads.ScoredCandidates scored) =>
        Enumerable.Range(0, scored.Candidates.Count)
            .Select(i => (Index: i, Firm: scored.Candidates.FirmAt(i).Id, Score: scored.Scores[i]))
            .OrderByDescending(x => x.Score).ThenBy(x => x.Firm.Value, StringComparer.Ordinal)
            .Select((x, r) => (x.Firm, x.Score, Rank: r + 1, x.Index))
            .ToDictionary(x => x.Firm, x => (x.Score, x.Rank, x.Index));

    /// <summary>Expected follow-on investment: for each follower, the share of library projects that got to signing times the median agreed investment of signed projects.</summary>
    static FollowOnEstimate FollowOn(ChainGraph graph, IReadOnlyList<Follower> followers)
    {
        var projects = graph.Data.Projects;
        var signed = projects.Where(p => p.History.Any(h => h.Stage == ProjectStage.Signed)).ToList();
        var amounts = signed.Select(p => p.AgreedInvestment).OfType<double>().Order().ToList();
        if (projects.Length == 0 || amounts.Count == 0)
            return new FollowOnEstimate(0, followers.Count, "no estimate: the project library holds no signed project with an agreed investment to learn from");
        var signingRate = (double)signed.Count / projects.Length;
        var median = amounts[amounts.Count / 2];
        return new FollowOnEstimate(Math.Round(followers.Count * signingRate * median, 1), followers.Count,
            $"followers ({followers.Count}) × share of library projects that reached signing ({signed.Count}/{projects.Length}) × median agreed investment of signed projects ({median} 亿元); an order of magnitude, not a forecast");
    }
}
