using System.CommandLine;
using ChainMatch.Domain.Firms;
using ChainMatch.Domain.Graph;
using ChainMatch.Storage;

namespace ChainMatch.Cli;

/// <summary><c>chainmatch firm set|add-presence</c>: add or correct a firm and where it operates, checked against the graph.</summary>
static class FirmCommand
{
    public static Command Create(TextWriter output)
    {
        var command = new Command("firm", "Add or correct a firm, its aliases and where it operates.");
        command.Subcommands.Add(Set(output));
        command.Subcommands.Add(AddPresence(output));
        return command;
    }

    static readonly Option<string?> SourcePublisher = new("--source-publisher") { Description = "Who says so (company, exchange, ministry...)." };
    static readonly Option<string?> SourceRef = new("--source-ref") { Description = "The document or URL." };

    static Command Set(TextWriter output)
    {
        var id = new Argument<string>("id") { Description = "The firm's id (kebab-case)." };
        var name = new Option<string>("--name") { Description = "Chinese name.", Required = true };
        var nameEn = new Option<string?>("--name-en") { Description = "English name." };
        var hq = new Option<string?>("--hq") { Description = "Headquarters region code." };
        var ownership = new Option<string?>("--ownership") { Description = "central-soe, local-soe, private, foreign or mixed." };
        var uscc = new Option<string?>("--uscc") { Description = "Unified social credit code." };
        var alias = new Option<string[]>("--alias") { Description = "Another name the firm goes by (repeat for several).", AllowMultipleArgumentsPerToken = false };
        var set = new Command("set", "Add a firm, or correct one (all its fields are replaced).") { id, name, nameEn, hq, ownership, uscc, alias, SourcePublisher, SourceRef };
        set.SetAction(async (parse, ct) =>
        {
            var firm = new Firm(new FirmId(parse.GetValue(id)!), parse.GetValue(name)!, parse.GetValue(nameEn),
                parse.GetValue(hq) is { } h ? new RegionCode(h) : null, parse.GetValue(ownership), new Provenance(parse.GetValue(SourcePublisher), parse.GetValue(SourceRef)))
            {
                Uscc = parse.GetValue(uscc),
                Aliases = [.. (parse.GetValue(alias) ?? []).Distinct()],
            };
            return await Write(parse, output, graph => FirmEdits.Check(graph, firm), GraphData.Empty with { Firms = [firm] }, $"firm {firm.Id}",
                "firm set", firm.Id.Value, graph => graph.FindFirm(firm.Id), ct);
        });
        return set;
    }

    static Command AddPresence(TextWriter output)
    {
        var id = new Argument<string>("id") { Description = "The firm's id." };
        var segment = new Option<string>("--segment") { Description = "Segment id.", Required = true };
        var region = new Option<string>("--region") { Description = "Region code (park, county or prefecture).", Required = true };
        var capacity = new Option<double?>("--capacity") { Description = "Capacity, with --unit." }.AtLeast(0);
        var unit = new Option<string?>("--unit") { Description = "Unit of the capacity, e.g. t/yr or GWh/yr." };
        var since = new Option<int?>("--since") { Description = "Year production began." };
        var until = new Option<int?>("--until") { Description = "Year it ended." };
        var site = new Option<string?>("--site") { Description = "Plant name." };
        var add = new Command("add-presence", "Record where a firm operates; the same firm, segment, place, year and site corrects the existing record.")
        {
            id, segment, region, capacity, unit, since, until, site, SourcePublisher, SourceRef,
        };
        add.SetAction(async (parse, ct) =>
        {
            if ((parse.GetValue(capacity) is null) != (parse.GetValue(unit) is null)) throw new CliException("--capacity and --unit go together", ChainMatchCli.Usage);
            var presence = new Presence(new FirmId(parse.GetValue(id)!), new SegmentId(parse.GetValue(segment)!), new RegionCode(parse.GetValue(region)!),
                parse.GetValue(capacity) is { } c ? new Quantity(c, parse.GetValue(unit)!) : null, parse.GetValue(since), parse.GetValue(until), parse.GetValue(site),
                new Provenance(parse.GetValue(SourcePublisher), parse.GetValue(SourceRef)));
            return await Write(parse, output, graph => FirmEdits.Check(graph, presence), GraphData.Empty with { Presences = [presence] },
                $"presence of {presence.Firm} in {presence.Segment} at {presence.Region}", "firm add-presence", presence.Firm.Value,
                graph => graph.FindFirm(presence.Firm) is null ? null : graph.PresencesOf(presence.Firm).Where(p => p.Segment == presence.Segment && p.Region == presence.Region).ToList(), ct);
        });
        return add;
    }

    /// <summary>Checks the change against the graph, writes it in one transaction and records it in the audit log with what it replaced.</summary>
    static async Task<int> Write(ParseResult parse, TextWriter output, Func<ChainGraph, Dictionary<string, string[]>> check, GraphData changes, string what,
        string action, string firm, Func<ChainGraph, object?> before, CancellationToken ct)
    {
        using var opened = await GlobalOptions.OpenStoreAsync(parse, ct);
        var graph = await GraphLoader.ProjectAsync(opened.Graph, ct);
        var errors = check(graph);
        if (errors.Count > 0) throw new CliException($"{what}: " + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")));
        // A firm's own fields are replaced; its group link comes from groups.csv and is kept.
        changes = changes with { Firms = [.. changes.Firms.Select(f => f with { Group = f.Group ?? graph.FindFirm(f.Id)?.Group })] };
        // Applied to the projection first: its references are checked there, and the store is not read back.
        graph.Apply(changes);
        var report = await opened.Graph.WriteAsync(changes, _ =>
            CliAudit.Entry(parse, action, $"firm:{firm}", before(graph), changes.Firms.Length > 0 ? changes.Firms[0] : changes.Presences[0]), ct);
        await output.WriteLineAsync($"{what}: {report.Total} rows written to {opened.Name}");
        return ChainMatchCli.Ok;
    }
}
