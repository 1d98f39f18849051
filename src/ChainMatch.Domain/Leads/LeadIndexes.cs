using ChainMatch.Domain.Firms;
using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Projects;
using ChainMatch.Domain.Reasons;

namespace ChainMatch.Domain.Leads;

/// <summary>
/// What lead finding reads from one graph as it stood on one date, worked out once: which presences are active,
/// supply ties, list standings, groups, industries, projects by firm, national capacities, and the features of each
/// firm that do not depend on the gap (<see cref="FirmFeatures"/>). Immutable once built, so one instance serves
/// every request on the same snapshot and date. A later version of the graph gets its own, derived from these and
/// what the writes since touched: arrays nothing touched are shared, the others copied and updated where touched.
/// </summary>
internal sealed class LeadIndexes
{
    // A share of "national" capacity means little until several firms' figures are on record.
    const int MinFirmsWithCapacity = 3;

    public ChainGraph Graph { get; }
    public int Year { get; }
    public DateOnly AsOf { get; }
    public bool[] Active { get; }
    /// <summary>Distinct customers and suppliers of each firm by supply ties known by the year, in order of first mention.</summary>
    public int[]?[] Customers { get; }
    public int[]?[] Suppliers { get; }
    public ListPlace?[] Lists { get; }
    public Quantity?[] NationalCapacity { get; }
    /// <summary>Each firm's projects under way by the date, in the order the graph holds them.</summary>
    public List<Project>?[] Projects { get; }
    /// <summary>For each group (a firm with subsidiaries), itself and every firm below it; null for other firms.</summary>
    public List<int>?[] GroupBelow { get; }
    public double?[] Revenue { get; }
    public List<(string Industry, FirmList Edition, int? Rank)>?[] Industries { get; }
    public Dictionary<string, List<(int Segment, double Weight, string Reason)>> IndustryMap { get; }
    /// <summary>Listed firms by the segments their own industry label maps to (the candidates by affinity), ascending.</summary>
    public List<int>?[] ListedBySegment { get; }
    public FirmFeatures Firms { get; }

    int[][]? _activeFirms;
    ulong[]? _roughProfiles;
    /// <summary>See <see cref="ActiveFirms"/>.</summary>
    public int[][] ActiveFirmsBySegment => LazyInitializer.EnsureInitialized(ref _activeFirms, () => ActiveFirms.BySegment(this));
    /// <summary>See <see cref="Leads.RoughProfiles"/>.</summary>
    public ulong[] RoughProfiles => LazyInitializer.EnsureInitialized(ref _roughProfiles, () => Leads.RoughProfiles.Of(this));

    public LeadIndexes(ChainGraph graph, DateOnly asOf)
    {
        Graph = graph;
        Year = asOf.Year;
        AsOf = asOf;
        var firms = graph.Firms.Length;
        var presences = graph.Data.Presences;
        Active = new bool[presences.Length];
        for (var i = 0; i < presences.Length; i++) Active[i] = presences[i].IsActiveIn(Year);

        var customers = new List<int>?[firms];
        var suppliers = new List<int>?[firms];
        foreach (var s in graph.Data.Supplies)
            if (s.Since is null || s.Since <= Year)
            {
                int supplier = graph.IndexOf(s.Supplier), customer = graph.IndexOf(s.Customer);
                (customers[supplier] ??= []).Add(customer);
                (suppliers[customer] ??= []).Add(supplier);
            }
        // Distinct once here rather than per candidate and gap.
        Customers = Array.ConvertAll(customers, l => l?.Distinct().ToArray());
        Suppliers = Array.ConvertAll(suppliers, l => l?.Distinct().ToArray());

        Lists = new ListPlace?[firms];
        Revenue = new double?[firms];
        Industries = new List<(string, FirmList, int?)>?[firms];
        var editions = Editions(graph);
        for (var f = 0; f < firms; f++)
            if (graph.MembershipIndexesOf(f).Length > 0) (Lists[f], Industries[f], Revenue[f]) = Standing(graph, editions, f);
        NationalCapacity = new Quantity?[graph.SegmentCount];
        for (var s = 0; s < NationalCapacity.Length; s++) NationalCapacity[s] = DominantCapacity(graph, Active, s);
        Projects = new List<Project>?[firms];
        foreach (var project in graph.Data.Projects.Where(IsUnderWay))
            (Projects[graph.IndexOf(project.Firm)] ??= []).Add(project);

        GroupBelow = new List<int>?[firms];
        for (var f = 0; f < firms; f++)
            if (graph.ParentOf(f) is var parent and >= 0 && GroupBelow[parent] is null)
                GroupBelow[parent] = graph.GroupBelow(parent);
        IndustryMap = graph.Data.IndustrySegments.Where(x => x.Segment is not null && x.Weight > 0)
            .GroupBy(x => x.Industry)
            .ToDictionary(g => g.Key, g => g.Select(x => (graph.IndexOf(x.Segment!.Value), x.Weight, x.Reason)).ToList());
        ListedBySegment = new List<int>?[graph.SegmentCount];
        for (var f = 0; f < firms; f++)
            foreach (var segment in AffinitySegments(f))
                (ListedBySegment[segment] ??= []).Add(f);
        Firms = new FirmFeatures(this);
    }

    /// <summary>
    /// <paramref name="previous"/>'s indexes as they stand on <paramref name="graph"/>, a later version of their graph
    /// that <paramref name="change"/> made of it (no new list editions or industry mappings): equal to those built afresh.
    /// </summary>
    public LeadIndexes(LeadIndexes previous, ChainGraph graph, GraphChange change)
    {
        if (change.Basis) throw new ArgumentException("list editions or industry mappings changed: the indexes are built afresh", nameof(change));
        var before = previous.Graph;
        Graph = graph;
        Year = previous.Year;
        AsOf = previous.AsOf;
        IndustryMap = previous.IndustryMap;
        var firms = graph.Firms.Length;
        var firmsBefore = before.Firms.Length;
        // Per-firm arrays grow with the firms added (a copy); otherwise each is copied only on its first update.
        Customers = Grown(previous.Customers, firms);
        Suppliers = Grown(previous.Suppliers, firms);
        Lists = Grown(previous.Lists, firms);
        Revenue = Grown(previous.Revenue, firms);
        Industries = Grown(previous.Industries, firms);
        Projects = Grown(previous.Projects, firms);
        GroupBelow = Grown(previous.GroupBelow, firms);
        var (active, nationalCapacity, listedBySegment) = (Grown(previous.Active, graph.Data.Presences.Length), previous.NationalCapacity, previous.ListedBySegment);
        var (customers, suppliers, lists, revenue, industries, projects, groupBelow) = (Customers, Suppliers, Lists, Revenue, Industries, Projects, GroupBelow);
        // Firms whose gap-independent features are to be worked out again: touched ones and every firm below them.
        var features = new HashSet<int>();

        var segments = new SortedSet<int>();
        foreach (var p in change.Presences)
        {
            Set(ref active, previous.Active, p, graph.Data.Presences[p].IsActiveIn(Year));
            segments.Add(graph.SegmentOfPresence(p));
        }
        foreach (var s in segments) Set(ref nationalCapacity, previous.NationalCapacity, s, DominantCapacity(graph, active, s));

        SupplyTies(previous, graph, change, ref customers, ref suppliers);

        var editions = Editions(graph);
        foreach (var f in change.Memberships.Select(m => graph.IndexOf(graph.Data.Memberships[m].Firm)).Distinct())
        {
            var (place, held, yi) = Standing(graph, editions, f);
            Set(ref lists, previous.Lists, f, place);
            Set(ref industries, previous.Industries, f, held);
            Set(ref revenue, previous.Revenue, f, yi);
            features.UnionWith(graph.GroupBelow(f));
        }

        // Firms whose rough profile is to be worked out again (see RoughProfiles), beside those of `features`.
        var profiles = new HashSet<int>();
        var parentChanged = new List<int>();
        foreach (var f in change.Firms)
        {
            var parentBefore = f < firmsBefore ? before.ParentOf(f) : -1;
            if (graph.ParentOf(f) != parentBefore)
            {
                // The firm moved between groups: every group it left or joined has other members now.
                var groups = (f < firmsBefore ? before.GroupAbove(f) : []).Concat(graph.GroupAbove(f)).Append(f).Distinct().ToList();
                foreach (var g in groups) Set(ref groupBelow, previous.GroupBelow, g, graph.HasSubsidiaries(g) ? graph.GroupBelow(g) : null);
                profiles.UnionWith(groups);
                parentChanged.Add(f);
            }
            features.UnionWith(graph.GroupBelow(f));
        }

        ProjectsUnderWay(previous, graph, change, ref projects);

        (Active, NationalCapacity, Customers, Suppliers, Lists, Revenue, Industries, Projects, GroupBelow) =
            (active, nationalCapacity, customers, suppliers, lists, revenue, industries, projects, groupBelow);

        // Affinity candidates: a firm whose list industries changed leaves the segments they no longer map to and joins the new ones.
        var listed = listedBySegment;
        foreach (var f in change.Memberships.Select(m => graph.IndexOf(graph.Data.Memberships[m].Firm)).Distinct())
        {
            var was = f < firmsBefore ? Segments(previous.Industries[f]) : [];
            var now = AffinitySegments(f).ToHashSet();
            foreach (var s in was.Union(now).Where(s => was.Contains(s) != now.Contains(s)))
            {
                if (ReferenceEquals(listed, previous.ListedBySegment)) listed = (List<int>?[])listed.Clone();
                var members = listed[s] is { } l ? new List<int>(l) : [];
                var at = members.BinarySearch(f);
                if (now.Contains(s)) members.Insert(~at, f);
                else members.RemoveAt(at);
                listed[s] = members.Count > 0 ? members : null;
            }
        }
        ListedBySegment = listed;

        for (var f = firmsBefore; f < firms; f++) features.Add(f);
        Firms = previous.Firms.With(this, features);

        // What the previous snapshot built on first use, carried where the writes touched it (else built on first use here).
        if (previous._activeFirms is { } activeFirms)
            _activeFirms = ActiveFirms.Derived(activeFirms, this, before, change.Presences, parentChanged);
        if (previous._roughProfiles is { } roughProfiles)
        {
            profiles.UnionWith(features);
            foreach (var p in change.Presences)
            {
                profiles.Add(graph.FirmOfPresence(p));
                if (p < before.Data.Presences.Length) profiles.Add(before.FirmOfPresence(p));
            }
            foreach (var i in change.Supplies)
                foreach (var data in new[] { graph.Data, before.Data })
                    if (i < data.Supplies.Length)
                        profiles.UnionWith([graph.IndexOf(data.Supplies[i].Supplier), graph.IndexOf(data.Supplies[i].Customer)]);
            foreach (var i in change.Projects)
                foreach (var data in new[] { graph.Data, before.Data })
                    if (i < data.Projects.Length) profiles.Add(graph.IndexOf(data.Projects[i].Firm));
            _roughProfiles = Leads.RoughProfiles.Derived(roughProfiles, this, profiles);
        }
    }

    bool IsUnderWay(Project project) => project.History[0].Date <= AsOf;

    /// <summary>The list editions published by the year, by id.</summary>
    Dictionary<ListId, FirmList> Editions(ChainGraph graph) => graph.Data.Lists.Where(l => l.Year <= Year).ToDictionary(l => l.Id);

    /// <summary>The firm's place on the lists of those editions, its list industries and its latest revenue; null where it has none.</summary>
    (ListPlace?, List<(string, FirmList, int?)>?, double?) Standing(ChainGraph graph, Dictionary<ListId, FirmList> editions, int firm)
    {
        List<(ListMembership, FirmList)> on = [];
        List<(string, FirmList, int?)>? industries = null;
        foreach (var i in graph.MembershipIndexesOf(firm))
        {
            var m = graph.Data.Memberships[i];
            if (!editions.TryGetValue(m.List, out var edition)) continue;
            on.Add((m, edition));
            if (m.Industry is { } industry) (industries ??= []).Add((industry, edition, m.Rank));
        }
        if (on.Count == 0) return (null, null, null);
        return (ListPlace.Of(on), industries, Revenues.Latest(graph, graph.Firms[firm].Id, Year));
    }

    /// <summary>The segments the firm's own list industries map to.</summary>
    IEnumerable<int> AffinitySegments(int firm) => Segments(Industries[firm]);

    HashSet<int> Segments(List<(string Industry, FirmList Edition, int? Rank)>? industries) =>
        [.. (industries ?? []).SelectMany(i => IndustryMap.GetValueOrDefault(i.Industry, [])).Select(x => x.Segment)];

    /// <summary>Customers and suppliers of the firms in touched supply ties, as a build would list them.</summary>
    void SupplyTies(LeadIndexes previous, ChainGraph graph, GraphChange change, ref int[]?[] customers, ref int[]?[] suppliers)
    {
        if (change.Supplies.Count == 0) return;
        var supplies = graph.Data.Supplies;
        var stored = previous.Graph.Data.Supplies.Length;
        if (change.Supplies.Min() >= stored)
        {
            // Only new ties, each after every tie stored: each is the last mention of its pair.
            foreach (var i in change.Supplies)
                if (supplies[i] is var s && (s.Since is null || s.Since <= Year))
                {
                    int supplier = graph.IndexOf(s.Supplier), customer = graph.IndexOf(s.Customer);
                    if (!(customers[supplier] ?? []).Contains(customer)) Set(ref customers, previous.Customers, supplier, [.. customers[supplier] ?? [], customer]);
                    if (!(suppliers[customer] ?? []).Contains(supplier)) Set(ref suppliers, previous.Suppliers, customer, [.. suppliers[customer] ?? [], supplier]);
                }
            return;
        }
        // A stored tie changed (its year, say): the ties of its firms are listed again from every tie.
        var firms = change.Supplies.SelectMany(i => new[] { graph.IndexOf(supplies[i].Supplier), graph.IndexOf(supplies[i].Customer) }).ToHashSet();
        var listed = firms.ToDictionary(f => f, _ => (Customers: new List<int>(), Suppliers: new List<int>()));
        foreach (var s in supplies)
            if (s.Since is null || s.Since <= Year)
            {
                int supplier = graph.IndexOf(s.Supplier), customer = graph.IndexOf(s.Customer);
                if (listed.TryGetValue(supplier, out var a)) a.Customers.Add(customer);
                if (listed.TryGetValue(customer, out var b)) b.Suppliers.Add(supplier);
            }
        foreach (var (f, (c, s)) in listed)
        {
            Set(ref customers, previous.Customers, f, c.Count > 0 ? [.. c.Distinct()] : null);
            Set(ref suppliers, previous.Suppliers, f, s.Count > 0 ? [.. s.Distinct()] : null);
        }
    }

    /// <summary>The projects under way of the firms whose projects were touched, as a build would list them.</summary>
    void ProjectsUnderWay(LeadIndexes previous, ChainGraph graph, GraphChange change, ref List<Project>?[] projects)
    {
        if (change.Projects.Count == 0) return;
        var stored = previous.Graph.Data.Projects;
        var copied = new HashSet<int>();
        List<Project> Own(ref List<Project>?[] byFirm, int firm)
        {
            if (copied.Add(firm)) Set(ref byFirm, previous.Projects, firm, byFirm[firm] is { } l ? new List<Project>(l) : []);
            return byFirm[firm]!;
        }
        var relist = new HashSet<int>();
        // In the order the graph holds them: a project appended goes after every project stored.
        foreach (var i in change.Projects)
        {
            var now = graph.Data.Projects[i];
            var firm = graph.IndexOf(now.Firm);
            var was = i < stored.Length ? stored[i] : null;
            var wasFirm = was is null ? -1 : graph.IndexOf(was.Firm);
            var at = was is not null && IsUnderWay(was) ? Own(ref projects, wasFirm).FindIndex(p => ReferenceEquals(p, was)) : -1;
            if (at >= 0) Own(ref projects, wasFirm).RemoveAt(at);
            if (!IsUnderWay(now)) continue;
            if (at >= 0 && wasFirm == firm) Own(ref projects, firm).Insert(at, now);
            else if (was is null) Own(ref projects, firm).Add(now);
            else relist.Add(firm);
        }
        if (relist.Count > 0)
        {
            // A stored project newly under way, or moved to another firm: the firm's projects are listed again.
            foreach (var f in relist) Own(ref projects, f).Clear();
            foreach (var project in graph.Data.Projects.Where(IsUnderWay))
                if (graph.IndexOf(project.Firm) is var f && relist.Contains(f)) projects[f]!.Add(project);
        }
        foreach (var f in copied)
            if (projects[f] is { Count: 0 }) projects[f] = null;
    }

    /// <summary>Writes <paramref name="value"/> at <paramref name="index"/>, copying <paramref name="array"/> first while it is still <paramref name="shared"/>.</summary>
    static void Set<T>(ref T[] array, T[] shared, int index, T value)
    {
        if (ReferenceEquals(array, shared)) array = (T[])array.Clone();
        array[index] = value;
    }

    static T[] Grown<T>(T[] array, int length) => array.Length >= length ? array : [.. array, .. new T[length - array.Length]];

    static Quantity? DominantCapacity(ChainGraph graph, bool[] active, int segment)
    {
        var presences = graph.Data.Presences;
        var byUnit = graph.PresenceIndexesIn(segment).ToArray().Where(p => active[p]).Select(p => presences[p])
            .Where(p => p.Capacity is not null).GroupBy(p => p.Capacity!.Unit)
            .OrderByDescending(g => g.Count()).FirstOrDefault();
        if (byUnit is null || byUnit.Select(p => p.Firm).Distinct().Count() < MinFirmsWithCapacity) return null;
        return new Quantity(byUnit.Sum(p => p.Capacity!.Amount), byUnit.Key);
    }
}

/// <summary>A firm's place on the lists up to a date, as the features and their evidence need it.</summary>
internal sealed record ListPlace(bool Fortune, bool ChinaTop, bool ChinaPrivate, int? BestRank, Standing Text)
{
    public static ListPlace Of(List<(ListMembership Membership, FirmList Edition)> memberships)
    {
        bool On(ListFamily family) => memberships.Any(m => ListFamily.Of(m.Edition.Id) == family);
        var best = memberships.Where(m => m.Membership.Rank is not null).OrderBy(m => m.Membership.Rank).FirstOrDefault();
        var text = best.Edition is not null
            ? new Standing([EditionName(best.Edition)], best.Membership.Rank)
            : new Standing([.. memberships.Select(m => EditionName(m.Edition)).Distinct()], null);
        return new ListPlace(On(ListFamily.FortuneGlobal500), On(ListFamily.ChinaTop500), On(ListFamily.ChinaPrivateTop500), best.Membership?.Rank, text);
    }

    public static Words EditionName(FirmList edition) => Words.Of(edition.Name, edition.NameEn);
}
