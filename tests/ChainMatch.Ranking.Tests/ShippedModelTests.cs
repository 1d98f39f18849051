using ChainMatch.Domain.Graph;
using ChainMatch.Ranking.Leads;
using ChainMatch.Storage.Seeds;

namespace ChainMatch.Ranking.Tests;

/// <summary>models/lead-ranker.json is exactly what `make model` (chainmatch train on graph-seeds) produces.</summary>
public class ShippedModelTests
{
    [Test]
    public void TheShippedModelIsTheOneTrainingOnTheSeedsProduces()
    {
        var shipped = SeedFolder.ShippedModel();
        var retrained = Path.Combine(Path.GetTempPath(), $"chainmatch-retrained-{Guid.NewGuid():N}.json");
        try
        {
            var graph = ChainGraph.Build(SeedReader.Read(SeedFolder.RepositorySeeds()));
            var report = LeadModelTraining.Train(graph, "seeds", ShippedModel.Options, retrained);
            Assert.That(File.ReadAllText(retrained), Is.EqualTo(File.ReadAllText(shipped)),
                "graph-seeds or the features changed: run `make model` and commit models/");
            var model = report.Scores.Single(s => s.Ranker == "model");
            Assert.That(model.Ndcg10, Is.GreaterThan(report.Scores.Where(s => s.Ranker != "model").Max(s => s.Ndcg10)));
        }
        finally
        {
            File.Delete(retrained);
        }
    }
}
