using System.CommandLine;
using ChainMatch.Storage;
using ChainMatch.Domain.Graph;
using ChainMatch.Storage.Lists;

namespace ChainMatch.Cli;

/// <summary><c>chainmatch import-list FILE --list ID --year YYYY</c>: attach a ranked list edition to the firms it names.</summary>
static class ImportListCommand
{
    public static Command Create(TextWriter output)
    {
        var file = new Argument<FileInfo>("file") { Description = "The list as CSV (UTF-8 or GB18030): rank, name[, name_en, headquarters, revenue, revenue_unit, industry, country, uscc]." };
        var list = new Option<string>("--list") { Description = "The list family.", Required = true };
        list.AcceptOnlyFromAmong([.. ListFamily.All.Select(f => f.Id)]);
        var year = new Option<int>("--year") { Description = "The edition's year.", Required = true };
        var createMissing = new Option<bool>("--create-missing") { Description = "Create a new firm for each unmatched row (otherwise they are only reported)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Report what would be matched and written; write nothing." };
        var command = new Command("import-list", "Import one edition of a ranked list (Fortune Global 500, China top 500, China private top 500), all or nothing.")
        {
            file, list, year, createMissing, dryRun,
        };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists) throw new CliException($"{path.FullName} not found");
            var (rows, errors) = ListFile.Read(await File.ReadAllBytesAsync(path.FullName, ct));
            if (errors.Count > 0) throw new CliException($"{path.Name}: {errors.Count} bad row(s), nothing imported:\n  " + string.Join("\n  ", errors));
            using var opened = await GlobalOptions.OpenStoreAsync(parse, ct);
            var graph = await GraphLoader.ProjectAsync(opened.Graph, ct);
            ListImportPlan plan;
            try
            {
                plan = ListImport.Plan(graph, rows, ListFamily.Parse(parse.GetValue(list))!, parse.GetValue(year), parse.GetValue(createMissing), path.Name);
            }
            catch (ListImportException e)
            {
                throw new CliException($"{path.Name}: nothing imported:\n  " + string.Join("\n  ", e.Errors));
            }
            // Applied to the projection first: its references are checked there, and the store is not read back.
            if (!parse.GetValue(dryRun)) graph.Apply(plan.Changes);
            var written = parse.GetValue(dryRun) ? 0 : (await opened.Graph.WriteAsync(plan.Changes, report =>
                CliAudit.Entry(parse, "import-list", $"list:{plan.Edition}", null,
                    new { file = path.Name, rows = plan.Rows.Count, matched = plan.Count(ListImport.Matched), created = plan.Count(ListImport.Created), written = report.Total }), ct)).Total;
            await output.WriteLineAsync($"{plan.Edition}: {plan.Rows.Count} rows, {plan.Count(ListImport.Matched)} matched, {plan.Count(ListImport.Created)} created, " +
                $"{plan.Count(ListImport.Ambiguous)} ambiguous, {plan.Count(ListImport.Unmatched)} unmatched; {written} rows written{(parse.GetValue(dryRun) ? " (dry run)" : "")}");
            foreach (var r in plan.Rows.Where(r => r.Outcome is ListImport.Ambiguous or ListImport.Unmatched))
                await output.WriteLineAsync($"  line {r.Line} rank {r.Rank} {r.Name}: {r.Outcome} ({r.How}{(r.Candidates.Count > 0 ? ": " + string.Join(", ", r.Candidates) : "")})");
            return ChainMatchCli.Ok;
        });
        return command;
    }
}
