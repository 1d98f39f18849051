using System.Diagnostics;
using ChainMatch.Domain.Graph;
using ChainMatch.Ranking.Trees;

namespace ChainMatch.Ranking.Leads;

/// <summary>The date the graph is read at, the trainers tried (each with its settings), and the split by gap.</summary>
/// <param name="BacktestYears">Starting years of the backtest run with the kept trainer for the model card (none: no backtest).</param>
/// <param name="DatedArrivals">Also pose each arrival with a known year as the graph stood the year before it (<see cref="LinkPrediction.Dated"/>).</param>
public sealed record TrainingOptions(
    DateOnly AsOf, IReadOnlyList<LambdaMartParameters> Candidates, double TestShare = 0.25, int Seed = 42, IReadOnlyList<int>? BacktestYears = null, string BacktestRegion = "530000",
    bool DatedArrivals = false);

/// <summary>One trainer tried: its settings, its held-out scores, and how long it took to train.</summary>
public sealed record CandidateModel(LambdaMartParameters Parameters, RankingScores Scores, TimeSpan TrainingTime);

/// <summary>What a training run used and measured; the model card is written from it.</summary>
public sealed record TrainingReport(
    TrainingOptions Options,
    string DataDescription,
    int Hidden,
    int Unreachable,
    LinkPrediction.Result Dated,
    int Projects,
    int ProjectQueries,
    int TrainQueries,
    int TrainRows,
    int TestQueries,
    int TestRows,
    IReadOnlyList<CandidateModel> Candidates,
    LambdaMartParameters Chosen,
    IReadOnlyList<RankingScores> Scores,
    IReadOnlyList<BacktestResult> Backtests);

/// <summary>
/// Builds the link-prediction and project-library sets from a graph, trains each candidate trainer on the training
/// gaps, keeps the one with the best held-out NDCG@10 unless the first listed is within one standard error of it
/// (<see cref="Keep"/>), and scores it against the baselines on the held-out gaps.
/// </summary>
public static class LeadModelTraining
{
    public static TrainingReport Train(ChainGraph graph, string dataDescription, TrainingOptions options, string modelPath)
    {
        if (options.Candidates.Count == 0) throw new ArgumentException("no trainer to try", nameof(options));
        var (train, test, built, dated, projects) = Split(graph, options);
        if (train.Count == 0) throw new InvalidOperationException("no training queries: the graph holds no sourced, dated presences to learn from");
        var trainSet = LinkPrediction.ToRankingSet(train);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(modelPath))!);

        var candidates = new List<CandidateModel>();
        var ndcg10ByQuery = new List<double[]>();
        var files = new List<string>();
        try
        {
            foreach (var parameters in options.Candidates)
            {
                var file = $"{modelPath}.{parameters.Trainer}.tmp";
                files.Add(file);
                var clock = Stopwatch.StartNew();
                LambdaMart.Train(trainSet, parameters, file);
                var elapsed = clock.Elapsed;
                var (scores, byQuery) = Evaluation.RunByQuery(Ranker.Model(TreeEnsemble.Load(file)), test);
                candidates.Add(new CandidateModel(parameters, scores, elapsed));
                ndcg10ByQuery.Add(byQuery);
            }
            var kept = Keep(candidates, ndcg10ByQuery);
            var best = (c: candidates[kept], i: kept);
            File.Copy(files[best.i], modelPath, overwrite: true);
            var model = TreeEnsemble.Load(modelPath);
            // A graph without the backtest's region (another deployment's) gets no backtest.
            var backtests = (graph.FindRegion(new RegionCode(options.BacktestRegion)) is null ? [] : options.BacktestYears ?? [])
                .Select(year => Backtest.Run(graph, year, new RegionCode(options.BacktestRegion), best.c.Parameters, files[best.i], options.DatedArrivals))
                .ToList();
            return new TrainingReport(options, dataDescription, built.Hidden, built.Unreachable, dated, projects.Projects, projects.Queries.Count,
                train.Count, trainSet.Rows, test.Count, test.Sum(q => q.Candidates.Count),
                candidates, best.c.Parameters, Evaluate(model, test), backtests);
        }
        finally
        {
            foreach (var file in files) File.Delete(file);
        }
    }

    /// <summary>
    /// The trainer kept: the best held-out NDCG@10 (then NDCG@5, then the first listed), unless the first listed is
    /// within one standard error of the paired per-query difference from it. The held-out gaps cannot tell such two
    /// apart, and the first listed is the one the service ranks fastest with (<see cref="ShippedModel.Options"/>).
    /// </summary>
    /// <returns>The index of the kept candidate.</returns>
    public static int Keep(IReadOnlyList<CandidateModel> candidates, IReadOnlyList<double[]> ndcg10ByQuery)
    {
        var best = candidates.Select((c, i) => (c, i))
            .OrderByDescending(x => Math.Round(x.c.Scores.Ndcg10, 6)).ThenByDescending(x => Math.Round(x.c.Scores.Ndcg5, 6)).ThenBy(x => x.i)
            .First();
        if (best.i == 0) return 0;
        var (difference, error) = Evaluation.PairedDifference(ndcg10ByQuery[best.i], ndcg10ByQuery[0]);
        return difference <= error ? 0 : best.i;
    }

    /// <summary>The same split a training run with these options made, scored for the model and both baselines.</summary>
    public static IReadOnlyList<RankingScores> Evaluate(ChainGraph graph, TrainingOptions options, TreeEnsemble model) =>
        Evaluate(model, Split(graph, options).Test);

    static IReadOnlyList<RankingScores> Evaluate(TreeEnsemble model, IReadOnlyList<LeadQuery> test) =>
        [Evaluation.Run(Ranker.Model(model), test), Evaluation.Run(Ranker.ListRank, test), Evaluation.Run(Ranker.SegmentElsewhere, test)];

    /// <summary>The training queries of a split (for cross-validation on them alone).</summary>
    public static IReadOnlyList<LeadQuery> TrainingQueries(ChainGraph graph, TrainingOptions options) => Split(graph, options).Train;

    /// <summary>Link-prediction (hidden and dated) and project-library queries together, split by gap so that no gap is on both sides.</summary>
    static (List<LeadQuery> Train, List<LeadQuery> Test, LinkPrediction.Result Built, LinkPrediction.Result Dated, ProjectLabels.Result Projects) Split(ChainGraph graph, TrainingOptions options)
    {
        var built = LinkPrediction.Build(graph, options.AsOf);
        var projects = ProjectLabels.Build(graph, options.AsOf);
        var dated = options.DatedArrivals ? LinkPrediction.Dated(graph, options.AsOf) : new LinkPrediction.Result([], 0, 0);
        var (train, test) = LinkPrediction.Split([.. built.Queries, .. dated.Queries, .. projects.Queries], options.TestShare, options.Seed);
        return (train, test, built, dated, projects);
    }
}
