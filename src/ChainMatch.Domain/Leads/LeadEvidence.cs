using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Projects;
using ChainMatch.Domain.Reasons;

namespace ChainMatch.Domain.Leads;

/// <summary>The reasons behind a candidate's features, e.g. lead.segment_sites_elsewhere (LFP cathode, 湖北省); worked out only for the leads that are shown.</summary>
internal sealed class LeadEvidence(LeadIndexes indexes)
{
    readonly LeadIndexes _indexes = indexes;
    readonly ChainGraph _graph = indexes.Graph;

    /// <summary>Per feature, the evidence behind the firm's row <paramref name="x"/> for the gap.</summary>
    public Dictionary<LeadFeature, Reason> Of(int firmIndex, GapContext gap, float[] x)
    {
        var evidence = new Dictionary<LeadFeature, Reason>();
        var sites = new List<Site>();
        FeatureRows.Sites(_indexes, firmIndex, gap, sites);
        Explain(firmIndex, sites, gap, x, evidence);
        ExplainGroupAndAffinity(firmIndex, gap, x, evidence, sites);
        return evidence;
    }

    /// <summary>The words behind a candidate's features; worked out only for the leads that are shown.</summary>
    void Explain(int firmIndex, List<Site> sites, GapContext gap, float[] x, Dictionary<LeadFeature, Reason> evidence)
    {
        var standing = _indexes.Lists[firmIndex];
        var hqHome = x[(int)LeadFeature.HeadquartersInProvince] == 1;
        var pastProject = FeatureRows.FurthestPastProject(_indexes, firmIndex, gap);
        var segment = Name(gap.Segment);
        var elsewhere = sites.Where(s => s.Segment == gap.SegmentIndex && !s.InRegion).Select(s => s.Presence).ToList();
        if (elsewhere.Count > 0) evidence[LeadFeature.SegmentSitesElsewhere] = Reason.Of("lead.segment_sites_elsewhere", ("segment", segment), ("provinces", Places(elsewhere)));
        if (x[(int)LeadFeature.SegmentCapacityShare] is var share and > 0)
            evidence[LeadFeature.SegmentCapacityShare] = Reason.Of("lead.segment_capacity_share", ("segment", segment), ("share", Math.Round(share * 100d, 1)));
        var up = sites.Where(s => gap.IsUpstream[s.Segment]).Select(s => _graph.Segments[s.Segment]).Distinct().ToList();
        if (up.Count > 0) evidence[LeadFeature.UpstreamSegments] = Reason.Of("lead.upstream_segments", ("segments", up.Select(Name).ToList()));
        var down = sites.Where(s => gap.IsDownstream[s.Segment]).Select(s => _graph.Segments[s.Segment]).Distinct().ToList();
        if (down.Count > 0) evidence[LeadFeature.DownstreamSegments] = Reason.Of("lead.downstream_segments", ("segments", down.Select(Name).ToList()), ("segment", segment));
        var home = SitesOf(sites.Where(s => s.InProvince), 3);
        if (home.Count > 0) evidence[LeadFeature.SitesInProvince] = Reason.Of("lead.sites_in_province", ("province", gap.Province.Name), ("sites", home));
        if (sites.Any(s => s.InRegion)) evidence[LeadFeature.SitesInRegion] = Reason.Of("lead.sites_in_region", ("region", gap.Region.Name));
        if (hqHome) evidence[LeadFeature.HeadquartersInProvince] = Reason.Of("lead.headquarters_in_province", ("province", gap.Province.Name));
        var customers = (_indexes.Customers[firmIndex] ?? []).Where(gap.IsLocal).ToList();
        if (customers.Count > 0) evidence[LeadFeature.SuppliesLocalFirms] = Reason.Of("lead.supplies_local_firms", ("firms", FirmNames(customers)), ("region", gap.Region.Name));
        var suppliers = (_indexes.Suppliers[firmIndex] ?? []).Where(gap.IsLocal).ToList();
        if (suppliers.Count > 0) evidence[LeadFeature.BuysFromLocalFirms] = Reason.Of("lead.buys_from_local_firms", ("firms", FirmNames(suppliers)), ("region", gap.Region.Name));
        if (standing is not null)
        {
            if (standing.Fortune) evidence[LeadFeature.FortuneGlobal500] = Reason.Of("lead.fortune_global500", ("standing", standing.Text));
            if (standing.ChinaTop) evidence[LeadFeature.ChinaTop500] = Reason.Of("lead.china_top500", ("standing", standing.Text));
            if (standing.ChinaPrivate) evidence[LeadFeature.ChinaPrivateTop500] = Reason.Of("lead.china_private_top500", ("standing", standing.Text));
        }
        var recent = sites.Where(s => s.Presence.Since is { } since && since > _indexes.Year - FeatureRows.RecentYears).ToList();
        if (recent.Count > 0)
            evidence[LeadFeature.RecentSites] = Reason.Of("lead.recent_sites", ("count", recent.Count), ("since", _indexes.Year - FeatureRows.RecentYears + 1), ("sites", SitesOf(recent, 2)));
        if (gap.Resources is { } resources) evidence[LeadFeature.ResourceFit] = Reason.Of("lead.resource_fit", ("region", gap.Region.Name), ("resources", resources));
        if (x[(int)LeadFeature.HeadquartersDistanceKm] is var km && !float.IsNaN(km) && _graph.Firms[firmIndex].Headquarters is { } hq)
            evidence[LeadFeature.HeadquartersDistanceKm] =
                hq == gap.Region.Code ? Reason.Of("lead.headquarters_distance_km.same_region", ("region", gap.Region.Name))
                : _graph.IsWithin(hq, gap.Region.Code) ? Reason.Of("lead.headquarters_distance_km.inside_region", ("headquarters", RegionName(hq)), ("region", gap.Region.Name))
                : Reason.Of("lead.headquarters_distance_km", ("km", Math.Round((double)km)), ("headquarters", RegionName(hq)));
        if (pastProject is var (project, step))
            evidence[LeadFeature.PastProjectStage] = Reason.Of("lead.past_project_stage", ("region", RegionName(project.Region)),
                ("segment", Name(_graph.Segments[_graph.IndexOf(project.Segment)])), ("stage", step.Stage), ("date", step.Date));
    }

    /// <summary>The words for the group and industry features, including what is not known.</summary>
    void ExplainGroupAndAffinity(int firmIndex, GapContext gap, float[] x, Dictionary<LeadFeature, Reason> evidence, List<Site> sites)
    {
        var firms = _indexes.Firms;
        var affinity = FeatureRows.Affinity(_indexes, firmIndex, gap.SegmentIndex);
        var standingGroup = firms.StandingGroup[firmIndex];
        var revenueGroup = firms.RevenueGroup[firmIndex];
        var group = (Group: standingGroup, Standing: standingGroup < 0 ? null : _indexes.Lists[standingGroup],
            Revenue: revenueGroup < 0 ? null : _indexes.Revenue[revenueGroup], RevenueGroup: revenueGroup);
        if (group.Standing is { } standing)
            evidence[LeadFeature.GroupOnList] = Reason.Of("lead.group_on_list", ("group", _graph.Firms[group.Group].Name), ("standing", standing.Text));
        if (group.Revenue is { } yi)
            evidence[LeadFeature.GroupRevenueYi] = Reason.Of("lead.group_revenue_yi", ("group", _graph.Firms[group.RevenueGroup].Name), ("revenue", Math.Round(yi)));
        if (affinity is { } a)
            evidence[LeadFeature.IndustryAffinity] = Reason.Of(a.OwnLabel ? "lead.industry_affinity" : "lead.industry_affinity.group",
                ("standing", new Standing([ListPlace.EditionName(a.Edition)], a.Rank)), ("industry", a.Industry), ("why", a.Reason));
        if (x[(int)LeadFeature.AffinityOnly] == 1)
            evidence[LeadFeature.AffinityOnly] = SisterMaking(firmIndex, gap) is var (top, member, made)
                ? Reason.Of("lead.affinity_only.sister", ("segment", Name(gap.Segment)), ("group", top), ("member", member), ("memberSegment", made))
                : Reason.Of("lead.affinity_only", ("segment", Name(gap.Segment)));
        var twoHop = SitesOf(sites.Where(s => s.InProvince && gap.IsTwoHop[s.Segment]), 2);
        if (twoHop.Count > 0)
            evidence[LeadFeature.LocalTwoHopSegments] = Reason.Of("lead.local_two_hop_segments", ("segment", Name(gap.Segment)), ("province", gap.Province.Name), ("sites", twoHop));
    }

    /// <summary>云锡控股's 云南锡业股份有限公司 makes Refined tin: why a group member with no plant of its own nearby is a candidate.</summary>
    (string Group, string Member, Words Segment)? SisterMaking(int firmIndex, GapContext gap)
    {
        var above = _graph.GroupAbove(firmIndex);
        if (above.Count == 0) return null;
        var top = above[^1];
        foreach (var member in _indexes.GroupBelow[top] ?? [])
            if (member != firmIndex)
                foreach (var p in _graph.PresenceIndexesOf(member))
                {
                    var s = _graph.SegmentOfPresence(p);
                    if (gap.Counts(p) && (s == gap.SegmentIndex || gap.IsUpstream[s] || gap.IsDownstream[s]))
                        return (_graph.Firms[top].Name, _graph.Firms[member].Name, Name(_graph.Segments[s]));
                }
        return null;
    }

    static Words Name(Segment s) => Words.Of(s.Name, s.NameEn);
    string RegionName(RegionCode code) => _graph.FindRegion(code)?.Name ?? code.Value;
    List<string> FirmNames(IEnumerable<int> firms) => [.. firms.Take(3).Select(f => _graph.Firms[f].Name)];

    /// <summary>Up to <paramref name="most"/> distinct "segment in region" of the given sites.</summary>
    List<SiteOf> SitesOf(IEnumerable<Site> sites, int most) =>
        [.. sites.Select(s => new SiteOf(Name(_graph.Segments[s.Segment]), RegionName(s.Presence.Region))).Distinct().Take(most)];

    /// <summary>Where the sites are, by province, e.g. 湖北省 and 四川省.</summary>
    List<string> Places(IEnumerable<Presence> sites) =>
        [.. sites.Select(p => _graph.ProvinceOf(p.Region).Name).Distinct().Take(3)];
}
