using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ChainMatch.Domain;
using ChainMatch.Domain.Graph;
using ChainMatch.Ranking.Leads;
using ChainMatch.Ranking.Simulation;

namespace ChainMatch.Cli;

/// <summary><c>chainmatch anchors --chain ID --region CODE</c>: which anchor firms would bring the most to this chain here.</summary>
static class AnchorsCommand
{
    public static Command Create(TextWriter output)
    {
        var chain = new Option<string>("--chain") { Description = "Chain id.", Required = true };
        var region = new Option<string>("--region") { Description = "Region code.", Required = true };
        var top = new Option<int>("--top") { Description = "How many anchors.", DefaultValueFactory = _ => 20 };
        var format = Formats.Option();
        var command = new Command("anchors", "Rank the firms that could fill a gap of the chain in the region by completeness gain, follower pull and model score.")
        {
            chain, region, top, format, TrainCommand.Model,
        };
        command.SetAction(async (parse, ct) =>
        {
            var asOf = GlobalOptions.AsOfDate(parse);
            var graph = await GlobalOptions.LoadGraphAsync(parse, ct);
            var report = new AnchorRanking(new LeadRanker(TrainCommand.LoadModel(parse))).Rank(graph, new ChainId(parse.GetValue(chain)!), new RegionCode(parse.GetValue(region)!), asOf, parse.GetValue(top));
            if (parse.GetValue(format) == Formats.Json)
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(report, ReportJson.Options));
                return ChainMatchCli.Ok;
            }
            var sb = new StringBuilder(string.Create(CultureInfo.InvariantCulture,
                $"Anchors for {report.Chain} in {report.RegionName} ({report.Region}) as of {report.AsOf:yyyy-MM-dd}: completeness now {report.CompletenessBefore:P1}, {report.Candidates} candidates\n"));
            foreach (var a in report.Anchors)
                sb.Append(CultureInfo.InvariantCulture, $"{a.Rank,3}  {a.Name} ({a.FirmId})  +{a.CompletenessGain:P1}  brings {string.Join(", ", a.Segments)}  followers {a.FollowerPull}{(a.Followers.Count > 0 ? $" ({string.Join(", ", a.Followers)})" : "")}\n");
            await output.WriteLineAsync(sb.ToString().TrimEnd());
            return ChainMatchCli.Ok;
        });
        return command;
    }
}
