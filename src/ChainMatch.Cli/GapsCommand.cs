using System.CommandLine;
using System.Text.Json;
using ChainMatch.Domain;
using ChainMatch.Domain.Gaps;
using ChainMatch.Domain.Graph;

namespace ChainMatch.Cli;

/// <summary><c>chainmatch gaps --region CODE [--chain ID]</c>: a chain's status map, or the region's gaps across chains.</summary>
static class GapsCommand
{
    public static Command Create(TextWriter output)
    {
        var region = new Option<string>("--region") { Description = "Region code (GB/T 2260), e.g. 530100 for Kunming.", Required = true };
        var chain = new Option<string?>("--chain") { Description = "Chain id, e.g. new-energy-battery. Without it: the region's gaps across all chains." };
        var format = Formats.Option();
        var command = new Command("gaps", "Status map of a chain in a region (with --chain), or the region's gap list across chains.") { region, chain, format };
        command.SetAction(async (parse, ct) =>
        {
            var asOf = GlobalOptions.AsOfDate(parse);
            var graph = await GlobalOptions.LoadGraphAsync(parse, ct);
            var regionCode = new RegionCode(parse.GetValue(region)!);
            if (parse.GetValue(chain) is { } chainId)
            {
                var map = GapReports.StatusMap(graph, new ChainId(chainId), regionCode, asOf);
                await output.WriteLineAsync(parse.GetValue(format) == Formats.Json
                    ? JsonSerializer.Serialize(map, ReportJson.Options)
                    : Tables.StatusMap(map, parse.GetValue(GlobalOptions.Lang)));
            }
            else
            {
                var gaps = GapReports.GapList(graph, regionCode, asOf);
                await output.WriteLineAsync(parse.GetValue(format) == Formats.Json
                    ? JsonSerializer.Serialize(gaps, ReportJson.Options)
                    : Tables.GapList(gaps, parse.GetValue(GlobalOptions.Lang)));
            }
            return ChainMatchCli.Ok;
        });
        return command;
    }
}
