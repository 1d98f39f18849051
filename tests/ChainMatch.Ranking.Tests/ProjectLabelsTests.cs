using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Projects;
using ChainMatch.Ranking.Leads;

namespace ChainMatch.Ranking.Tests;

public class ProjectLabelsTests
{
    static readonly DateOnly AsOf = new(2025, 12, 31);

    static Project Project(string firm, params (ProjectStage Stage, string Date)[] steps) =>
        new($"{firm}-foil", new FirmId(firm), new SegmentId("foil"), new RegionCode("530100"), "昆明市投资促进局",
            [.. steps.Select(s => new StageChange(s.Stage, DateOnly.Parse(s.Date)))], Provenance.None);

    [TestCase(ProjectStage.Contacted, 1)]
    [TestCase(ProjectStage.Negotiating, 2)]
    [TestCase(ProjectStage.Signed, 3)]
    [TestCase(ProjectStage.Started, 4)]
    [TestCase(ProjectStage.InProduction, 5)]
    [TestCase(ProjectStage.CapitalAdded, 5)]
    public void AProjectIsGradedByHowFarItGot(ProjectStage stage, int grade) =>
        Assert.That(ProjectLabels.Grade(Project("a", (ProjectStage.Lead, "2021-01-01"), (stage, "2021-06-01")), AsOf), Is.EqualTo(grade));

    [Test]
    public void ALostProjectGradesZeroWhateverItReachedAndStepsAfterTheDateDoNotCount()
    {
        var lost = Project("a", (ProjectStage.Lead, "2021-01-01"), (ProjectStage.Negotiating, "2021-03-01"), (ProjectStage.Lost, "2021-09-01"));
        var signedLate = Project("b", (ProjectStage.Lead, "2021-01-01"), (ProjectStage.Signed, "2026-03-01"));
        Assert.That((ProjectLabels.Grade(lost, AsOf), ProjectLabels.Grade(signedLate, AsOf)), Is.EqualTo((0, 0)));
    }

    [Test]
    public void ProjectsForOneGapMakeOneQueryPosedBeforeTheirFirmsArrived()
    {
        // winner landed in Anning in 2023 after a 2021 lead; loser was courted too and lost. Both make foil in Ningde.
        var data = new ChainGraphBuilder().Chain("battery", "foil", "cell").Feeds("foil", "cell")
            .Firm("winner", @in: "foil", at: "350900", since: 2010).Firm("winner", @in: "foil", at: "530181", since: 2023)
            .Firm("loser", @in: "foil", at: "350900", since: 2012)
            .Firm("bystander", @in: "cell", at: "350900", since: 2015)
            .Data();
        var graph = ChainGraph.Build(data with
        {
            Projects =
            [
                Project("winner", (ProjectStage.Lead, "2021-02-01"), (ProjectStage.Signed, "2021-11-01"), (ProjectStage.Started, "2022-03-01"), (ProjectStage.InProduction, "2023-06-01")),
                Project("loser", (ProjectStage.Lead, "2021-05-01"), (ProjectStage.Contacted, "2021-06-01"), (ProjectStage.Lost, "2022-01-01")),
            ],
        });
        var result = ProjectLabels.Build(graph, AsOf);
        var query = result.Queries.Single();
        var labels = query.Candidates.Select((c, i) => (c.Firm.Id.Value, query.Labels[i])).ToDictionary(x => x.Item1, x => x.Item2);
        Assert.That(labels, Is.EqualTo(new Dictionary<string, int> { ["bystander"] = 0, ["loser"] = 0, ["winner"] = 5 }));
        Assert.That((result.Projects, result.Unreachable), Is.EqualTo((2, 0)));
    }

    [Test]
    public void AGradedProjectDoesNotFeedItsOwnFeaturesButAnEarlierOneDoes()
    {
        // winner's foil project is the label; its earlier, signed cell project in Kunming is history the query may see.
        var data = new ChainGraphBuilder().Chain("battery", "foil", "cell").Feeds("foil", "cell")
            .Firm("winner", @in: "foil", at: "350900", since: 2010).Firm("winner", @in: "foil", at: "530181", since: 2023)
            .Firm("loser", @in: "foil", at: "350900", since: 2012)
            .Data();
        var graded = Project("winner", (ProjectStage.Lead, "2021-02-01"), (ProjectStage.Signed, "2021-11-01"), (ProjectStage.InProduction, "2023-06-01"));
        var lost = Project("loser", (ProjectStage.Lead, "2021-05-01"), (ProjectStage.Negotiating, "2021-06-01"), (ProjectStage.Lost, "2022-01-01"));
        var earlier = new Project("winner-cell", new FirmId("winner"), new SegmentId("cell"), new RegionCode("530181"), "昆明市投资促进局",
            [new StageChange(ProjectStage.Lead, new DateOnly(2019, 3, 1)), new StageChange(ProjectStage.Signed, new DateOnly(2019, 9, 1))], Provenance.None);

        float PastStage(ChainGraph graph, string firm)
        {
            var query = ProjectLabels.Build(graph, AsOf).Queries.Single(q => q.Gap.Segment.Value == "foil");
            return query.Candidates.Single(c => c.Firm.Id.Value == firm).Features[(int)ChainMatch.Domain.Leads.LeadFeature.PastProjectStage];
        }
        var alone = ChainGraph.Build(data with { Projects = [graded, lost] });
        Assert.That((PastStage(alone, "winner"), PastStage(alone, "loser")), Is.EqualTo((0f, 0f)), "the projects being graded are not their own history");
        var withHistory = ChainGraph.Build(data with { Projects = [earlier, graded, lost] });
        Assert.That(PastStage(withHistory, "winner"), Is.EqualTo(4f), "the 2019 signing in Kunming came before the lead");
    }
}
