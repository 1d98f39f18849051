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
        Description = "The model file (ML.NET's model zip); its card is written beside it as .md.",
        DefaultValueFactory = _ => new FileInfo(Path.Combine("models", "lead-ranker.zip")),
    };

    public static readonly Option<int?> Trees = new("--trees") { Description = "Boosted trees (default: each trainer's shipped setting)." };
    public static readonly Option<int> Seed = new("--seed") { Description = "Seed of the split by gap and of the trainers.", DefaultValueFactory = _ => ShippedModel.Options.Seed };
    public static readonly Option<RankingTrainer?> Trainer = new("--trainer")
    {
        Description = "Train only this ML.NET trainer (LightGbm or FastTree); by default both are tried and the better on held-out gaps is kept.",
    };

    public static Command Create(TextWriter output)
    {
        var command = new Command("train", "Train the lead ranking model (ML.NET LightGBM LambdaRank or FastTree LambdaMART) by link prediction on the graph.") { Model, Trees, Seed, Trainer };
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
            foreach (var c in report.Candidates)
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{c.Parameters.Trainer}: held-out NDCG@10 {c.Scores.Ndcg10:F3}, trained in {c.TrainingTime.TotalSeconds:F2} s{(c.Parameters == report.Chosen ? " (kept)" : "")}"));
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
        ShippedModel.Options with { AsOf = GlobalOptions.AsOfDate(parse), Candidates = Candidates(parse), Seed = parse.GetValue(Seed) };

    /// <summary>The shipped model's candidate trainers, with the trees and seed asked for, narrowed to --trainer when given.</summary>
    public static IReadOnlyList<LambdaMartParameters> Candidates(ParseResult parse) =>
        [.. ShippedModel.Options.Candidates
            .Where(c => parse.GetValue(Trainer) is not { } only || c.Trainer == only)
            .Select(c => c with { Trees = parse.GetValue(Trees) ?? c.Trees, Seed = parse.GetValue(Seed) })];
}
