namespace ChainMatch.Ranking.Leads;

/// <summary>How the model in models/ is trained: fixed here so that any day's run reproduces it bit for bit.</summary>
public static class ShippedModel
{
    public static readonly DateOnly AsOf = new(2025, 12, 31);

    public static readonly TrainingOptions Options = new(AsOf, new LambdaMartParameters());
}
