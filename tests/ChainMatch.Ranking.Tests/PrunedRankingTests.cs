using ChainMatch.Domain.Gaps;
using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Leads;
using ChainMatch.Domain.Synthetic;
using ChainMatch.Ranking.Leads;
using ChainMatch.Ranking.Trees;
using ChainMatch.Storage.Seeds;

namespace ChainMatch.Ranking.Tests;

/// <summary>
/// Ranking scores in full only the candidates that can reach the first k; these tests hold its leads to those of
/// scoring every candidate, on every gap of Yunnan's prefectures over the seeds plus a synthetic universe.
/// </summary>
public class PrunedRankingTests
{
    static readonly DateOnly AsOf = ShippedModel.AsOf;
    static ChainGraph _graph = null!;
    static TreeEnsemble _model = null!;
    static List<Gap> _gaps = null!;
    static LeadFinder _finder = null!;

    [OneTimeSetUp]
    public void Build()
    {
        // Synthetic firms spread evenly over the segments, so the universe grows with the seeded chains to keep more than ten
        // gaps of 500 candidates or more.
        _graph = ChainGraph.Build(SyntheticUniverse.AddFirms(SeedReader.Read(SeedFolder.RepositorySeeds()), 3500, seed: 17));
        _model = TreeEnsemble.Load(SeedFolder.ShippedModel());
        _finder = new LeadFinder(_graph, AsOf);
        _gaps = [.. _graph.ChildrenOf(new RegionCode("530000"))
            .SelectMany(p => GapReports.GapList(_graph, p.Code, AsOf).Gaps.Select(g => new Gap(new SegmentId(g.Segment), p.Code)))];
    }

    /// <summary>Every candidate scored, the considered ones ordered as the ranking orders them, the first k.</summary>
    static List<(string Firm, double Score)> ScoringEveryone(Gap gap, int top, Func<Firm, bool>? include, bool includeExcluded)
    {
        var candidates = _finder.Candidates(gap);
        var negative = new NegativeList(_graph, gap);
        return [.. candidates.Select(c => (c.Firm, Score: _model.Score(c.Features)))
            .Where(x => (include is null || include(x.Firm)) && (includeExcluded || negative.Catching(x.Firm.Id).Count == 0))
            .OrderByDescending(x => x.Score).ThenBy(x => x.Firm.Id.Value, StringComparer.Ordinal)
            .Take(top)
            .Select(x => (x.Firm.Id.Value, Math.Round(x.Score, 4)))];
    }

    [TestCase(1)]
    [TestCase(5)]
    [TestCase(20)]
    [TestCase(50)]
    public void TheLeadsOfEveryGapAreThoseOfScoringEveryCandidate(int top)
    {
        Assert.That(_gaps, Has.Count.GreaterThan(30));
        var ranker = new LeadRanker(_model);
        // Filters as a target list sets them: every other firm by id, with and without the negative list.
        Func<Firm, bool> everyOther = f => f.Id.Value.GetHashCode(StringComparison.Ordinal) % 2 == 0;
        foreach (var gap in _gaps)
            foreach (var (include, includeExcluded) in new[] { (null, false), (everyOther, false), ((Func<Firm, bool>?)null, true) })
            {
                var leads = ranker.Rank(_graph, gap, AsOf, top, include, includeExcluded).Leads;
                Assert.That(leads.Select(l => (l.FirmId, l.Score)), Is.EqualTo(ScoringEveryone(gap, top, include, includeExcluded)),
                    $"{gap.Segment.Value} in {gap.Region.Value}, top {top}, filtered {include is not null}, excluded kept {includeExcluded}");
                Assert.That(leads.Select(l => l.Rank), Is.EqualTo(Enumerable.Range(1, leads.Count)));
            }
    }

    [Test]
    public void MostCandidatesOfAGapAreLeftOutBeforeTheLastTree()
    {
        var best = _gaps.Select(gap => _finder.Candidates(gap)).Where(set => set.Count >= 500)
            .Select(set => (Set: set, Best: CandidateScores.Best(_model, set, _ => true, 10))).ToList();
        var rates = best.Select(x => (double)x.Best.CandidatesScored / x.Set.Count).Order().ToList();
        var trees = best.Select(x => x.Best.TreeShare).Order().ToList();
        TestContext.Out.WriteLine($"{rates.Count} gaps of 500 candidates or more, top 10: scored in full median {rates[rates.Count / 2]:P1}, max {rates.Max():P1}; trees evaluated median {trees[trees.Count / 2]:P0}");
        Assert.That(rates, Has.Count.GreaterThan(10));
        Assert.That(rates[rates.Count / 2], Is.LessThan(0.5));
        // How much of the tree work the bound saves depends on the model's leaves (about half with 20-row leaves, under a
        // tenth with the shipped model's 10-row leaves); that it saves some on a typical gap is what holds for any model.
        Assert.That(trees[trees.Count / 2], Is.LessThan(1.0), "share of the trees a full scoring of the distinct rows evaluates");
    }

    [Test]
    public void RowsLeftOutCannotOutscoreTheTopAndTheRestKeepTheirExactScores()
    {
        // Rows standing for several candidates each, some for none: the k-th best counts candidates, not rows.
        var set = _gaps.Select(gap => _finder.Candidates(gap)).MaxBy(set => set.Count)!;
        var rows = set.SelectMany(c => c.Features).ToArray();
        var random = new Random(3);
        var weights = set.Select(_ => random.Next(4)).ToArray();
        var full = new float[set.Count];
        _model.ScoreMany(rows, full);
        foreach (var top in new[] { 1, 3, 10, 40 })
        {
            var best = new float[set.Count];
            var (scored, trees) = _model.ScoreBest(rows, weights, top, best);
            var kept = Enumerable.Range(0, set.Count).Where(i => !float.IsNaN(best[i])).ToList();
            Assert.That(kept, Has.Count.EqualTo(scored));
            Assert.That(trees, Is.GreaterThanOrEqualTo((long)scored * _model.TreeCount).And.LessThan((long)set.Count * _model.TreeCount));
            Assert.That(kept.Select(i => best[i]), Is.EqualTo(kept.Select(i => full[i])), "the kept rows score as in full");
            Assert.That(kept.Where(i => weights[i] == 0), Is.Empty, "rows standing for no candidate are not scored");
            // The top-th best score, counting each row as often as its weight: nothing left out reaches it.
            var threshold = Enumerable.Range(0, set.Count).SelectMany(i => Enumerable.Repeat(full[i], weights[i]))
                .OrderDescending().Take(top).Last();
            var leftOut = Enumerable.Range(0, set.Count).Where(i => weights[i] > 0 && float.IsNaN(best[i])).ToList();
            Assert.That(leftOut.Where(i => full[i] >= threshold).Select(i => $"row {i}: {full[i]} >= {threshold}"), Is.Empty);
            Assert.That(leftOut, Is.Not.Empty, $"top {top}: the bound left out no row of {set.Count}");
        }
        Assert.That(() => _model.ScoreBest(rows, weights, 0, new float[set.Count]), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
