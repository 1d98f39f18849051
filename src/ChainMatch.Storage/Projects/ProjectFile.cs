using ChainMatch.Domain;
using System.Text.Json;
using System.Globalization;
using System.Text;
using ChainMatch.Domain.Firms;
using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Projects;
using ChainMatch.Storage.Lists;
using CsvHelper;
using CsvHelper.Configuration;

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
        var errors = new List<RowError>();
        var steps = new List<(int Line, string Project, FirmId Firm, SegmentId Segment, RegionCode Region, string Owner, StageChange Step)>();
        using var reader = new StringReader(CsvText.Decode(content));
        using var csv = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null });
        if (!csv.Read()) throw new ListImportException([new RowError(1, null, "the file is empty: a header line is required")]);
        var header = csv.Record!.Select(h => h.Trim()).ToArray();
        foreach (var h in header.Where(h => !Required.Contains(h) && !Optional.Contains(h))) errors.Add(new RowError(1, h, "unknown column"));
        foreach (var r in Required.Where(r => !header.Contains(r))) errors.Add(new RowError(1, r, "missing column"));
        if (errors.Count > 0) throw new ListImportException(errors);

        var matcher = new FirmMatcher(graph.Firms);
        while (csv.Read())
        {
            var line = csv.RawRow;
            var fields = csv.Record!;
            if (fields.All(string.IsNullOrWhiteSpace)) continue;
            string? Cell(string name) => Array.IndexOf(header, name) is var i and >= 0 && i < fields.Length && fields[i].Trim() is { Length: > 0 } v ? v : null;
            var before = errors.Count;
            // Control characters are refused in every cell, named by line and column (TextRules).
            for (var c = 0; c < fields.Length; c++)
                if (Domain.TextRules.Problem(fields[c]) is { } problem) errors.Add(new RowError(line, c < header.Length ? header[c] : null, problem));
            var project = Cell("project");
            if (project is null || !Seeds.SeedIds.IsSlug(project)) errors.Add(new RowError(line, "project", $"'{project}' is not a project id (lower-case words joined by '-')"));
            var firm = FirmCell.Resolve(graph, matcher, Cell("firm"), line, errors);
            var segment = new SegmentId(Cell("segment") ?? "");
            if (graph.FindSegment(segment) is null) errors.Add(new RowError(line, "segment", $"unknown segment '{segment}'"));
            var region = new RegionCode(Cell("region") ?? "");
            if (graph.FindRegion(region) is null) errors.Add(new RowError(line, "region", $"unknown region '{region}'"));
            var owner = Cell("owner");
            if (owner is null) errors.Add(new RowError(line, "owner", "required"));
            var stageText = Cell("stage");
            if (!ProjectLifecycle.TryParse(stageText, out var stage)) errors.Add(new RowError(line, "stage", $"'{stageText}' is not a stage: use {ProjectLifecycle.Names}"));
            var dateText = Cell("date");
            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                errors.Add(new RowError(line, "date", $"'{dateText}' is not a date: use YYYY-MM-DD"));
            var agreed = Amount(Cell("agreed_investment"), "agreed_investment", line, errors);
            var funds = Amount(Cell("funds_in_place"), "funds_in_place", line, errors);
            if (errors.Count == before)
                steps.Add((line, project!, firm!.Value, segment, region, owner!, new StageChange(stage, date, agreed, funds, Cell("note"))));
        }

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
        if (errors.Count > 0) throw new ListImportException([.. errors.OrderBy(e => e.Line)]);
        return projects;
    }

    static bool StartsWith(Project incoming, Project stored) =>
        incoming.Firm == stored.Firm && incoming.Segment == stored.Segment && incoming.Region == stored.Region
        && incoming.History.Length >= stored.History.Length && incoming.History.Take(stored.History.Length).SequenceEqual(stored.History);

    static double? Amount(string? text, string column, int line, List<RowError> errors)
    {
        if (text is null) return null;
        if (Domain.Numbers.TryParse(text, out var v) && v >= 0) return v;
        errors.Add(new RowError(line, column, $"must be a non-negative amount in 亿元 up to {Domain.Numbers.Limit:0e0}, not '{text}'"));
        return null;
    }
}
