namespace ChainMatch.Ranking.Leads;

/// <summary>How the model in models/ is trained: fixed here so that any day's run reproduces it.</summary>
public static class ShippedModel
{
    public static readonly DateOnly AsOf = new(2025, 12, 31);

    /// <summary>The trainer that won on held-out gaps when models/ was last trained (the backtest retrains this one).</summary>
    public static readonly RankingTrainer Trainer = RankingTrainer.FastTree;

    /// <summary>
    /// Each trainer with its best point by held-out NDCG@10 on the seeds' split by gap (dated arrivals in training) among
    /// the grid's trees of 8 leaves (trees {100, 200} × minimum rows per leaf {5, 10, 20}) that rank one gap over a million
    /// firms within the 30 ms budget; docs/ranking.md gives every point, and the backtest takes no part. The service's
    /// exact top-k pruning bounds deeper trees less (`make bench FIRMS=1000000 SECTIONS=ranking` with each model in
    /// models/): FastTree 200 × 8 × 5 14.2 ms, 200 × 20 × 5 26.6 ms; LightGBM 100 × 8 × 5 27.5 ms, 100 × 8 × 10 55.7 ms,
    /// 100 × 20 × 5 82.8 ms. FastTree, the faster to rank with, comes first: the held-out gaps keep it unless LightGBM
    /// leads it by more than one standard error.
    /// </summary>
    public static readonly TrainingOptions Options = new(AsOf,
    [
        new LambdaMartParameters(RankingTrainer.FastTree, Trees: 200, Leaves: 8, MinExamplesPerLeaf: 5),
        new LambdaMartParameters(RankingTrainer.LightGbm, Trees: 100, Leaves: 8, MinExamplesPerLeaf: 5),
    ], BacktestYears: [2019, 2020, 2021], DatedArrivals: true);
}
