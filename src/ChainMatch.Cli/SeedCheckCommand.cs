using System.CommandLine;
using ChainMatch.Domain.Graph;
using ChainMatch.Storage.Seeds;

namespace ChainMatch.Cli;

/// <summary>
/// <c>chainmatch seed-check [FOLDER]</c>: read a graph-seeds folder, print how far its facts can be checked (counts,
/// addresses, estimates, firms without a plant) and the rows that break a seed rule. Exits 1 when a rule is broken.
/// </summary>
static class SeedCheckCommand
{
    public static Command Create(TextWriter output)
    {
        var folder = new Argument<DirectoryInfo>("folder")
        {
            Description = "The graph-seeds folder to check.",
            DefaultValueFactory = _ => new DirectoryInfo("graph-seeds"),
        };
        var command = new Command("seed-check", "Report what a graph-seeds folder holds and check the seed rules; write nothing.") { folder };
        command.SetAction(async (parse, ct) =>
        {
            var seeds = parse.GetValue(folder)!;
            ChainGraph graph;
            try
            {
                graph = ChainGraph.Build(SeedReader.Read(seeds.FullName));
            }
            catch (Exception e) when (e is SeedFormatException or GraphIntegrityException)
            {
                throw new CliException($"{seeds.Name}/{e.Message}");
            }
            var report = SeedCheck.Run(graph);
            await output.WriteAsync(SeedCheckText.Format(seeds.Name, report));
            if (!report.Passes)
                throw new CliException($"{seeds.Name}: {report.Errors.Length} row(s) break a seed rule (listed above)");
            return ChainMatchCli.Ok;
        });
        return command;
    }
}
