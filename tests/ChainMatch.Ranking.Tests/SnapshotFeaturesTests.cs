using System.Runtime.InteropServices;
using ChainMatch.Domain.Gaps;
using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Leads;
using ChainMatch.Domain.Reasons;
using ChainMatch.Domain.Synthetic;
using ChainMatch.Ranking.Leads;
using ChainMatch.Ranking.Trees;
using ChainMatch.Storage.Seeds;

namespace ChainMatch.Ranking.Tests;

/// <summary>
/// The features worked out once per snapshot and the dense rows give every candidate of every gap the row and the
/// evidence that lead finding gave before them (<see cref="ReferenceLeadFinder"/>), on the seeds plus a seeded
/// synthetic universe, and the shipped model ranks the same leads from them.
/// </summary>
public class SnapshotFeaturesTests
{
    static readonly Lazy<ChainGraph> Graph = new(() =>
        ChainGraph.Build(SyntheticUniverse.AddFirms(SeedReader.Read(SeedFolder.RepositorySeeds()), 500, seed: 2026)));

    static readonly DateOnly[] Dates = [new(2025, 12, 31), new(2022, 6, 30)];

    /// <summary>The gaps of Yunnan's prefectures, and of Anning (a county) itself.</summary>
    static List<Gap> Gaps(ChainGraph graph, DateOnly asOf) =>
        [.. graph.ChildrenOf(new RegionCode("530000")).Select(p => p.Code).Append(new RegionCode("530181"))
            .SelectMany(r => GapReports.GapList(graph, r, asOf).Gaps.Select(g => new Gap(new SegmentId(g.Segment), r)))];

    [TestCaseSource(nameof(Dates))]
    public void EveryCandidateOfEveryGapHasTheRowAndEvidenceLeadFindingGaveBefore(DateOnly asOf)
    {
        var graph = Graph.Value;
        var finder = new LeadFinder(graph, asOf);
        var reference = new ReferenceLeadFinder(graph, asOf);
        var gaps = Gaps(graph, asOf);
        var mismatches = new List<string>();
        var rows = 0;
        foreach (var gap in gaps) rows += Compare(finder.Candidates(gap), reference.Candidates(gap), mismatches);

        Assert.That(gaps, Has.Count.GreaterThan(40));
        Assert.That(rows, Is.GreaterThan(5_000), "rows compared");
        Assert.That(mismatches, Is.Empty);
    }

    [Test]
    public void HiddenPresencesAndProjectsAreReadAsAbsentAsBefore()
    {
        var graph = Graph.Value;
        var asOf = new DateOnly(2025, 12, 31);
        var finder = new LeadFinder(graph, asOf);
        var reference = new ReferenceLeadFinder(graph, asOf);
        // As link prediction asks: each seeded Yunnan plant hidden in turn, with the projects that brought it.
        var plants = graph.Data.Presences
            .Where(p => !p.Firm.Value.StartsWith(SyntheticUniverse.IdPrefix, StringComparison.Ordinal) && graph.IsWithin(p.Region, new RegionCode("530000")) && p.IsActiveIn(asOf.Year))
            .Take(40)
            .ToList();
        var mismatches = new List<string>();
        var rows = 0;
        foreach (var plant in plants)
        {
            var gap = new Gap(plant.Segment, graph.PrefectureOf(plant.Region)?.Code ?? plant.Region);
            var projects = graph.Data.Projects.Where(p => p.Firm == plant.Firm && p.Segment == plant.Segment).ToList();
            rows += Compare(finder.Candidates(gap, [plant], projects), reference.Candidates(gap, [plant], projects), mismatches);
        }

        Assert.That(plants, Has.Count.GreaterThan(20));
        Assert.That(rows, Is.GreaterThan(1_500), "rows compared");
        Assert.That(mismatches, Is.Empty);
    }

    [Test]
    public void TheShippedModelRanksTheLeadsItRankedFromTheRowsOfBefore()
    {
        var graph = Graph.Value;
        var asOf = Dates[0];
        var model = TreeEnsemble.Load(SeedFolder.ShippedModel());
        var ranker = new LeadRanker(model);
        var reference = new ReferenceLeadFinder(graph, asOf);
        var gaps = Gaps(graph, asOf);
        var differing = new List<string>();
        foreach (var gap in gaps)
        {
            var negative = new NegativeList(graph, gap);
            var expected = reference.Candidates(gap).Candidates
                .Where(c => negative.Catching(c.Firm.Id).Count == 0)
                .Select(c => (Firm: c.Firm.Id.Value, Score: model.Score(c.Features)))
                .OrderByDescending(x => x.Score).ThenBy(x => x.Firm, StringComparer.Ordinal)
                .Take(10)
                .Select(x => $"{x.Firm} {Math.Round(x.Score, 4)}")
                .ToList();
            var actual = ranker.Rank(graph, gap, asOf, 10).Leads.Select(l => $"{l.FirmId} {l.Score}").ToList();
            if (!actual.SequenceEqual(expected)) differing.Add($"{gap}: [{string.Join(", ", actual)}] instead of [{string.Join(", ", expected)}]");
        }

        Assert.That(gaps, Has.Count.GreaterThan(40));
        Assert.That(differing, Is.Empty);
    }

    /// <summary>Compares candidate by candidate, in order; the evidence of every tenth. Returns the rows compared.</summary>
    static int Compare(CandidateSet actual, (List<LeadCandidate> Candidates, Func<Firm, Dictionary<LeadFeature, Reason>> Evidence) expected, List<string> mismatches)
    {
        var gap = actual.Gap;
        if (actual.Count != expected.Candidates.Count)
        {
            mismatches.Add($"{gap}: {actual.Count} candidates instead of {expected.Candidates.Count}");
            return 0;
        }
        for (var i = 0; i < actual.Count; i++)
        {
            var want = expected.Candidates[i];
            if (actual.FirmAt(i).Id != want.Firm.Id)
            {
                mismatches.Add($"{gap}: candidate {i} is {actual.FirmAt(i).Id} instead of {want.Firm.Id}");
                return i;
            }
            if (!MemoryMarshal.AsBytes(actual.Row(i)).SequenceEqual(MemoryMarshal.AsBytes(want.Features.AsSpan())))
                mismatches.Add($"{gap} {want.Firm.Id}: " + string.Join(", ", Enum.GetValues<LeadFeature>()
                    .Where(f => BitConverter.SingleToInt32Bits(actual.Row(i)[(int)f]) != BitConverter.SingleToInt32Bits(want.Features[(int)f]))
                    .Select(f => $"{f} {actual.Row(i)[(int)f]} instead of {want.Features[(int)f]}")));
            if (i % 10 == 0)
            {
                var words = Words(actual.Evidence(i));
                var wanted = Words(expected.Evidence(want.Firm));
                if (!words.SequenceEqual(wanted)) mismatches.Add($"{gap} {want.Firm.Id}: evidence [{string.Join(" | ", words)}] instead of [{string.Join(" | ", wanted)}]");
            }
        }
        return actual.Count;
    }

    static List<string> Words(IReadOnlyDictionary<LeadFeature, Reason> evidence) =>
        [.. evidence.OrderBy(e => e.Key).Select(e => $"{e.Key}: {e.Value.Code} {e.Value.Text.Zh} / {e.Value.Text.En}")];
}
