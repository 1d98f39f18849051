using ChainMatch.Domain;
using System.Text.Json;
using System.Globalization;
using ChainMatch.Domain.Firms;
using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Projects;
using ChainMatch.Storage.Lists;

namespace ChainMatch.Storage.Projects;

/// <summary>
/// A province's existing project library as CSV, one row per step:
/// <c>project,firm,segment,region,owner,stage,date,agreed_investment,funds_in_place,note</c> (UTF-8 or GB18030).
/// Firms are named by id or by name (matched like list rows); every bad row is reported and nothing is written
/// unless every row is good. A project already in the library may only gain steps after the ones recorded.
/// </summary>
public static class ProjectFile
{
    static readonly string[] Required = ["project", "firm", "segment", "region", "owner", "stage", "date"];
    static readonly string[] Optional = ["agreed_investment", "funds_in_place", "note"];

    public static IReadOnlyList<Project> Plan(ChainGraph graph, byte[] content, string source)
    {
        var file = CsvRows.Read(content, Required, Optional);
        var steps = new List<(int Line, string Project, FirmId Firm, SegmentId Segment, RegionCode Region, string Owner, StageChange Step)>();
        var matcher = new FirmMatcher(graph.Firms);
        foreach (var row in file.Rows)
        {
            var project = row.Cell("project");
            if (project is null || !Seeds.SeedIds.IsSlug(project)) row.Fail("project", $"'{project}' is not a project id (lower-case words joined by '-')");
            var firm = FirmCell.Resolve(graph, matcher, row);
            var segment = new SegmentId(row.Cell("segment") ?? "");
            if (graph.FindSegment(segment) is null) row.Fail("segment", $"unknown segment '{segment}'");
            var region = new RegionCode(row.Cell("region") ?? "");
            if (graph.FindRegion(region) is null) row.Fail("region", $"unknown region '{region}'");
            var owner = row.Cell("owner");
            if (owner is null) row.Fail("owner", "required");
            var stageText = row.Cell("stage");
            if (!ProjectLifecycle.TryParse(stageText, out var stage)) row.Fail("stage", $"'{stageText}' is not a stage: use {ProjectLifecycle.Names}");
            var dateText = row.Cell("date");
            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                row.Fail("date", $"'{dateText}' is not a date: use YYYY-MM-DD");
            var agreed = Amount(row, "agreed_investment");
            var funds = Amount(row, "funds_in_place");
            if (!row.Failed)
                steps.Add((row.Line, project!, firm!.Value, segment, region, owner!, new StageChange(stage, date, agreed, funds, row.Cell("note"))));
        }

        var errors = file.Errors;
        var projects = new List<Project>();
        foreach (var group in steps.GroupBy(s => s.Project))
        {
            var first = group.First();
            if (group.Any(s => s.Firm != first.Firm || s.Segment != first.Segment || s.Region != first.Region || s.Owner != first.Owner))
            {
                errors.Add(new RowError(group.First(s => s.Firm != first.Firm || s.Segment != first.Segment || s.Region != first.Region || s.Owner != first.Owner).Line,
                    null, $"project {group.Key} names another firm, segment, region or owner than on line {first.Line}"));
                continue;
            }
            var stored = graph.Data.Projects.FirstOrDefault(p => p.Id == group.Key);
            var project = new Project(group.Key, first.Firm, first.Segment, first.Region, first.Owner, [.. group.Select(s => s.Step)], new Provenance(first.Owner, source));
            if (stored is not null && !StartsWith(project, stored))
            {
                errors.Add(new RowError(first.Line, null, $"project {group.Key} is already in the library with another history: a history is only extended, never rewritten"));
                continue;
            }
            try
            {
                ProjectLifecycle.Check(project);
                projects.Add(stored is null ? project : project with { Problems = stored.Problems, Source = stored.Source });
            }
            catch (IllegalTransitionException e)
            {
                errors.Add(new RowError(first.Line, "stage", e.Message));
            }
            catch (InvalidValueException e)
            {
                // The rule names the field as the API does (agreedInvestment); the file's column is agreed_investment.
                errors.Add(new RowError(first.Line, JsonNamingPolicy.SnakeCaseLower.ConvertName(e.Field), e.Message));
            }
        }
        file.ThrowIfAny();
        return projects;
    }

    static bool StartsWith(Project incoming, Project stored) =>
        incoming.Firm == stored.Firm && incoming.Segment == stored.Segment && incoming.Region == stored.Region
        && incoming.History.Length >= stored.History.Length && incoming.History.Take(stored.History.Length).SequenceEqual(stored.History);

    static double? Amount(CsvRows.Row row, string column)
    {
        if (row.Cell(column) is not { } text) return null;
        if (Domain.Numbers.TryParse(text, out var v) && v >= 0) return v;
        row.Fail(column, $"must be a non-negative amount in 亿元 up to {Domain.Numbers.Limit:0e0}, not '{text}'");
        return null;
    }
}
