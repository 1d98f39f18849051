using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Projects;

namespace ChainMatch.Domain.Tests;

public class ProjectLifecycleTests
{
    static Project At(ProjectStage stage, string date = "2024-01-01") =>
        new("p", new FirmId("f"), new SegmentId("s"), new RegionCode("530100"), "team", [new StageChange(stage, DateOnly.Parse(date))], Provenance.None);

    static StageChange To(ProjectStage stage, string date = "2024-02-01") => new(stage, DateOnly.Parse(date));

    [TestCase(ProjectStage.Lead, ProjectStage.Contacted)]
    [TestCase(ProjectStage.Lead, ProjectStage.Signed)]
    [TestCase(ProjectStage.Negotiating, ProjectStage.Signed)]
    [TestCase(ProjectStage.Signed, ProjectStage.Started)]
    [TestCase(ProjectStage.Started, ProjectStage.InProduction)]
    [TestCase(ProjectStage.InProduction, ProjectStage.CapitalAdded)]
    [TestCase(ProjectStage.CapitalAdded, ProjectStage.CapitalAdded)]
    [TestCase(ProjectStage.Started, ProjectStage.Lost)]
    public void ALegalStepIsAppended(ProjectStage from, ProjectStage to)
    {
        var moved = ProjectLifecycle.Advance(At(from), To(to));
        Assert.That((moved.Stage, moved.History.Length), Is.EqualTo((to, 2)));
    }

    [Test]
    public void ProductionBeforeSigningIsRefusedNamingWhatMayComeNext()
    {
        var e = Assert.Throws<IllegalTransitionException>(() => ProjectLifecycle.Advance(At(ProjectStage.Negotiating), To(ProjectStage.InProduction)));
        Assert.That(e!.Message, Is.EqualTo("project p cannot go from negotiating to in-production: next can be signed, lost"));
    }

    [Test]
    public void NothingFollowsLost() =>
        Assert.That(() => ProjectLifecycle.Advance(At(ProjectStage.Lost), To(ProjectStage.Contacted)),
            Throws.TypeOf<IllegalTransitionException>().With.Message.EndsWith("nothing follows lost"));

    [Test]
    public void AStepCannotBeDatedBeforeTheLastOne() =>
        Assert.That(() => ProjectLifecycle.Advance(At(ProjectStage.Lead, "2024-05-01"), To(ProjectStage.Contacted, "2024-04-01")),
            Throws.TypeOf<InvalidValueException>().With.Property(nameof(InvalidValueException.Field)).EqualTo("date").And.Message.Contains("is before its last step"));

    [Test]
    public void ANegativeAmountIsRefusedNamingItsField() =>
        Assert.That(() => ProjectLifecycle.Advance(At(ProjectStage.Negotiating), new StageChange(ProjectStage.Signed, DateOnly.Parse("2024-06-01"), FundsInPlace: -1)),
            Throws.TypeOf<InvalidValueException>().With.Property(nameof(InvalidValueException.Field)).EqualTo("fundsInPlace"));

    [Test]
    public void AProblemIsNumberedAfterThoseTheProjectHasWithItsTextsTrimmed()
    {
        var project = At(ProjectStage.Signed);
        var first = ProjectProblem.Next(project, " land ", "site", DateOnly.Parse("2024-02-01"), " 发改委 ", [" 自然资源局 ", " "], DateOnly.Parse("2024-03-01"));
        var second = ProjectProblem.Next(project with { Problems = [first] }, "power", "line", DateOnly.Parse("2024-02-01"), "供电局", [], DateOnly.Parse("2024-03-01"));
        Assert.That((first.Id, first.Category, first.LeadDepartment, first.ResponsibleDepartments.Single()), Is.EqualTo(("problem-1", "land", "发改委", "自然资源局")));
        Assert.That(second.Id, Is.EqualTo("problem-2"));
    }

    [Test]
    public void AProblemWithADeadlineBeforeTheDayItWasRaisedIsRefusedNamingTheDeadline() =>
        Assert.That(() => ProjectProblem.Next(At(ProjectStage.Signed), "land", "site", DateOnly.Parse("2024-02-01"), "发改委", [], DateOnly.Parse("2024-01-31")),
            Throws.TypeOf<InvalidValueException>().With.Property(nameof(InvalidValueException.Field)).EqualTo("deadline"));

    [Test]
    public void ClosingAProblemWithoutAResolutionIsRefusedNamingTheResolution() =>
        Assert.That(() => new ProjectProblem("problem-1", "land", "site", DateOnly.Parse("2024-01-01"), "bureau", [], DateOnly.Parse("2024-02-01")).Close(DateOnly.Parse("2024-01-05"), " "),
            Throws.TypeOf<InvalidValueException>().With.Property(nameof(InvalidValueException.Field)).EqualTo("resolution"));

    [Test]
    public void ClosingAProblemBeforeItWasRaisedIsRefusedNamingTheDate() =>
        Assert.That(() => new ProjectProblem("problem-1", "land", "site", DateOnly.Parse("2024-01-01"), "bureau", [], DateOnly.Parse("2024-02-01")).Close(DateOnly.Parse("2023-12-31"), "done"),
            Throws.TypeOf<InvalidValueException>().With.Property(nameof(InvalidValueException.Field)).EqualTo("closedOn"));

    [Test]
    public void TheLatestAmountsAreTheProjects()
    {
        var p = At(ProjectStage.Negotiating);
        p = ProjectLifecycle.Advance(p, new StageChange(ProjectStage.Signed, DateOnly.Parse("2024-03-01"), AgreedInvestment: 12.5));
        p = ProjectLifecycle.Advance(p, new StageChange(ProjectStage.Started, DateOnly.Parse("2024-06-01"), FundsInPlace: 3));
        Assert.That((p.AgreedInvestment, p.FundsInPlace), Is.EqualTo(((double?)12.5, (double?)3)));
    }
}
