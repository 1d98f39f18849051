using ChainMatch.Domain.Gaps;
using ChainMatch.Domain.Graph;
using ChainMatch.Ranking.Leads;
using ChainMatch.Ranking.Simulation;
using ChainMatch.Ranking.Trees;

namespace ChainMatch.Ranking.Tests;

public class AnchorSimulationTests
{
    static readonly DateOnly AsOf = new(2025, 12, 31);
    static TreeEnsemble Model => TreeEnsemble.Load(SeedFolder.ShippedModel());

    /// <summary>
    /// anode → smelting → foil. The smelter runs in Ningde, buying anodes from anode-maker. Qujing (530300) has
    /// nothing yet. Landing the smelter in Qujing should make smelting present there and pull its supplier.
    /// </summary>
    static ChainGraph Graph() => new ChainGraphBuilder()
        .Chain("aluminium", "anode", "smelting", "foil").Feeds("anode", "smelting", 0.425).Feeds("smelting", "foil")
        .Firm("smelter", @in: "smelting", at: "350900", capacity: 1_000_000, since: 2010)
        .Firm("anode-maker", @in: "anode", at: "350900", since: 2012)
        .Firm("other-anode", @in: "anode", at: "350900", since: 2012)
        .Firm("foil-maker", @in: "foil", at: "350900", since: 2015)
        .Supplies("anode-maker", "smelter")
        .Build();

    static SimulationReport Simulate(ChainGraph graph) =>
        new AnchorSimulation(new LeadRanker(Model)).Run(graph, new FirmId("smelter"), new RegionCode("530300"), new ChainId("aluminium"), AsOf);

    [Test]
    public void TheAnchorBringsTheSegmentsItRunsElsewhereAtItsCapacity()
    {
        var site = Simulate(Graph()).Sites.Single();
        Assert.That((site.Segment, site.Capacity, site.Unit), Is.EqualTo(("smelting", (double?)1_000_000, "t/yr")));
    }

    [Test]
    public void TheGapItFillsIsReportedClosedAndTheChainIsMoreComplete()
    {
        var report = Simulate(Graph());
        var smelting = report.Changes.Single(c => c.Segment == "smelting");
        Assert.That((smelting.Before, smelting.After, smelting.GapAfter), Is.EqualTo((SegmentStatus.Missing, SegmentStatus.Present, (GapKind?)null)));
        // Tiers are all 2 in the builder: one of three segments held = 0.7 × 1/3; no link has both ends held.
        Assert.That((report.CompletenessBefore, report.CompletenessAfter), Is.EqualTo((0.0, Math.Round(0.7 / 3, 4))));
    }

    /// <summary>A one-split model whose score rises only with supply ties to firms in the region: the mechanism, isolated.</summary>
    static TreeEnsemble SupplyTieModel()
    {
        // Every other feature is constant, so the one tree LightGBM grows can only split on supply ties.
        var feature = (int)ChainMatch.Domain.Leads.LeadFeature.SuppliesLocalFirms;
        var width = ChainMatch.Domain.Leads.LeadFeatures.Count;
        const int Rows = 40;
        var features = new float[Rows * width];
        var labels = new float[Rows];
        for (var row = 0; row < Rows; row++)
        {
            features[row * width + feature] = row % 2;
            labels[row] = row % 2;
        }
        var path = Path.Combine(Path.GetTempPath(), $"chainmatch-stump-{Guid.NewGuid():N}.zip");
        try
        {
            LambdaMart.Train(new RankingSet(features, width, labels, [.. Enumerable.Repeat(10u, Rows / 10)]),
                new LambdaMartParameters(RankingTrainer.LightGbm, Trees: 1, Leaves: 2, MinExamplesPerLeaf: 1), path);
            return TreeEnsemble.Load(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void TheAnchorsSupplierIsAFollowerBecauseItWouldSupplyAFirmInTheRegion()
    {
        var followers = new AnchorSimulation(new LeadRanker(SupplyTieModel())).Run(Graph(), new FirmId("smelter"), new RegionCode("530300"), new ChainId("aluminium"), AsOf).Followers;
        var supplier = followers.Single(f => f.FirmId == "anode-maker");
        Assert.That(supplier.Gap, Is.EqualTo("anode"));
        // The stump's two leaves: no supply tie before the anchor, one after.
        var model = SupplyTieModel();
        var (without, with) = (new float[model.FeatureCount], new float[model.FeatureCount]);
        with[(int)ChainMatch.Domain.Leads.LeadFeature.SuppliesLocalFirms] = 1;
        Assert.That((supplier.OldScore, supplier.NewScore), Is.EqualTo((Math.Round(model.Score(without), 4), Math.Round(model.Score(with), 4))));
        Assert.That(supplier.NewScore, Is.GreaterThan(supplier.OldScore));
        Assert.That(supplier.Reasons.Select(r => r.Text.En), Has.Some.StartsWith("supplies smelter"));
        Assert.That(followers.Select(f => f.FirmId), Does.Not.Contain("other-anode"), "no tie to the anchor, no rise");
    }

    [Test]
    public void TheAnchorsInputsAreSetAgainstWhatTheRegionMakesAndTheShortfallGetsLeads()
    {
        var graph = ChainGraph.Build(Graph().Data with
        {
            Presences = Graph().Data.Presences.Add(new Presence(new FirmId("other-anode"), new SegmentId("anode"), new RegionCode("530381"),
                new Quantity(100_000, "t/yr"), 2015, null, null, new Provenance("test", "test"))),
        });
        var anode = Simulate(graph).Inputs.Single();
        Assert.That((anode.Segment, anode.Demand, anode.Unit, anode.LocalSupply, anode.LocalUse, anode.Shortfall),
            Is.EqualTo(("anode", 425_000.0, "t/yr", (double?)100_000, 0.0, 325_000.0)));
        Assert.That(anode.Leads, Is.Not.Empty.And.No.EqualTo("smelter"), "the anchor is not a lead for its own inputs");
    }

    [Test]
    public void AnInputWithoutACoefficientIsNotGivenAQuantity() =>
        Assert.That(new AnchorSimulation(new LeadRanker(Model)).Run(Graph(), new FirmId("foil-maker"), new RegionCode("530300"), new ChainId("aluminium"), AsOf).Inputs, Is.Empty);

    [Test]
    public void ASmelterAndItsAnodeSupplierTogetherReinforceEachOther()
    {
        var result = new AnchorSimulation(new LeadRanker(Model)).Compare(Graph(),
            [(new FirmId("smelter"), null), (new FirmId("anode-maker"), null)], new RegionCode("530300"), new ChainId("aluminium"), AsOf);
        // Alone each holds one of three equal-tier segments: 0.7 × 1/3. Together two segments and the link between them: 0.7 × 2/3 + 0.3 × 1/2.
        Assert.That(result.Alone.Select(a => a.Gain), Is.All.EqualTo(Math.Round(0.7 / 3, 4)));
        Assert.That(result.TogetherGain, Is.EqualTo(Math.Round(0.7 * 2 / 3 + 0.3 / 2, 4)));
        Assert.That(result.Verdict, Is.EqualTo("reinforce"));
    }

    [Test]
    public void TwoAnchorsFillingTheSameSegmentOverlap()
    {
        var result = new AnchorSimulation(new LeadRanker(Model)).Compare(Graph(),
            [(new FirmId("anode-maker"), null), (new FirmId("other-anode"), null)], new RegionCode("530300"), new ChainId("aluminium"), AsOf);
        Assert.That((result.TogetherGain, result.SumOfAlone, result.Verdict), Is.EqualTo((Math.Round(0.7 / 3, 4), Math.Round(2 * 0.7 / 3, 4), "overlap")));
    }

    [Test]
    public void TheSimulatedGraphIsLeftAsItWasSoASecondRunSeesTheSameGap()
    {
        var graph = Graph();
        var first = Simulate(graph);
        Assert.That(graph.PresencesWithin(new SegmentId("smelting"), new RegionCode("530300")), Is.Empty, "the anchor's site leaked into the graph");
        Assert.That(graph.PresencesOf(new FirmId("smelter")).Select(p => p.Region.Value), Is.EqualTo(new[] { "350900" }));
        var second = Simulate(graph);
        Assert.That(second.Changes.Single(c => c.Segment == "smelting").Before, Is.EqualTo(SegmentStatus.Missing));
        Assert.That((second.CompletenessBefore, second.CompletenessAfter), Is.EqualTo((first.CompletenessBefore, first.CompletenessAfter)));
    }

    [Test]
    public void AFirmOutsideTheChainMustBeToldWhatItWouldBring() =>
        Assert.That(() => new AnchorSimulation(new LeadRanker(Model)).Run(Graph(), new FirmId("foil-maker"), new RegionCode("530300"), new ChainId("aluminium"), AsOf, [new SegmentId("nope")]),
            Throws.TypeOf<NotFoundException>());
}
