using ChainMatch.Domain.Graph;
using ChainMatch.Ranking.Leads;
using ChainMatch.Ranking.Trees;
using ChainMatch.Storage.Seeds;

namespace ChainMatch.Ranking.Tests;

/// <summary>models/lead-ranker.zip and its card are what `make model` (chainmatch train on graph-seeds) produces.</summary>
public class ShippedModelTests
{
    [Test]
    public void TheShippedModelIsTheOneTrainingOnTheSeedsProduces()
    {
        var shipped = SeedFolder.ShippedModel();
        var retrained = Path.Combine(Path.GetTempPath(), $"chainmatch-retrained-{Guid.NewGuid():N}.zip");
        try
        {
            var graph = ChainGraph.Build(SeedReader.Read(SeedFolder.RepositorySeeds()));
            var report = LeadModelTraining.Train(graph, $"seed folder `graph-seeds`: {graph.Firms.Length} firms, {graph.Data.Presences.Length} presences, {graph.Segments.Length} segments",
                ShippedModel.Options, retrained);
            // The zip holds timestamps, so the model is compared by its trees.
            Assert.That(TreeEnsemble.Load(retrained).HasSameTreesAs(TreeEnsemble.Load(shipped)), Is.True,
                "graph-seeds or the features changed: run `make model` and commit models/");
            Assert.That(ModelCard.Write(report, Path.GetFileName(shipped)), Is.EqualTo(File.ReadAllText(Path.ChangeExtension(shipped, ".md"))));
            Assert.That(report.Chosen.Trainer, Is.EqualTo(ShippedModel.Trainer), "the held-out gaps now choose the other trainer: update ShippedModel.Trainer");
            var model = report.Scores.Single(s => s.Ranker == "model");
            Assert.That(model.Ndcg10, Is.GreaterThan(report.Scores.Where(s => s.Ranker != "model").Max(s => s.Ndcg10)));
        }
        finally
        {
            File.Delete(retrained);
        }
    }
}
