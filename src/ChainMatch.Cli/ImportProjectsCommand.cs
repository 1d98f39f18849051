using System.CommandLine;
using ChainMatch.Domain.Graph;
using ChainMatch.Storage;
using ChainMatch.Storage.Lists;
using ChainMatch.Storage.Projects;

namespace ChainMatch.Cli;

/// <summary><c>chainmatch import-projects FILE</c>: bring a province's existing project library in, all or nothing.</summary>
static class ImportProjectsCommand
{
    public static Command Create(TextWriter output)
    {
        var file = new Argument<FileInfo>("file") { Description = "CSV, one row per step: project,firm,segment,region,owner,stage,date[,agreed_investment,funds_in_place,note]." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check the file and report; write nothing." };
        var command = new Command("import-projects", "Import a project library (项目库) from CSV; every bad row is named and nothing is written unless all are good.") { file, dryRun };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists) throw new CliException($"{path.FullName} not found");
            using var opened = await GlobalOptions.OpenStoreAsync(parse, ct);
            IReadOnlyList<Domain.Projects.Project> projects;
            var graph = await GraphLoader.ProjectAsync(opened.Graph, ct);
            try
            {
                projects = ProjectFile.Plan(graph, await File.ReadAllBytesAsync(path.FullName, ct), path.Name);
            }
            catch (ListImportException e)
            {
                throw new CliException($"{path.Name}: {e.Errors.Count} bad row(s), nothing imported:\n  " + string.Join("\n  ", e.Errors));
            }
            var changes = GraphData.Empty with { Projects = [.. projects] };
            // Applied to the projection first: its references are checked there, and the store is not read back.
            if (!parse.GetValue(dryRun)) graph.Apply(changes);
            var written = parse.GetValue(dryRun) ? 0 : (await opened.Graph.WriteAsync(changes, report =>
                CliAudit.Entry(parse, "import-projects", "projects", null, new { file = path.Name, projects = projects.Select(p => p.Id), written = report.Total }), ct)).Total;
            await output.WriteLineAsync($"{path.Name}: {projects.Count} projects, {projects.Sum(p => p.History.Length)} steps; {written} rows written{(parse.GetValue(dryRun) ? " (dry run)" : "")}");
            return ChainMatchCli.Ok;
        });
        return command;
    }
}
