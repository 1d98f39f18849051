using System.Collections.Frozen;
using System.Collections.Immutable;
using ChainMatch.Domain.Firms;
using ChainMatch.Domain.Leads;

namespace ChainMatch.Domain.Graph;

/// <summary>
/// Immutable in-memory projection of the store: dense integer indexes, adjacency in CSR form and
/// region subtrees as Euler-tour intervals, so analytics never go back to the store per question.
/// </summary>
public sealed class ChainGraph
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
    readonly GeoPoint?[] _regionSeat;
    readonly int[] _firmParent;
    readonly Csr _subsidiaries;

    public GraphData Data { get; }

    /// <summary>Which firms a name already names, built on first use and carried from version to version once built.</summary>
    public FirmNameIndex FirmsByName => _firmsByName.Value;
    readonly Lazy<FirmNameIndex> _firmsByName;

    /// <summary>As-you-type search over the firms' names, aliases and credit codes, built on first use per version whose firms changed.</summary>
    public FirmSearch FirmSearch => _firmSearch.Value;
    readonly Lazy<FirmSearch> _firmSearch;

    /// <summary>The first and last years the graph's dated facts name, worked out once per graph on first use.</summary>
    public (int First, int Last) FactYears => _factYears.Value;
    readonly Lazy<(int, int)> _factYears;

    /// <summary>The lead finders kept with this version, by date; a write's version derives its own from them.</summary>
    internal LeadFinders LeadFinders { get; }
    public ImmutableArray<Chain> Chains => Data.Chains;
    public ImmutableArray<Segment> Segments => Data.Segments;
    public ImmutableArray<Region> Regions => Data.Regions;
    public ImmutableArray<Firm> Firms => Data.Firms;

    ChainGraph(GraphData data)
    {
        Data = data;
        _factYears = new(() => RecordedYears.FactYearsOf(data));
        LeadFinders = new LeadFinders(this);
        _firmsByName = new(() => FirmNameIndex.Of(data.Firms));
        _firmSearch = new(() => FirmSearch.Of(data.Firms));
        _chainIndex = Index(data.Chains, c => c.Id, "chain");
        _segmentIndex = Index(data.Segments, s => s.Id, "segment");
        _regionIndex = Index(data.Regions, r => r.Code, "region");
        _firmIndex = Unique(data.Firms, f => f.Id, "firm");
        _resourceIndex = Index(data.Resources, r => r.Id, "resource");
        var listIndex = Index(data.Lists, l => l.Id, "list");

        _chainSegments = data.Chains.Select(c => c.Segments.Select(s => Lookup(_segmentIndex, s, $"chain {c.Id}")).ToArray()).ToArray();
        var chainsOf = Enumerable.Range(0, data.Segments.Length).Select(_ => new List<int>()).ToArray();
        for (var c = 0; c < _chainSegments.Length; c++)
            foreach (var s in _chainSegments[c]) chainsOf[s].Add(c);
        _segmentChains = chainsOf.Select(l => l.ToArray()).ToArray();

        var n = data.Segments.Length;
        _feedsOut = Csr.Build(n, data.Feeds.Select(f => Lookup(_segmentIndex, f.From, "feeds link")).ToArray());
        _feedsIn = Csr.Build(n, data.Feeds.Select(f => Lookup(_segmentIndex, f.To, "feeds link")).ToArray());

        _regionParent = data.Regions.Select(r => r.Parent is { } p ? Lookup(_regionIndex, p, $"region {r.Code}") : -1).ToArray();
        (_regionChildren, _regionEnter, _regionExit) = EulerTour(_regionParent);
        _regionSeat = data.Regions.Select((_, i) => InheritedSeat(i)).ToArray();

        _presenceRegion = data.Presences.Select(p => Lookup(_regionIndex, p.Region, $"presence of {p.Firm}")).ToArray();
        _presenceSegment = data.Presences.Select(p => Lookup(_segmentIndex, p.Segment, $"presence of {p.Firm}")).ToArray();
        _presenceFirm = data.Presences.Select(p => Lookup(_firmIndex, p.Firm, "presence")).ToArray();
        _presencesBySegment = Csr.Build(n, _presenceSegment);
        _presencesByFirm = Csr.Build(data.Firms.Length, _presenceFirm);
        _resourcesByRegion = Csr.Build(data.Regions.Length, data.RegionResources.Select(r => Lookup(_regionIndex, r.Region, $"resource {r.Resource}")).ToArray());
        foreach (var rr in data.RegionResources) Lookup(_resourceIndex, rr.Resource, $"region {rr.Region}");
        foreach (var s in data.Segments)
        {
            foreach (var need in s.Needs) Lookup(_resourceIndex, need, $"segment {s.Id}");
            foreach (var intensity in s.Intensities) Lookup(_resourceIndex, intensity.Resource, $"intensity of segment {s.Id}");
        }
        foreach (var c in data.Constraints)
        {
            Lookup(_regionIndex, c.Region, $"constraint on {c.Resource}");
            Lookup(_resourceIndex, c.Resource, $"constraint of region {c.Region}");
        }
        foreach (var f in data.Firms)
            if (f.Headquarters is { } hq) Lookup(_regionIndex, hq, $"firm {f.Id}");
        _firmParent = data.Firms.Select(f => f.Group is { } g ? Lookup(_firmIndex, g.Parent, $"parent of firm {f.Id}") : -1).ToArray();
        _subsidiaries = Csr.Build(data.Firms.Length, _firmParent, skipNegative: true);
        foreach (var m in data.Memberships) Lookup(listIndex, m.List, $"membership of {m.Firm}");
        _membershipFirm = data.Memberships.Select(m => Lookup(_firmIndex, m.Firm, "membership")).ToArray();
        _membershipsByFirm = Csr.Build(data.Firms.Length, _membershipFirm);
        Index(data.NegativeRules, r => r.Id, "negative-list rule");
        Index(data.Projects, p => p.Id, "project");
        foreach (var project in data.Projects)
        {
            Lookup(_firmIndex, project.Firm, $"project {project.Id}");
            Lookup(_segmentIndex, project.Segment, $"project {project.Id}");
            Lookup(_regionIndex, project.Region, $"project {project.Id}");
        }
        Index(data.ChainPlans, p => p.Key, "chain plan");
        foreach (var plan in data.ChainPlans) CheckPlan(plan);
        foreach (var rule in data.NegativeRules)
        {
            if (rule.Firm is { } f) Lookup(_firmIndex, f, $"negative-list rule {rule.Id}");
            if (rule.Segment is { } s) Lookup(_segmentIndex, s, $"negative-list rule {rule.Id}");
            if (rule.Region is { } r) Lookup(_regionIndex, r, $"negative-list rule {rule.Id}");
        }
        Index(data.Contacts, c => c.Id, "contact");
        Index(data.Interactions, i => i.Id, "interaction");
        Index(data.PromotionEvents, e => e.Id, "promotion event");
        CheckCrm(data, Enumerable.Range(0, data.Contacts.Length), Enumerable.Range(0, data.Interactions.Length), Enumerable.Range(0, data.PromotionEvents.Length));
    }

    /// <summary>The 客商库 rows' references: firms and regions the graph holds, contacts and projects it stores.</summary>
    void CheckCrm(GraphData data, IEnumerable<int> contacts, IEnumerable<int> interactions, IEnumerable<int> events)
    {
        foreach (var i in contacts)
        {
            var c = data.Contacts[i];
            Lookup(_firmIndex, c.Firm, $"contact {c.Id}");
            Lookup(_regionIndex, c.Region, $"contact {c.Id}");
        }
        HashSet<string>? contactIds = null, projectIds = null;
        foreach (var i in interactions)
        {
            var x = data.Interactions[i];
            Lookup(_firmIndex, x.Firm, $"interaction {x.Id}");
            Lookup(_regionIndex, x.Region, $"interaction {x.Id}");
            if (x.Contact is { } contact && !(contactIds ??= [.. data.Contacts.Select(c => c.Id)]).Contains(contact))
                throw new GraphIntegrityException($"interaction {x.Id} refers to unknown contact '{contact}'");
            if (x.Project is { } project && !(projectIds ??= [.. data.Projects.Select(p => p.Id)]).Contains(project))
                throw new GraphIntegrityException($"interaction {x.Id} refers to unknown project '{project}'");
        }
        foreach (var i in events)
        {
            var e = data.PromotionEvents[i];
            Lookup(_regionIndex, e.Region, $"promotion event {e.Id}");
            foreach (var f in e.Firms) Lookup(_firmIndex, f, $"promotion event {e.Id}");
        }
    }

    /// <summary>
    /// The next version of this graph after a write: its rows merged as the stores merge them (<see cref="GraphMerge"/>),
    /// everything the rows do not touch shared with this version, and only what depends on them derived again; the
    /// touched rows' references are checked as <see cref="Build"/> checks them. This version is left as it was.
    /// </summary>
    public ChainGraph Apply(GraphData rows) => new(this, GraphMerge.Of(this, rows));

    ChainGraph(ChainGraph previous, GraphMerge merge)
    {
        var data = merge.Data;
        Data = data;
        _factYears = new(() => RecordedYears.FactYearsOf(data));
        LeadFinders = previous.LeadFinders.Next(this, GraphChange.Of(merge));
        // Chains, segments, links, regions and resources are never applied (GraphMerge refuses them): shared as they are.
        _chainIndex = previous._chainIndex;
        _segmentIndex = previous._segmentIndex;
        _regionIndex = previous._regionIndex;
        _resourceIndex = previous._resourceIndex;
        _chainSegments = previous._chainSegments;
        _segmentChains = previous._segmentChains;
        _feedsOut = previous._feedsOut;
        _feedsIn = previous._feedsIn;
        _resourcesByRegion = previous._resourcesByRegion;
        _regionParent = previous._regionParent;
        _regionEnter = previous._regionEnter;
        _regionExit = previous._regionExit;
        _regionChildren = previous._regionChildren;
        _regionSeat = previous._regionSeat;

        var firmsAdded = data.Firms.Length > previous.Firms.Length;
        _firmIndex = previous._firmIndex;
        if (firmsAdded)
        {
            _firmIndex = new Dictionary<FirmId, int>(previous._firmIndex);
            for (var i = previous.Firms.Length; i < data.Firms.Length; i++) _firmIndex.Add(data.Firms[i].Id, i);
        }
        _firmParent = previous._firmParent;
        _subsidiaries = previous._subsidiaries;
        if (merge.Firms.Count > 0)
        {
            _firmParent = [.. previous._firmParent, .. new int[data.Firms.Length - previous.Firms.Length]];
            foreach (var i in merge.Firms)
            {
                var f = data.Firms[i];
                if (f.Headquarters is { } hq) Lookup(_regionIndex, hq, $"firm {f.Id}");
                _firmParent[i] = f.Group is { } g ? Lookup(_firmIndex, g.Parent, $"parent of firm {f.Id}") : -1;
            }
            _subsidiaries = Csr.Build(data.Firms.Length, _firmParent, skipNegative: true);
        }
        _firmsByName = previous._firmsByName;
        _firmSearch = merge.Firms.Count > 0 ? new(() => FirmSearch.Of(data.Firms)) : previous._firmSearch;
        if (merge.Firms.Count > 0)
        {
            var touched = merge.Firms.Distinct().ToList();
            // Updated now when the previous version had built it, so that no version keeps the one before alive.
            var names = previous._firmsByName.IsValueCreated
                ? previous._firmsByName.Value.With(touched.Where(i => i < previous.Firms.Length).Select(i => previous.Firms[i]), touched.Select(i => data.Firms[i]))
                : null;
            _firmsByName = names is null ? new(() => FirmNameIndex.Of(data.Firms)) : new(() => names);
        }

        // A presence's or membership's key holds every reference it makes: a replaced one points where it pointed.
        var presencesAdded = data.Presences.Length > previous.Data.Presences.Length;
        (_presenceRegion, _presenceSegment, _presenceFirm) = (previous._presenceRegion, previous._presenceSegment, previous._presenceFirm);
        (_presencesBySegment, _presencesByFirm) = (previous._presencesBySegment, previous._presencesByFirm);
        var firstPresence = previous.Data.Presences.Length;
        if (presencesAdded)
        {
            _presenceRegion = Extended(previous._presenceRegion, data.Presences, p => Lookup(_regionIndex, p.Region, $"presence of {p.Firm}"));
            _presenceSegment = Extended(previous._presenceSegment, data.Presences, p => Lookup(_segmentIndex, p.Segment, $"presence of {p.Firm}"));
            _presenceFirm = Extended(previous._presenceFirm, data.Presences, p => Lookup(_firmIndex, p.Firm, "presence"));
            _presencesBySegment = previous._presencesBySegment.Extend(data.Segments.Length, _presenceSegment, firstPresence);
        }
        if (presencesAdded || firmsAdded) _presencesByFirm = previous._presencesByFirm.Extend(data.Firms.Length, _presenceFirm, firstPresence);

        _membershipFirm = previous._membershipFirm;
        _membershipsByFirm = previous._membershipsByFirm;
        var membershipsAdded = data.Memberships.Length > previous.Data.Memberships.Length;
        if (merge.Memberships.Count > 0)
        {
            var listIndex = Index(data.Lists, l => l.Id, "list");
            foreach (var i in merge.Memberships) Lookup(listIndex, data.Memberships[i].List, $"membership of {data.Memberships[i].Firm}");
        }
        if (membershipsAdded) _membershipFirm = Extended(previous._membershipFirm, data.Memberships, m => Lookup(_firmIndex, m.Firm, "membership"));
        if (membershipsAdded || firmsAdded)
            _membershipsByFirm = previous._membershipsByFirm.Extend(data.Firms.Length, _membershipFirm, previous.Data.Memberships.Length);

        foreach (var i in merge.Projects)
        {
            var project = data.Projects[i];
            Lookup(_firmIndex, project.Firm, $"project {project.Id}");
            Lookup(_segmentIndex, project.Segment, $"project {project.Id}");
            Lookup(_regionIndex, project.Region, $"project {project.Id}");
        }
        foreach (var i in merge.ChainPlans) CheckPlan(data.ChainPlans[i]);
        foreach (var i in merge.NegativeRules)
        {
            var rule = data.NegativeRules[i];
            if (rule.Firm is { } f) Lookup(_firmIndex, f, $"negative-list rule {rule.Id}");
            if (rule.Segment is { } s) Lookup(_segmentIndex, s, $"negative-list rule {rule.Id}");
            if (rule.Region is { } r) Lookup(_regionIndex, r, $"negative-list rule {rule.Id}");
        }
        CheckCrm(data, merge.Contacts, merge.Interactions, merge.PromotionEvents);
    }

    public static ChainGraph Build(GraphData data) => new(data);

    /// <summary><paramref name="stored"/> followed by the index of each row after it.</summary>
    static int[] Extended<T>(int[] stored, ImmutableArray<T> rows, Func<T, int> index)
    {
        var extended = new int[rows.Length];
        Array.Copy(stored, extended, stored.Length);
        for (var i = stored.Length; i < rows.Length; i++) extended[i] = index(rows[i]);
        return extended;
    }

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

    GeoPoint? InheritedSeat(int region)
    {
        for (var r = region; r >= 0; r = _regionParent[r])
            if (Data.Regions[r].Seat is { } seat) return seat;
        return null;
    }

    bool Contains(int outer, int inner) => _regionEnter[outer] <= _regionEnter[inner] && _regionExit[inner] <= _regionExit[outer];

    static FrozenDictionary<TKey, int> Index<T, TKey>(ImmutableArray<T> items, Func<T, TKey> key, string kind) where TKey : notnull =>
        Unique(items, key, kind).ToFrozenDictionary();

    static Dictionary<TKey, int> Unique<T, TKey>(ImmutableArray<T> items, Func<T, TKey> key, string kind) where TKey : notnull
    {
        var index = new Dictionary<TKey, int>(items.Length);
        for (var i = 0; i < items.Length; i++)
            if (!index.TryAdd(key(items[i]), i))
                throw new GraphIntegrityException($"{kind} '{key(items[i])}' is defined twice");
        return index;
    }

    /// <summary>A chain plan names a chain and a region the graph knows.</summary>
    void CheckPlan(Chains.ChainPlan plan)
    {
        Lookup(_chainIndex, plan.Chain, $"chain plan {plan.Key}");
        Lookup(_regionIndex, plan.Region, $"chain plan {plan.Key}");
    }

    static int Lookup<TKey>(IReadOnlyDictionary<TKey, int> index, TKey key, string referencedBy) where TKey : notnull =>
        index.TryGetValue(key, out var i) ? i : throw new GraphIntegrityException($"{referencedBy} refers to unknown '{key}'");

    static (int[][] Children, int[] Enter, int[] Exit) EulerTour(int[] parent)
    {
        var children = Enumerable.Range(0, parent.Length).Select(_ => new List<int>()).ToArray();
        for (var i = 0; i < parent.Length; i++)
            if (parent[i] >= 0) children[parent[i]].Add(i);
        var enter = Enumerable.Repeat(-1, parent.Length).ToArray();
        var exit = new int[parent.Length];
        var clock = 0;
        // Iterative DFS: region trees are shallow but imports are untrusted input.
        var stack = new Stack<(int Node, bool Done)>();
        for (var root = 0; root < parent.Length; root++)
        {
            if (parent[root] >= 0) continue;
            stack.Push((root, false));
            while (stack.Count > 0)
            {
                var (node, done) = stack.Pop();
                if (done) { exit[node] = clock++; continue; }
                enter[node] = clock++;
                stack.Push((node, true));
                foreach (var child in children[node]) stack.Push((child, false));
            }
        }
        var orphan = Array.IndexOf(enter, -1);
        if (orphan >= 0) throw new GraphIntegrityException($"region index {orphan} is part of a parent cycle");
        return (children.Select(c => c.ToArray()).ToArray(), enter, exit);
    }

    /// <summary>Compressed sparse rows: for each owner, the indexes of the items that belong to it.</summary>
    readonly struct Csr
    {
        readonly int[] _offsets;
        readonly int[] _items;

        Csr(int[] offsets, int[] items) { _offsets = offsets; _items = items; }

        /// <summary>Groups items by owner; with <paramref name="skipNegative"/>, an item whose owner is -1 belongs to none.</summary>
        public static Csr Build(int owners, int[] ownerOfItem, bool skipNegative = false)
        {
            var offsets = new int[owners + 1];
            foreach (var o in ownerOfItem)
                if (o >= 0 || !skipNegative) offsets[o + 1]++;
            for (var i = 0; i < owners; i++) offsets[i + 1] += offsets[i];
            var items = new int[offsets[owners]];
            var next = offsets[..^1].ToArray();
            for (var item = 0; item < ownerOfItem.Length; item++)
                if (ownerOfItem[item] >= 0 || !skipNegative) items[next[ownerOfItem[item]]++] = item;
            return new Csr(offsets, items);
        }

        /// <summary>
        /// This grouping with the items from <paramref name="firstNew"/> on added (each last among its owner's, where
        /// <see cref="Build"/> puts it) and the owners grown to <paramref name="owners"/>: a few copies of the item array
        /// instead of a new grouping, for the handful of rows a write adds.
        /// </summary>
        public Csr Extend(int owners, int[] ownerOfItem, int firstNew)
        {
            var added = ownerOfItem.Length - firstNew;
            if (added > 64) return Build(owners, ownerOfItem);
            var newItems = new SortedDictionary<int, List<int>>();
            for (var item = firstNew; item < ownerOfItem.Length; item++)
            {
                if (!newItems.TryGetValue(ownerOfItem[item], out var list)) newItems[ownerOfItem[item]] = list = [];
                list.Add(item);
            }
            var stored = _offsets;
            int OldOffset(int owner) => owner < stored.Length ? stored[owner] : stored[^1];
            var offsets = new int[owners + 1];
            var items = added == 0 ? _items : new int[_items.Length + added];
            var (o, copied, shift) = (0, 0, 0);
            foreach (var (owner, mine) in newItems)
            {
                for (; o <= owner; o++) offsets[o] = OldOffset(o) + shift;
                var end = OldOffset(owner + 1);
                Array.Copy(_items, copied, items, copied + shift, end - copied);
                copied = end;
                foreach (var item in mine) items[copied + shift++] = item;
            }
            for (; o <= owners; o++) offsets[o] = OldOffset(o) + shift;
            if (added > 0) Array.Copy(_items, copied, items, copied + shift, _items.Length - copied);
            return new Csr(offsets, items);
        }

        public ReadOnlySpan<int> Span(int owner) => _items.AsSpan(_offsets[owner], _offsets[owner + 1] - _offsets[owner]);

        public IEnumerable<int> Items(int owner)
        {
            for (var i = _offsets[owner]; i < _offsets[owner + 1]; i++) yield return _items[i];
        }
    }
}

public readonly record struct RegionScope(int Enter, int Exit)
{
    public bool Contains(int enter) => Enter <= enter && enter <= Exit;
}

public sealed class GraphIntegrityException(string message) : Exception(message);
