using ChainMatch.Domain.Gaps;
using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Leads;
using ChainMatch.Domain.Synthetic;
using ChainMatch.Ranking.Leads;
using ChainMatch.Ranking.Trees;
using ChainMatch.Storage.Seeds;

namespace ChainMatch.Ranking.Tests;

/// <summary>
/// A write's snapshot derives its lead indexes from the previous snapshot's and what the writes since touched; after
/// any sequence of writes they equal the indexes built afresh on the same snapshot, and rank the same leads.
/// </summary>
public class CarriedLeadIndexesTests
{
    static readonly DateOnly AsOf = ShippedModel.AsOf;

    static ChainGraph Start() => ChainGraph.Build(SyntheticUniverse.AddFirms(SeedReader.Read(SeedFolder.RepositorySeeds()), 400, seed: 2026));

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(4)]
    [TestCase(5)]
    [TestCase(6)]
    public void IndexesDerivedAcrossRandomWritesEqualIndexesBuiltAfresh(int seed)
    {
        var graph = Start();
        var writes = new LeadWrites(seed);
        var reads = new Random(seed);
        var last = LeadFinder.For(graph, AsOf).Indexes;
        var (compared, carried, newBasis) = (0, 0, false);
        for (var i = 0; i < 120; i++)
        {
            var (kind, rows) = writes.Next(graph);
            graph = graph.Apply(rows);
            newBasis |= rows.Lists.Length > 0 || rows.IndustrySegments.Length > 0;
            // Read after some writes only, so that a finder is also derived over several writes at once.
            if (reads.Next(3) > 0 && i < 119) continue;
            var derived = LeadFinder.For(graph, AsOf).Indexes;
            Assert.That(Differences(derived, new LeadIndexes(graph, AsOf)), Is.Empty, $"after write {i + 1} ({kind})");
            // Shared with the previous read's unless a list edition came in since: derived, not built again.
            if (!newBasis)
            {
                Assert.That(derived.IndustryMap, Is.SameAs(last.IndustryMap), $"after write {i + 1} ({kind}): derived from the previous indexes");
                carried++;
            }
            (last, newBasis) = (derived, false);
            compared++;
        }
        Assert.That(carried, Is.GreaterThan(15), $"reads on indexes derived from the previous read's, of {compared}");
    }

    [Test]
    public void AVersionWrittenBeforeItsPredecessorWasReadDerivesFromThePredecessorsIndexesOnceRead()
    {
        var graph = Start();
        LeadFinder.For(graph, AsOf);
        var firm = graph.Firms.First(f => f.Id.Value.StartsWith("synthetic-", StringComparison.Ordinal));
        var edited = graph.Apply(GraphData.Empty with { Firms = [firm with { NameEn = "Renamed firm" }] });
        var presence = new Presence(firm.Id, graph.Segments[0].Id, new RegionCode("530100"), null, 2020, null, "a new site", new Provenance("test", null));
        // The second write lands before any read asks the first write's version.
        var located = edited.Apply(GraphData.Empty with { Presences = [presence] });

        var first = LeadFinder.For(edited, AsOf).Indexes;
        var second = LeadFinder.For(located, AsOf).Indexes;

        // Derived from the first write's indexes by the presence alone, the firm features are shared, not worked out again.
        Assert.That(second.Firms, Is.SameAs(first.Firms));
        Assert.That(Differences(second, new LeadIndexes(located, AsOf)), Is.Empty);
    }

    [Test]
    public void ASnapshotMadeWriteByWriteRanksTheLeadsOfTheSameRowsProjectedAfresh()
    {
        var graph = Start();
        var ranker = new LeadRanker(TreeEnsemble.Load(SeedFolder.ShippedModel()));
        var writes = new LeadWrites(7);
        var gaps = graph.ChildrenOf(new RegionCode("530000"))
            .SelectMany(p => GapReports.GapList(graph, p.Code, AsOf).Gaps.Select(g => new Gap(new SegmentId(g.Segment), p.Code)))
            .Take(12).ToList();
        foreach (var gap in gaps) ranker.Rank(graph, gap, AsOf, 20);
        for (var i = 0; i < 60; i++) graph = graph.Apply(writes.Next(graph).Rows);
        var fresh = ChainGraph.Build(graph.Data);

        Assert.That(gaps, Has.Count.EqualTo(12));
        foreach (var gap in gaps)
            Assert.That(Leads(ranker.Rank(graph, gap, AsOf, 20)), Is.EqualTo(Leads(ranker.Rank(fresh, gap, AsOf, 20))).And.Not.Empty, $"{gap}");
    }

    static List<string> Leads(LeadList list) =>
        [.. list.Leads.Select(l => $"{l.Rank} {l.FirmId} {l.Score} {string.Join("; ", l.Reasons.Select(r => r.Text.En))}")];

    /// <summary>Every array of the two indexes, element by element: what differs, named.</summary>
    static List<string> Differences(LeadIndexes a, LeadIndexes b)
    {
        var differences = new List<string>();
        void Check(string what, bool same)
        {
            if (!same) differences.Add(what);
        }
        static bool Same<T>(IEnumerable<T>? x, IEnumerable<T>? y, IEqualityComparer<T>? comparer = null) =>
            x is null ? y is null : y is not null && x.SequenceEqual(y, comparer);
        Check("active presences", Same(a.Active, b.Active));
        Check("national capacities", Same(a.NationalCapacity, b.NationalCapacity));
        Check("firm count", a.Graph.Firms.Length == b.Graph.Firms.Length && a.Customers.Length == b.Customers.Length);
        for (var f = 0; f < b.Graph.Firms.Length && differences.Count < 20; f++)
        {
            var firm = b.Graph.Firms[f].Id.Value;
            Check($"customers of {firm}", Same(a.Customers[f], b.Customers[f]));
            Check($"suppliers of {firm}", Same(a.Suppliers[f], b.Suppliers[f]));
            Check($"list place of {firm}", Text(a.Lists[f]) == Text(b.Lists[f]));
            Check($"revenue of {firm}", a.Revenue[f] == b.Revenue[f]);
            Check($"list industries of {firm}", Same(a.Industries[f], b.Industries[f]));
            Check($"projects of {firm}", Same(a.Projects[f], b.Projects[f], ReferenceEqualityComparer.Instance));
            Check($"group below {firm}", Same(a.GroupBelow[f], b.GroupBelow[f]));
            Check($"firm features of {firm}", a.Firms.Values(f).SequenceEqual(b.Firms.Values(f))
                && (a.Firms.StandingGroup[f], a.Firms.RevenueGroup[f], a.Firms.HeadquartersRegion[f], a.Firms.HeadquartersEnter[f])
                == (b.Firms.StandingGroup[f], b.Firms.RevenueGroup[f], b.Firms.HeadquartersRegion[f], b.Firms.HeadquartersEnter[f]));
        }
        for (var s = 0; s < b.ListedBySegment.Length; s++)
            Check($"listed firms of segment {b.Graph.Segments[s].Id}", Same(a.ListedBySegment[s], b.ListedBySegment[s]));
        // Built on first use: asked here, so that the next indexes derive theirs from these.
        for (var s = 0; s < b.ActiveFirmsBySegment.Length; s++)
            Check($"active firms of segment {b.Graph.Segments[s].Id}", Same(a.ActiveFirmsBySegment[s], b.ActiveFirmsBySegment[s]));
        Check("rough profiles", Same(a.RoughProfiles, b.RoughProfiles));
        return differences;
    }

    static string? Text(ListPlace? place) => place is null ? null
        : $"{place.Fortune} {place.ChinaTop} {place.ChinaPrivate} {place.BestRank} {place.Text.Rank} {string.Join(",", place.Text.Editions)}";

    /// <summary>
    /// The service's writes (<see cref="RandomWrites"/>), and besides them the writes that touch what only lead finding
    /// reads: a firm joining a list edition already held (with an industry the chains map), and a firm moved to another group.
    /// </summary>
    sealed class LeadWrites(int seed)
    {
        readonly RandomWrites _writes = new(seed);
        readonly Random _random = new(seed);

        public (string Kind, GraphData Rows) Next(ChainGraph graph)
        {
            var d = graph.Data;
            switch (_random.Next(4))
            {
                case 0 when !d.Lists.IsEmpty:
                    var industries = d.IndustrySegments.Select(x => x.Industry).Distinct().ToList();
                    var firm = d.Firms[_random.Next(d.Firms.Length)];
                    var list = d.Lists[_random.Next(d.Lists.Length)];
                    var membership = new ListMembership(firm.Id, list.Id, _random.Next(1, 500), new Provenance("test", null))
                    {
                        Industry = industries[_random.Next(industries.Count)],
                        Revenue = _random.Next(100, 9000),
                    };
                    return ("membership", GraphData.Empty with { Memberships = [membership] });
                case 1:
                    // Half the time a group with its subsidiaries, under a listed firm: their group standing moves with it.
                    var groups = d.Firms.Where(f => f.Group is not null).Select(f => f.Group!.Parent).Distinct().ToList();
                    var moved = _random.Next(2) == 0 && groups.Count > 0 ? graph.FindFirm(groups[_random.Next(groups.Count)])! : d.Firms[_random.Next(d.Firms.Length)];
                    var parent = _random.Next(2) == 0 && !d.Memberships.IsEmpty
                        ? graph.FindFirm(d.Memberships[_random.Next(d.Memberships.Length)].Firm)!
                        : d.Firms[_random.Next(d.Firms.Length)];
                    // No cycles: a parent that is the firm or below it leaves the firm on its own.
                    var below = graph.GroupBelow(graph.IndexOf(moved.Id)).Select(i => graph.Firms[i].Id).ToHashSet();
                    var group = below.Contains(parent.Id) ? null : new GroupLink(parent.Id, 0.6, new Provenance("test", null));
                    return ("regrouped", GraphData.Empty with { Firms = [moved with { Group = group }] });
                default:
                    return _writes.Next(graph);
            }
        }
    }
}
