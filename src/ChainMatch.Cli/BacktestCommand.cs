using System.CommandLine;
using System.Globalization;
using ChainMatch.Domain.Graph;
using ChainMatch.Ranking;
using ChainMatch.Ranking.Leads;

namespace ChainMatch.Cli;

/// <summary><c>chainmatch backtest --as-of YEAR</c>: would the rankers have pointed at the firms that really came?</summary>
static class BacktestCommand
{
    public static Command Create(TextWriter output)
    {
        var region = new Option<string>("--region") { Description = "Region whose landings are checked (default: Yunnan, 530000).", DefaultValueFactory = _ => "530000" };
        var command = new Command("backtest",
            "Train on the graph as it stood before --as-of YEAR, then report where the firms that entered a segment of the region in YEAR or later ranked (hit@5, hit@10, MRR, recall@50).")
        {
            region, TrainCommand.Trees, TrainCommand.Leaves, TrainCommand.MinPerLeaf, TrainCommand.Seed, TrainCommand.Trainer, TrainCommand.WithList, TrainCommand.DatedArrivals,
        };
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(GlobalOptions.AsOf) is null) throw new CliException("backtest needs --as-of YEAR: the first year whose landings are checked", ChainMatchCli.Usage);
            var year = GlobalOptions.AsOfDate(parse).Year;
            var (graph, _) = await TrainCommand.LoadGraphAsync(parse, ct);
            var code = new RegionCode(parse.GetValue(region)!);
            if (graph.FindRegion(code) is null) throw new NotFoundException("region", code.Value);
            var modelPath = Path.Combine(Path.GetTempPath(), $"chainmatch-backtest-{Guid.NewGuid():N}.zip");
            try
            {
                // The shipped model's trainer unless --trainer names another.
                var parameters = TrainCommand.Candidates(parse).FirstOrDefault(c => parse.GetValue(TrainCommand.Trainer) is not null || c.Trainer == ShippedModel.Trainer)
                    ?? throw new CliException("no trainer to backtest");
                var result = Backtest.Run(graph, year, code, parameters, modelPath, parse.GetValue(TrainCommand.DatedArrivals));
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"Backtest {result.Region} from {result.Year}: trained on {result.TrainQueries} queries before {result.Year}; {result.Landings} landings checked ({result.Expansions} expansions of firms already there left out)"));
                await output.WriteLineAsync(Tables.Backtest(result));
            }
            finally
            {
                File.Delete(modelPath);
            }
            return ChainMatchCli.Ok;
        });
        return command;
    }
}
