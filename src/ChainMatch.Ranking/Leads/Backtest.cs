using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Leads;
using ChainMatch.Ranking.Trees;

namespace ChainMatch.Ranking.Leads;

/// <summary>One real entry into a segment of a prefecture, and where each ranker had put that firm beforehand.</summary>
public sealed record Landing(string Firm, string Segment, string Prefecture, int Year, int Candidates, IReadOnlyDictionary<string, int?> Ranks);

/// <summary>Hits at 5 and 10, MRR, and recall@50: the share of landings the ranker placed in its first 50 (candidate generation bounds it).</summary>
public sealed record HitScores(string Ranker, int Landings, double HitAt5, double HitAt10, double Mrr, double RecallAt50);

/// <summary>
/// The model's MRR minus a baseline's over the same landings, with the standard error of that mean difference: each
/// landing gives one paired difference of reciprocal ranks (0 where a ranker did not place the firm), so a gap smaller
/// than about two standard errors is within what the landings can tell apart.
/// </summary>
public sealed record MrrDifference(string Baseline, int Landings, double Difference, double StandardError);

public sealed record BacktestResult(
    int Year, string Region, int TrainQueries, int Landings, int Expansions, IReadOnlyList<Landing> Ranked, IReadOnlyList<HitScores> Scores,
    IReadOnlyList<MrrDifference> Differences);

/// <summary>
/// Trains on the graph as it stood at the end of YEAR−1, then asks, for every sourced entry of a firm into a
/// segment of a prefecture of the region in YEAR or later, where each ranker placed that firm for that gap.
/// A firm that was already in the segment there is an expansion, not a landing, and is counted apart.
/// </summary>
public static class Backtest
{
    /// <param name="datedArrivals">Train also on the arrivals dated up to YEAR−1, each posed the year before it (as training with <see cref="TrainingOptions.DatedArrivals"/>).</param>
    public static BacktestResult Run(ChainGraph graph, int year, RegionCode region, LambdaMartParameters parameters, string modelPath, bool datedArrivals = false)
    {
        var before = new DateOnly(year - 1, 12, 31);
        // Only what was known at the end of YEAR−1: presences active then, projects begun and graded by then.
        List<LeadQuery> training =
        [
            .. LinkPrediction.Build(graph, before).Queries, .. datedArrivals ? LinkPrediction.Dated(graph, before).Queries : [], .. ProjectLabels.Build(graph, before).Queries,
        ];
        if (training.Count == 0) throw new InvalidOperationException($"no training queries before {year}");
        LambdaMart.Train(LinkPrediction.ToRankingSet(training), parameters, modelPath);
        Ranker[] rankers = [Ranker.Model(TreeEnsemble.Load(modelPath)), Ranker.ListRank, Ranker.SegmentElsewhere];

        var finder = new LeadFinder(graph, before);
        var landings = new List<Landing>();
        var expansions = 0;
        // A plant built in phases is one landing: the first phase in or after the year.
        var entries = graph.Data.Presences
            .Where(p => p.Since >= year && p.Source.IsVerified && graph.IsWithin(p.Region, region) && graph.PrefectureOf(p.Region) is not null)
            .GroupBy(p => (p.Firm, p.Segment, Prefecture: graph.PrefectureOf(p.Region)!))
            .Select(g => g.OrderBy(p => p.Since).First());
        foreach (var p in entries)
        {
            var since = p.Since!.Value;
            var prefecture = graph.PrefectureOf(p.Region)!;
            var candidates = finder.Candidates(new Gap(p.Segment, prefecture.Code));
            var wasThere = graph.PresencesWithin(p.Segment, prefecture.Code).Any(q => q.Firm == p.Firm && q.IsActiveIn(before.Year));
            if (wasThere)
            {
                expansions++;
                continue;
            }
            var index = candidates.Select((c, i) => (c, i)).FirstOrDefault(x => x.c.Firm.Id == p.Firm).i;
            var found = candidates.Count > 0 && candidates[index].Firm.Id == p.Firm;
            var ranks = rankers.ToDictionary(r => r.Name, r => found ? r.Order(candidates).ToList().IndexOf(index) + 1 : (int?)null);
            landings.Add(new Landing(p.Firm.Value, p.Segment.Value, prefecture.Code.Value, since, candidates.Count, ranks));
        }

        var scores = rankers.Select(r => Score(r.Name, landings)).ToList();
        var differences = rankers.Skip(1).Select(b => Difference(rankers[0].Name, b.Name, landings)).ToList();
        return new BacktestResult(year, region.Value, training.Count, landings.Count, expansions, landings, scores, differences);
    }

    static HitScores Score(string ranker, IReadOnlyList<Landing> landings)
    {
        var ranks = landings.Select(l => l.Ranks[ranker]).ToList();
        double n = Math.Max(ranks.Count, 1);
        return new HitScores(ranker, ranks.Count,
            ranks.Count(r => r <= 5) / n,
            ranks.Count(r => r <= 10) / n,
            ranks.Sum(Reciprocal) / n,
            ranks.Count(r => r <= 50) / n);
    }

    public static MrrDifference Difference(string model, string baseline, IReadOnlyList<Landing> landings)
    {
        var (difference, error) = Evaluation.PairedDifference(
            [.. landings.Select(l => Reciprocal(l.Ranks[model]))], [.. landings.Select(l => Reciprocal(l.Ranks[baseline]))]);
        return new MrrDifference(baseline, landings.Count, difference, error);
    }

    static double Reciprocal(int? rank) => rank is { } k ? 1.0 / k : 0;
}
