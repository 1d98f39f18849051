using System.CommandLine;
using System.Text.Json;
using ChainMatch.Domain;
using ChainMatch.Domain.Gaps;
using ChainMatch.Domain.Graph;

namespace ChainMatch.Cli;

/// <summary><c>chainmatch changes --region CODE --from DATE [--to DATE]</c>: gaps healed, persistent and new between two dates.</summary>
static class ChangesCommand
{
    public static Command Create(TextWriter output)
    {
        var region = new Option<string>("--region") { Description = "Region code (GB/T 2260).", Required = true };
        var chain = new Option<string?>("--chain") { Description = "Limit to one chain." };
        var from = new Option<string>("--from") { Description = $"Earlier date ({AsOf.Format}).", Required = true };
        var format = Formats.Option();
        var command = new Command("changes", "Gap changes in a region between --from and --as-of (default today).") { region, chain, from, format };
        command.SetAction(async (parse, ct) =>
        {
            var fromDate = GlobalOptions.AsOfDate(parse, parse.GetValue(from));
            var toDate = GlobalOptions.AsOfDate(parse);
            var graph = await GlobalOptions.LoadGraphAsync(parse, ct);
            var chainId = parse.GetValue(chain) is { } c ? new ChainId(c) : (ChainId?)null;
            var report = GapReports.GapChanges(graph, new RegionCode(parse.GetValue(region)!), fromDate, toDate, chainId);
            await output.WriteLineAsync(parse.GetValue(format) == Formats.Json
                ? JsonSerializer.Serialize(report, ReportJson.Options)
                : Tables.Changes(report));
            return ChainMatchCli.Ok;
        });
        return command;
    }
}
