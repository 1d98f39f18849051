using System.CommandLine;
using System.Globalization;
using ChainMatch.Ranking.Leads;

namespace ChainMatch.Cli;

/// <summary><c>chainmatch tune</c>: a small grid of trainer settings, cross-validated by gap on the training split only.</summary>
static class TuneCommand
{
    public static Command Create(TextWriter output)
    {
        var folds = new Option<int>("--folds") { Description = "Folds of the cross-validation by gap.", DefaultValueFactory = _ => 5 };
        var command = new Command("tune",
            "Cross-validate a small grid of settings (leaves, minimum rows per leaf, trees) for each trainer on the training gaps; the held-out gaps are not used.")
        {
            folds, TrainCommand.Seed, TrainCommand.Trainer, TrainCommand.WithList, TrainCommand.DatedArrivals,
        };
        command.SetAction(async (parse, ct) =>
        {
            var (graph, _) = await TrainCommand.LoadGraphAsync(parse, ct);
            var options = TrainCommand.Options(parse);
            var training = LeadModelTraining.TrainingQueries(graph, options);
            await output.WriteLineAsync("trainer   trees  leaves  min/leaf  cv ndcg@5  cv ndcg@10  cv map");
            foreach (var candidate in options.Candidates)
                foreach (var trees in new[] { 100, 200 })
                    foreach (var leaves in new[] { 8, 20 })
                        foreach (var minPerLeaf in new[] { 5, 10, 20 })
                        {
                            var p = candidate with { Trees = trees, Leaves = leaves, MinExamplesPerLeaf = minPerLeaf };
                            var cv = CrossValidation.Run(training, p, parse.GetValue(folds), options.Seed);
                            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                                $"{p.Trainer,-9} {trees,5}  {leaves,6}  {minPerLeaf,8}  {cv.Ndcg5,9:F3}  {cv.Ndcg10,10:F3}  {cv.Map,6:F3}"));
                        }
            return ChainMatchCli.Ok;
        });
        return command;
    }
}
