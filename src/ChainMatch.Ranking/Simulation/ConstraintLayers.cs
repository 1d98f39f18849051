using ChainMatch.Domain.Graph;

namespace ChainMatch.Ranking.Simulation;

/// <summary>
/// One declared constraint checked against a scenario, in the constraint's unit: what the region declares, what plants
/// already there use, what the anchor would add, and what is left. <see cref="Broken"/> with the excess (in the unit and
/// as a percentage of what is declared) when the total goes over; <see cref="NotChecked"/> says why no verdict was given.
/// </summary>
public sealed record ConstraintCheck(
    ConstraintKind Kind, string Resource, string ResourceName, string Region, string RegionName, int Year, string Unit,
    double Available, double UsedBefore, double? AnchorNeeds, double? HeadroomAfter, bool Broken, double? Excess, double? ExcessPercent,
    bool Estimate, string? NotChecked, string? Note);

/// <summary>
/// Constraint layers: for every limit declared on the anchor's region or a region enclosing it, on a resource the
/// anchor's segments have an intensity for, use before = Σ over plants active inside the declaring region of
/// capacity × intensity (derived from presences, so the seeds hold one source of truth), anchor needs = Σ over its
/// sites of capacity × intensity, headroom after = available − used − needs. The latest limit declared up to the
/// as-of year counts.
/// </summary>
public static class ConstraintLayers
{
    public static IReadOnlyList<ConstraintCheck> Check(ChainGraph graph, RegionCode region, DateOnly asOf, IEnumerable<Presence> sites)
    {
        var anchorSites = sites.ToList();
        var touched = anchorSites.SelectMany(s => graph.FindSegment(s.Segment)!.Intensities.Select(k => k.Resource)).ToHashSet();
        return [.. graph.ConstraintsOver(region)
            .Where(c => touched.Contains(c.Resource) && c.Year <= asOf.Year)
            .GroupBy(c => (c.Region, c.Kind, c.Resource))
            .Select(g => g.MaxBy(c => c.Year)!)
            .Select(c => CheckOne(graph, c, asOf, anchorSites))];
    }

    static ConstraintCheck CheckOne(ChainGraph graph, RegionConstraint c, DateOnly asOf, List<Presence> sites)
    {
        var used = 0.0;
        var unknown = 0;
        foreach (var segment in graph.Segments)
            foreach (var k in segment.Intensities.Where(k => k.Resource == c.Resource))
                foreach (var plant in graph.PresencesWithin(segment.Id, c.Region).Where(p => p.IsActiveIn(asOf.Year)))
                {
                    var (amount, _) = Use(k, plant.Capacity, c);
                    if (amount is { } a) used += a;
                    else unknown++;
                }

        double? needs = 0;
        string? notChecked = null;
        foreach (var site in sites)
        {
            var segment = graph.FindSegment(site.Segment)!;
            if (segment.Intensities.FirstOrDefault(k => k.Resource == c.Resource) is not { } k) continue;
            var (amount, why) = Use(k, site.Capacity, c);
            if (amount is { } a) needs += a;
            else
            {
                needs = null;
                notChecked = $"not checked: {why} ({segment.Name})";
                break;
            }
        }

        var region = graph.FindRegion(c.Region)!;
        var resource = graph.FindResource(c.Resource)!;
        var note = unknown > 0 ? $"used before leaves out {unknown} plant(s) of unknown capacity: it is a floor" : null;
        if (needs is not { } n)
            return new ConstraintCheck(c.Kind, c.Resource.Value, resource.Name, c.Region.Value, region.Name, c.Year, c.Unit,
                c.Amount, Round(used), null, null, false, null, null, c.Source.Estimate, notChecked, note);
        var headroom = c.Amount - used - n;
        var broken = headroom < -1e-9;
        return new ConstraintCheck(c.Kind, c.Resource.Value, resource.Name, c.Region.Value, region.Name, c.Year, c.Unit,
            c.Amount, Round(used), Round(n), Round(headroom), broken,
            broken ? Round(-headroom) : null, broken && c.Amount > 0 ? Math.Round(-headroom / c.Amount * 100, 1) : null,
            c.Source.Estimate, null, note);
    }

    /// <summary>What one plant takes of a constrained resource, in the constraint's unit; otherwise why it cannot be said.</summary>
    static (double? Amount, string? Why) Use(Intensity k, Quantity? capacity, RegionConstraint c)
    {
        Quantity use;
        if (k.OutputUnit == Intensity.PerPlant) use = new Quantity(k.Amount, k.InputUnit);
        else if (capacity is null) return (null, "capacity unknown");
        // Per unit of capacity (ha/t/yr): what a plant of that size holds.
        else if (capacity.Unit == k.OutputUnit) use = new Quantity(k.Amount * capacity.Amount, k.InputUnit);
        // Per unit of output (kWh/t): what a year's output at capacity takes.
        else if (Units.PerYear(capacity.Unit) == k.OutputUnit) use = new Quantity(k.Amount * capacity.Amount, k.InputUnit + "/yr");
        else return (null, $"capacity in {capacity.Unit}, intensity per {k.OutputUnit}");
        // A reserve is drawn each year for the years it must last.
        if (c.Years is { } years && Units.PerYear(use.Unit) is { } drawn && Units.PerYear(c.Unit) is null) use = new Quantity(use.Amount * years, drawn);
        return Units.Factor(use.Unit, c.Unit) is { } f ? (use.Amount * f, null) : (null, $"{use.Unit} does not convert to {c.Unit}");
    }

    static double Round(double value) => Math.Round(value, 4);
}
