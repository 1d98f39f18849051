using System.Collections.Immutable;
using ChainMatch.Domain.Projects;

namespace ChainMatch.Domain.Graph;

/// <summary>
/// The rows of a write merged into a graph's data the way the stores merge them: a row whose key is stored replaces
/// that row where it stands, a new one is appended (stores read back in insertion order), and a project's history
/// only grows. Records which rows it touched, so <see cref="ChainGraph.Apply"/> re-derives only what depends on them.
/// </summary>
sealed class GraphMerge
{
    public GraphData Data { get; }
    public List<int> Firms { get; } = [];
    public List<int> Presences { get; } = [];
    public List<int> Memberships { get; } = [];
    public List<int> Supplies { get; } = [];
    public List<int> Projects { get; } = [];
    public List<int> NegativeRules { get; } = [];
    /// <summary>Rows of the kinds lead finding reads whole (list editions, industry mappings): any touched is a new basis.</summary>
    public List<int> Lists { get; } = [];
    public List<int> IndustrySegments { get; } = [];
    public List<int> ChainPlans { get; } = [];
    public List<int> Contacts { get; } = [];
    public List<int> Interactions { get; } = [];
    public List<int> PromotionEvents { get; } = [];

    GraphMerge(ChainGraph graph, GraphData rows)
    {
        var d = graph.Data;
        Data = d with
        {
            Firms = Upsert(d.Firms, rows.Firms, f => f.Id, graph.FindFirmIndex, null, Firms),
            Presences = Upsert(d.Presences, rows.Presences, PresenceKey, k => graph.FindPresenceIndex(k.Firm, p => PresenceKey(p) == k), null, Presences),
            Lists = Upsert(d.Lists, rows.Lists, l => l.Id, Scan(d.Lists, l => l.Id), null, Lists),
            Memberships = Upsert(d.Memberships, rows.Memberships, m => (m.Firm, m.List), k => graph.FindMembershipIndex(k.Firm, k.List), null, Memberships),
            Supplies = Upsert(d.Supplies, rows.Supplies, SupplyKey, Scan(d.Supplies, SupplyKey), null, Supplies),
            Projects = Upsert(d.Projects, rows.Projects, p => p.Id, Scan(d.Projects, p => p.Id), Grow, Projects),
            NegativeRules = Upsert(d.NegativeRules, rows.NegativeRules, r => r.Id, Scan(d.NegativeRules, r => r.Id), null, NegativeRules),
            IndustrySegments = Upsert(d.IndustrySegments, rows.IndustrySegments, x => x.Key, Scan(d.IndustrySegments, x => x.Key), null, IndustrySegments),
            ChainPlans = Upsert(d.ChainPlans, rows.ChainPlans, x => x.Key, Scan(d.ChainPlans, x => x.Key), null, ChainPlans),
            Contacts = Upsert(d.Contacts, rows.Contacts, c => c.Id, Scan(d.Contacts, c => c.Id), null, Contacts),
            Interactions = Upsert(d.Interactions, rows.Interactions, i => i.Id, Scan(d.Interactions, i => i.Id), null, Interactions),
            PromotionEvents = Upsert(d.PromotionEvents, rows.PromotionEvents, e => e.Id, Scan(d.PromotionEvents, e => e.Id), null, PromotionEvents),
        };
    }

    /// <summary>
    /// Refuses the kinds that define the chains and the map (chains, segments, links, regions, resources, constraints):
    /// they come in whole imports, after which the graph is projected again.
    /// </summary>
    public static GraphMerge Of(ChainGraph graph, GraphData rows)
    {
        string[] structural =
        [
            .. rows.Chains.IsDefaultOrEmpty ? [] : new[] { "chains" },
            .. rows.Segments.IsDefaultOrEmpty ? [] : new[] { "segments" },
            .. rows.Feeds.IsDefaultOrEmpty ? [] : new[] { "feeds links" },
            .. rows.Regions.IsDefaultOrEmpty ? [] : new[] { "regions" },
            .. rows.Resources.IsDefaultOrEmpty ? [] : new[] { "resources" },
            .. rows.RegionResources.IsDefaultOrEmpty ? [] : new[] { "region resources" },
            .. rows.Constraints.IsDefaultOrEmpty ? [] : new[] { "constraints" },
        ];
        if (structural.Length > 0)
            throw new NotSupportedException($"{string.Join(", ", structural)} are imported whole and projected again, not applied to a snapshot");
        return new GraphMerge(graph, rows);
    }

    static (FirmId Firm, SegmentId Segment, RegionCode Region, int? Since, string? Site) PresenceKey(Presence p) => (p.Firm, p.Segment, p.Region, p.Since, p.Site);

    // The stores key a supply by its segment's text, the empty text when it names none.
    static (FirmId, FirmId, string) SupplyKey(Supply s) => (s.Supplier, s.Customer, s.Segment?.Value ?? "");

    /// <summary>A lookup of the stored rows by key, built only when the write carries rows of the kind.</summary>
    static Func<TKey, int> Scan<T, TKey>(ImmutableArray<T> stored, Func<T, TKey> key) where TKey : notnull
    {
        Dictionary<TKey, int>? index = null;
        return k =>
        {
            index ??= stored.Select((row, i) => (Key: key(row), i)).ToDictionary(x => x.Key, x => x.i);
            return index.TryGetValue(k, out var i) ? i : -1;
        };
    }

    static ImmutableArray<T> Upsert<T, TKey>(ImmutableArray<T> stored, ImmutableArray<T> rows, Func<T, TKey> key, Func<TKey, int> find,
        Func<T, T, T>? combine, List<int> touched) where TKey : notnull
    {
        if (rows.IsDefaultOrEmpty) return stored;
        var merged = ImmutableArray.CreateBuilder<T>(stored.Length + rows.Length);
        merged.AddRange(stored);
        // Two rows with one key in the same write: the later one wins, in the place of the first.
        var added = new Dictionary<TKey, int>();
        foreach (var row in rows)
        {
            var k = key(row);
            var at = added.TryGetValue(k, out var a) ? a : find(k);
            if (at >= 0)
            {
                merged[at] = combine is null ? row : combine(merged[at], row);
                touched.Add(at);
            }
            else
            {
                added[k] = merged.Count;
                touched.Add(merged.Count);
                merged.Add(row);
            }
        }
        // Appended rows fill the capacity exactly: handed over without another copy.
        return merged.Count == merged.Capacity ? merged.MoveToImmutable() : merged.ToImmutable();
    }

    /// <summary>A project's steps are appended, never overwritten: the longer history of the two, when one starts the other.</summary>
    static Project Grow(Project stored, Project row)
    {
        for (var i = 0; i < Math.Min(stored.History.Length, row.History.Length); i++)
            if (stored.History[i] != row.History[i])
                throw new InvalidOperationException(
                    $"project {row.Id}: step {i + 1} is already recorded as {ProjectLifecycle.Name(stored.History[i].Stage)} on {stored.History[i].Date:yyyy-MM-dd}; a project's history is never overwritten");
        return row.History.Length >= stored.History.Length ? row : row with { History = stored.History };
    }
}
