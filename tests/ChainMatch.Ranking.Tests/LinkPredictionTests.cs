using ChainMatch.Domain.Graph;
using ChainMatch.Ranking.Leads;

namespace ChainMatch.Ranking.Tests;

public class LinkPredictionTests
{
    static readonly DateOnly AsOf = new(2024, 12, 31);

    /// <summary>Two foil makers with a second foil site each, so hiding one prefecture leaves them reachable.</summary>
    static ChainGraph Graph() => new ChainGraphBuilder()
        .Chain("battery", "smelting", "foil", "cell").Feeds("smelting", "foil").Feeds("foil", "cell")
        .Firm("a", @in: "foil", at: "530181").Firm("a", @in: "foil", at: "350900")
        .Firm("b", @in: "foil", at: "530381").Firm("b", @in: "foil", at: "350900")
        .Firm("loner", @in: "cell", at: "530381")
        .Firm("province-only", @in: "smelting", at: "530000")
        .Build();

    [Test]
    public void EachReachableArrivalBecomesAQueryWithItsFirmAsTheOneRelevantCandidate()
    {
        var result = LinkPrediction.Build(Graph(), AsOf);
        Assert.That(result.Queries.Select(q => q.Gap.ToString()), Is.EquivalentTo(new[] { "foil@530100", "foil@350900", "foil@530300", "foil@350900" }));
        foreach (var q in result.Queries)
            Assert.That(q.Labels.Sum(), Is.EqualTo(1));
    }

    [Test]
    public void AFirmWithNoOtherTieIsCountedAsUnreachableAndAProvinceLevelPresenceIsNotHidden()
    {
        var result = LinkPrediction.Build(Graph(), AsOf);
        Assert.That((result.Hidden, result.Unreachable), Is.EqualTo((5, 1)));
    }

    [Test]
    public void ArrivingInAPrefectureHidesEverythingTheFirmHasThere()
    {
        // Firm a also runs cells in Anning: posing foil in Kunming must not let that site show it as "already here".
        var graph = new ChainGraphBuilder()
            .Chain("battery", "foil", "cell").Feeds("foil", "cell")
            .Firm("a", @in: "foil", at: "530181").Firm("a", @in: "cell", at: "530181").Firm("a", @in: "foil", at: "350900")
            .Build();
        var query = LinkPrediction.Build(graph, AsOf).Queries.Single(q => q.Gap.ToString() == "foil@530100");
        var a = query.Candidates.Single(c => c.Firm.Id.Value == "a");
        Assert.That(a.Features[(int)ChainMatch.Domain.Leads.LeadFeature.SitesInRegion], Is.Zero);
    }

    [Test]
    public void TheSplitNeverPutsOneGapOnBothSides()
    {
        var queries = LinkPrediction.Build(Graph(), AsOf).Queries;
        for (var seed = 0; seed < 20; seed++)
        {
            var (train, test) = LinkPrediction.Split(queries, 0.5, seed);
            Assert.That(train.Select(q => q.Gap).Intersect(test.Select(q => q.Gap)), Is.Empty);
            Assert.That(train.Count + test.Count, Is.EqualTo(queries.Count));
        }
    }

    [Test]
    public void TheRankingSetKeepsQueriesTogetherInOrder()
    {
        var queries = LinkPrediction.Build(Graph(), AsOf).Queries;
        var set = LinkPrediction.ToRankingSet(queries);
        Assert.That(set.Groups, Is.EqualTo(queries.Select(q => (uint)q.Candidates.Count)));
        Assert.That(set.Labels.Sum(), Is.EqualTo(queries.Count));
    }

    [Test]
    public void TheProjectThatBroughtTheFirmIsHiddenWithItsArrival()
    {
        // a and b are alike but for a's Anning plant and the project that brought it: the project is the only signal,
        // and it is the answer, so the query must not see it.
        var graph = new ChainGraphBuilder()
            .Chain("battery", "foil", "cell").Feeds("foil", "cell")
            .Firm("a", @in: "foil", at: "350900").Firm("a", @in: "foil", at: "530181", since: 2023)
            .Firm("b", @in: "foil", at: "350900")
            .Project("a", "foil", "530181", (ChainMatch.Domain.Projects.ProjectStage.Signed, "2021-06-01"),
                (ChainMatch.Domain.Projects.ProjectStage.Started, "2022-01-01"), (ChainMatch.Domain.Projects.ProjectStage.InProduction, "2023-06-01"))
            .Build();
        var query = LinkPrediction.Build(graph, AsOf).Queries.Single(q => q.Gap.ToString() == "foil@530100");
        var features = query.Candidates.ToDictionary(c => c.Firm.Id.Value, c => c.Features);
        Assert.That(features["a"][(int)ChainMatch.Domain.Leads.LeadFeature.PastProjectStage], Is.Zero);
        Assert.That(features["a"], Is.EqualTo(features["b"]), "nothing but the hidden arrival tells a from b");
    }

    /// <summary>a came to Anning in 2022, b in 2023; c ran foil there all along and added a line in 2022.</summary>
    static ChainGraph DatedGraph() => new ChainGraphBuilder()
        .Chain("battery", "foil", "cell").Feeds("foil", "cell")
        .Firm("a", @in: "foil", at: "350900").Firm("a", @in: "foil", at: "530181", since: 2022)
        .Firm("b", @in: "foil", at: "350900").Firm("b", @in: "foil", at: "530181", since: 2023)
        .Firm("c", @in: "foil", at: "350900").Firm("c", @in: "foil", at: "530181").Firm("c", @in: "foil", at: "530181", since: 2022)
        .Build();

    static string Relevant(LeadQuery q) => q.Candidates.Where((_, i) => q.Labels[i] == 1).Single().Firm.Id.Value;

    [Test]
    public void ADatedArrivalIsPosedWithTheGraphAsItStoodTheYearBeforeIt()
    {
        var queries = LinkPrediction.Dated(DatedGraph(), AsOf).Queries;
        Assert.That(queries.Select(q => (q.Gap.ToString(), Relevant(q))), Is.EquivalentTo(new[] { ("foil@530100", "a"), ("foil@530100", "b") }));
        var beforeA = queries.Single(q => Relevant(q) == "a").Candidates.ToDictionary(c => c.Firm.Id.Value, c => c.Features);
        var beforeB = queries.Single(q => Relevant(q) == "b").Candidates.ToDictionary(c => c.Firm.Id.Value, c => c.Features);
        var inRegion = (int)ChainMatch.Domain.Leads.LeadFeature.SitesInRegion;
        // In 2021 neither a nor b made foil in Kunming; by 2022 a did, so b's query no longer courts a.
        Assert.That((beforeA["a"][inRegion], beforeA["b"][inRegion]), Is.EqualTo((0f, 0f)));
        Assert.That(beforeB.Keys, Does.Contain("b").And.Not.Contain("a"));
    }

    [Test]
    public void AFirmAlreadyInTheSegmentThereIsExpandingAndAnArrivalAfterTheDateIsNotPosed()
    {
        var result = LinkPrediction.Dated(DatedGraph(), new DateOnly(2022, 12, 31));
        Assert.That(result.Queries.Select(Relevant), Is.EqualTo(new[] { "a" }), "c expanded in 2022, b arrived in 2023");
        Assert.That((result.Hidden, result.Unreachable), Is.EqualTo((1, 0)));
    }
}
