using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ChainMatch.Domain;
using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Reasons;
using ChainMatch.Ranking.Leads;
using ChainMatch.Ranking.Simulation;

namespace ChainMatch.Cli;

/// <summary><c>chainmatch simulate --firm ID --region CODE --chain ID</c>: what follows if this anchor firm lands here.</summary>
static class SimulateCommand
{
    public static Command Create(TextWriter output)
    {
        var firm = new Option<string[]>("--firm") { Description = "The anchor firm's id; repeat it to compare several anchors together against each alone.", Required = true };
        var region = new Option<string>("--region") { Description = "Where it would land (region code).", Required = true };
        var chain = new Option<string>("--chain") { Description = "The chain whose completeness is measured.", Required = true };
        var segment = new Option<string[]>("--segment") { Description = "A segment it would bring (repeat; default: those it runs elsewhere in the chain)." };
        var format = Formats.Option();
        var command = new Command("simulate", "Simulate landing an anchor firm: gaps closed, completeness before and after, followers, follow-on investment. Writes nothing.")
        {
            firm, region, chain, segment, format, TrainCommand.Model,
        };
        command.SetAction(async (parse, ct) =>
        {
            var asOf = GlobalOptions.AsOfDate(parse);
            var graph = await GlobalOptions.LoadGraphAsync(parse, ct);
            var firms = parse.GetValue(firm)!;
            var simulation = new AnchorSimulation(new LeadRanker(TrainCommand.LoadModel(parse)));
            var json = parse.GetValue(format) == Formats.Json;
            if (firms.Length > 1)
            {
                var comparison = simulation.Compare(graph, [.. firms.Select(f => (new FirmId(f), (IReadOnlyList<SegmentId>?)null))],
                    new RegionCode(parse.GetValue(region)!), new ChainId(parse.GetValue(chain)!), asOf);
                await output.WriteLineAsync(json ? JsonSerializer.Serialize(comparison, ReportJson.Options)
                    : string.Join("\n", comparison.Alone.Select(a => $"{a.Name} ({a.Firm}) alone: +{a.Gain:P1}")
                        .Append($"together: +{comparison.TogetherGain:P1} ({comparison.Verdict}): {comparison.Explanation}")
                        .Concat(comparison.Constraints.Select(c => "together " + Constraint(c)))
                        .Concat(comparison.BrokenOnlyTogether.Select(b => $"broken only together: {b}"))));
                return ChainMatchCli.Ok;
            }
            var report = simulation.Run(graph, new FirmId(firms[0]), new RegionCode(parse.GetValue(region)!),
                new ChainId(parse.GetValue(chain)!), asOf, parse.GetValue(segment)?.Select(s => new SegmentId(s)).ToList());
            await output.WriteLineAsync(json ? JsonSerializer.Serialize(report, ReportJson.Options) : Text(report, parse.GetValue(GlobalOptions.Lang)));
            return ChainMatchCli.Ok;
        });
        return command;
    }

    /// <summary>One line per constraint checked: declared, used, needed, left, and BROKEN with the excess when over.</summary>
    static string Constraint(ConstraintCheck c)
    {
        var head = string.Create(CultureInfo.InvariantCulture,
            $"constraint {ConstraintKinds.Name(c.Kind)} on {c.ResourceName} ({c.Resource}) declared by {c.RegionName} ({c.Region}) for {c.Year}{(c.Estimate ? ", estimate" : "")}: available {c.Available:0.####} {c.Unit}, used before {c.UsedBefore:0.####}");
        var verdict = c.NotChecked is { } why ? $"; {why}"
            : string.Create(CultureInfo.InvariantCulture, $", anchor needs {c.AnchorNeeds:0.####}, headroom after {c.HeadroomAfter:0.####}{(c.Broken ? $" BROKEN: over by {c.Excess:0.####} {c.Unit} ({c.ExcessPercent:0.#}%)" : "")}");
        return head + verdict + (c.Note is { } note ? $" ({note})" : "");
    }

    static string Text(SimulationReport r, Language language)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"{r.AnchorName} ({r.Anchor}) landing in {r.RegionName} ({r.Region}), chain {r.Chain}, as of {r.AsOf:yyyy-MM-dd}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"brings: {string.Join(", ", r.Sites.Select(s => s.Capacity is { } c ? $"{s.Name} {c:0.##} {s.Unit}" : s.Name))}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"completeness: {r.CompletenessBefore:P1} -> {r.CompletenessAfter:P1}");
        foreach (var c in r.Changes) sb.AppendLine(CultureInfo.InvariantCulture, $"  {c.Name} ({c.Segment}): {c.Before} -> {c.After}");
        sb.AppendLine("followers:");
        foreach (var f in r.Followers)
            sb.AppendLine(CultureInfo.InvariantCulture, $"  {f.Name} ({f.FirmId}) for {f.GapName}: rank {f.OldRank?.ToString(CultureInfo.InvariantCulture) ?? "-"} -> {f.NewRank}; {ReasonText.Join(f.Reasons, language)}");
        foreach (var n in r.Inputs)
            sb.AppendLine(CultureInfo.InvariantCulture, $"needs {n.Name} ({n.Segment}) for {n.ForSegment}: {n.Demand:0} {n.Unit}; local supply {n.LocalSupply?.ToString("0", CultureInfo.InvariantCulture) ?? "none"}, already used {n.LocalUse:0}, shortfall {n.Shortfall:0}{(n.Leads.Count > 0 ? $" (leads: {string.Join(", ", n.Leads)})" : "")}");
        foreach (var rn in r.Resources)
            sb.AppendLine(CultureInfo.InvariantCulture, $"needs resource {rn.Name} for {rn.ForSegment}: {(rn.HeldLocally ? "held locally" : "not held locally")}");
        foreach (var c in r.Constraints) sb.AppendLine(Constraint(c));
        sb.Append(CultureInfo.InvariantCulture, $"follow-on investment: {r.FollowOn.Amount} 亿元 ({r.FollowOn.Method})");
        return sb.ToString();
    }
}
