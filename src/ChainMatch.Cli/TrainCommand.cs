using System.CommandLine;
using System.Globalization;
using ChainMatch.Domain.Graph;
using ChainMatch.Ranking;
using ChainMatch.Ranking.Leads;
using ChainMatch.Ranking.Trees;
using ChainMatch.Storage;
using ChainMatch.Storage.Lists;

namespace ChainMatch.Cli;

/// <summary><c>chainmatch train</c>: learn the lead ranking model from the graph and write it with its model card.</summary>
static class TrainCommand
{
    public static readonly Option<FileInfo> Model = new("--model")
    {
        Description = "The model file (ML.NET's model zip); its card is written beside it as .md.",
        DefaultValueFactory = _ => new FileInfo(Path.Combine("models", "lead-ranker.zip")),
    };

    public static readonly Option<int?> Trees = new Option<int?>("--trees") { Description = "Boosted trees (default: each trainer's shipped setting)." }.Between(1, 10_000);
    public static readonly Option<int?> Leaves = new Option<int?>("--leaves") { Description = "Leaves per tree (default: each trainer's shipped setting)." }
        .Between(2, TreeEnsemble.MaxLeaves);
    public static readonly Option<int?> MinPerLeaf = new Option<int?>("--min-per-leaf") { Description = "Minimum rows per leaf (default: each trainer's shipped setting)." }.Between(1, 1_000_000);

    public static readonly Option<string[]> WithList = new("--with-list")
    {
        Description = "FAMILY:YEAR:FILE, e.g. fortune-global-500:2024:../shared/lists/fortune-global-500-2024.csv: import this list edition " +
            "into the in-memory graph of --data through the list importer (rows matched to firms or created) before training. Repeatable.",
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    public static readonly Option<int> Seed = new("--seed") { Description = "Seed of the split by gap and of the trainers.", DefaultValueFactory = _ => ShippedModel.Options.Seed };
    public static readonly Option<RankingTrainer?> Trainer = new("--trainer")
    {
        Description = "Train only this ML.NET trainer (LightGbm or FastTree); by default both are tried and the better on held-out gaps is kept.",
    };

    public static readonly Option<bool> DatedArrivals = new("--dated-arrivals")
    {
        Description = "Also train on each arrival with a known year posed as the graph stood the year before it (true or false; default: as the shipped model).",
        DefaultValueFactory = _ => ShippedModel.Options.DatedArrivals,
    };

    public static Command Create(TextWriter output)
    {
        var command = new Command("train", "Train the lead ranking model (ML.NET LightGBM LambdaRank or FastTree LambdaMART) by link prediction on the graph.")
        {
            Model, Trees, Leaves, MinPerLeaf, Seed, Trainer, WithList, DatedArrivals,
        };
        command.SetAction(async (parse, ct) =>
        {
            var (graph, lists) = await LoadGraphAsync(parse, ct);
            var options = Options(parse);
            var model = parse.GetValue(Model)!;
            var source = parse.GetValue(GlobalOptions.Data) is { } seeds ? $"seed folder `{seeds.Name}`" : "the embedded store";
            var description = $"{source}{lists}: {graph.Firms.Length} firms, {graph.Data.Presences.Length} presences, {graph.Segments.Length} segments";
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
        ShippedModel.Options with { AsOf = GlobalOptions.AsOfDate(parse), Candidates = Candidates(parse), Seed = parse.GetValue(Seed), DatedArrivals = parse.GetValue(DatedArrivals) };

    /// <summary>The shipped model's candidate trainers, with the trees and seed asked for, narrowed to --trainer when given.</summary>
    public static IReadOnlyList<LambdaMartParameters> Candidates(ParseResult parse) =>
        [.. ShippedModel.Options.Candidates
            .Where(c => parse.GetValue(Trainer) is not { } only || c.Trainer == only)
            .Select(c => c with
            {
                Trees = parse.GetValue(Trees) ?? c.Trees, Leaves = parse.GetValue(Leaves) ?? c.Leaves,
                MinExamplesPerLeaf = parse.GetValue(MinPerLeaf) ?? c.MinExamplesPerLeaf, Seed = parse.GetValue(Seed),
            })];

    /// <summary>
    /// The graph to train on: as <see cref="GlobalOptions.LoadGraphAsync"/>, with each --with-list edition imported into
    /// the in-memory store of --data first (never into a real store); also says which editions, for the model card.
    /// </summary>
    public static async Task<(ChainGraph Graph, string Lists)> LoadGraphAsync(ParseResult parse, CancellationToken ct)
    {
        var specs = parse.GetValue(WithList) ?? [];
        if (specs.Length == 0) return (await GlobalOptions.LoadGraphAsync(parse, ct), "");
        if (parse.GetValue(GlobalOptions.Data) is null) throw new CliException("--with-list needs --data: lists are imported into an in-memory graph only", ChainMatchCli.Usage);
        using var opened = await GlobalOptions.OpenStoreAsync(parse, ct);
        var imported = new List<string>();
        foreach (var spec in specs)
        {
            var parts = spec.Split(':', 3);
            if (parts.Length != 3 || ListFamily.Parse(parts[0]) is not { } family || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var year))
                throw new CliException($"--with-list '{spec}' is not FAMILY:YEAR:FILE with FAMILY one of {ListFamily.Ids}", ChainMatchCli.Usage);
            var file = new FileInfo(parts[2]);
            if (!file.Exists) throw new CliException($"--with-list: {file.FullName} not found");
            var (rows, errors) = ListFile.Read(await File.ReadAllBytesAsync(file.FullName, ct));
            if (errors.Count > 0) throw new CliException($"{file.Name}: {errors.Count} bad row(s):\n  " + string.Join("\n  ", errors));
            ListImportPlan plan;
            try
            {
                plan = ListImport.Plan(await GraphLoader.ProjectAsync(opened.Graph, ct), rows, family, year, createMissing: true, file.Name);
            }
            catch (ListImportException e)
            {
                throw new CliException($"{file.Name}: nothing imported:\n  " + string.Join("\n  ", e.Errors));
            }
            await opened.Graph.ImportAsync(plan.Changes, ct);
            imported.Add(string.Create(CultureInfo.InvariantCulture,
                $"`{plan.Edition}` ({plan.Rows.Count} rows: {plan.Count(ListImport.Matched)} matched, {plan.Count(ListImport.Created)} created)"));
        }
        return (await GraphLoader.ProjectAsync(opened.Graph, ct), " with " + string.Join(" and ", imported) + " imported");
    }
}
