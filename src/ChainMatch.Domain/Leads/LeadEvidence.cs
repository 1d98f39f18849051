using System.Globalization;
using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Projects;

namespace ChainMatch.Domain.Leads;

/// <summary>The words behind a candidate's features, e.g. "makes LFP cathode in 湖北省"; worked out only for the leads that are shown.</summary>
internal sealed class LeadEvidence(LeadIndexes indexes)
{
    readonly LeadIndexes _indexes = indexes;
    readonly ChainGraph _graph = indexes.Graph;

    /// <summary>Per feature, the evidence behind the firm's row <paramref name="x"/> for the gap.</summary>
    public Dictionary<LeadFeature, string> Of(int firmIndex, GapContext gap, float[] x)
    {
        var evidence = new Dictionary<LeadFeature, string>();
        var sites = new List<Site>();
        FeatureRows.Sites(_indexes, firmIndex, gap, sites);
        Explain(firmIndex, sites, gap, x, evidence);
        ExplainGroupAndAffinity(firmIndex, gap, x, evidence, sites);
        return evidence;
    }

    /// <summary>The words behind a candidate's features; worked out only for the leads that are shown.</summary>
    void Explain(int firmIndex, List<Site> sites, GapContext gap, float[] x, Dictionary<LeadFeature, string> evidence)
    {
        var standing = _indexes.Lists[firmIndex];
        var hqHome = x[(int)LeadFeature.HeadquartersInProvince] == 1;
        var pastProject = FeatureRows.FurthestPastProject(_indexes, firmIndex, gap);
        var segmentName = Name(gap.Segment);
        var elsewhere = sites.Where(s => s.Segment == gap.SegmentIndex && !s.InRegion).Select(s => s.Presence).ToList();
        if (elsewhere.Count > 0) evidence[LeadFeature.SegmentSitesElsewhere] = $"makes {segmentName} in {Places(elsewhere)}";
        if (x[(int)LeadFeature.SegmentCapacityShare] is var share and > 0)
            evidence[LeadFeature.SegmentCapacityShare] = string.Create(CultureInfo.InvariantCulture, $"holds {share * 100:0.#}% of the recorded national {segmentName} capacity");
        var up = sites.Where(s => gap.IsUpstream[s.Segment]).Select(s => _graph.Segments[s.Segment]).Distinct().ToList();
        if (up.Count > 0) evidence[LeadFeature.UpstreamSegments] = $"operates upstream in {string.Join(", ", up.Select(Name))}";
        var down = sites.Where(s => gap.IsDownstream[s.Segment]).Select(s => _graph.Segments[s.Segment]).Distinct().ToList();
        if (down.Count > 0) evidence[LeadFeature.DownstreamSegments] = $"operates downstream in {string.Join(", ", down.Select(Name))}, a buyer of {segmentName}";
        var home = sites.Where(s => s.InProvince).Select(s => $"{Name(_graph.Segments[s.Segment])} in {RegionName(s.Presence.Region)}").Distinct().Take(3).ToList();
        if (home.Count > 0) evidence[LeadFeature.SitesInProvince] = $"already in {gap.Province.Name} ({string.Join(", ", home)})";
        if (sites.Any(s => s.InRegion)) evidence[LeadFeature.SitesInRegion] = $"already operates in {gap.Region.Name}";
        if (hqHome) evidence[LeadFeature.HeadquartersInProvince] = $"headquartered in {gap.Province.Name}";
        var customers = (_indexes.Customers[firmIndex] ?? []).Where(gap.IsLocal).ToList();
        if (customers.Count > 0) evidence[LeadFeature.SuppliesLocalFirms] = $"supplies {FirmNames(customers)}, already in {gap.Region.Name}";
        var suppliers = (_indexes.Suppliers[firmIndex] ?? []).Where(gap.IsLocal).ToList();
        if (suppliers.Count > 0) evidence[LeadFeature.BuysFromLocalFirms] = $"buys from {FirmNames(suppliers)}, already in {gap.Region.Name}";
        if (standing is not null)
        {
            if (standing.Fortune) evidence[LeadFeature.FortuneGlobal500] = standing.Text;
            if (standing.ChinaTop) evidence[LeadFeature.ChinaTop500] = standing.Text;
            if (standing.ChinaPrivate) evidence[LeadFeature.ChinaPrivateTop500] = standing.Text;
        }
        var recent = sites.Where(s => s.Presence.Since is { } since && since > _indexes.Year - FeatureRows.RecentYears).ToList();
        if (recent.Count > 0)
            evidence[LeadFeature.RecentSites] = $"opened {recent.Count} site{(recent.Count > 1 ? "s" : "")} since {_indexes.Year - FeatureRows.RecentYears + 1} " +
                $"({string.Join(", ", recent.Select(s => $"{Name(_graph.Segments[s.Segment])} in {RegionName(s.Presence.Region)}").Distinct().Take(2))})";
        if (gap.ResourceText is { } resources) evidence[LeadFeature.ResourceFit] = resources;
        if (x[(int)LeadFeature.HeadquartersDistanceKm] is var km && !float.IsNaN(km) && _graph.Firms[firmIndex].Headquarters is { } hq)
            evidence[LeadFeature.HeadquartersDistanceKm] =
                hq == gap.Region.Code ? $"headquartered in {gap.Region.Name} itself"
                : _graph.IsWithin(hq, gap.Region.Code) ? $"headquartered in {RegionName(hq)}, inside {gap.Region.Name}"
                : string.Create(CultureInfo.InvariantCulture, $"headquartered {km:0} km away in {RegionName(hq)}");
        if (pastProject is var (project, step))
            evidence[LeadFeature.PastProjectStage] =
                $"an earlier project in {RegionName(project.Region)} ({Name(_graph.Segments[_graph.IndexOf(project.Segment)])}) reached {ProjectLifecycle.Name(step.Stage)} on {step.Date:yyyy-MM-dd}";
    }

    /// <summary>The words for the group and industry features, including what is not known.</summary>
    void ExplainGroupAndAffinity(int firmIndex, GapContext gap, float[] x, Dictionary<LeadFeature, string> evidence, List<Site> sites)
    {
        var firms = _indexes.Firms;
        var affinity = FeatureRows.Affinity(_indexes, firmIndex, gap.SegmentIndex);
        var standingGroup = firms.StandingGroup[firmIndex];
        var revenueGroup = firms.RevenueGroup[firmIndex];
        var group = (Group: standingGroup, Standing: standingGroup < 0 ? null : _indexes.Lists[standingGroup],
            Revenue: revenueGroup < 0 ? null : _indexes.Revenue[revenueGroup], RevenueGroup: revenueGroup);
        if (group.Standing is { } standing)
            evidence[LeadFeature.GroupOnList] = $"part of {_graph.Firms[group.Group].Name}, {standing.Text}";
        if (group.Revenue is { } yi)
            evidence[LeadFeature.GroupRevenueYi] = string.Create(CultureInfo.InvariantCulture, $"group {_graph.Firms[group.RevenueGroup].Name} had revenue of {yi:0} 亿元");
        if (affinity is { } a)
            evidence[LeadFeature.IndustryAffinity] =
                $"on {a.Edition.NameEn ?? a.Edition.Name}{(a.Rank is { } r ? $" (#{r}, {a.Industry})" : $" ({a.Industry})")}{(a.OwnLabel ? "" : " as its group")}: {a.Reason}";
        if (x[(int)LeadFeature.AffinityOnly] == 1)
            evidence[LeadFeature.AffinityOnly] = $"no known plant in {Name(gap.Segment)} or a segment next to it" + SisterNote(firmIndex, gap);
        var twoHop = sites.Where(s => s.InProvince && gap.IsTwoHop[s.Segment]).Select(s => $"{Name(_graph.Segments[s.Segment])} in {RegionName(s.Presence.Region)}").Distinct().Take(2).ToList();
        if (twoHop.Count > 0) evidence[LeadFeature.LocalTwoHopSegments] = $"two links from {Name(gap.Segment)} in {gap.Province.Name} ({string.Join(", ", twoHop)}): a local firm extending its chain";
    }

    /// <summary>"; 云锡控股's 云南锡业股份有限公司 makes Refined tin": why a group member with no plant of its own nearby is a candidate.</summary>
    string SisterNote(int firmIndex, GapContext gap)
    {
        var above = _graph.GroupAbove(firmIndex);
        if (above.Count == 0) return "";
        var top = above[^1];
        foreach (var member in _indexes.GroupBelow[top] ?? [])
            if (member != firmIndex)
                foreach (var p in _graph.PresenceIndexesOf(member))
                {
                    var s = _graph.SegmentOfPresence(p);
                    if (gap.Counts(p) && (s == gap.SegmentIndex || gap.IsUpstream[s] || gap.IsDownstream[s]))
                        return $"; {_graph.Firms[top].Name}'s {_graph.Firms[member].Name} makes {Name(_graph.Segments[s])}";
                }
        return "";
    }

    static string Name(Segment s) => s.NameEn ?? s.Name;
    string RegionName(RegionCode code) => _graph.FindRegion(code)?.Name ?? code.Value;
    string FirmNames(IEnumerable<int> firms) => string.Join(", ", firms.Take(3).Select(f => _graph.Firms[f].Name));

    /// <summary>Where the sites are, by province, e.g. "湖北省 and 四川省".</summary>
    string Places(IEnumerable<Presence> sites) =>
        string.Join(" and ", sites.Select(p => _graph.ProvinceOf(p.Region).Name).Distinct().Take(3));
}
