using ChainMatch.Domain.Gaps;
using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Leads;
using ChainMatch.Domain.Synthetic;
using ChainMatch.Ranking.Leads;
using ChainMatch.Ranking.Trees;
using ChainMatch.Storage;
using ChainMatch.Storage.Lists;
using ChainMatch.Storage.Seeds;
using ChainMatch.TestSupport;

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

    const int SyntheticFirms = 3500;

    [OneTimeSetUp]
    public void Build()
    {
        // Synthetic firms spread evenly over the segments, so the universe grows with the seeded chains to keep more than ten
        // gaps of 500 candidates or more.
        _graph = ChainGraph.Build(SyntheticUniverse.AddFirms(SeedReader.Read(SeedFolder.RepositorySeeds()), SyntheticFirms, seed: 17));
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

    /// <summary>
    /// Presences (and projects) hidden as link prediction hides them: everything three firms hold in the gap's
    /// prefecture, the firms picked among those that hold something there.
    /// </summary>
    static (List<Presence> Presences, List<ChainMatch.Domain.Projects.Project> Projects) Hidden(ChainGraph graph, Gap gap, int seed)
    {
        var prefecture = graph.PrefectureOf(gap.Region)?.Code ?? gap.Region;
        var there = graph.Data.Presences.Where(p => graph.IsWithin(p.Region, prefecture)).ToList();
        var firms = there.Select(p => p.Firm).Distinct().OrderBy(f => f.Value, StringComparer.Ordinal).ToList();
        var random = new Random(seed);
        var hiddenFirms = firms.OrderBy(_ => random.Next()).Take(3).ToHashSet();
        return ([.. there.Where(p => hiddenFirms.Contains(p.Firm))],
            [.. graph.Data.Projects.Where(p => hiddenFirms.Contains(p.Firm) && graph.IsWithin(p.Region, prefecture))]);
    }

    static readonly int[] Tops = [1, 2, 5, 10, 25, 100];

    /// <summary>
    /// For every gap, with and without hidden presences, and every k of <see cref="Tops"/>: the candidates built from
    /// their prospects' bounds give the same first k (firms, order, scores to the bit) as scoring every candidate.
    /// </summary>
    static void AssertBestProspectsAreTheTopOfEveryone(ChainGraph graph, LeadFinder finder, IEnumerable<Gap> gaps)
    {
        var compared = 0;
        foreach (var (gap, n) in gaps.Select((g, n) => (g, n)))
            foreach (var hide in new[] { false, true })
            {
                var (hidden, hiddenProjects) = hide ? Hidden(graph, gap, n) : ([], []);
                if (hide && hidden.Count == 0) continue;
                var everyone = finder.Candidates(gap, hidden, hiddenProjects);
                var all = everyone.Select((c, i) => (Index: i, c.Firm.Id.Value, Score: _model.Score(c.Features)))
                    .OrderByDescending(x => x.Score).ThenBy(x => x.Value, StringComparer.Ordinal).ToList();
                foreach (var top in Tops)
                {
                    using var prospects = finder.Prospects(gap, hidden, hiddenProjects);
                    Assert.That(prospects.Count, Is.EqualTo(everyone.Count));
                    var best = CandidateScores.Best(_model, prospects, _ => true, top);
                    var pruned = Enumerable.Range(0, prospects.Count).Where(i => !float.IsNaN(best.Scores[i]))
                        .Select(i => (Index: i, prospects.FirmAt(i).Id.Value, Score: best.Scores[i]))
                        .OrderByDescending(x => x.Score).ThenBy(x => x.Value, StringComparer.Ordinal).Take(top).ToList();
                    var where = $"{gap.Segment.Value} in {gap.Region.Value}, top {top}, {hidden.Count} presences hidden";
                    Assert.That(pruned.Select(x => (x.Index, x.Value, BitConverter.SingleToInt32Bits(x.Score))),
                        Is.EqualTo(all.Take(top).Select(x => (x.Index, x.Value, BitConverter.SingleToInt32Bits(x.Score)))), where);
                    foreach (var (index, _, _) in pruned)
                        Assert.That(best.Rows[index], Is.EqualTo(everyone.Row(index).ToArray()), $"{where}: the row built is the candidate's row");
                    compared++;
                }
            }
        Assert.That(compared, Is.GreaterThan(2 * Tops.Length * 10));
    }

    [Test]
    public void TheBestProspectsOfEveryGapAreThoseOfScoringEveryCandidateWithAndWithoutHiddenPresences() =>
        AssertBestProspectsAreTheTopOfEveryone(_graph, _finder, _gaps);

    [Test]
    public async Task TheBestProspectsAreThoseOfScoringEveryCandidateWithThe2024FortuneGlobal500Imported()
    {
        var file = SharedLists.PathOf(SharedLists.Fortune2024);
        using var store = await GraphLoader.InMemoryFromSeedsAsync(SeedFolder.RepositorySeeds());
        var (rows, errors) = ListFile.Read(await File.ReadAllBytesAsync(file));
        Assert.That(errors, Is.Empty);
        var plan = ListImport.Plan(await GraphLoader.ProjectAsync(store), rows, ListFamily.FortuneGlobal500, 2024, createMissing: true, Path.GetFileName(file));
        await store.ImportAsync(plan.Changes);
        var graph = ChainGraph.Build(SyntheticUniverse.AddFirms((await GraphLoader.ProjectAsync(store)).Data, SyntheticFirms, seed: 17));
        Assert.That(graph.Firms.Length, Is.GreaterThan(_graph.Firms.Length + 400), "the list's firms are in the graph");
        var gaps = graph.ChildrenOf(new RegionCode("530000"))
            .SelectMany(p => GapReports.GapList(graph, p.Code, AsOf).Gaps.Select(g => new Gap(new SegmentId(g.Segment), p.Code))).ToList();
        AssertBestProspectsAreTheTopOfEveryone(graph, new LeadFinder(graph, AsOf), gaps);
    }

    [Test]
    public void EveryCandidatesRowLiesInBothItsBoxesAndScoresNoMoreThanTheirBounds()
    {
        var checkedRows = 0;
        foreach (var (gap, n) in _gaps.Select((g, n) => (g, n)))
            foreach (var hide in new[] { false, true })
            {
                var (hidden, hiddenProjects) = hide ? Hidden(_graph, gap, n) : ([], []);
                var everyone = _finder.Candidates(gap, hidden, hiddenProjects);
                using var prospects = _finder.Prospects(gap, hidden, hiddenProjects);
                var (lo, hi, row) = (new float[LeadFeatures.Count], new float[LeadFeatures.Count], new float[LeadFeatures.Count]);
                for (var i = 0; i < prospects.Count; i++)
                {
                    Assert.That(prospects.FirmAt(i), Is.SameAs(everyone.FirmAt(i)));
                    prospects.Write(i, row);
                    Assert.That(row, Is.EqualTo(everyone.Row(i).ToArray()), "the row written is the candidate's row");
                    prospects.Box(i, lo, hi);
                    AssertInside(row, lo, hi, $"box of {prospects.FirmAt(i).Id.Value}, {gap.Segment.Value} in {gap.Region.Value}");
                    var bound = _model.Bound(lo, hi);
                    prospects.RoughBox(i, lo, hi);
                    AssertInside(row, lo, hi, $"rough box of {prospects.FirmAt(i).Id.Value}, {gap.Segment.Value} in {gap.Region.Value}");
                    Assert.That(_model.Bound(lo, hi), Is.GreaterThanOrEqualTo(bound), "the rough box is the wider");
                    checkedRows++;
                }
            }
        Assert.That(checkedRows, Is.GreaterThan(10_000));
    }

    [Test]
    public void EveryCandidateIsInOneRoughGroupWhoseBoxHoldsItsRoughBoxWithTheSameBound()
    {
        var (shared, groupsOfMany) = (0, 0);
        var distanceBreaks = _model.Thresholds((int)LeadFeature.HeadquartersDistanceKm).ToArray();
        foreach (var (gap, n) in _gaps.Select((g, n) => (g, n)))
            foreach (var hide in new[] { false, true })
            {
                var (hidden, hiddenProjects) = hide ? Hidden(_graph, gap, n) : ([], []);
                using var prospects = _finder.Prospects(gap, hidden, hiddenProjects);
                var groups = prospects.Group(distanceBreaks);
                var (lo, hi, memberLo, memberHi) = (new float[LeadFeatures.Count], new float[LeadFeatures.Count], new float[LeadFeatures.Count], new float[LeadFeatures.Count]);
                var seen = new int[prospects.Count];
                for (var g = 0; g < groups.Count; g++)
                {
                    var members = groups.Members(g).ToArray();
                    Assert.That(members, Is.Not.Empty.And.Ordered.Ascending);
                    prospects.RoughBox(groups, g, lo, hi);
                    var bound = _model.Bound(lo, hi);
                    foreach (var member in members)
                    {
                        seen[member]++;
                        prospects.RoughBox(member, memberLo, memberHi);
                        var where = $"{prospects.FirmAt(member).Id.Value} in a group of {members.Length}, {gap.Segment.Value} in {gap.Region.Value}";
                        for (var f = 0; f < LeadFeatures.Count; f++)
                            Assert.That(Holds(lo[f], hi[f], memberLo[f], memberHi[f]), $"{where}: {(LeadFeature)f} [{memberLo[f]}, {memberHi[f]}] outside [{lo[f]}, {hi[f]}]");
                        Assert.That(_model.Bound(memberLo, memberHi), Is.EqualTo(bound), $"{where}: the group's bound is its members' own");
                    }
                    if (members.Length > 1) (shared, groupsOfMany) = (shared + members.Length, groupsOfMany + 1);
                }
                Assert.That(seen, Is.All.EqualTo(1), "every candidate is in exactly one group");
            }
        // The synthetic firms share few profiles: most candidates are bounded with others.
        Assert.That(groupsOfMany, Is.GreaterThan(100));
        Assert.That(shared, Is.GreaterThan(10_000));
    }

    /// <summary>The range [lo, hi] holds [innerLo, innerHi] (same form as a box's feature: lo NaN may be missing, hi NaN is missing).</summary>
    static bool Holds(float lo, float hi, float innerLo, float innerHi)
    {
        if (float.IsNaN(innerHi)) return float.IsNaN(lo);
        var missingCovered = !float.IsNaN(innerLo) || float.IsNaN(lo);
        return missingCovered && !float.IsNaN(hi) && innerHi <= hi && (float.IsNaN(lo) || (!float.IsNaN(innerLo) && lo <= innerLo));
    }

    /// <summary>The row lies in the box, and scores no more than its bound.</summary>
    static void AssertInside(float[] row, float[] lo, float[] hi, string what)
    {
        for (var f = 0; f < row.Length; f++)
        {
            var inside = float.IsNaN(row[f]) ? float.IsNaN(lo[f]) : !float.IsNaN(hi[f]) && (float.IsNaN(lo[f]) || lo[f] <= row[f]) && row[f] <= hi[f];
            Assert.That(inside, $"{what}: {(LeadFeature)f} = {row[f]} is outside [{lo[f]}, {hi[f]}]");
        }
        // Compared as ranking compares them: the bound, with the slack that covers its other order of summing, rounded to float.
        Assert.That(_model.Score(row), Is.LessThanOrEqualTo((float)(_model.Bound(lo, hi) + 1e-9)), what);
    }

    [Test]
    public void ABoxOfOneValuePerFeatureIsBoundedByThatRowsScoreAndAWiderBoxByNoLess()
    {
        var set = _gaps.Select(gap => _finder.Candidates(gap)).MaxBy(set => set.Count)!;
        var (lo, hi) = (new float[LeadFeatures.Count], new float[LeadFeatures.Count]);
        for (var i = 0; i < set.Count; i += 7)
        {
            var row = set.Row(i).ToArray();
            // A box holding one row: NaN at both ends for a missing value.
            Assert.That(_model.Bound(row, row), Is.EqualTo((double)_model.Score(row)).Within(1e-6));
            row.CopyTo(lo, 0);
            row.CopyTo(hi, 0);
            var widened = i % LeadFeatures.Count;
            (lo[widened], hi[widened]) = (float.NaN, float.PositiveInfinity);
            Assert.That(_model.Bound(lo, hi), Is.GreaterThanOrEqualTo(_model.Bound(row, row)), $"{(LeadFeature)widened} left open");
        }
        Assert.That(() => _model.Bound(new float[3], new float[3]), Throws.ArgumentException);
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
