using System.Collections.Frozen;
using System.Collections.Immutable;
using ChainMatch.Domain.Firms;
using ChainMatch.Domain.Leads;

namespace ChainMatch.Domain.Graph;

/// <summary>
/// Immutable in-memory projection of the store: dense integer indexes, adjacency in CSR form and
/// region subtrees as Euler-tour intervals, so analytics never go back to the store per question.
/// Built from the rows in ChainGraph.Projection.cs, made from the previous version by a write in ChainGraph.Apply.cs;
/// what a version works out on first use is in <see cref="GraphCaches"/>.
/// </summary>
public sealed partial class ChainGraph
{
    readonly FrozenDictionary<ChainId, int> _chainIndex;
    readonly FrozenDictionary<SegmentId, int> _segmentIndex;
    readonly FrozenDictionary<RegionCode, int> _regionIndex;
    // A plain dictionary, not frozen: a write that adds a firm copies it (fast for a dictionary) instead of freezing it anew.
    readonly Dictionary<FirmId, int> _firmIndex;
    readonly FrozenDictionary<ResourceId, int> _resourceIndex;

    readonly int[][] _chainSegments;
    readonly int[][] _segmentChains;
    readonly Csr _feedsOut;   // segment → links where it is the supplier
    readonly Csr _feedsIn;    // segment → links where it is the buyer
    readonly Csr _presencesBySegment;
    readonly Csr _presencesByFirm;
    readonly Csr _resourcesByRegion;
    readonly Csr _membershipsByFirm;
    readonly int[] _membershipFirm;
    readonly int[] _regionParent;
    readonly int[] _regionEnter;
    readonly int[] _regionExit;
    readonly int[][] _regionChildren;
    readonly int[] _presenceRegion;
    readonly int[] _presenceSegment;
    readonly int[] _presenceFirm;
    // The presence columns above and the membership column may be longer than the rows: room a write's version appends into.
    readonly SpareRoom _presenceRoom;
    readonly SpareRoom _membershipRoom;
    readonly GeoPoint?[] _regionSeat;
    readonly int[] _firmParent;
    readonly Csr _subsidiaries;

    public GraphData Data { get; }

    readonly GraphCaches _caches;

    /// <summary>Which firms a name already names, built on first use and carried from version to version once built.</summary>
    public FirmNameIndex FirmsByName => _caches.FirmsByName.Value;

    /// <summary>As-you-type search over the firms' names, aliases and credit codes, built on first use per version whose firms changed.</summary>
    public FirmSearch FirmSearch => _caches.FirmSearch.Value;

    /// <summary>The first and last years the graph's dated facts name, worked out once per graph on first use.</summary>
    public (int First, int Last) FactYears => _caches.FactYears.Value;

    /// <summary>The lead finders kept with this version, by date; a write's version derives its own from them.</summary>
    internal LeadFinders LeadFinders => _caches.LeadFinders;

    public ImmutableArray<Chain> Chains => Data.Chains;
    public ImmutableArray<Segment> Segments => Data.Segments;
    public ImmutableArray<Region> Regions => Data.Regions;
    public ImmutableArray<Firm> Firms => Data.Firms;

    public static ChainGraph Build(GraphData data) => new(data);

    internal ReadOnlySpan<int> MembershipIndexesOf(int firm) => _membershipsByFirm.Span(firm);
    internal bool HasSubsidiaries(int firm) => _subsidiaries.Span(firm).Length > 0;

    internal int FindFirmIndex(FirmId id) => _firmIndex.TryGetValue(id, out var i) ? i : -1;

    /// <summary>The index of the firm's presence that <paramref name="matches"/>, or -1.</summary>
    internal int FindPresenceIndex(FirmId firm, Func<Presence, bool> matches)
    {
        if (!_firmIndex.TryGetValue(firm, out var f)) return -1;
        foreach (var p in _presencesByFirm.Span(f))
            if (matches(Data.Presences[p])) return p;
        return -1;
    }

    internal int FindMembershipIndex(FirmId firm, ListId list)
    {
        if (!_firmIndex.TryGetValue(firm, out var f)) return -1;
        foreach (var m in _membershipsByFirm.Span(f))
            if (Data.Memberships[m].List == list) return m;
        return -1;
    }

    public Chain? FindChain(ChainId id) => _chainIndex.TryGetValue(id, out var i) ? Data.Chains[i] : null;
    public Segment? FindSegment(SegmentId id) => _segmentIndex.TryGetValue(id, out var i) ? Data.Segments[i] : null;
    public Region? FindRegion(RegionCode code) => _regionIndex.TryGetValue(code, out var i) ? Data.Regions[i] : null;
    public Firm? FindFirm(FirmId id) => _firmIndex.TryGetValue(id, out var i) ? Data.Firms[i] : null;
    public Resource? FindResource(ResourceId id) => _resourceIndex.TryGetValue(id, out var i) ? Data.Resources[i] : null;

    public IEnumerable<Segment> SegmentsOf(ChainId chain) => _chainSegments[_chainIndex[chain]].Select(i => Data.Segments[i]);
    public IEnumerable<Chain> ChainsOf(SegmentId segment) => _segmentChains[_segmentIndex[segment]].Select(i => Data.Chains[i]);

    /// <summary>Links where <paramref name="segment"/> supplies a downstream segment.</summary>
    public IEnumerable<FeedLink> FeedsFrom(SegmentId segment) => _feedsOut.Items(_segmentIndex[segment]).Select(i => Data.Feeds[i]);

    /// <summary>Links where <paramref name="segment"/> buys from an upstream segment.</summary>
    public IEnumerable<FeedLink> FeedsInto(SegmentId segment) => _feedsIn.Items(_segmentIndex[segment]).Select(i => Data.Feeds[i]);

    /// <summary>Presences in the segment located anywhere inside <paramref name="region"/>'s subtree.</summary>
    public IEnumerable<Presence> PresencesWithin(SegmentId segment, RegionCode region)
    {
        var r = _regionIndex[region];
        foreach (var p in _presencesBySegment.Items(_segmentIndex[segment]))
            if (Contains(r, _presenceRegion[p])) yield return Data.Presences[p];
    }

    /// <summary>Every presence in the segment, wherever it is.</summary>
    public IEnumerable<Presence> PresencesIn(SegmentId segment) => _presencesBySegment.Items(_segmentIndex[segment]).Select(i => Data.Presences[i]);

    public IEnumerable<Presence> PresencesOf(FirmId firm) => _presencesByFirm.Items(_firmIndex[firm]).Select(i => Data.Presences[i]);

    public IEnumerable<ListMembership> MembershipsOf(FirmId firm) => _membershipsByFirm.Items(_firmIndex[firm]).Select(i => Data.Memberships[i]);

    public IEnumerable<Region> ChildrenOf(RegionCode region) => _regionChildren[_regionIndex[region]].Select(i => Data.Regions[i]);

    /// <summary>The province a region lies in (itself when it is one).</summary>
    public Region ProvinceOf(RegionCode region)
    {
        var r = _regionIndex[region];
        while (_regionParent[r] >= 0) r = _regionParent[r];
        return Data.Regions[r];
    }

    /// <summary>The prefecture a region lies in (itself when it is one); null for a province.</summary>
    public Region? PrefectureOf(RegionCode region)
    {
        for (var r = _regionIndex[region]; r >= 0; r = _regionParent[r])
            if (Data.Regions[r].Level == RegionLevel.Prefecture) return Data.Regions[r];
        return null;
    }

    /// <summary>
    /// Where the region's government sits: its own recorded seat, else the nearest enclosing region's (a county or park
    /// without coordinates is placed at its prefecture's seat, a prefecture without them at its provincial capital).
    /// </summary>
    public GeoPoint? SeatOf(RegionCode region) => _regionSeat[_regionIndex[region]];

    /// <summary>True when <paramref name="inner"/> is <paramref name="outer"/> or lies inside it.</summary>
    public bool IsWithin(RegionCode inner, RegionCode outer) => Contains(_regionIndex[outer], _regionIndex[inner]);

    /// <summary>Resources held inside the region, or by a region enclosing it (a province's grid power serves its prefectures).</summary>
    public IEnumerable<RegionResource> ResourcesAvailableTo(RegionCode region)
    {
        var r = _regionIndex[region];
        for (var a = _regionParent[r]; a >= 0; a = _regionParent[a])
            foreach (var i in _resourcesByRegion.Items(a)) yield return Data.RegionResources[i];
        for (var i = 0; i < Data.Regions.Length; i++)
            if (Contains(r, i))
                foreach (var rr in _resourcesByRegion.Items(i)) yield return Data.RegionResources[rr];
    }

    /// <summary>Constraints declared for the region or for a region enclosing it (a province's quota binds its prefectures).</summary>
    public IEnumerable<RegionConstraint> ConstraintsOver(RegionCode region)
    {
        var r = _regionIndex[region];
        return Data.Constraints.Where(c => Contains(_regionIndex[c.Region], r));
    }

    // Index-level view for hot paths (lead ranking over large firm universes): no string hashing per step.

    public int IndexOf(SegmentId id) => _segmentIndex[id];
    public int IndexOf(FirmId id) => _firmIndex[id];
    public int IndexOf(RegionCode code) => _regionIndex[code];
    public int SegmentCount => Data.Segments.Length;

    /// <summary>Where the region (by index) has its seat, inherited as <see cref="SeatOf(RegionCode)"/> says.</summary>
    public GeoPoint? SeatOf(int region) => _regionSeat[region];

    /// <summary>The firm's parent group (index), or -1 when it has none.</summary>
    public int ParentOf(int firm) => _firmParent[firm];

    /// <summary>The firm and every firm below it in its group, the firm first.</summary>
    public List<int> GroupBelow(int firm)
    {
        var members = new List<int> { firm };
        // Breadth first over the subsidiaries; the seed reader refuses cycles, the visited set guards a store that holds one.
        var seen = new HashSet<int> { firm };
        for (var i = 0; i < members.Count; i++)
            foreach (var child in _subsidiaries.Span(members[i]))
                if (seen.Add(child)) members.Add(child);
        return members;
    }

    /// <summary>The firms above the firm in its group, nearest first.</summary>
    public List<int> GroupAbove(int firm)
    {
        var above = new List<int>();
        for (var p = _firmParent[firm]; p >= 0 && p != firm && !above.Contains(p); p = _firmParent[p]) above.Add(p);
        return above;
    }

    /// <summary>
    /// The firms whose list industries speak for the firm, and whether each is the firm itself: the firm first, then the
    /// groups above it, nearest first. A group's list standing reaches its plants, so a subsidiary of a listed group is
    /// matched to the segments the group's industry maps to.
    /// </summary>
    public IEnumerable<(int Holder, bool Own)> IndustryHolders(int firm) => GroupAbove(firm).Select(g => (g, false)).Prepend((firm, true));

    public ReadOnlySpan<int> PresenceIndexesOf(int firm) => _presencesByFirm.Span(firm);
    public ReadOnlySpan<int> PresenceIndexesIn(int segment) => _presencesBySegment.Span(segment);
    public int SegmentOfPresence(int presence) => _presenceSegment[presence];
    public int FirmOfPresence(int presence) => _presenceFirm[presence];

    /// <summary>A region's subtree as an Euler-tour interval: containment of a presence is two integer comparisons.</summary>
    public RegionScope ScopeOf(RegionCode region)
    {
        var r = _regionIndex[region];
        return new RegionScope(_regionEnter[r], _regionExit[r]);
    }

    public bool IsWithin(int presence, RegionScope scope) => scope.Contains(_regionEnter[_presenceRegion[presence]]);

    bool Contains(int outer, int inner) => _regionEnter[outer] <= _regionEnter[inner] && _regionExit[inner] <= _regionExit[outer];
}
