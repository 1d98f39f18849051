using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Projects;
using ChainMatch.Domain.Reasons;

namespace ChainMatch.Domain.Leads;

/// <summary>
/// What is fixed for one gap: its neighbourhood, its scopes, its resource fit, what it hides, and scratch space for
/// distinct counts and local ties. Used by one request at a time.
/// </summary>
internal sealed class GapContext
{
    readonly HashSet<Presence> _hidden;
    readonly HashSet<Project> _hiddenProjects;
    readonly LeadIndexes _indexes;
    readonly ChainGraph _graph;
    readonly int[] _stamps;
    readonly float[] _distanceFrom;
    readonly bool[] _distanceKnown;
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
    /// <summary>The segment's recorded national capacity in its dominant unit, less what is hidden; null when too few firms report one.</summary>
    public Quantity? National { get; }
    public double NationalExcludingHidden { get; }
    public bool HidesPresences => _hidden.Count > 0;
    /// <summary>Scratch marks for candidate generation and local ties, until <see cref="ReleaseMarks"/> gives them back.</summary>
    public FirmMarks Marks => _marks ?? throw new InvalidOperationException("the gap's marks were given back");
    FirmMarks? _marks;
    readonly FirmMarks.Pool _pool;
    // Local ties asked after the marks are given back (evidence for the leads shown) are remembered here.
    readonly Dictionary<int, bool> _local = [];

    public GapContext(LeadIndexes indexes, Gap gap, IReadOnlyCollection<Presence>? hidden, IReadOnlyCollection<Project>? hiddenProjects, FirmMarks.Pool pool)
    {
        _indexes = indexes;
        var g = _graph = indexes.Graph;
        var segment = g.FindSegment(gap.Segment) ?? throw new NotFoundException("segment", gap.Segment.Value);
        var region = g.FindRegion(gap.Region) ?? throw new NotFoundException("region", gap.Region.Value);
        // By reference: two identical rows are still two plants.
        _hidden = new HashSet<Presence>(hidden ?? [], ReferenceEqualityComparer.Instance);
        _hiddenProjects = new HashSet<Project>(hiddenProjects ?? [], ReferenceEqualityComparer.Instance);
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
        National = indexes.NationalCapacity[SegmentIndex];
        if (National is { } national)
            NationalExcludingHidden = national.Amount - _hidden
                .Where(h => h.Segment == Segment.Id && h.Capacity?.Unit == national.Unit && h.IsActiveIn(indexes.Year))
                .Sum(h => h.Capacity!.Amount);
        _distanceFrom = new float[g.Regions.Length];
        _distanceKnown = new bool[g.Regions.Length];
        _pool = pool;
        _marks = pool.Rent();
    }

    /// <summary>Gives the scratch marks back once the candidates are out; what follows (evidence) asks for few firms.</summary>
    public void ReleaseMarks()
    {
        if (_marks is { } marks) _pool.Return(marks);
        _marks = null;
    }

    public bool Hides(Project project) => _hiddenProjects.Contains(project);

    /// <summary>A presence counts when it was active in the year asked and is not hidden.</summary>
    public bool Counts(int presence) =>
        _indexes.Active[presence] && (_hidden.Count == 0 || !_hidden.Contains(_graph.Data.Presences[presence]));

    /// <summary>True when the firm has a site inside the region; asked only for the firms in supply ties, each once per gap.</summary>
    public bool IsLocal(int firm)
    {
        if (_marks is { } marks)
            return marks.Known(firm, out var known) ? known : marks.Remember(firm, HasSiteInRegion(firm));
        if (_local.TryGetValue(firm, out var local)) return local;
        return _local[firm] = HasSiteInRegion(firm);
    }

    bool HasSiteInRegion(int firm)
    {
        foreach (var p in _graph.PresenceIndexesOf(firm))
            if (Counts(p) && _graph.IsWithin(p, RegionScope)) return true;
        return false;
    }

    /// <summary>Great-circle km from the seat of a headquarters region (index) to the gap region's seat; NaN when either has none.</summary>
    public float DistanceKmFrom(int region)
    {
        if (_distanceKnown[region]) return _distanceFrom[region];
        _distanceKnown[region] = true;
        return _distanceFrom[region] = _graph.SeatOf(region) is { } seat && Seat is { } there ? (float)seat.DistanceKm(there) : float.NaN;
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

    bool HasVerifiedSite(int segment)
    {
        foreach (var p in _graph.PresenceIndexesIn(segment))
            if (Counts(p) && _graph.IsWithin(p, RegionScope) && _graph.Data.Presences[p].Source.IsVerified) return true;
        return false;
    }

    static bool[] Flags(ChainGraph g, IEnumerable<SegmentId> ids)
    {
        var flags = new bool[g.SegmentCount];
        foreach (var id in ids) flags[g.IndexOf(id)] = true;
        return flags;
    }
}
