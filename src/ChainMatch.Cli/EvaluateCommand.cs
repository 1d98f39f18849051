using System.CommandLine;
using ChainMatch.Ranking.Leads;

namespace ChainMatch.Cli;

/// <summary><c>chainmatch evaluate</c>: held-out metrics of a model and of both baselines on the same split.</summary>
static class EvaluateCommand
{
    public static Command Create(TextWriter output)
    {
        var command = new Command("evaluate", "NDCG@5/@10, MAP, recall@10 and MRR on held-out gaps for the model and the two baselines.")
        {
            TrainCommand.Model, TrainCommand.Seed, TrainCommand.DatedArrivals,
        };
        command.SetAction(async (parse, ct) =>
        {
            var graph = await GlobalOptions.LoadGraphAsync(parse, ct);
            var model = TrainCommand.LoadModel(parse);
            var scores = LeadModelTraining.Evaluate(graph, TrainCommand.Options(parse), model);
            await output.WriteLineAsync(Tables.Scores(scores));
            return ChainMatchCli.Ok;
        });
        return command;
    }
}
