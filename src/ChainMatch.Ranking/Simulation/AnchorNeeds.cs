using ChainMatch.Domain.Gaps;
using ChainMatch.Domain.Graph;

namespace ChainMatch.Ranking.Simulation;

/// <summary>One input the anchor would consume a year, against what the region makes, what its plants already use of it and what is left.</summary>
public sealed record InputNeed(
    string Segment, string Name, string ForSegment, double Demand, string Unit, double? LocalSupply, double LocalUse, double Shortfall, IReadOnlyList<string> Leads)
{
    /// <summary>Local supply less local use, never below 0: a shortfall equal to the whole demand means nothing is left.</summary>
    public double Left => Math.Max(0, (LocalSupply ?? 0) - LocalUse);
}

/// <summary>A resource an anchor segment needs, and whether the region (or a region around it) holds it.</summary>
public sealed record ResourceNeed(string Resource, string Name, string ForSegment, bool HeldLocally);

/// <summary>
/// What an anchor needs: for each of its sites with a capacity, every FEEDS input with an input coefficient gives a
/// yearly demand (coefficient × capacity). Local supply is the region's capacity in that input; local use is what
/// plants already there consume of it (same coefficients). The shortfall is demand beyond what is left over.
/// Quantities need capacities and coefficients in matching units; inputs without them are not listed.
/// </summary>
public static class AnchorNeeds
{
    public static IReadOnlyList<InputNeed> Inputs(ChainGraph graph, RegionAnalysis before, IEnumerable<Presence> sites, Func<SegmentId, IReadOnlyList<string>> leads)
    {
        var needs = new List<InputNeed>();
        foreach (var site in sites)
        {
            if (site.Capacity is not { } capacity || Units.PerYear(capacity.Unit) is not { } made) continue;
            foreach (var link in graph.FeedsInto(site.Segment))
            {
                if (link.Coefficient is not { } k || k.OutputUnit != made) continue;
                var demand = k.Amount * capacity.Amount;
                var unit = k.InputUnit + "/yr";
                var local = before[link.From].LocalCapacity;
                double? supply = local is not null && local.Unit == unit ? local.Amount : null;
                var use = graph.FeedsFrom(link.From)
                    .Where(f => f.Coefficient is { } c && c.InputUnit == k.InputUnit && before[f.To].LocalCapacity is { } cap && Units.PerYear(cap.Unit) == c.OutputUnit)
                    .Sum(f => f.Coefficient!.Amount * before[f.To].LocalCapacity!.Amount);
                var spare = Math.Max(0, (supply ?? 0) - use);
                var shortfall = Math.Max(0, demand - spare);
                needs.Add(new InputNeed(link.From.Value, graph.FindSegment(link.From)!.Name, site.Segment.Value, Math.Round(demand), unit,
                    supply is { } s ? Math.Round(s) : null, Math.Round(use), Math.Round(shortfall), shortfall > 0 ? leads(link.From) : []));
            }
        }
        return needs;
    }

    public static IReadOnlyList<ResourceNeed> Resources(ChainGraph graph, RegionCode region, IEnumerable<Presence> sites)
    {
        var held = graph.ResourcesAvailableTo(region).Select(r => r.Resource).ToHashSet();
        return sites.SelectMany(site => graph.FindSegment(site.Segment)!.Needs.Select(r =>
            new ResourceNeed(r.Value, graph.FindResource(r)?.Name ?? r.Value, site.Segment.Value, held.Contains(r)))).ToList();
    }
}
