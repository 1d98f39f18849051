using System.CommandLine;
using System.Globalization;
using ChainMatch.Ranking;
using ChainMatch.Ranking.Leads;
using ChainMatch.Ranking.Trees;

namespace ChainMatch.Cli;

/// <summary><c>chainmatch train</c>: learn the lead ranking model from the graph and write it with its model card.</summary>
static class TrainCommand
{
    public static readonly Option<FileInfo> Model = new("--model")
    {
        Description = "The model file (XGBoost JSON); its card is written beside it as .md.",
        DefaultValueFactory = _ => new FileInfo(Path.Combine("models", "lead-ranker.json")),
    };

    public static readonly Option<int> Rounds = new("--rounds") { Description = "Boosting rounds.", DefaultValueFactory = _ => ShippedModel.Options.Parameters.Rounds };
    public static readonly Option<int> Seed = new("--seed") { Description = "Seed of the split by gap and of XGBoost.", DefaultValueFactory = _ => ShippedModel.Options.Seed };

    public static Command Create(TextWriter output)
    {
        var command = new Command("train", "Train the lead ranking model (XGBoost LambdaMART) by link prediction on the graph.") { Model, Rounds, Seed };
        command.SetAction(async (parse, ct) =>
        {
            var graph = await GlobalOptions.LoadGraphAsync(parse, ct);
            var options = Options(parse);
            var model = parse.GetValue(Model)!;
            var source = parse.GetValue(GlobalOptions.Data) is { } seeds ? $"seed folder `{seeds.Name}`" : "the embedded store";
            var description = $"{source}: {graph.Firms.Length} firms, {graph.Data.Presences.Length} presences, {graph.Segments.Length} segments";
            var report = LeadModelTraining.Train(graph, description, options, model.FullName);
            var card = Path.ChangeExtension(model.FullName, ".md");
            await File.WriteAllTextAsync(card, ModelCard.Write(report, model.Name), ct);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"trained on {report.TrainQueries} queries ({report.TrainRows} rows); wrote {model.FullName} and {card}"));
            await output.WriteLineAsync(Tables.Scores(report.Scores));
            return ChainMatchCli.Ok;
        });
        return command;
    }

    /// <summary>The model named by --model; a missing or corrupt file is one line naming it.</summary>
    public static TreeEnsemble LoadModel(ParseResult parse)
    {
        try
        {
            return TreeEnsemble.Load(parse.GetValue(Model)!.FullName);
        }
        catch (ModelFormatException e)
        {
            throw new CliException(e.Message);
        }
    }

    /// <summary>The options of a run; evaluate reuses them so it scores the split the model was tested on.</summary>
    public static TrainingOptions Options(ParseResult parse) =>
        new(GlobalOptions.AsOfDate(parse), new LambdaMartParameters(Rounds: parse.GetValue(Rounds), Seed: parse.GetValue(Seed)), Seed: parse.GetValue(Seed));
}
