using System.CommandLine;
using System.Text.Json;
using ChainMatch.Domain;
using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Leads;
using ChainMatch.Ranking.Leads;

namespace ChainMatch.Cli;

/// <summary><c>chainmatch leads --chain ID --segment ID --region CODE</c>: the firms worth courting for one gap, with reasons.</summary>
static class LeadsCommand
{
    public static Command Create(TextWriter output)
    {
        var chain = new Option<string>("--chain") { Description = "Chain id; the segment must belong to it.", Required = true };
        var segment = new Option<string>("--segment") { Description = "Segment id, e.g. lfp-cathode.", Required = true };
        var region = new Option<string>("--region") { Description = "Region code (GB/T 2260).", Required = true };
        var top = new Option<int>("--top") { Description = "How many leads.", DefaultValueFactory = _ => 10 };
        top.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--top must be at least 1"); });
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => Formats.Table };
        format.AcceptOnlyFromAmong(Formats.Json, Formats.Table, Formats.Csv);
        var includeExcluded = new Option<bool>("--include-excluded") { Description = "Show firms the negative list catches, flagged with the rule." };
        var command = new Command("leads", "Rank the candidate firms for one gap (segment × region) with the model.")
        {
            chain, segment, region, top, format, TrainCommand.Model, includeExcluded,
        };
        command.SetAction(async (parse, ct) =>
        {
            var asOf = GlobalOptions.AsOfDate(parse);
            var graph = await GlobalOptions.LoadGraphAsync(parse, ct);
            var chainId = new ChainId(parse.GetValue(chain)!);
            var segmentId = new SegmentId(parse.GetValue(segment)!);
            if (graph.FindChain(chainId) is null) throw new NotFoundException("chain", chainId.Value);
            if (!graph.SegmentsOf(chainId).Any(s => s.Id == segmentId))
                throw new CliException($"segment '{segmentId}' is not in chain '{chainId}'");
            var model = TrainCommand.LoadModel(parse);
            var leads = new LeadRanker(model).Rank(graph, new Gap(segmentId, new RegionCode(parse.GetValue(region)!)), asOf, parse.GetValue(top),
                includeExcluded: parse.GetValue(includeExcluded));
            await output.WriteLineAsync(parse.GetValue(format) switch
            {
                Formats.Json => JsonSerializer.Serialize(leads, ReportJson.Options),
                Formats.Csv => LeadCsv.Leads(leads).TrimEnd(),
                _ => Tables.Leads(leads, parse.GetValue(GlobalOptions.Lang)),
            });
            return ChainMatchCli.Ok;
        });
        return command;
    }
}
