using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Projects;

namespace ChainMatch.Domain.Tests;

public class ProjectReportsTests
{
    static readonly RegionCode Kunming = new("530100");

    static Project P(string id, string region, string segment, params StageChange[] steps) =>
        new(id, new FirmId("f"), new SegmentId(segment), new RegionCode(region), "bureau", [.. steps], new Provenance("test", "made up"));

    static StageChange S(ProjectStage stage, string date, double? agreed = null, double? funds = null) => new(stage, DateOnly.Parse(date), agreed, funds);

    static ProjectProblem Problem(string id, string lead, string deadline, params string[] responsible) =>
        new(id, "land", "site not ready", new DateOnly(2025, 1, 1), lead, [.. responsible], DateOnly.Parse(deadline));

    static ChainGraph Library(params Project[] projects) =>
        ChainGraph.Build(new ChainGraphBuilder().Chain("battery", "cell").Chain("solar", "wafer").Firm("f", @in: "cell", at: "350900").Data() with { Projects = [.. projects] });

    [Test]
    public void A_signed_project_of_exactly_1_yi_is_a_signed_major_project()
    {
        Assert.That(ProjectReports.IsSignedMajor(P("a", "530100", "cell", S(ProjectStage.Signed, "2025-01-01", agreed: 1))), Is.True);
    }

    [Test]
    public void A_project_under_1_yi_or_still_negotiating_or_lost_is_not_a_signed_major_project()
    {
        Assert.That(ProjectReports.IsSignedMajor(P("a", "530100", "cell", S(ProjectStage.Signed, "2025-01-01", agreed: 0.99))), Is.False);
        Assert.That(ProjectReports.IsSignedMajor(P("b", "530100", "cell", S(ProjectStage.Negotiating, "2025-01-01", agreed: 5))), Is.False);
        Assert.That(ProjectReports.IsSignedMajor(P("c", "530100", "cell", S(ProjectStage.Signed, "2025-01-01", agreed: 5), S(ProjectStage.Lost, "2025-02-01"))), Is.False);
    }

    [Test]
    public void A_project_in_production_with_its_amount_agreed_at_signing_counts_as_signed_major()
    {
        var project = P("a", "530100", "cell", S(ProjectStage.Signed, "2025-01-01", agreed: 2), S(ProjectStage.Started, "2025-03-01"), S(ProjectStage.InProduction, "2025-09-01"));
        Assert.That(ProjectReports.IsSignedMajor(project), Is.True);
    }

    [Test]
    public void Selecting_a_region_takes_the_projects_under_it_and_leaves_its_neighbours_out()
    {
        var graph = Library(P("anning", "530181", "cell", S(ProjectStage.Lead, "2025-01-01")), P("qujing", "530300", "cell", S(ProjectStage.Lead, "2025-01-01")));
        Assert.That(ProjectReports.Select(graph, new ProjectSelection(Kunming)).Select(p => p.Id), Is.EqualTo(new[] { "anning" }));
    }

    [Test]
    public void Selecting_a_chain_takes_the_projects_in_its_segments_only()
    {
        var graph = Library(P("battery", "530100", "cell", S(ProjectStage.Lead, "2025-01-01")), P("solar", "530100", "wafer", S(ProjectStage.Lead, "2025-01-01")));
        Assert.That(ProjectReports.Select(graph, new ProjectSelection(Chain: new ChainId("solar"))).Select(p => p.Id), Is.EqualTo(new[] { "solar" }));
    }

    [Test]
    public void Selecting_a_stage_and_an_owner_team_takes_the_projects_matching_both()
    {
        var graph = Library(P("lead", "530100", "cell", S(ProjectStage.Lead, "2025-01-01")),
            P("signed", "530100", "cell", S(ProjectStage.Signed, "2025-01-01")) with { OwnerTeam = "team b" },
            P("signed-too", "530100", "cell", S(ProjectStage.Signed, "2025-01-01")));
        Assert.That(ProjectReports.Select(graph, new ProjectSelection(Stage: ProjectStage.Signed, OwnerTeam: "bureau")).Select(p => p.Id), Is.EqualTo(new[] { "signed-too" }));
    }

    [Test]
    public void The_pipeline_has_a_row_for_every_stage_with_its_count_and_amounts()
    {
        var graph = Library(P("a", "530100", "cell", S(ProjectStage.Signed, "2025-01-01", agreed: 2, funds: 0.5)),
            P("b", "530181", "cell", S(ProjectStage.Signed, "2025-01-01", agreed: 0.5)), P("c", "530100", "cell", S(ProjectStage.Lead, "2025-01-01")));
        var report = ProjectReports.Pipeline(graph, new ProjectSelection(Kunming));
        Assert.That(report.Stages.Select(r => r.Stage), Is.EqualTo(Enum.GetValues<ProjectStage>()));
        Assert.That(report.Stages.Single(r => r.Stage == ProjectStage.Signed), Is.EqualTo(new PipelineRow(ProjectStage.Signed, 2, 2.5, 0.5)));
        Assert.That(report.SignedAtLeast100Million, Is.EqualTo(1));
        Assert.That(report.FundsInPlace, Is.EqualTo(0.5));
    }

    [Test]
    public void The_pipeline_ignores_a_stage_in_the_selection_so_every_stage_is_counted()
    {
        var graph = Library(P("a", "530100", "cell", S(ProjectStage.Signed, "2025-01-01")), P("c", "530100", "cell", S(ProjectStage.Lead, "2025-01-01")));
        var report = ProjectReports.Pipeline(graph, new ProjectSelection(Kunming, Stage: ProjectStage.Signed));
        Assert.That(report.Stages.Sum(r => r.Projects), Is.EqualTo(2));
    }

    [Test]
    public void Overdue_problems_come_most_overdue_first_with_their_days_and_open_or_on_time_ones_are_left_out()
    {
        var project = P("a", "530181", "cell", S(ProjectStage.Signed, "2025-01-01")) with
        {
            Problems = [Problem("problem-1", "自然资源局", "2025-03-01"), Problem("problem-2", "发改委", "2025-02-01"),
                Problem("problem-3", "发改委", "2025-06-01"), Problem("problem-4", "发改委", "2025-01-15").Close(new DateOnly(2025, 1, 10), "done")],
        };
        var report = ProjectReports.Overdue(Library(project), Kunming, null, new DateOnly(2025, 3, 11));
        Assert.That(report.Problems.Select(o => (o.Problem.Id, o.DaysOverdue)), Is.EqualTo(new[] { ("problem-2", 38), ("problem-1", 10) }));
        Assert.That(report.ByDepartment, Is.EquivalentTo(new Dictionary<string, int> { ["发改委"] = 1, ["自然资源局"] = 1 }));
        Assert.That(report.ByRegion, Is.EquivalentTo(new Dictionary<string, int> { ["安宁市"] = 2 }));
    }

    [Test]
    public void A_department_finds_the_overdue_problems_it_leads_or_shares()
    {
        var project = P("a", "530100", "cell", S(ProjectStage.Signed, "2025-01-01")) with
        {
            Problems = [Problem("problem-1", "自然资源局", "2025-02-01"), Problem("problem-2", "发改委", "2025-02-01", "自然资源局"), Problem("problem-3", "发改委", "2025-02-01")],
        };
        var report = ProjectReports.Overdue(Library(project), null, "自然资源局", new DateOnly(2025, 3, 1));
        Assert.That(report.Problems.Select(o => o.Problem.Id), Is.EquivalentTo(new[] { "problem-1", "problem-2" }));
    }

    [Test]
    public void A_problem_is_not_overdue_on_its_deadline_day()
    {
        var project = P("a", "530100", "cell", S(ProjectStage.Signed, "2025-01-01")) with { Problems = [Problem("problem-1", "发改委", "2025-02-01")] };
        Assert.That(ProjectReports.Overdue(Library(project), null, null, new DateOnly(2025, 2, 1)).Problems, Is.Empty);
    }
}
