using Microsoft.ML;
using Microsoft.ML.Data;

namespace ChainMatch.Ranking;

/// <summary>
/// ML.NET's own scoring of a saved ranking model, the reference the managed trees are held to (parity tests) and
/// measured against (`make bench`). Not thread-safe: it keeps one prediction engine.
/// </summary>
public sealed class MlNetScorer : IDisposable
{
    public sealed class Scored
    {
        public float Score { get; set; }
    }

    readonly MLContext _ml = new(0);
    readonly ITransformer _model;
    readonly PredictionEngine<LambdaMart.Row, Scored> _engine;
    readonly int _columns;

    public MlNetScorer(string modelPath, int columns)
    {
        _columns = columns;
        _model = _ml.Model.Load(modelPath, out _);
        _engine = _ml.Model.CreatePredictionEngine<LambdaMart.Row, Scored>(_model, inputSchemaDefinition: LambdaMart.Schema(columns, 1));
    }

    /// <summary>Every row of the set through the model's Transform, as a data view.</summary>
    public float[] ScoreAll(RankingSet set) => _model.Transform(set.ToDataView(_ml)).GetColumn<float>("Score").ToArray();

    /// <summary>One row through the prediction engine.</summary>
    public float Score(float[] features) => _engine.Predict(new LambdaMart.Row { GroupId = 1, Features = features }).Score;

    public void Dispose() => _engine.Dispose();
}
