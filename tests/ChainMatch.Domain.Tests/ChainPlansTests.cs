using ChainMatch.Domain.Chains;
using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Projects;

namespace ChainMatch.Domain.Tests;

public class ChainPlansTests
{
    static readonly ChainId Battery = new("battery");
    static readonly RegionCode Kunming = new("530100");
    static readonly DateTimeOffset Noon = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);

    static ChainPlan Draft(GraphData data, int basedOn, string author = "chief", params string[] priorities) =>
        ChainPlans.Next(data, Battery, Kunming, basedOn, priorities.Length == 0 ? ["补链: 正极材料"] : priorities, ["市工信局"], [new YearlyTarget(2027, "引进项目2个")], author, Noon);

    [Test]
    public void AFirstPlanIsVersionOne() =>
        Assert.That(Draft(GraphData.Empty, 0).Version, Is.EqualTo(1));

    [Test]
    public void EachSaveIsANewVersionAndTheHistoryListsNewestFirst()
    {
        var first = Draft(GraphData.Empty, 0);
        var second = Draft(GraphData.Empty with { ChainPlans = [first] }, 1, "deputy");
        var history = ChainPlans.History(GraphData.Empty with { ChainPlans = [first, second] }, Battery, Kunming);
        Assert.That(history.Select(p => (p.Version, p.Author)), Is.EqualTo(new[] { (2, "deputy"), (1, "chief") }));
    }

    [Test]
    public void ASaveBasedOnAnOlderVersionIsRefusedNamingWhoSavedSince()
    {
        var data = GraphData.Empty with { ChainPlans = [Draft(GraphData.Empty, 0, "deputy")] };
        Assert.That(() => Draft(data, 0), Throws.TypeOf<ProjectConflictException>().With.Message.Contains("saved by deputy"));
    }

    [Test]
    public void APlanNamesAtLeastOnePriority() =>
        Assert.That(() => Draft(GraphData.Empty, 0, "chief", " ", ""), Throws.TypeOf<InvalidValueException>().With.Property("Field").EqualTo("priorities"));

    [Test]
    public void BlankLinesAreLeftOutAndTextsTrimmed() =>
        Assert.That(Draft(GraphData.Empty, 0, "chief", " 强链: 电池箔 ", "").Priorities, Is.EqualTo(new[] { "强链: 电池箔" }));

    [Test]
    public void AYearOutsideThePlanYearsIsRefused() =>
        Assert.That(() => ChainPlans.Next(GraphData.Empty, Battery, Kunming, 0, ["p"], [], [new YearlyTarget(1800, "t")], "chief", Noon),
            Throws.TypeOf<InvalidValueException>().With.Property("Field").EqualTo("yearlyTargets"));

    [Test]
    public void APlanForAnUnknownChainDoesNotProject()
    {
        var graph = new ChainGraphBuilder().Chain("battery", "foil").Build();
        var plan = new ChainPlan(new ChainId("nope"), new RegionCode("530100"), 1, ["p"], [], [], "chief", Noon);
        Assert.That(() => graph.Apply(GraphData.Empty with { ChainPlans = [plan] }), Throws.TypeOf<GraphIntegrityException>());
    }
}
