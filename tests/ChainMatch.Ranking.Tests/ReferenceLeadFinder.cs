using ChainMatch.Domain.Firms;
using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Projects;
using ChainMatch.Domain.Reasons;

using ChainMatch.Domain.Leads;

namespace ChainMatch.Ranking.Tests;

/// <summary>
/// Lead finding as it was before the per-snapshot features and the dense rows (LeadFinder at 63b14da, kept verbatim
/// apart from its return type and the benchmark-only entry): the reference the shipped code's features and evidence
/// are held to, candidate by candidate, bit for bit.
/// </summary>
sealed class ReferenceLeadFinder
{
    const int RecentYears = 3;
    // A share of "national" capacity means little until several firms' figures are on record.
    const int MinFirmsWithCapacity = 3;
    readonly ChainGraph _graph;
    readonly int _year;
    readonly DateOnly _asOf;
    readonly bool[] _active;
    readonly List<int>?[] _customers;
    readonly List<int>?[] _suppliers;
    readonly ListStanding?[] _lists;
    readonly Quantity?[] _nationalCapacity;
    readonly GeoPoint?[] _headquartersSeat;
    readonly List<Project>?[] _projects;
    readonly List<int>?[] _groupBelow;
    readonly double?[] _revenue;
    readonly List<(string Industry, FirmList Edition, int? Rank)>?[] _industries;
    readonly Dictionary<string, List<(int Segment, double Weight, string Reason)>> _industryMap;
    readonly List<int>?[] _listedBySegment;

    sealed record ListStanding(bool Fortune, bool ChinaTop, bool ChinaPrivate, int? BestRank, Standing Text);

    public ReferenceLeadFinder(ChainGraph graph, DateOnly asOf)
    {
        _graph = graph;
        _year = asOf.Year;
        _asOf = asOf;
        var presences = graph.Data.Presences;
        _active = new bool[presences.Length];
        for (var i = 0; i < presences.Length; i++) _active[i] = presences[i].IsActiveIn(_year);

        _customers = new List<int>?[graph.Firms.Length];
        _suppliers = new List<int>?[graph.Firms.Length];
        foreach (var s in graph.Data.Supplies.Where(s => s.Since is null || s.Since <= _year))
        {
            int supplier = graph.IndexOf(s.Supplier), customer = graph.IndexOf(s.Customer);
            (_customers[supplier] ??= []).Add(customer);
            (_suppliers[customer] ??= []).Add(supplier);
        }
        _lists = new ListStanding?[graph.Firms.Length];
        var editions = graph.Data.Lists.Where(l => l.Year <= _year).ToDictionary(l => l.Id);
        foreach (var group in graph.Data.Memberships.Where(m => editions.ContainsKey(m.List)).GroupBy(m => m.Firm))
            _lists[graph.IndexOf(group.Key)] = Standing(group.Select(m => (m, editions[m.List])).ToList());
        _nationalCapacity = graph.Segments
            .Select(s => DominantCapacity(graph.PresencesIn(s.Id).Where(p => p.IsActiveIn(_year))))
            .ToArray();
        _headquartersSeat = graph.Firms.Select(f => f.Headquarters is { } hq ? graph.SeatOf(hq) : null).ToArray();
        _projects = new List<Project>?[graph.Firms.Length];
        // Only projects under way by the date: a later first step is a lead nobody had yet.
        foreach (var project in graph.Data.Projects.Where(p => p.History[0].Date <= asOf))
            (_projects[graph.IndexOf(project.Firm)] ??= []).Add(project);

        _groupBelow = new List<int>?[graph.Firms.Length];
        for (var f = 0; f < graph.Firms.Length; f++)
            if (graph.ParentOf(f) is var parent and >= 0 && _groupBelow[parent] is null)
                _groupBelow[parent] = graph.GroupBelow(parent);
        _revenue = new double?[graph.Firms.Length];
        _industries = new List<(string, FirmList, int?)>?[graph.Firms.Length];
        foreach (var m in graph.Data.Memberships.Where(m => editions.ContainsKey(m.List)))
        {
            var firm = graph.IndexOf(m.Firm);
            if (m.Industry is { } industry) (_industries[firm] ??= []).Add((industry, editions[m.List], m.Rank));
            _revenue[firm] ??= Revenues.Latest(graph, m.Firm, _year);
        }
        _industryMap = graph.Data.IndustrySegments.Where(x => x.Segment is not null && x.Weight > 0)
            .GroupBy(x => x.Industry)
            .ToDictionary(g => g.Key, g => g.Select(x => (graph.IndexOf(x.Segment!.Value), x.Weight, x.Reason)).ToList());
        // Listed firms by the segments their own industry label maps to: the candidates by affinity.
        _listedBySegment = new List<int>?[graph.SegmentCount];
        for (var f = 0; f < graph.Firms.Length; f++)
            foreach (var segment in (_industries[f] ?? []).SelectMany(i => _industryMap.GetValueOrDefault(i.Industry, [])).Select(x => x.Segment).Distinct())
                (_listedBySegment[segment] ??= []).Add(f);
    }

    public int Year => _year;

    /// <summary>
    /// The candidates of <paramref name="gap"/> with their features; <paramref name="hidden"/> presences and
    /// <paramref name="hiddenProjects"/> are read as absent (a training query must not see the arrival it asks about).
    /// </summary>
    public (List<LeadCandidate> Candidates, Func<Firm, Dictionary<LeadFeature, Reason>> Evidence) Candidates(Gap gap, IReadOnlyCollection<Presence>? hidden = null, IReadOnlyCollection<Project>? hiddenProjects = null)
    {
        var context = Context(gap, hidden, hiddenProjects);
        var alreadyHere = new HashSet<int>();
        foreach (var p in _graph.PresenceIndexesIn(context.SegmentIndex))
            if (context.Counts(p) && _graph.IsWithin(p, context.RegionScope))
            {
                var firm = _graph.FirmOfPresence(p);
                alreadyHere.Add(firm);
                // A group whose subsidiary already operates the segment here holds it already.
                alreadyHere.UnionWith(_graph.GroupAbove(firm));
            }

        var pool = new HashSet<int>();
        var order = new List<int>();
        void Consider(int firm)
        {
            if (!alreadyHere.Contains(firm) && pool.Add(firm)) order.Add(firm);
        }
        var groups = new HashSet<int>();
        foreach (var segment in context.Neighbourhood)
            foreach (var p in _graph.PresenceIndexesIn(segment))
                if (context.Counts(p))
                {
                    var firm = _graph.FirmOfPresence(p);
                    Consider(firm);
                    // Most firms have no group: skip the walk (and its list) on the hot path.
                    if (_graph.ParentOf(firm) >= 0) groups.UnionWith(_graph.GroupAbove(firm));
                }
        // Group members of the firms found (以商招商 within a group): a sister company can take the segment on. The group
        // itself is not added for its subsidiaries' plants alone, or it would stand beside each of them with the same sites.
        foreach (var group in groups)
            foreach (var member in _groupBelow[group]!.Skip(1)) Consider(member);
        // 延链: local firms two links up or down the chain.
        foreach (var segment in context.TwoHop)
            foreach (var p in _graph.PresenceIndexesIn(segment))
                if (context.Counts(p) && _graph.IsWithin(p, context.ProvinceScope)) Consider(_graph.FirmOfPresence(p));
        foreach (var firm in _listedBySegment[context.SegmentIndex] ?? []) Consider(firm);

        var candidates = new List<LeadCandidate>(order.Count);
        foreach (var firm in order) candidates.Add(Describe(firm, Sites(firm, context), context, evidence: null));
        return (candidates, firm =>
        {
            var evidence = new Dictionary<LeadFeature, Reason>();
            var index = _graph.IndexOf(firm.Id);
            Describe(index, Sites(index, context), context, evidence);
            return evidence;
        });
    }

    GapContext Context(Gap gap, IReadOnlyCollection<Presence>? hidden, IReadOnlyCollection<Project>? hiddenProjects)
    {
        var segment = _graph.FindSegment(gap.Segment) ?? throw new NotFoundException("segment", gap.Segment.Value);
        var region = _graph.FindRegion(gap.Region) ?? throw new NotFoundException("region", gap.Region.Value);
        return new GapContext(this, gap, segment, region, hidden, hiddenProjects);
    }

    /// <summary>One of a firm's active sites as the features need it.</summary>
    readonly record struct Site(int Segment, Presence Presence, bool InRegion, bool InProvince);

    /// <summary>The firm's sites and, for a group, its subsidiaries' sites: a group is courted for the plants it controls.</summary>
    List<Site> Sites(int firm, GapContext gap)
    {
        var sites = new List<Site>();
        foreach (var member in _groupBelow[firm] ?? [firm])
            foreach (var p in _graph.PresenceIndexesOf(member))
                if (gap.Counts(p))
                    sites.Add(new Site(_graph.SegmentOfPresence(p), _graph.Data.Presences[p], _graph.IsWithin(p, gap.RegionScope), _graph.IsWithin(p, gap.ProvinceScope)));
        return sites;
    }

    /// <summary>The features of one candidate; when <paramref name="evidence"/> is given, also the words behind them.</summary>
    LeadCandidate Describe(int firmIndex, List<Site> sites, GapContext gap, Dictionary<LeadFeature, Reason>? evidence)
    {
        var firm = _graph.Firms[firmIndex];
        var x = new float[LeadFeatures.Count];
        int elsewhere = 0, upstream = 0, downstream = 0, chain = 0, inProvince = 0, inRegion = 0, recent = 0, twoHop = 0, inSegment = 0;
        double capacity = 0;
        var national = _nationalCapacity[gap.SegmentIndex];
        var stamp = gap.NextStamp();
        foreach (var site in sites)
        {
            var p = site.Presence;
            if (p.Since is { } since && since > _year - RecentYears) recent++;
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
        var group = GroupStanding(firmIndex);
        var affinity = Affinity(firmIndex, gap.SegmentIndex);
        var hqHome = firm.Headquarters is { } hq && _graph.IsWithin(hq, gap.Province.Code);
        int customers = LocalTies(_customers[firmIndex], gap), suppliers = LocalTies(_suppliers[firmIndex], gap);
        var standing = _lists[firmIndex];
        var pastProject = FurthestPastProject(firmIndex, gap);

        x[(int)LeadFeature.SegmentSitesElsewhere] = elsewhere;
        x[(int)LeadFeature.SegmentCapacityShare] = national is { Amount: > 0 } ? (float)(capacity / gap.NationalCapacityExcludingHidden(national)) : float.NaN;
        x[(int)LeadFeature.UpstreamSegments] = upstream;
        x[(int)LeadFeature.DownstreamSegments] = downstream;
        x[(int)LeadFeature.ChainSegments] = chain;
        x[(int)LeadFeature.SitesInProvince] = inProvince;
        x[(int)LeadFeature.SitesInRegion] = inRegion;
        x[(int)LeadFeature.HeadquartersInProvince] = hqHome ? 1 : 0;
        x[(int)LeadFeature.SuppliesLocalFirms] = customers;
        x[(int)LeadFeature.BuysFromLocalFirms] = suppliers;
        x[(int)LeadFeature.FortuneGlobal500] = standing?.Fortune == true ? 1 : 0;
        x[(int)LeadFeature.ChinaTop500] = standing?.ChinaTop == true ? 1 : 0;
        x[(int)LeadFeature.ChinaPrivateTop500] = standing?.ChinaPrivate == true ? 1 : 0;
        x[(int)LeadFeature.BestListRank] = standing?.BestRank ?? float.NaN;
        x[(int)LeadFeature.RecentSites] = recent;
        x[(int)LeadFeature.TotalSites] = sites.Count;
        x[(int)LeadFeature.ResourceFit] = gap.ResourceFit;
        x[(int)LeadFeature.LocalBuyerSegments] = gap.LocalBuyers;
        x[(int)LeadFeature.HeadquartersDistanceKm] = _headquartersSeat[firmIndex] is { } seat && gap.Seat is { } there ? (float)seat.DistanceKm(there) : float.NaN;
        x[(int)LeadFeature.PastProjectStage] = pastProject is null ? 0 : (int)pastProject.Value.Step.Stage + 1;
        x[(int)LeadFeature.GroupOnList] = group.Standing is null ? 0 : 1;
        x[(int)LeadFeature.GroupBestListRank] = group.Standing?.BestRank ?? float.NaN;
        x[(int)LeadFeature.GroupRevenueYi] = group.Revenue is { } yi ? (float)yi : float.NaN;
        x[(int)LeadFeature.IndustryAffinity] = affinity is { } a ? (float)a.Weight : 0;
        x[(int)LeadFeature.AffinityOnly] = inSegment == 0 && upstream == 0 && downstream == 0 ? 1 : 0;
        x[(int)LeadFeature.LocalTwoHopSegments] = twoHop;
        if (evidence is not null)
        {
            Explain(firmIndex, sites, gap, x, standing, hqHome, pastProject, evidence);
            ExplainGroupAndAffinity(firmIndex, gap, x, group, affinity, evidence, sites);
        }
        return new LeadCandidate(firm, x);
    }

    /// <summary>The words behind a candidate's features; worked out only for the leads that are shown.</summary>
    void Explain(int firmIndex, List<Site> sites, GapContext gap, float[] x, ListStanding? standing, bool hqHome,
        (Project Project, StageChange Step)? pastProject, Dictionary<LeadFeature, Reason> evidence)
    {
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
        var customers = (_customers[firmIndex] ?? []).Where(gap.IsLocal).Distinct().ToList();
        if (customers.Count > 0) evidence[LeadFeature.SuppliesLocalFirms] = Reason.Of("lead.supplies_local_firms", ("firms", FirmNames(customers)), ("region", gap.Region.Name));
        var suppliers = (_suppliers[firmIndex] ?? []).Where(gap.IsLocal).Distinct().ToList();
        if (suppliers.Count > 0) evidence[LeadFeature.BuysFromLocalFirms] = Reason.Of("lead.buys_from_local_firms", ("firms", FirmNames(suppliers)), ("region", gap.Region.Name));
        if (standing is not null)
        {
            if (standing.Fortune) evidence[LeadFeature.FortuneGlobal500] = Reason.Of("lead.fortune_global500", ("standing", standing.Text));
            if (standing.ChinaTop) evidence[LeadFeature.ChinaTop500] = Reason.Of("lead.china_top500", ("standing", standing.Text));
            if (standing.ChinaPrivate) evidence[LeadFeature.ChinaPrivateTop500] = Reason.Of("lead.china_private_top500", ("standing", standing.Text));
        }
        var recent = sites.Where(s => s.Presence.Since is { } since && since > _year - RecentYears).ToList();
        if (recent.Count > 0)
            evidence[LeadFeature.RecentSites] = Reason.Of("lead.recent_sites", ("count", recent.Count), ("since", _year - RecentYears + 1), ("sites", SitesOf(recent, 2)));
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

    /// <summary>The nearest group above the firm that is on a list, and the nearest that a list gives a revenue for.</summary>
    (int Group, ListStanding? Standing, double? Revenue, int RevenueGroup) GroupStanding(int firm)
    {
        int standingGroup = -1, revenueGroup = -1;
        if (_graph.ParentOf(firm) < 0) return (-1, null, null, -1);
        foreach (var above in _graph.GroupAbove(firm))
        {
            if (standingGroup < 0 && _lists[above] is not null) standingGroup = above;
            if (revenueGroup < 0 && _revenue[above] is not null) revenueGroup = above;
        }
        return (standingGroup, standingGroup < 0 ? null : _lists[standingGroup], revenueGroup < 0 ? null : _revenue[revenueGroup], revenueGroup);
    }

    /// <summary>The strongest mapping of the firm's list industries (or its groups') to the segment.</summary>
    (double Weight, string Industry, string Reason, FirmList Edition, int? Rank, bool OwnLabel)? Affinity(int firm, int segment)
    {
        (double, string, string, FirmList, int?, bool)? best = null;
        if (_industries[firm] is null && _graph.ParentOf(firm) < 0) return null;
        foreach (var (holder, own) in _graph.GroupAbove(firm).Select(g => (g, false)).Prepend((firm, true)))
            foreach (var (industry, edition, rank) in _industries[holder] ?? [])
                foreach (var (s, weight, reason) in _industryMap.GetValueOrDefault(industry, []))
                    if (s == segment && (best is not { } b || weight > b.Item1)) best = (weight, industry, reason, edition, rank, own);
        return best;
    }

    /// <summary>The words for the group and industry features, including what is not known.</summary>
    void ExplainGroupAndAffinity(int firmIndex, GapContext gap, float[] x, (int Group, ListStanding? Standing, double? Revenue, int RevenueGroup) group,
        (double Weight, string Industry, string Reason, FirmList Edition, int? Rank, bool OwnLabel)? affinity, Dictionary<LeadFeature, Reason> evidence, List<Site> sites)
    {
        if (group.Standing is { } standing)
            evidence[LeadFeature.GroupOnList] = Reason.Of("lead.group_on_list", ("group", _graph.Firms[group.Group].Name), ("standing", standing.Text));
        if (group.Revenue is { } yi)
            evidence[LeadFeature.GroupRevenueYi] = Reason.Of("lead.group_revenue_yi", ("group", _graph.Firms[group.RevenueGroup].Name), ("revenue", Math.Round(yi)));
        if (affinity is { } a)
            evidence[LeadFeature.IndustryAffinity] = Reason.Of(a.OwnLabel ? "lead.industry_affinity" : "lead.industry_affinity.group",
                ("standing", new Standing([EditionName(a.Edition)], a.Rank)), ("industry", a.Industry), ("why", a.Reason));
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
        foreach (var member in _groupBelow[top] ?? [])
            if (member != firmIndex)
                foreach (var p in _graph.PresenceIndexesOf(member))
                {
                    var s = _graph.SegmentOfPresence(p);
                    if (gap.Counts(p) && (s == gap.SegmentIndex || gap.IsUpstream[s] || gap.IsDownstream[s]))
                        return (_graph.Firms[top].Name, _graph.Firms[member].Name, Name(_graph.Segments[s]));
                }
        return null;
    }

    /// <summary>The furthest step any of the firm's projects within the gap's prefecture reached by the date, hidden ones aside.</summary>
    (Project Project, StageChange Step)? FurthestPastProject(int firmIndex, GapContext gap)
    {
        if (_projects[firmIndex] is not { } projects) return null;
        (Project, StageChange)? furthest = null;
        foreach (var project in projects)
            if (!gap.Hides(project) && _graph.IsWithin(project.Region, gap.ProjectScope) && project.FurthestBy(_asOf) is { } step
                && (furthest is not { } f || step.Stage > f.Item2.Stage))
                furthest = (project, step);
        return furthest;
    }

    int LocalTies(List<int>? firms, GapContext gap)
    {
        if (firms is null) return 0;
        var count = 0;
        foreach (var f in firms.Distinct())
            if (gap.IsLocal(f)) count++;
        return count;
    }

    /// <summary>What is fixed for one gap: its neighbourhood, its scopes, its resource fit, and scratch space for distinct counts.</summary>
    sealed class GapContext
    {
        readonly HashSet<Presence> _hidden;
        readonly HashSet<Project> _hiddenProjects;
        readonly ReferenceLeadFinder _finder;
        readonly Dictionary<int, bool> _local = [];
        readonly int[] _stamps;
        int _stamp;

        public Gap Gap { get; }
        public Segment Segment { get; }
        public int SegmentIndex { get; }
        public Region Region { get; }
        public Region Province { get; }
        public RegionScope RegionScope { get; }
        public RegionScope ProvinceScope { get; }
        public bool[] IsUpstream { get; }
        public bool[] IsDownstream { get; }
        public bool[] InChain { get; }
        public IReadOnlyList<int> Neighbourhood { get; }
        /// <summary>Segments two FEEDS links up or down from the gap's segment, outside its neighbourhood.</summary>
        public bool[] IsTwoHop { get; }
        public IReadOnlyList<int> TwoHop { get; }
        public float ResourceFit { get; }
        /// <summary>The resources the segment needs that the region holds (null when none).</summary>
        public IReadOnlyList<Words>? Resources { get; }
        public int LocalBuyers { get; }
        public GeoPoint? Seat { get; }
        /// <summary>Where past projects count: the gap's prefecture (its bureau courts firms), or the gap itself above that level.</summary>
        public RegionCode ProjectScope { get; }

        public GapContext(ReferenceLeadFinder finder, Gap gap, Segment segment, Region region, IReadOnlyCollection<Presence>? hidden, IReadOnlyCollection<Project>? hiddenProjects)
        {
            _finder = finder;
            // By reference: two identical rows are still two plants.
            _hidden = new HashSet<Presence>(hidden ?? [], ReferenceEqualityComparer.Instance);
            _hiddenProjects = new HashSet<Project>(hiddenProjects ?? [], ReferenceEqualityComparer.Instance);
            var g = finder._graph;
            Gap = gap;
            Segment = segment;
            SegmentIndex = g.IndexOf(segment.Id);
            Region = region;
            Province = g.ProvinceOf(region.Code);
            RegionScope = g.ScopeOf(region.Code);
            ProvinceScope = g.ScopeOf(Province.Code);
            IsUpstream = Flags(g, g.FeedsInto(segment.Id).Select(f => f.From));
            IsDownstream = Flags(g, g.FeedsFrom(segment.Id).Select(f => f.To));
            InChain = Flags(g, g.ChainsOf(segment.Id).SelectMany(c => c.Segments));
            Neighbourhood = Enumerable.Range(0, g.SegmentCount).Where(s => s == SegmentIndex || IsUpstream[s] || IsDownstream[s]).ToList();
            var up2 = g.FeedsInto(segment.Id).SelectMany(f => g.FeedsInto(f.From)).Select(f => f.From);
            var down2 = g.FeedsFrom(segment.Id).SelectMany(f => g.FeedsFrom(f.To)).Select(f => f.To);
            IsTwoHop = Flags(g, up2.Concat(down2));
            foreach (var s in Neighbourhood) IsTwoHop[s] = false;
            TwoHop = Enumerable.Range(0, g.SegmentCount).Where(s => IsTwoHop[s]).ToList();
            _stamps = new int[4 * g.SegmentCount];
            var held = g.ResourcesAvailableTo(region.Code).Select(r => r.Resource).ToHashSet();
            var fit = segment.Needs.Where(held.Contains).ToList();
            ResourceFit = segment.Needs.Length == 0 ? 0 : (float)fit.Count / segment.Needs.Length;
            Resources = fit.Count > 0 ? [.. fit.Select(r => g.FindResource(r) is { } found ? Words.Of(found.Name, found.NameEn) : new Words(r.Value, r.Value))] : null;
            LocalBuyers = Enumerable.Range(0, g.SegmentCount).Count(d => IsDownstream[d] && HasVerifiedSite(d));
            Seat = g.SeatOf(region.Code);
            ProjectScope = g.PrefectureOf(region.Code)?.Code ?? region.Code;
        }

        public bool Hides(Project project) => _hiddenProjects.Contains(project);

        /// <summary>A presence counts when it was active in the year asked and is not hidden.</summary>
        public bool Counts(int presence) =>
            _finder._active[presence] && (_hidden.Count == 0 || !_hidden.Contains(_finder._graph.Data.Presences[presence]));

        /// <summary>True when the firm has a site inside the region; asked only for the few firms in supply ties.</summary>
        public bool IsLocal(int firm)
        {
            if (_local.TryGetValue(firm, out var local)) return local;
            foreach (var p in _finder._graph.PresenceIndexesOf(firm))
                if (Counts(p) && _finder._graph.IsWithin(p, RegionScope)) return _local[firm] = true;
            return _local[firm] = false;
        }

        public int NextStamp() => ++_stamp;

        /// <summary>True the first time this candidate (stamp) is seen in the segment for the given count.</summary>
        public bool FirstSighting(int count, int segment, int stamp)
        {
            ref var slot = ref _stamps[count * IsUpstream.Length + segment];
            if (slot == stamp) return false;
            slot = stamp;
            return true;
        }

        public double NationalCapacityExcludingHidden(Quantity national) =>
            national.Amount - _hidden
                .Where(h => h.Segment == Segment.Id && h.Capacity?.Unit == national.Unit && h.IsActiveIn(_finder._year))
                .Sum(h => h.Capacity!.Amount);

        bool HasVerifiedSite(int segment)
        {
            foreach (var p in _finder._graph.PresenceIndexesIn(segment))
                if (Counts(p) && _finder._graph.IsWithin(p, RegionScope) && _finder._graph.Data.Presences[p].Source.IsVerified) return true;
            return false;
        }

        static bool[] Flags(ChainGraph g, IEnumerable<SegmentId> ids)
        {
            var flags = new bool[g.SegmentCount];
            foreach (var id in ids) flags[g.IndexOf(id)] = true;
            return flags;
        }
    }

    static ListStanding Standing(List<(ListMembership Membership, FirmList Edition)> memberships)
    {
        bool Has(string prefix) => memberships.Any(m => m.Edition.Id.Value.StartsWith(prefix, StringComparison.Ordinal));
        var best = memberships.Where(m => m.Membership.Rank is not null).OrderBy(m => m.Membership.Rank).FirstOrDefault();
        var text = best.Edition is not null
            ? new Standing([EditionName(best.Edition)], best.Membership.Rank)
            : new Standing([.. memberships.Select(m => EditionName(m.Edition)).Distinct()], null);
        return new ListStanding(Has("fortune-global-500"), Has("china-top-500"), Has("china-private-top-500"), best.Membership?.Rank, text);
    }

    static Quantity? DominantCapacity(IEnumerable<Presence> presences)
    {
        var byUnit = presences.Where(p => p.Capacity is not null).GroupBy(p => p.Capacity!.Unit)
            .OrderByDescending(g => g.Count()).FirstOrDefault();
        if (byUnit is null || byUnit.Select(p => p.Firm).Distinct().Count() < MinFirmsWithCapacity) return null;
        return new Quantity(byUnit.Sum(p => p.Capacity!.Amount), byUnit.Key);
    }

    static Words Name(Segment s) => Words.Of(s.Name, s.NameEn);
    static Words EditionName(FirmList edition) => Words.Of(edition.Name, edition.NameEn);
    string RegionName(RegionCode code) => _graph.FindRegion(code)?.Name ?? code.Value;
    List<string> FirmNames(IEnumerable<int> firms) => [.. firms.Take(3).Select(f => _graph.Firms[f].Name)];

    /// <summary>Up to <paramref name="most"/> distinct "segment in region" of the given sites.</summary>
    List<SiteOf> SitesOf(IEnumerable<Site> sites, int most) =>
        [.. sites.Select(s => new SiteOf(Name(_graph.Segments[s.Segment]), RegionName(s.Presence.Region))).Distinct().Take(most)];

    /// <summary>Where the sites are, by province, e.g. 湖北省 and 四川省.</summary>
    List<string> Places(IEnumerable<Presence> sites) =>
        [.. sites.Select(p => _graph.ProvinceOf(p.Region).Name).Distinct().Take(3)];
}
