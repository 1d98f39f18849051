using ChainMatch.Domain.Firms;
using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Projects;
using ChainMatch.Domain.Reasons;

namespace ChainMatch.Domain.Leads;

/// <summary>
/// What lead finding reads from one graph as it stood on one date, worked out once: which presences are active,
/// supply ties, list standings, groups, industries, projects by firm, national capacities, and the features of each
/// firm that do not depend on the gap (<see cref="FirmFeatures"/>). Immutable once built, so one instance serves
/// every request on the same snapshot and date; a new snapshot gets new indexes.
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
    public List<Project>?[] Projects { get; }
    /// <summary>For each group (a firm with subsidiaries), itself and every firm below it; null for other firms.</summary>
    public List<int>?[] GroupBelow { get; }
    public double?[] Revenue { get; }
    public List<(string Industry, FirmList Edition, int? Rank)>?[] Industries { get; }
    public Dictionary<string, List<(int Segment, double Weight, string Reason)>> IndustryMap { get; }
    public List<int>?[] ListedBySegment { get; }
    public FirmFeatures Firms { get; }

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
        var editions = graph.Data.Lists.Where(l => l.Year <= Year).ToDictionary(l => l.Id);
        foreach (var group in graph.Data.Memberships.Where(m => editions.ContainsKey(m.List)).GroupBy(m => m.Firm))
            Lists[graph.IndexOf(group.Key)] = ListPlace.Of(group.Select(m => (m, editions[m.List])).ToList());
        NationalCapacity = graph.Segments
            .Select((_, s) => DominantCapacity(graph.PresenceIndexesIn(s).ToArray().Where(p => Active[p]).Select(p => presences[p])))
            .ToArray();
        Projects = new List<Project>?[firms];
        // Only projects under way by the date: a later first step is a lead nobody had yet.
        foreach (var project in graph.Data.Projects.Where(p => p.History[0].Date <= asOf))
            (Projects[graph.IndexOf(project.Firm)] ??= []).Add(project);

        GroupBelow = new List<int>?[firms];
        for (var f = 0; f < firms; f++)
            if (graph.ParentOf(f) is var parent and >= 0 && GroupBelow[parent] is null)
                GroupBelow[parent] = graph.GroupBelow(parent);
        Revenue = new double?[firms];
        Industries = new List<(string, FirmList, int?)>?[firms];
        foreach (var m in graph.Data.Memberships.Where(m => editions.ContainsKey(m.List)))
        {
            var firm = graph.IndexOf(m.Firm);
            if (m.Industry is { } industry) (Industries[firm] ??= []).Add((industry, editions[m.List], m.Rank));
            Revenue[firm] ??= Revenues.Latest(graph, m.Firm, Year);
        }
        IndustryMap = graph.Data.IndustrySegments.Where(x => x.Segment is not null && x.Weight > 0)
            .GroupBy(x => x.Industry)
            .ToDictionary(g => g.Key, g => g.Select(x => (graph.IndexOf(x.Segment!.Value), x.Weight, x.Reason)).ToList());
        // Listed firms by the segments their own industry label maps to: the candidates by affinity.
        ListedBySegment = new List<int>?[graph.SegmentCount];
        for (var f = 0; f < firms; f++)
            if (Industries[f] is { } industries)
                foreach (var segment in industries.SelectMany(i => IndustryMap.GetValueOrDefault(i.Industry, [])).Select(x => x.Segment).Distinct())
                    (ListedBySegment[segment] ??= []).Add(f);
        Firms = new FirmFeatures(this);
    }

    static Quantity? DominantCapacity(IEnumerable<Presence> presences)
    {
        var byUnit = presences.Where(p => p.Capacity is not null).GroupBy(p => p.Capacity!.Unit)
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
