using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Reasons;

namespace ChainMatch.Domain.Gaps;

/// <summary>
/// Every segment of the graph assessed for one region (its whole subtree) as the graph stood on one date.
/// Assessed globally rather than per chain because FEEDS links cross chains: local battery cells are a
/// local buyer for aluminium foil.
/// </summary>
public sealed class RegionAnalysis
{
    readonly ChainGraph _graph;
    readonly Dictionary<SegmentId, SegmentAssessment> _assessments = [];

    public Region Region { get; }
    public DateOnly AsOf { get; }

    RegionAnalysis(ChainGraph graph, Region region, DateOnly asOf)
    {
        _graph = graph;
        Region = region;
        AsOf = asOf;
    }

    public static RegionAnalysis Run(ChainGraph graph, RegionCode region, DateOnly asOf)
    {
        var r = graph.FindRegion(region) ?? throw new ArgumentException($"unknown region '{region}'", nameof(region));
        var analysis = new RegionAnalysis(graph, r, asOf);
        analysis.Assess();
        return analysis;
    }

    public SegmentAssessment this[SegmentId segment] => _assessments[segment];

    public IEnumerable<SegmentAssessment> All => _graph.Segments.Select(s => _assessments[s.Id]);

    void Assess()
    {
        var year = AsOf.Year;
        var local = new Dictionary<SegmentId, (List<Presence> Verified, List<Presence> Unverified)>();
        foreach (var s in _graph.Segments)
        {
            var active = _graph.PresencesWithin(s.Id, Region.Code).Where(p => p.IsActiveIn(year)).ToList();
            local[s.Id] = (active.Where(p => p.Source.IsVerified).ToList(), active.Where(p => !p.Source.IsVerified).ToList());
        }

        bool Held(SegmentId id) => local[id].Verified.Count > 0;
        var heldIds = _graph.Segments.Where(s => Held(s.Id)).Select(s => s.Id).ToHashSet();
        var capacities = _graph.Segments.ToDictionary(s => s.Id, s => TotalCapacity(local[s.Id].Verified));
        var availableResources = _graph.ResourcesAvailableTo(Region.Code).Select(r => r.Resource).ToHashSet();
        var resourcesInUse = _graph.Segments.Where(s => heldIds.Contains(s.Id)).SelectMany(s => s.Needs).ToHashSet();

        foreach (var s in _graph.Segments)
        {
            var (verified, unverified) = local[s.Id];
            var suppliers = _graph.FeedsInto(s.Id).Select(f => f.From).Where(heldIds.Contains).Distinct().ToList();
            var buyers = _graph.FeedsFrom(s.Id).Select(f => f.To).Where(heldIds.Contains).Distinct().ToList();
            var reasons = new List<Reason>();
            var capacity = capacities[s.Id];
            double? coverage = null;

            SegmentStatus status;
            if (verified.Count == 0)
            {
                status = unverified.Count > 0 ? SegmentStatus.Unverified : SegmentStatus.Missing;
                if (status == SegmentStatus.Unverified)
                    reasons.Add(Reason.Of("gap.unverified_presence", ("count", unverified.Count)));
            }
            else
            {
                status = SegmentStatus.Present;
                reasons.Add(DescribeHolding(verified, capacity));
                if (BelowMinimumScale(s, verified, capacity) is { } scaleReason)
                {
                    status = SegmentStatus.Weak;
                    reasons.Add(scaleReason);
                }
                coverage = LocalCoverage(s, capacity, capacities, heldIds, out var coverageReason);
                if (coverage < GapRules.WeakCoverage)
                {
                    status = SegmentStatus.Weak;
                    reasons.Add(coverageReason!);
                }
            }

            GapKind? kind = status switch
            {
                SegmentStatus.Missing when s.ValueTier >= GapRules.HighValueTier => GapKind.HighValue,
                SegmentStatus.Missing => GapKind.Missing,
                SegmentStatus.Weak => GapKind.Weak,
                _ => null,
            };
            int? priority = kind is null
                ? null
                : Prioritise(s, status, suppliers, buyers, availableResources, resourcesInUse, heldIds, capacities, coverage, reasons);

            _assessments[s.Id] = new SegmentAssessment(
                s, status, [.. verified, .. unverified], suppliers, buyers, capacity, coverage, kind, priority, reasons);
        }
    }

    int Prioritise(
        Segment s,
        SegmentStatus status,
        List<SegmentId> suppliers,
        List<SegmentId> buyers,
        HashSet<ResourceId> availableResources,
        HashSet<ResourceId> resourcesInUse,
        HashSet<SegmentId> heldIds,
        Dictionary<SegmentId, Quantity?> capacities,
        double? coverage,
        List<Reason> reasons)
    {
        double points = 0;
        if (buyers.Count > 0)
        {
            points += GapRules.PointsPerLocalBuyer * Math.Min(buyers.Count, GapRules.MaxLocalBuyers);
            reasons.Add(Reason.Of("gap.feeds_local_buyers", ("count", buyers.Count), ("segments", Names(buyers))));
            if (status == SegmentStatus.Missing && LocalDemand(s, capacities, heldIds, null) is { } demand)
                reasons.Add(Reason.Of("gap.local_demand", ("consumers", demand.Consumers), ("demand", demand.Amount.ToString())));
        }
        if (suppliers.Count > 0)
        {
            points += GapRules.PointsPerLocalSupplier * Math.Min(suppliers.Count, GapRules.MaxLocalSuppliers);
            reasons.Add(Reason.Of("gap.fed_by_local_suppliers", ("count", suppliers.Count), ("segments", Names(suppliers))));
        }
        var localInputs = s.Needs.Where(availableResources.Contains).ToList();
        if (localInputs.Count > 0)
        {
            points += GapRules.PointsPerLocalResource * Math.Min(localInputs.Count, GapRules.MaxLocalResources);
            foreach (var r in localInputs)
            {
                var name = _graph.FindResource(r) is { } found ? Words.Of(found.Name, found.NameEn) : new Words(r.Value, r.Value);
                reasons.Add(Reason.Of(resourcesInUse.Contains(r) ? "gap.uses_local_resource" : "gap.local_resource_unused", ("resource", name)));
            }
        }
        if (buyers.Count == 0 && suppliers.Count == 0 && localInputs.Count == 0)
            reasons.Add(Reason.Of("gap.isolated"));

        points += GapRules.PointsPerValueTier * (s.ValueTier - 1);
        if (s.ValueTier >= GapRules.HighValueTier) reasons.Add(Reason.Of("gap.high_value", ("tier", s.ValueTier)));

        var (chain, held, total) = BestChainPresence(s, heldIds);
        if (total > 0)
        {
            points += GapRules.PointsForChainPresence * (double)held / total;
            if (held > 0) reasons.Add(Reason.Of("gap.chain_presence", ("held", held), ("total", total), ("chain", chain)));
        }
        if (coverage is { } c and < GapRules.WeakCoverage)
            points += GapRules.PointsForShortfall * (1 - c);

        return (int)Math.Round(Math.Clamp(points, 0, 100), MidpointRounding.AwayFromZero);
    }

    (Words Chain, int Held, int Total) BestChainPresence(Segment s, HashSet<SegmentId> heldIds) =>
        _graph.ChainsOf(s.Id)
            .Select(c => (Chain: Words.Of(c.Name, c.NameEn), Held: c.Segments.Count(heldIds.Contains), Total: c.Segments.Length))
            .OrderByDescending(x => (double)x.Held / x.Total)
            .FirstOrDefault();

    static Reason? BelowMinimumScale(Segment s, List<Presence> verified, Quantity? capacity)
    {
        if (s.WeakBelow is not { } min || capacity is null || capacity.Unit != min.Unit) return null;
        // Unknown capacities might make up the difference: only call it weak when every plant's figure is known.
        if (verified.Any(p => p.Capacity is null)) return null;
        return capacity.Amount < min.Amount
            ? Reason.Of("gap.below_minimum_scale", ("capacity", capacity.ToString()), ("minimum", min.ToString()))
            : null;
    }

    /// <summary>Local supply over what local buyers consume, from input coefficients; null when no figure allows it.</summary>
    double? LocalCoverage(
        Segment s, Quantity? capacity, Dictionary<SegmentId, Quantity?> capacities, HashSet<SegmentId> heldIds, out Reason? reason)
    {
        reason = null;
        if (capacity is null || Units.PerYear(capacity.Unit) is not { } supplyUnit) return null;
        if (LocalDemand(s, capacities, heldIds, supplyUnit) is not { } demand) return null;
        var coverage = capacity.Amount / demand.Amount.Amount;
        reason = Reason.Of("gap.low_coverage", ("capacity", capacity.ToString()), ("coverage", Math.Round(coverage * 100)),
            ("demand", demand.Amount.ToString()), ("consumers", demand.Consumers));
        return coverage;
    }

    /// <summary>
    /// What the region's held buyers of <paramref name="s"/> consume a year, from their capacities and the input
    /// coefficients on the links (in <paramref name="inputUnit"/>, or the first unit a coefficient gives).
    /// </summary>
    (Quantity Amount, List<Words> Consumers)? LocalDemand(
        Segment s, Dictionary<SegmentId, Quantity?> capacities, HashSet<SegmentId> heldIds, string? inputUnit)
    {
        double demand = 0;
        var consumers = new List<Words>();
        foreach (var link in _graph.FeedsFrom(s.Id))
        {
            if (link.Coefficient is not { } k || !heldIds.Contains(link.To)) continue;
            if (inputUnit is not null && k.InputUnit != inputUnit) continue;
            if (capacities[link.To] is not { } buyerCapacity || Units.PerYear(buyerCapacity.Unit) != k.OutputUnit) continue;
            inputUnit = k.InputUnit;
            demand += k.Amount * buyerCapacity.Amount;
            consumers.Add(SegmentName(link.To));
        }
        return demand > 0 ? (new Quantity(demand, inputUnit + "/yr"), consumers) : null;
    }

    /// <summary>Sum of capacities when they share one unit; null when none is known or units differ.</summary>
    static Quantity? TotalCapacity(List<Presence> presences)
    {
        var known = presences.Where(p => p.Capacity is not null).Select(p => p.Capacity!).ToList();
        if (known.Count == 0 || known.Select(q => q.Unit).Distinct().Count() > 1) return null;
        return new Quantity(known.Sum(q => q.Amount), known[0].Unit);
    }

    static Reason DescribeHolding(List<Presence> verified, Quantity? capacity)
    {
        var firms = verified.Select(p => p.Firm).Distinct().Count();
        if (capacity is null) return Reason.Of("gap.local_firms", ("firms", firms));
        var unknown = verified.Count(p => p.Capacity is null);
        return unknown == 0
            ? Reason.Of("gap.local_firms.capacity", ("firms", firms), ("capacity", capacity.ToString()))
            : Reason.Of("gap.local_firms.partial_capacity", ("firms", firms), ("capacity", capacity.ToString()), ("unknown", unknown));
    }

    List<Words> Names(IEnumerable<SegmentId> ids) => [.. ids.Select(SegmentName)];

    Words SegmentName(SegmentId id) => _graph.FindSegment(id) is { } s ? Words.Of(s.Name, s.NameEn) : new Words(id.Value, id.Value);
}
