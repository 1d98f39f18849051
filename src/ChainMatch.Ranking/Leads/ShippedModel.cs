namespace ChainMatch.Ranking.Leads;

/// <summary>How the model in models/ is trained: fixed here so that any day's run reproduces it.</summary>
public static class ShippedModel
{
    public static readonly DateOnly AsOf = new(2025, 12, 31);

    /// <summary>The trainer that won on held-out gaps when models/ was last trained (the backtest retrains this one).</summary>
    public static readonly RankingTrainer Trainer = RankingTrainer.FastTree;

    /// <summary>
    /// Each trainer with the settings that did best in `chainmatch tune` (5-fold cross-validation by gap on the
    /// training split only); the held-out gaps then choose between the two.
    /// </summary>
    public static readonly TrainingOptions Options = new(AsOf,
    [
        new LambdaMartParameters(RankingTrainer.LightGbm, Trees: 200, Leaves: 8, MinExamplesPerLeaf: 10),
        new LambdaMartParameters(RankingTrainer.FastTree, Trees: 200, Leaves: 20, MinExamplesPerLeaf: 20),
    ], BacktestYears: [2019, 2020, 2021]);
}
