using ChainMatch.Domain.Graph;
using ChainMatch.Ranking.Trees;

namespace ChainMatch.Ranking.Leads;

public sealed record TrainingOptions(DateOnly AsOf, LambdaMartParameters Parameters, double TestShare = 0.25, int Seed = 42);

/// <summary>What a training run used and measured; the model card is written from it.</summary>
public sealed record TrainingReport(
    TrainingOptions Options,
    string DataDescription,
    int Hidden,
    int Unreachable,
    int Projects,
    int ProjectQueries,
    int TrainQueries,
    int TrainRows,
    int TestQueries,
    int TestRows,
    IReadOnlyList<RankingScores> Scores,
    string XGBoostVersion);

/// <summary>Builds the link-prediction set from a graph, trains LambdaMART, and scores it against the baselines on held-out gaps.</summary>
public static class LeadModelTraining
{
    public static TrainingReport Train(ChainGraph graph, string dataDescription, TrainingOptions options, string modelPath)
    {
        var (train, test, built, projects) = Split(graph, options);
        if (train.Count == 0) throw new InvalidOperationException("no training queries: the graph holds no sourced, dated presences to learn from");
        var trainSet = LinkPrediction.ToRankingSet(train);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(modelPath))!);
        LambdaMart.Train(trainSet, options.Parameters, modelPath);
        var model = TreeEnsemble.Load(modelPath);
        var (major, minor, patch) = XGBoost.Booster.Version();
        return new TrainingReport(options, dataDescription, built.Hidden, built.Unreachable, projects.Projects, projects.Queries.Count,
            train.Count, trainSet.Rows, test.Count, test.Sum(q => q.Candidates.Count),
            Evaluate(model, test), $"{major}.{minor}.{patch}");
    }

    /// <summary>The same split a training run with these options made, scored for the model and both baselines.</summary>
    public static IReadOnlyList<RankingScores> Evaluate(ChainGraph graph, TrainingOptions options, TreeEnsemble model) =>
        Evaluate(model, Split(graph, options).Test);

    static IReadOnlyList<RankingScores> Evaluate(TreeEnsemble model, IReadOnlyList<LeadQuery> test) =>
        [Evaluation.Run(Ranker.Model(model), test), Evaluation.Run(Ranker.ListRank, test), Evaluation.Run(Ranker.SegmentElsewhere, test)];

    /// <summary>Link-prediction and project-library queries together, split by gap so that no gap is on both sides.</summary>
    static (List<LeadQuery> Train, List<LeadQuery> Test, LinkPrediction.Result Built, ProjectLabels.Result Projects) Split(ChainGraph graph, TrainingOptions options)
    {
        var built = LinkPrediction.Build(graph, options.AsOf);
        var projects = ProjectLabels.Build(graph, options.AsOf);
        var (train, test) = LinkPrediction.Split([.. built.Queries, .. projects.Queries], options.TestShare, options.Seed);
        return (train, test, built, projects);
    }
}
