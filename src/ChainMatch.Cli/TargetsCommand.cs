using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ChainMatch.Domain;
using ChainMatch.Domain.Graph;
using ChainMatch.Ranking.Leads;

namespace ChainMatch.Cli;

/// <summary><c>chainmatch targets --region CODE</c>: the region's target list across its gaps, best leads first.</summary>
static class TargetsCommand
{
    public static Command Create(TextWriter output)
    {
        var region = new Option<string>("--region") { Description = "Region code (GB/T 2260).", Required = true };
        var chain = new Option<string?>("--chain") { Description = "Only this chain's gaps." };
        var list = new Option<string?>("--list") { Description = "Only firms on this list family." };
        list.AcceptOnlyFromAmong([.. ListFamily.All.Select(f => f.Id)]);
        var hq = new Option<string?>("--hq") { Description = "Only firms headquartered in this region (code)." };
        var minRevenue = new Option<double?>("--min-revenue") { Description = "Only firms with at least this revenue in 亿元 on their latest list edition; firms without a list revenue are left out." }.AtLeast(0);
        var perGap = new Option<int>("--per-gap") { Description = "Leads kept per gap.", DefaultValueFactory = _ => 5 };
        perGap.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--per-gap must be at least 1"); });
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => Formats.Table };
        format.AcceptOnlyFromAmong(Formats.Json, Formats.Table, Formats.Csv);
        var includeExcluded = new Option<bool>("--include-excluded") { Description = "Show firms the negative list catches, flagged with the rule." };
        var command = new Command("targets", "The region's target list: the best leads of each of its gaps, highest score first.")
        {
            region, chain, list, hq, minRevenue, perGap, format, TrainCommand.Model, includeExcluded,
        };
        command.SetAction(async (parse, ct) =>
        {
            var asOf = GlobalOptions.AsOfDate(parse);
            var graph = await GlobalOptions.LoadGraphAsync(parse, ct);
            var model = TrainCommand.LoadModel(parse);
            var filter = new TargetFilter(
                parse.GetValue(chain) is { } c ? new ChainId(c) : null,
                ListFamily.Parse(parse.GetValue(list)),
                parse.GetValue(hq) is { } h ? new RegionCode(h) : null,
                parse.GetValue(perGap),
                parse.GetValue(includeExcluded),
                parse.GetValue(minRevenue));
            var targets = TargetLists.Build(graph, new LeadRanker(model), new RegionCode(parse.GetValue(region)!), asOf, filter);
            await output.WriteLineAsync(parse.GetValue(format) switch
            {
                Formats.Json => JsonSerializer.Serialize(targets, ReportJson.Options),
                Formats.Csv => LeadCsv.Targets(targets).TrimEnd(),
                _ => Tables.Targets(targets, parse.GetValue(GlobalOptions.Lang)),
            });
            return ChainMatchCli.Ok;
        });
        return command;
    }
}
