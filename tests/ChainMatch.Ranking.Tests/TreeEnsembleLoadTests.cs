using System.IO.Compression;
using ChainMatch.Ranking.Trees;
using Microsoft.ML;

namespace ChainMatch.Ranking.Tests;

public class TreeEnsembleLoadTests
{
    string _path = null!;

    [SetUp]
    public void SetUp() => _path = Path.Combine(Path.GetTempPath(), $"chainmatch-model-{Guid.NewGuid():N}.zip");

    [TearDown]
    public void TearDown() => File.Delete(_path);

    ModelFormatException LoadFails() => Assert.Throws<ModelFormatException>(() => TreeEnsemble.Load(_path))!;

    [Test]
    public void AMissingFileIsNamed() => Assert.That(LoadFails().Message, Is.EqualTo($"model {_path}: file not found"));

    [Test]
    public void AFileThatIsNotAZipIsNamed()
    {
        File.WriteAllText(_path, """{"learner": {}}""");
        Assert.That(LoadFails().Reason, Does.StartWith("not an ML.NET ranking model"));
    }

    [Test]
    public void AZipThatIsNotAModelIsNamed()
    {
        using (var zip = ZipFile.Open(_path, ZipArchiveMode.Create))
            using (var writer = new StreamWriter(zip.CreateEntry("weights.txt").Open()))
                writer.Write("1 2 3");
        Assert.That(LoadFails().Reason, Does.StartWith("not an ML.NET ranking model"));
    }

    [Test]
    public void AModelThatIsNotATreeEnsembleIsRefused()
    {
        var ml = new MLContext(1);
        var data = SyntheticRanking.Generate(queries: 10, documentsPerQuery: 10, seed: 3) is var set
            ? ml.Data.LoadFromEnumerable(Enumerable.Range(0, set.Rows).Select(r => new Row { Label = set.Labels[r], Features = [.. set.Features.AsSpan(r * set.Columns, set.Columns)] }), Schema(set.Columns))
            : null!;
        var linear = ml.Transforms.ReplaceMissingValues("Features").Append(ml.Regression.Trainers.Sdca()).Fit(data);
        ml.Model.Save(linear, data.Schema, _path);
        Assert.That(LoadFails().Reason, Does.Contain("is not a tree ensemble"));
    }

    [Test]
    public void ScoringARowOfTheWrongWidthIsRefused()
    {
        LambdaMart.Train(SyntheticRanking.Generate(queries: 20, documentsPerQuery: 10, seed: 4), new LambdaMartParameters(Trees: 5), _path);
        Assert.That(() => TreeEnsemble.Load(_path).Score([1f]), Throws.ArgumentException.With.Message.Contains($"takes {SyntheticRanking.Columns} features"));
    }

    sealed class Row
    {
        public float Label { get; set; }
        public float[] Features { get; set; } = [];
    }

    static Microsoft.ML.Data.SchemaDefinition Schema(int columns)
    {
        var schema = Microsoft.ML.Data.SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new Microsoft.ML.Data.VectorDataViewType(Microsoft.ML.Data.NumberDataViewType.Single, columns);
        return schema;
    }
}
