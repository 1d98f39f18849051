using System.CommandLine;
using System.Text;
using System.Text.Json;
using ChainMatch.Domain;
using ChainMatch.Domain.Graph;
using ChainMatch.Ranking.Leads;
using ChainMatch.Ranking.Simulation;

namespace ChainMatch.Cli;

/// <summary><c>chainmatch conflicts [--region 530000]</c>: prefectures of one province chasing the same firm for the same segment.</summary>
static class ConflictsCommand
{
    public static Command Create(TextWriter output)
    {
        var province = new Option<string>("--region") { Description = "The province (region code).", DefaultValueFactory = _ => "530000" };
        var format = Formats.Option();
        var command = new Command("conflicts", "Open projects where two or more prefectures pursue the same firm for the same segment, and which fits best.")
        {
            province, format, TrainCommand.Model,
        };
        command.SetAction(async (parse, ct) =>
        {
            var asOf = GlobalOptions.AsOfDate(parse);
            var graph = await GlobalOptions.LoadGraphAsync(parse, ct);
            var report = new Coordination(new LeadRanker(TrainCommand.LoadModel(parse))).Conflicts(graph, new RegionCode(parse.GetValue(province)!), asOf);
            if (parse.GetValue(format) == Formats.Json)
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(report, ReportJson.Options));
                return ChainMatchCli.Ok;
            }
            var sb = new StringBuilder($"{report.ProvinceName} ({report.Province}): {report.Conflicts.Count} firm(s) pursued by more than one prefecture\n");
            foreach (var c in report.Conflicts)
            {
                sb.Append($"{c.FirmName} ({c.Firm}) for {c.SegmentName}: {c.Suggestion}\n");
                foreach (var p in c.Pursuits) sb.Append($"  {p.RegionName} {p.Project} {Domain.Projects.ProjectLifecycle.Name(p.Stage)} owner {p.OwnerTeam} score {p.Score?.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) ?? "-"}\n");
            }
            await output.WriteLineAsync(sb.ToString().TrimEnd());
            return ChainMatchCli.Ok;
        });
        return command;
    }
}
