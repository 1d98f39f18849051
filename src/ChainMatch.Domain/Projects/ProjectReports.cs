using ChainMatch.Domain.Graph;

namespace ChainMatch.Domain.Projects;

/// <summary>Which projects a question is about: a region and everything under it, a chain, a current stage, an owner team, where it stands with the key-project library; null leaves it open.</summary>
public sealed record ProjectSelection(RegionCode? Region = null, ChainId? Chain = null, ProjectStage? Stage = null, string? OwnerTeam = null, KeyReviewState? Key = null);

public sealed record PipelineRow(ProjectStage Stage, int Projects, double AgreedInvestment, double FundsInPlace);

public sealed record PipelineReport(string? Region, string? Chain, IReadOnlyList<PipelineRow> Stages, int SignedAtLeast100Million, double FundsInPlace);

public sealed record OverdueProblem(string Project, string Firm, string Region, string RegionName, ProjectProblem Problem, int DaysOverdue);

public sealed record PastDueProject(string Project, string Firm, string FirmName, string Region, string RegionName, string OwnerTeam,
    ProjectStage Stage, StageDue Due, int DaysOverdue, bool KeyProject);

public sealed record PastDueReport(DateOnly AsOf, IReadOnlyList<PastDueProject> Projects, IReadOnlyDictionary<string, int> ByOwnerTeam, IReadOnlyDictionary<string, int> ByRegion);

public sealed record OverdueReport(DateOnly AsOf, IReadOnlyList<OverdueProblem> Problems, IReadOnlyDictionary<string, int> ByDepartment, IReadOnlyDictionary<string, int> ByRegion);

/// <summary>The project library's lists and counts as the bureau reports them, read off the projected graph.</summary>
public static class ProjectReports
{
    /// <summary>A "亿元以上" project: at least 1 亿元 (100 million yuan) agreed.</summary>
    public const double MajorInvestment = 1;

    /// <summary>Signed or further on, not lost, with at least <see cref="MajorInvestment"/> agreed: what "签约亿元以上项目" counts.</summary>
    public static bool IsSignedMajor(Project project) =>
        project.Stage is >= ProjectStage.Signed and not ProjectStage.Lost && project.AgreedInvestment >= MajorInvestment;

    /// <summary>The projects of <paramref name="selection"/>, in library order. Region and chain must be ones the graph knows.</summary>
    public static IEnumerable<Project> Select(ChainGraph graph, ProjectSelection selection)
    {
        var segments = selection.Chain is { } chain ? graph.SegmentsOf(chain).Select(s => s.Id).ToHashSet() : null;
        return graph.Data.Projects.Where(p =>
            (selection.Region is not { } region || graph.IsWithin(p.Region, region))
            && (segments is null || segments.Contains(p.Segment))
            && (selection.Stage is not { } stage || p.Stage == stage)
            && (selection.OwnerTeam is not { } owner || p.OwnerTeam == owner)
            && (selection.Key is not { } key || p.Key?.State == key));
    }

    /// <summary>Counts and amounts per stage (every stage, in lifecycle order) over the selection, its stage aside.</summary>
    public static PipelineReport Pipeline(ChainGraph graph, ProjectSelection selection)
    {
        var selected = Select(graph, selection with { Stage = null }).ToList();
        var rows = Enum.GetValues<ProjectStage>()
            .Select(stage => (stage, projects: selected.Where(p => p.Stage == stage).ToList()))
            .Select(s => new PipelineRow(s.stage, s.projects.Count, s.projects.Sum(p => p.AgreedInvestment ?? 0), s.projects.Sum(p => p.FundsInPlace ?? 0)))
            .ToList();
        return new PipelineReport(selection.Region?.Value, selection.Chain?.Value, rows, selected.Count(IsSignedMajor), selected.Sum(p => p.FundsInPlace ?? 0));
    }

    /// <summary>
    /// Open problems past their deadline on <paramref name="asOf"/> in the region (and under it), for a department when one
    /// is named (as lead or as responsible department); most overdue first, counted per lead department and per region.
    /// </summary>
    public static OverdueReport Overdue(ChainGraph graph, RegionCode? region, string? department, DateOnly asOf)
    {
        var overdue = Select(graph, new ProjectSelection(region))
            .SelectMany(p => p.Problems
                .Where(x => x.IsOverdue(asOf) && (department is null || x.LeadDepartment == department || x.ResponsibleDepartments.Contains(department)))
                .Select(x => new OverdueProblem(p.Id, graph.FindFirm(p.Firm)!.Name, p.Region.Value, graph.FindRegion(p.Region)!.Name, x, asOf.DayNumber - x.Deadline.DayNumber)))
            .OrderByDescending(o => o.DaysOverdue)
            .ToList();
        return new OverdueReport(asOf, overdue,
            overdue.GroupBy(o => o.Problem.LeadDepartment).ToDictionary(g => g.Key, g => g.Count()),
            overdue.GroupBy(o => o.RegionName).ToDictionary(g => g.Key, g => g.Count()));
    }

    /// <summary>
    /// Projects of the selection that passed a due date (在谈督签约, 签约督落地, 落地督竣工) on <paramref name="asOf"/> without
    /// reaching its stage, one row per missed date, most overdue first, counted per owner team and per region.
    /// </summary>
    public static PastDueReport PastDue(ChainGraph graph, ProjectSelection selection, DateOnly asOf)
    {
        var rows = Select(graph, selection)
            .SelectMany(p => StageDues.Missed(p, asOf).Select(d => new PastDueProject(p.Id, p.Firm.Value, graph.FindFirm(p.Firm)!.Name, p.Region.Value,
                graph.FindRegion(p.Region)!.Name, p.OwnerTeam, p.Stage, d, asOf.DayNumber - d.By.DayNumber, p.IsKeyProject)))
            .OrderByDescending(r => r.DaysOverdue)
            .ToList();
        return new PastDueReport(asOf, rows,
            rows.GroupBy(r => r.OwnerTeam).ToDictionary(g => g.Key, g => g.Select(r => r.Project).Distinct().Count()),
            rows.GroupBy(r => r.RegionName).ToDictionary(g => g.Key, g => g.Select(r => r.Project).Distinct().Count()));
    }
}
