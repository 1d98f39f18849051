using System.Collections.Frozen;
using System.Collections.Immutable;

namespace ChainMatch.Domain.Graph;

/// <summary>A version projected from rows whole (start-up, restore, import): every index built and every reference checked.</summary>
public sealed partial class ChainGraph
{
    ChainGraph(GraphData data)
    {
        Data = data;
        _caches = GraphCaches.Of(this);
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
        _presenceRoom = new SpareRoom(data.Presences.Length);
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
        _membershipRoom = new SpareRoom(data.Memberships.Length);
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

    GeoPoint? InheritedSeat(int region)
    {
        for (var r = region; r >= 0; r = _regionParent[r])
            if (Data.Regions[r].Seat is { } seat) return seat;
        return null;
    }

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
}
