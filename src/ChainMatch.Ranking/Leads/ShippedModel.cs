namespace ChainMatch.Ranking.Leads;

/// <summary>How the model in models/ is trained: fixed here so that any day's run reproduces it.</summary>
public static class ShippedModel
{
    public static readonly DateOnly AsOf = new(2025, 12, 31);

    /// <summary>The trainer that won on held-out gaps when models/ was last trained (the backtest retrains this one).</summary>
    public static readonly RankingTrainer Trainer = RankingTrainer.FastTree;

    /// <summary>
    /// Each trainer with its best setting of the grid trees {100, 200} × leaves {8, 20} × minimum rows per leaf
    /// {5, 10, 20} by held-out NDCG@10 on the seeds' split by gap, with dated arrivals in training (docs/ranking.md gives
    /// every point; the backtest takes no part). FastTree comes first: the service's exact top-k pruning bounds its
    /// trees tightest (`make bench FIRMS=1000000`: one gap 14.5 ms against 82.8 ms with LightGBM's 20-leaf trees), so
    /// the held-out gaps keep it unless LightGBM beats it by more than one standard error.
    /// </summary>
    public static readonly TrainingOptions Options = new(AsOf,
    [
        new LambdaMartParameters(RankingTrainer.FastTree, Trees: 200, Leaves: 8, MinExamplesPerLeaf: 5),
        new LambdaMartParameters(RankingTrainer.LightGbm, Trees: 100, Leaves: 20, MinExamplesPerLeaf: 5),
    ], BacktestYears: [2019, 2020, 2021], DatedArrivals: true);
}
