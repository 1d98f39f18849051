using ChainMatch.Ranking.Trees;

namespace ChainMatch.Ranking.Tests;

public class TreeEnsembleLoadTests
{
    string _path = null!;

    [SetUp]
    public void SetUp() => _path = Path.Combine(Path.GetTempPath(), $"chainmatch-model-{Guid.NewGuid():N}.json");

    [TearDown]
    public void TearDown() => File.Delete(_path);

    ModelFormatException LoadFails(string? json)
    {
        if (json is not null) File.WriteAllText(_path, json);
        return Assert.Throws<ModelFormatException>(() => TreeEnsemble.Load(_path))!;
    }

    /// <summary>A one-split stump: x0 &lt; 0.5 → -1, else +1, missing goes right; base score 0.5.</summary>
    const string Stump = """
        {"learner":{"gradient_booster":{"name":"gbtree","model":{"trees":[{
          "left_children":[1,-1,-1],"right_children":[2,-1,-1],"split_indices":[0,0,0],
          "split_conditions":[0.5,-1.0,1.0],"default_left":[0,0,0],"split_type":[0,0,0]}]}},
         "learner_model_param":{"base_score":"5E-1","num_feature":"2"},"objective":{"name":"rank:ndcg"}}}
        """;

    [TestCase(0.2f, -0.5f)]
    [TestCase(0.5f, 1.5f)]
    [TestCase(float.NaN, 1.5f)]
    public void AStumpRoutesLeftBelowItsThresholdAndMissingValuesByDefault(float x0, float expected)
    {
        File.WriteAllText(_path, Stump);
        Assert.That(TreeEnsemble.Load(_path).Score([x0, 0f]), Is.EqualTo(expected));
    }

    [Test]
    public void AMissingFileIsNamed() => Assert.That(LoadFails(null).Message, Is.EqualTo($"model {_path}: file not found"));

    [Test]
    public void BrokenJsonIsNamed() => Assert.That(LoadFails("{\"learner\": [").Reason, Does.StartWith("not valid JSON"));

    [Test]
    public void JsonThatIsNotAModelIsNamed() => Assert.That(LoadFails("""{"weights": [1, 2]}""").Reason, Does.StartWith("not an XGBoost JSON model"));

    [Test]
    public void ALinearBoosterIsRefused() =>
        Assert.That(LoadFails(Stump.Replace("\"gbtree\"", "\"gblinear\"")).Reason, Is.EqualTo("booster 'gblinear' is not supported; only gbtree"));

    [Test]
    public void AChildOutsideTheTreeIsRefused() =>
        Assert.That(LoadFails(Stump.Replace("\"left_children\":[1,-1,-1]", "\"left_children\":[7,-1,-1]")).Reason, Does.Contain("child outside the tree"));

    [Test]
    public void AFeatureBeyondTheModelsWidthIsRefused() =>
        Assert.That(LoadFails(Stump.Replace("\"split_indices\":[0,0,0]", "\"split_indices\":[5,0,0]")).Reason, Does.Contain("feature 5 of 2"));

    [Test]
    public void ScoringARowOfTheWrongWidthIsRefused()
    {
        File.WriteAllText(_path, Stump);
        Assert.That(() => TreeEnsemble.Load(_path).Score([1f]), Throws.ArgumentException.With.Message.Contains("takes 2 features"));
    }
}
