using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Projects;

namespace ChainMatch.Domain.Leads;

/// <summary>One of a firm's active sites as the features need it.</summary>
internal readonly record struct Site(int Segment, Presence Presence, bool InRegion, bool InProvince);

/// <summary>
/// The feature row of one candidate for one gap: the gap-independent columns copied from <see cref="FirmFeatures"/>,
/// the rest counted over the firm's sites (and its subsidiaries') in one pass.
/// </summary>
internal static class FeatureRows
{
    public const int RecentYears = 3;

    /// <summary>The firm's sites and, for a group, its subsidiaries' sites (a group is courted for the plants it controls), into <paramref name="sites"/>.</summary>
    public static void Sites(LeadIndexes indexes, int firm, GapContext gap, List<Site> sites)
    {
        sites.Clear();
        var graph = indexes.Graph;
        if (indexes.GroupBelow[firm] is { } members)
            foreach (var member in members) AddSites(graph, member, gap, sites);
        else AddSites(graph, firm, gap, sites);
    }

    static void AddSites(ChainGraph graph, int firm, GapContext gap, List<Site> sites)
    {
        foreach (var p in graph.PresenceIndexesOf(firm))
            if (gap.Counts(p))
                sites.Add(new Site(graph.SegmentOfPresence(p), graph.Data.Presences[p], graph.IsWithin(p, gap.RegionScope), graph.IsWithin(p, gap.ProvinceScope)));
    }

    /// <summary>Writes every column of the firm's row for the gap.</summary>
    public static void Write(LeadIndexes indexes, int firm, ReadOnlySpan<Site> sites, GapContext gap, Span<float> x)
    {
        WriteAllButTies(indexes, firm, sites, gap, x);
        x[(int)LeadFeature.SuppliesLocalFirms] = LocalTies(indexes.Customers[firm], gap);
        x[(int)LeadFeature.BuysFromLocalFirms] = LocalTies(indexes.Suppliers[firm], gap);
    }

    /// <summary>
    /// Writes every column but the two counts of supply ties to local firms, which ask where each tied firm's sites
    /// are; the rest take one pass over the firm's sites and a few lookups.
    /// </summary>
    public static void WriteAllButTies(LeadIndexes indexes, int firm, ReadOnlySpan<Site> sites, GapContext gap, Span<float> x)
    {
        int elsewhere = 0, upstream = 0, downstream = 0, chain = 0, inProvince = 0, inRegion = 0, recent = 0, twoHop = 0, inSegment = 0;
        double capacity = 0;
        var national = gap.National;
        var stamp = gap.NextStamp();
        foreach (var site in sites)
        {
            var p = site.Presence;
            if (p.Since is { } since && since > indexes.Year - RecentYears) recent++;
            if (site.Segment == gap.SegmentIndex && !site.InRegion)
            {
                elsewhere++;
                if (p.Capacity is { } c && national is not null && c.Unit == national.Unit) capacity += c.Amount;
            }
            if (gap.IsUpstream[site.Segment] && gap.FirstSighting(0, site.Segment, stamp)) upstream++;
            if (gap.IsDownstream[site.Segment] && gap.FirstSighting(1, site.Segment, stamp)) downstream++;
            if (gap.InChain[site.Segment] && gap.FirstSighting(2, site.Segment, stamp)) chain++;
            if (site.InProvince) inProvince++;
            if (site.InRegion) inRegion++;
            if (site.Segment == gap.SegmentIndex) inSegment++;
            if (site.InProvince && gap.IsTwoHop[site.Segment] && gap.FirstSighting(3, site.Segment, stamp)) twoHop++;
        }
        WriteKnown(indexes, firm, gap, x);
        x[(int)LeadFeature.SegmentSitesElsewhere] = elsewhere;
        x[(int)LeadFeature.SegmentCapacityShare] = national is { Amount: > 0 } ? (float)(capacity / gap.NationalExcludingHidden) : float.NaN;
        x[(int)LeadFeature.UpstreamSegments] = upstream;
        x[(int)LeadFeature.DownstreamSegments] = downstream;
        x[(int)LeadFeature.ChainSegments] = chain;
        x[(int)LeadFeature.SitesInProvince] = inProvince;
        x[(int)LeadFeature.SitesInRegion] = inRegion;
        x[(int)LeadFeature.RecentSites] = recent;
        x[(int)LeadFeature.TotalSites] = sites.Length;
        x[(int)LeadFeature.AffinityOnly] = inSegment == 0 && upstream == 0 && downstream == 0 ? 1 : 0;
        x[(int)LeadFeature.LocalTwoHopSegments] = twoHop;
    }

    /// <summary>
    /// Writes the columns that take no pass over the firm's sites: its gap-independent ones, the gap's constants, and
    /// those read from its headquarters, projects and industry.
    /// </summary>
    public static void WriteKnown(LeadIndexes indexes, int firm, GapContext gap, Span<float> x)
    {
        var firms = indexes.Firms;
        firms.CopyTo(firm, x);
        var affinity = Affinity(indexes, firm, gap.SegmentIndex);
        var pastProject = FurthestPastProject(indexes, firm, gap);
        var headquarters = firms.HeadquartersRegion[firm];
        x[(int)LeadFeature.HeadquartersInProvince] = headquarters >= 0 && gap.ProvinceScope.Contains(firms.HeadquartersEnter[firm]) ? 1 : 0;
        x[(int)LeadFeature.ResourceFit] = gap.ResourceFit;
        x[(int)LeadFeature.LocalBuyerSegments] = gap.LocalBuyers;
        x[(int)LeadFeature.HeadquartersDistanceKm] = headquarters >= 0 ? gap.DistanceKmFrom(headquarters) : float.NaN;
        x[(int)LeadFeature.PastProjectStage] = pastProject is null ? 0 : (int)pastProject.Value.Step.Stage + 1;
        x[(int)LeadFeature.IndustryAffinity] = affinity is { } a ? (float)a.Weight : 0;
    }

    /// <summary>The strongest mapping of the firm's list industries (or its groups') to the segment.</summary>
    public static (double Weight, string Industry, string Reason, FirmList Edition, int? Rank, bool OwnLabel)? Affinity(LeadIndexes indexes, int firm, int segment)
    {
        (double, string, string, FirmList, int?, bool)? best = null;
        var graph = indexes.Graph;
        if (indexes.Industries[firm] is null && graph.ParentOf(firm) < 0) return null;
        foreach (var (holder, own) in graph.IndustryHolders(firm))
            foreach (var (industry, edition, rank) in indexes.Industries[holder] ?? [])
                foreach (var (s, weight, reason) in indexes.IndustryMap.GetValueOrDefault(industry, []))
                    if (s == segment && (best is not { } b || weight > b.Item1)) best = (weight, industry, reason, edition, rank, own);
        return best;
    }

    /// <summary>The furthest step any of the firm's projects within the gap's prefecture reached by the date, hidden ones aside.</summary>
    public static (Project Project, StageChange Step)? FurthestPastProject(LeadIndexes indexes, int firm, GapContext gap)
    {
        if (indexes.Projects[firm] is not { } projects) return null;
        (Project, StageChange)? furthest = null;
        foreach (var project in projects)
            if (!gap.Hides(project) && indexes.Graph.IsWithin(project.Region, gap.ProjectScope) && project.FurthestBy(indexes.AsOf) is { } step
                && (furthest is not { } f || step.Stage > f.Item2.Stage))
                furthest = (project, step);
        return furthest;
    }

    static int LocalTies(int[]? firms, GapContext gap)
    {
        if (firms is null) return 0;
        var count = 0;
        foreach (var f in firms)
            if (gap.IsLocal(f)) count++;
        return count;
    }
}
