using System.CommandLine;
using ChainMatch.Domain.Graph;
using ChainMatch.Storage;
using ChainMatch.Storage.Seeds;

namespace ChainMatch.Cli;

/// <summary><c>chainmatch seed [FOLDER]</c>: import a graph-seeds folder into the store (the --store file, or Neo4j with --provider Neo4j), all or nothing.</summary>
static class SeedCommand
{
    public static Command Create(TextWriter output)
    {
        var folder = new Argument<DirectoryInfo>("folder")
        {
            Description = "The graph-seeds folder to import.",
            DefaultValueFactory = _ => new DirectoryInfo("graph-seeds"),
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check the folder and report what it holds; write nothing." };
        var command = new Command("seed", "Import a graph-seeds folder into the store (idempotent, all or nothing).") { folder, dryRun };
        command.SetAction(async (parse, ct) =>
        {
            var seeds = parse.GetValue(folder)!;
            GraphData data;
            try
            {
                data = SeedReader.Read(seeds.FullName);
                ChainGraph.Build(data);
            }
            catch (Exception e) when (e is SeedFormatException or GraphIntegrityException)
            {
                throw new CliException($"{seeds.Name}/{e.Message}");
            }

            if (parse.GetValue(dryRun) || parse.GetValue(GlobalOptions.Data) is not null)
            {
                await output.WriteLineAsync($"{seeds.Name}: valid; {Describe(data)}");
                return ChainMatchCli.Ok;
            }
            using var opened = StoreOptions.Open(parse);
            await opened.Access.InitialiseAsync(ct);
            var report = await opened.Graph.ImportAsync(data, (_, rows) =>
                rows.Total > 0 ? CliAudit.Entry(parse, "seed", $"seeds:{seeds.FullName}", null, rows.Written) : null, ct);
            var changed = string.Join(", ", report.Written.Where(w => w.Value > 0).Select(w => $"{w.Key} {w.Value}"));
            await output.WriteLineAsync(report.Total == 0
                ? $"{opened.Name}: already holds {seeds.Name}; nothing changed"
                : $"{opened.Name}: imported {seeds.Name}; {report.Total} rows written ({changed})");
            return ChainMatchCli.Ok;
        });
        return command;
    }

    static string Describe(GraphData d) =>
        $"{d.Chains.Length} chains, {d.Segments.Length} segments, {d.Feeds.Length} links, {d.Regions.Length} regions, " +
        $"{d.Firms.Length} firms, {d.Presences.Length} presences ({d.Presences.Count(p => !p.Source.IsVerified)} unverified), " +
        $"{d.Resources.Length} resources, {d.Memberships.Length} list memberships";
}
