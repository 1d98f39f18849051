using System.Runtime.InteropServices;
using ChainMatch.Domain.Gaps;
using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Leads;
using ChainMatch.Domain.Synthetic;
using ChainMatch.Ranking.Leads;
using ChainMatch.Ranking.Trees;
using ChainMatch.Storage.Seeds;

namespace ChainMatch.Ranking.Tests;

/// <summary>A gap's candidates hold one copy of each distinct feature row, and score as their rows one by one.</summary>
public class CandidateSetTests
{
    static readonly DateOnly AsOf = ShippedModel.AsOf;
    static readonly Lazy<ChainGraph> Graph = new(() =>
        ChainGraph.Build(SyntheticUniverse.AddFirms(SeedReader.Read(SeedFolder.RepositorySeeds()), 1500, seed: 11)));

    static IEnumerable<CandidateSet> Sets()
    {
        var graph = Graph.Value;
        var finder = LeadFinder.For(graph, AsOf);
        return graph.ChildrenOf(new RegionCode("530000")).Take(4)
            .SelectMany(p => GapReports.GapList(graph, p.Code, AsOf).Gaps.Take(3).Select(g => finder.Candidates(new Gap(new SegmentId(g.Segment), p.Code))));
    }

    static string Bits(ReadOnlySpan<float> row) => Convert.ToHexString(MemoryMarshal.AsBytes(row));

    [Test]
    public void CandidatesShareARowExactlyWhenTheirFeaturesAreEqualBitForBit()
    {
        var (candidates, distinct) = (0, 0);
        foreach (var set in Sets())
        {
            var slots = set.SlotOf.ToArray();
            var rows = set.Rows.ToArray();
            var width = LeadFeatures.Count;
            // Each distinct row (as bits) has one slot, and each slot one row.
            var byRow = Enumerable.Range(0, set.Count).GroupBy(i => Bits(rows.AsSpan(i * width, width))).ToList();
            Assert.That(byRow.Select(g => g.Select(i => slots[i]).Distinct().Count()), Is.All.EqualTo(1), $"{set.Gap}: one slot per row");
            Assert.That(byRow.Select(g => slots[g.First()]).Distinct().Count(), Is.EqualTo(set.DistinctCount), $"{set.Gap}: one row per slot");
            Assert.That(Enumerable.Range(0, set.Count).Where(i => Bits(set.Row(i)) != Bits(rows.AsSpan(i * width, width))), Is.Empty, $"{set.Gap}: rows as listed");
            (candidates, distinct) = (candidates + set.Count, distinct + set.DistinctCount);
        }
        Assert.That(distinct, Is.LessThan(candidates), "some candidates share a row on the synthetic universe");
    }

    [Test]
    public void ASetScoresEachCandidateAsItsOwnRowScores()
    {
        var model = TreeEnsemble.Load(SeedFolder.ShippedModel());
        foreach (var set in Sets())
        {
            var scores = CandidateScores.Of(model, set);
            var oneByOne = Enumerable.Range(0, set.Count).Select(i => model.Score(set.Row(i))).ToArray();
            Assert.That(scores, Is.EqualTo(oneByOne), $"{set.Gap}");
        }
    }
}
