using System.Globalization;
using ChainMatch.Domain.Graph;

namespace ChainMatch.Domain.Leads;

/// <summary>
/// Generates the candidates of a gap from the graph as it stood in one year and computes their features.
/// Candidates are firms that operate the segment elsewhere or operate a segment next to it on a FEEDS
/// link; firms already operating the segment inside the region are not leads. For link prediction one
/// firm's presences can be hidden, so that the graph is read as if those edges did not exist.
/// </summary>
public sealed class LeadFinder
{
    const int RecentYears = 3;
    // A share of "national" capacity means little until several firms' figures are on record.
    const int MinFirmsWithCapacity = 3;
    readonly ChainGraph _graph;
    readonly int _year;
    readonly Dictionary<FirmId, List<FirmId>> _customers = [];
    readonly Dictionary<FirmId, List<FirmId>> _suppliers = [];
    readonly Dictionary<FirmId, ListStanding> _lists = [];
    readonly Dictionary<SegmentId, Quantity> _nationalCapacity = [];

    sealed record ListStanding(bool Fortune, bool ChinaTop, bool ChinaPrivate, int? BestRank, string Text);

    public LeadFinder(ChainGraph graph, DateOnly asOf)
    {
        _graph = graph;
        _year = asOf.Year;
        foreach (var s in graph.Data.Supplies.Where(s => s.Since is null || s.Since <= _year))
        {
            Add(_customers, s.Supplier, s.Customer);
            Add(_suppliers, s.Customer, s.Supplier);
        }
        var editions = graph.Data.Lists.Where(l => l.Year <= _year).ToDictionary(l => l.Id);
        foreach (var group in graph.Data.Memberships.Where(m => editions.ContainsKey(m.List)).GroupBy(m => m.Firm))
            _lists[group.Key] = Standing(group.Select(m => (m, editions[m.List])).ToList());
        foreach (var segment in graph.Segments)
            if (DominantCapacity(graph.PresencesIn(segment.Id).Where(p => p.IsActiveIn(_year))) is { } total)
                _nationalCapacity[segment.Id] = total;
    }

    public int Year => _year;

    /// <summary>The candidates of <paramref name="gap"/> with their features; <paramref name="hidden"/> presences are read as absent.</summary>
    public CandidateSet Candidates(Gap gap, IReadOnlyCollection<Presence>? hidden = null)
    {
        var segment = _graph.FindSegment(gap.Segment) ?? throw new NotFoundException("segment", gap.Segment.Value);
        var region = _graph.FindRegion(gap.Region) ?? throw new NotFoundException("region", gap.Region.Value);
        var context = new GapContext(this, segment, region, hidden);

        var alreadyHere = _graph.PresencesWithin(segment.Id, region.Code).Where(context.Counts).Select(p => p.Firm).ToHashSet();
        var pool = new HashSet<FirmId>();
        foreach (var id in context.Upstream.Concat(context.Downstream).Append(segment.Id))
            foreach (var p in _graph.PresencesIn(id))
                if (context.Counts(p) && !alreadyHere.Contains(p.Firm)) pool.Add(p.Firm);

        var candidates = pool.Select(f => Describe(_graph.FindFirm(f)!, _graph.PresencesOf(f), context, evidence: null)).ToList();
        return new CandidateSet(gap, candidates, firm =>
        {
            var evidence = new Dictionary<LeadFeature, string>();
            Describe(firm, _graph.PresencesOf(firm.Id), context, evidence);
            return evidence;
        });
    }

    /// <summary>
    /// The features of one firm for one gap from presences read elsewhere, e.g. straight from the store.
    /// Exists for the benchmark's naive baseline (single-threaded); the service uses <see cref="Candidates"/>.
    /// </summary>
    public LeadCandidate Features(Gap gap, Firm firm, IEnumerable<Presence> presences)
    {
        // The gap's context is the same for all its candidates: only the per-candidate reads are the baseline's cost.
        if (_lastContext?.Gap != gap)
        {
            var segment = _graph.FindSegment(gap.Segment) ?? throw new NotFoundException("segment", gap.Segment.Value);
            var region = _graph.FindRegion(gap.Region) ?? throw new NotFoundException("region", gap.Region.Value);
            _lastContext = (gap, new GapContext(this, segment, region, null));
        }
        return Describe(firm, presences, _lastContext.Value.Context, evidence: null);
    }

    (Gap Gap, GapContext Context)? _lastContext;

    /// <summary>The features of one candidate; when <paramref name="evidence"/> is given, also the words behind them.</summary>
    LeadCandidate Describe(Firm firm, IEnumerable<Presence> presences, GapContext gap, Dictionary<LeadFeature, string>? evidence)
    {
        var x = new float[LeadFeatures.Count];
        var elsewhere = new List<Presence>();
        var upstream = new HashSet<SegmentId>();
        var downstream = new HashSet<SegmentId>();
        var chainSegments = new HashSet<SegmentId>();
        var inProvince = new List<Presence>();
        var recent = new List<Presence>();
        var total = 0;
        double capacity = 0;

        foreach (var p in presences)
        {
            if (!gap.Counts(p)) continue;
            total++;
            if (p.Since is { } since && since > _year - RecentYears) recent.Add(p);
            if (p.Segment == gap.Segment.Id && !_graph.IsWithin(p.Region, gap.Region.Code))
            {
                elsewhere.Add(p);
                if (p.Capacity is { } c && _nationalCapacity.TryGetValue(p.Segment, out var national) && c.Unit == national.Unit) capacity += c.Amount;
            }
            if (gap.Upstream.Contains(p.Segment)) upstream.Add(p.Segment);
            if (gap.Downstream.Contains(p.Segment)) downstream.Add(p.Segment);
            if (gap.ChainSegments.Contains(p.Segment)) chainSegments.Add(p.Segment);
            if (_graph.IsWithin(p.Region, gap.Province.Code)) inProvince.Add(p);
        }

        Set(LeadFeature.SegmentSitesElsewhere, elsewhere.Count, () => elsewhere.Count > 0 ? $"makes {Name(gap.Segment)} in {Places(elsewhere)}" : null);
        if (_nationalCapacity.TryGetValue(gap.Segment.Id, out var nationalTotal) && nationalTotal.Amount > 0)
        {
            var share = capacity / gap.NationalCapacityExcludingHidden(nationalTotal);
            Set(LeadFeature.SegmentCapacityShare, (float)share, () => share > 0
                ? string.Create(CultureInfo.InvariantCulture, $"holds {share * 100:0.#}% of the recorded national {Name(gap.Segment)} capacity")
                : null);
        }
        else x[(int)LeadFeature.SegmentCapacityShare] = float.NaN;
        Set(LeadFeature.UpstreamSegments, upstream.Count, () => upstream.Count > 0 ? $"operates upstream in {Names(upstream)}" : null);
        Set(LeadFeature.DownstreamSegments, downstream.Count, () => downstream.Count > 0 ? $"operates downstream in {Names(downstream)}, a buyer of {Name(gap.Segment)}" : null);
        Set(LeadFeature.ChainSegments, chainSegments.Count, () => null);
        Set(LeadFeature.SitesInProvince, inProvince.Count, () => inProvince.Count > 0
            ? $"already in {gap.Province.Name} ({string.Join(", ", inProvince.Select(p => $"{Name(p.Segment)} in {RegionName(p.Region)}").Distinct().Take(3))})"
            : null);
        var inRegion = inProvince.Count(p => _graph.IsWithin(p.Region, gap.Region.Code));
        Set(LeadFeature.SitesInRegion, inRegion, () => inRegion > 0 ? $"already operates in {gap.Region.Name}" : null);
        var hqHome = firm.Headquarters is { } hq && _graph.IsWithin(hq, gap.Province.Code);
        Set(LeadFeature.HeadquartersInProvince, hqHome ? 1 : 0, () => hqHome ? $"headquartered in {gap.Province.Name}" : null);

        var customers = _customers.GetValueOrDefault(firm.Id, []).Where(gap.IsLocal).Distinct().ToList();
        Set(LeadFeature.SuppliesLocalFirms, customers.Count, () => customers.Count > 0 ? $"supplies {FirmNames(customers)}, already in {gap.Region.Name}" : null);
        var suppliers = _suppliers.GetValueOrDefault(firm.Id, []).Where(gap.IsLocal).Distinct().ToList();
        Set(LeadFeature.BuysFromLocalFirms, suppliers.Count, () => suppliers.Count > 0 ? $"buys from {FirmNames(suppliers)}, already in {gap.Region.Name}" : null);

        if (_lists.TryGetValue(firm.Id, out var standing))
        {
            Set(LeadFeature.FortuneGlobal500, standing.Fortune ? 1 : 0, () => standing.Fortune ? standing.Text : null);
            Set(LeadFeature.ChinaTop500, standing.ChinaTop ? 1 : 0, () => standing.ChinaTop ? standing.Text : null);
            Set(LeadFeature.ChinaPrivateTop500, standing.ChinaPrivate ? 1 : 0, () => standing.ChinaPrivate ? standing.Text : null);
            x[(int)LeadFeature.BestListRank] = standing.BestRank ?? float.NaN;
        }
        else x[(int)LeadFeature.BestListRank] = float.NaN;

        Set(LeadFeature.RecentSites, recent.Count, () => recent.Count > 0
            ? $"opened {recent.Count} site{(recent.Count > 1 ? "s" : "")} since {_year - RecentYears + 1} ({string.Join(", ", recent.Select(p => $"{Name(p.Segment)} in {RegionName(p.Region)}").Distinct().Take(2))})"
            : null);
        Set(LeadFeature.TotalSites, total, () => null);
        Set(LeadFeature.ResourceFit, gap.ResourceFit, () => gap.ResourceFit > 0 ? gap.ResourceText : null);
        Set(LeadFeature.LocalBuyerSegments, gap.LocalBuyers, () => null);
        return new LeadCandidate(firm, x);

        // Texts are built only when asked for: most candidates are never shown.
        void Set(LeadFeature feature, float value, Func<string?> text)
        {
            x[(int)feature] = value;
            if (evidence is not null && text() is { } words) evidence[feature] = words;
        }
    }

    /// <summary>What is fixed for one gap: its neighbourhood, the local firms, its resource fit.</summary>
    sealed class GapContext
    {
        readonly HashSet<Presence> _hidden;
        readonly LeadFinder _finder;

        public Segment Segment { get; }
        public Region Region { get; }
        public Region Province { get; }
        public HashSet<SegmentId> Upstream { get; }
        public HashSet<SegmentId> Downstream { get; }
        public HashSet<SegmentId> ChainSegments { get; }
        readonly Dictionary<FirmId, bool> _local = [];
        public float ResourceFit { get; }
        public string? ResourceText { get; }
        public int LocalBuyers { get; }

        public GapContext(LeadFinder finder, Segment segment, Region region, IReadOnlyCollection<Presence>? hidden)
        {
            _finder = finder;
            // By reference: two identical rows are still two plants.
            _hidden = new HashSet<Presence>(hidden ?? [], ReferenceEqualityComparer.Instance);
            var g = finder._graph;
            Segment = segment;
            Region = region;
            Province = g.ProvinceOf(region.Code);
            Upstream = g.FeedsInto(segment.Id).Select(f => f.From).ToHashSet();
            Downstream = g.FeedsFrom(segment.Id).Select(f => f.To).ToHashSet();
            ChainSegments = g.ChainsOf(segment.Id).SelectMany(c => c.Segments).ToHashSet();
            var held = g.ResourcesAvailableTo(region.Code).Select(r => r.Resource).ToHashSet();
            var fit = segment.Needs.Where(held.Contains).ToList();
            ResourceFit = segment.Needs.Length == 0 ? 0 : (float)fit.Count / segment.Needs.Length;
            ResourceText = fit.Count > 0 ? $"{region.Name} holds the {string.Join(" and ", fit.Select(r => g.FindResource(r)?.NameEn ?? r.Value))} it needs" : null;
            LocalBuyers = Downstream.Count(d => g.PresencesWithin(d, region.Code).Any(p => Counts(p) && p.Source.IsVerified));
        }

        /// <summary>True when the firm has a site inside the region; asked only for the few firms in supply ties.</summary>
        public bool IsLocal(FirmId firm)
        {
            if (_local.TryGetValue(firm, out var local)) return local;
            return _local[firm] = _finder._graph.PresencesOf(firm).Any(p => Counts(p) && _finder._graph.IsWithin(p.Region, Region.Code));
        }

        /// <summary>A presence counts when it was active in the year asked and is not hidden.</summary>
        public bool Counts(Presence p) => p.IsActiveIn(_finder._year) && !_hidden.Contains(p);

        public double NationalCapacityExcludingHidden(Quantity national) =>
            national.Amount - _hidden
                .Where(h => h.Segment == Segment.Id && h.Capacity?.Unit == national.Unit && h.IsActiveIn(_finder._year))
                .Sum(h => h.Capacity!.Amount);
    }

    static ListStanding Standing(List<(ListMembership Membership, FirmList Edition)> memberships)
    {
        bool Has(string prefix) => memberships.Any(m => m.Edition.Id.Value.StartsWith(prefix, StringComparison.Ordinal));
        var best = memberships.Where(m => m.Membership.Rank is not null).OrderBy(m => m.Membership.Rank).FirstOrDefault();
        var text = best.Edition is not null
            ? $"on {best.Edition.NameEn ?? best.Edition.Name} (rank {best.Membership.Rank})"
            : $"on {string.Join(", ", memberships.Select(m => m.Edition.NameEn ?? m.Edition.Name).Distinct())}";
        return new ListStanding(Has("fortune-global-500"), Has("china-top-500"), Has("china-private-top-500"), best.Membership?.Rank, text);
    }

    static Quantity? DominantCapacity(IEnumerable<Presence> presences)
    {
        var byUnit = presences.Where(p => p.Capacity is not null).GroupBy(p => p.Capacity!.Unit)
            .OrderByDescending(g => g.Count()).FirstOrDefault();
        if (byUnit is null || byUnit.Select(p => p.Firm).Distinct().Count() < MinFirmsWithCapacity) return null;
        return new Quantity(byUnit.Sum(p => p.Capacity!.Amount), byUnit.Key);
    }

    static void Add(Dictionary<FirmId, List<FirmId>> map, FirmId key, FirmId value)
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        list.Add(value);
    }

    string Name(Segment s) => s.NameEn ?? s.Name;
    string Name(SegmentId id) => _graph.FindSegment(id) is { } s ? Name(s) : id.Value;
    string Names(IEnumerable<SegmentId> ids) => string.Join(", ", ids.Select(Name));
    string RegionName(RegionCode code) => _graph.FindRegion(code)?.Name ?? code.Value;
    string FirmNames(IEnumerable<FirmId> ids) => string.Join(", ", ids.Take(3).Select(f => _graph.FindFirm(f)?.Name ?? f.Value));

    /// <summary>Where the sites are, by province, e.g. "湖北省 and 四川省".</summary>
    string Places(IEnumerable<Presence> sites) =>
        string.Join(" and ", sites.Select(p => _graph.ProvinceOf(p.Region).Name).Distinct().Take(3));
}
