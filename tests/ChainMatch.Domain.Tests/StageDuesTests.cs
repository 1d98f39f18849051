using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Projects;

namespace ChainMatch.Domain.Tests;

public class StageDuesTests
{
    static readonly DateOnly June = new(2024, 6, 30);

    static Project At(ProjectStage stage) =>
        new("p", new FirmId("f"), new SegmentId("s"), new RegionCode("530100"), "team", [new StageChange(stage, new DateOnly(2024, 1, 1))], Provenance.None);

    static Project SignedByJune() => StageDues.Set(At(ProjectStage.Negotiating), ProjectStage.Signed, June, "officer", new DateOnly(2024, 1, 2));

    [Test]
    public void ANegotiationNotSignedAfterItsDueDateIsOverdue() =>
        Assert.That(StageDues.Missed(SignedByJune(), new DateOnly(2024, 7, 1)).Select(d => d.Stage), Is.EqualTo(new[] { ProjectStage.Signed }));

    [Test]
    public void OnItsDueDateAProjectIsNotYetOverdue() =>
        Assert.That(StageDues.Missed(SignedByJune(), June), Is.Empty);

    [Test]
    public void ReachingTheStageEndsTheOverdue()
    {
        var signed = ProjectLifecycle.Advance(SignedByJune(), new StageChange(ProjectStage.Signed, new DateOnly(2024, 8, 1)));
        Assert.That(StageDues.Missed(signed, new DateOnly(2024, 9, 1)), Is.Empty);
    }

    [Test]
    public void ALostProjectIsNeverOverdue()
    {
        var lost = ProjectLifecycle.Advance(SignedByJune(), new StageChange(ProjectStage.Lost, new DateOnly(2024, 2, 1)));
        Assert.That(StageDues.Missed(lost, new DateOnly(2024, 9, 1)), Is.Empty);
    }

    [Test]
    public void ASecondDueDateForAStageReplacesTheFirst()
    {
        var moved = StageDues.Set(SignedByJune(), ProjectStage.Signed, new DateOnly(2024, 9, 30), "officer", new DateOnly(2024, 6, 1));
        Assert.That(moved.DueDates.Select(d => d.By), Is.EqualTo(new[] { new DateOnly(2024, 9, 30) }));
    }

    [Test]
    public void DueDatesAreKeptInStageOrder()
    {
        var both = StageDues.Set(StageDues.Set(At(ProjectStage.Signed), ProjectStage.InProduction, new DateOnly(2026, 1, 1), "o", June), ProjectStage.Started, June, "o", June);
        Assert.That(both.DueDates.Select(d => d.Stage), Is.EqualTo(new[] { ProjectStage.Started, ProjectStage.InProduction }));
    }

    [TestCase(ProjectStage.Contacted)]
    [TestCase(ProjectStage.CapitalAdded)]
    public void OnlyTheThreeSupervisedStagesTakeADueDate(ProjectStage stage) =>
        Assert.That(() => StageDues.Set(At(ProjectStage.Lead), stage, June, "o", June), Throws.TypeOf<InvalidValueException>().With.Property("Field").EqualTo("stage"));

    [Test]
    public void AStageAlreadyReachedTakesNoDueDate() =>
        Assert.That(() => StageDues.Set(At(ProjectStage.Started), ProjectStage.Signed, June, "o", June), Throws.TypeOf<ProjectConflictException>());

    [Test]
    public void ADueDateBeforeTheLastStepIsRefusedNamingBy() =>
        Assert.That(() => StageDues.Set(At(ProjectStage.Negotiating), ProjectStage.Signed, new DateOnly(2023, 12, 1), "o", June),
            Throws.TypeOf<InvalidValueException>().With.Property("Field").EqualTo("by"));

    [Test]
    public void ThePastDueReportCountsProjectsPerOwnerTeamAndRegion()
    {
        var graph = new ChainGraphBuilder().Chain("battery", "foil").Firm("f", @in: "foil", at: "530181")
            .Project("f", "foil", "530100", (ProjectStage.Negotiating, "2024-01-01")).Build();
        var project = StageDues.Set(graph.Data.Projects[0], ProjectStage.Signed, June, "o", June);
        var report = ProjectReports.PastDue(graph.Apply(GraphData.Empty with { Projects = [project] }), new ProjectSelection(), new DateOnly(2024, 7, 10));
        Assert.That(report.Projects.Single().DaysOverdue, Is.EqualTo(10));
        Assert.That(report.ByOwnerTeam, Is.EqualTo(new Dictionary<string, int> { ["test bureau"] = 1 }));
    }
}
