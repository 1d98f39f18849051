using ChainMatch.Domain.Graph;
using ChainMatch.Ranking.Leads;
using ChainMatch.Ranking.Simulation;
using ChainMatch.Ranking.Trees;
using ChainMatch.Storage.Seeds;

namespace ChainMatch.Ranking.Tests;

/// <summary>Constraint layers in the anchor simulation, on hand-built graphs whose answers are worked out in the comments.</summary>
public class ConstraintLayersTests
{
    static readonly DateOnly AsOf = new(2025, 12, 31);
    static readonly RegionCode Qujing = new("530300");
    static TreeEnsemble Model => TreeEnsemble.Load(SeedFolder.ShippedModel());

    /// <summary>
    /// Smelting takes 13,500 kWh and 1.6 t CO2 per t. Qujing (530300) already has a 200 kt smelter in Xuanwei (530381)
    /// and a 20 TWh/yr green-power quota; Yunnan (530000) caps CO2 at 5 Mt/yr. Two smelters outside Yunnan could come:
    /// big (1,000 kt) and small (400 kt).
    /// </summary>
    static ChainGraphBuilder Smelters() => new ChainGraphBuilder()
        .Chain("aluminium", "anode", "smelting", "foil").Feeds("anode", "smelting", 0.425).Feeds("smelting", "foil")
        .Intensity("smelting", "green-power", 13_500, "kWh/t", "TWh/yr")
        .Intensity("smelting", "co2", 1.6, "t/t", "Mt/yr")
        .Constraint("530300", ConstraintKind.GreenPowerQuota, "green-power", 20, "TWh/yr")
        .Constraint("530000", ConstraintKind.EmissionCap, "co2", 5, "Mt/yr")
        .Firm("local-smelter", @in: "smelting", at: "530381", capacity: 200_000, since: 2015)
        .Firm("big", @in: "smelting", at: "350900", capacity: 1_000_000, since: 2010)
        .Firm("small", @in: "smelting", at: "350900", capacity: 400_000, since: 2012);

    static SimulationReport Landing(ChainGraph graph, string firm) =>
        new AnchorSimulation(new LeadRanker(Model)).Run(graph, new FirmId(firm), Qujing, new ChainId("aluminium"), AsOf);

    static ConstraintCheck Power(IEnumerable<ConstraintCheck> checks) => checks.Single(c => c.Kind == ConstraintKind.GreenPowerQuota);

    [Test]
    public void ALargeSmelterIsCheckedAgainstThePrefectureQuotaAndTheProvinceCap()
    {
        var checks = Landing(Smelters().Build(), "big").Constraints;
        // Power: used 200,000 t × 13,500 kWh = 2.7 TWh; big needs 1,000,000 × 13,500 = 13.5 TWh; 20 − 2.7 − 13.5 = 3.8 left.
        // CO2, declared by the province: used 200,000 × 1.6 = 0.32 Mt; big needs 1.6 Mt; 5 − 0.32 − 1.6 = 3.08 left.
        Assert.That(checks.Select(c => (c.Kind, c.Region, c.Available, c.UsedBefore, c.AnchorNeeds, c.HeadroomAfter, c.Broken)), Is.EquivalentTo(new[]
        {
            (ConstraintKind.GreenPowerQuota, "530300", 20.0, 2.7, (double?)13.5, (double?)3.8, false),
            (ConstraintKind.EmissionCap, "530000", 5.0, 0.32, (double?)1.6, (double?)3.08, false),
        }));
    }

    [Test]
    public void TwoSmeltersTogetherBreakTheQuotaThatNeitherBreaksAlone()
    {
        var result = new AnchorSimulation(new LeadRanker(Model)).Compare(Smelters().Build(), [(new FirmId("big"), null), (new FirmId("small"), null)],
            Qujing, new ChainId("aluminium"), AsOf);
        // Alone: big leaves 20 − 2.7 − 13.5 = 3.8 TWh; small needs 400,000 × 13,500 = 5.4 TWh and leaves 20 − 2.7 − 5.4 = 11.9.
        Assert.That(result.Alone.Select(a => (Power(a.Constraints).HeadroomAfter, Power(a.Constraints).Broken)), Is.EqualTo(new[] { ((double?)3.8, false), (11.9, false) }));
        // Together: 2.7 + 13.5 + 5.4 = 21.6 TWh against 20: over by 1.6 TWh, 1.6 / 20 = 8 % of the quota.
        var together = Power(result.Constraints);
        Assert.That((together.AnchorNeeds, together.HeadroomAfter, together.Broken, together.Excess, together.ExcessPercent),
            Is.EqualTo(((double?)18.9, (double?)-1.6, true, (double?)1.6, (double?)8.0)));
        Assert.That(result.BrokenOnlyTogether, Is.EqualTo(new[] { "green-power-quota on green-power in 曲靖市 (530300): over by 1.6 TWh/yr (8%)" }));
    }

    [Test]
    public void AnAnchorOfUnknownCapacityIsNotCheckedRatherThanGuessed()
    {
        var graph = Smelters().Firm("unsized", @in: "smelting", at: "350900", since: 2012).Build();
        var power = Power(Landing(graph, "unsized").Constraints);
        Assert.That((power.NotChecked, power.AnchorNeeds, power.Broken), Is.EqualTo(("not checked: capacity unknown (smelting)", (double?)null, false)));
        Assert.That(power.UsedBefore, Is.EqualTo(2.7), "what plants already use is still shown");
    }

    [Test]
    public void ALocalPlantOfUnknownCapacityMakesUsedBeforeAFloorAndSaysSo()
    {
        var graph = Smelters().Firm("old-smelter", @in: "smelting", at: "530300", since: 2000).Build();
        var power = Power(Landing(graph, "small").Constraints);
        Assert.That((power.UsedBefore, power.Note), Is.EqualTo((2.7, "used before leaves out 1 plant(s) of unknown capacity: it is a floor")));
    }

    [Test]
    public void APlantTakesItsLandWhateverItsSize()
    {
        // 100 ha a plant; Qujing has 150 ha and one plant already: 150 − 100 − 100 = −50, over by 50 ha = 33.3 % of 150.
        var graph = Smelters().Intensity("smelting", "land", 100, "ha/plant", "ha").Constraint("530300", ConstraintKind.Land, "land", 150, "ha").Build();
        var land = Landing(graph, "small").Constraints.Single(c => c.Kind == ConstraintKind.Land);
        Assert.That((land.UsedBefore, land.AnchorNeeds, land.Excess, land.ExcessPercent), Is.EqualTo((100.0, (double?)100.0, (double?)50.0, (double?)33.3)));
    }

    [Test]
    public void AReserveIsDrawnForTheYearsItMustLast()
    {
        // 2.75 t bauxite per t alumina; a 1,000 kt refinery draws 2.75 Mt a year, 82.5 Mt over 30 years, against 50 Mt: over by 32.5 Mt = 65 %.
        var graph = new ChainGraphBuilder()
            .Chain("aluminium", "alumina", "smelting").Feeds("alumina", "smelting", 1.925)
            .Intensity("alumina", "bauxite", 2.75, "t/t", "Mt")
            .Constraint("530300", ConstraintKind.MineralReserves, "bauxite", 50, "Mt", years: 30)
            .Firm("refiner", @in: "alumina", at: "350900", capacity: 1_000_000, since: 2010)
            .Build();
        var bauxite = Landing(graph, "refiner").Constraints.Single();
        Assert.That((bauxite.AnchorNeeds, bauxite.Excess, bauxite.ExcessPercent, bauxite.Broken), Is.EqualTo(((double?)82.5, (double?)32.5, (double?)65.0, true)));
    }

    [Test]
    public void TheLatestLimitDeclaredUpToTheAsOfYearCounts()
    {
        var graph = Smelters().Constraint("530300", ConstraintKind.GreenPowerQuota, "green-power", 15, "TWh/yr", year: 2024)
            .Constraint("530300", ConstraintKind.GreenPowerQuota, "green-power", 10, "TWh/yr", year: 2030).Build();
        Assert.That(Power(Landing(graph, "small").Constraints).Available, Is.EqualTo(15.0));
    }

    [Test]
    public void AConstraintOnAResourceTheAnchorDoesNotUseIsNotListed()
    {
        var graph = Smelters().Firm("anode-maker", @in: "anode", at: "350900", capacity: 100_000, since: 2012).Build();
        Assert.That(Landing(graph, "anode-maker").Constraints, Is.Empty);
    }
}

/// <summary>Constraint layers on the repository's seeds.</summary>
public class SeededConstraintLayersTests
{
    [Test]
    public void ASecondHongqiaoSmelterInWenshanBreaksWenshansGreenPowerQuotaButNotYunnans()
    {
        var graph = ChainGraph.Build(SeedReader.Read(SeedFolder.RepositorySeeds()));
        var report = new AnchorSimulation(new LeadRanker(TreeEnsemble.Load(SeedFolder.ShippedModel()))).Run(graph, new FirmId("china-hongqiao"), new RegionCode("532600"),
            new ChainId("green-aluminium"), new DateOnly(2025, 12, 31), [new SegmentId("electrolytic-aluminium")]);
        var checks = report.Constraints.ToDictionary(c => c.Region);
        // Wenshan's smelters in 2025: Hongqiao 2,030 kt + Shenhuo 900 kt + Yunnan Aluminium 500 kt = 3,430 kt × 13,500 kWh = 46.305 TWh.
        // Hongqiao's second smelter at its largest capacity, 2,030 kt: 27.405 TWh. 60 − 46.305 − 27.405 = −13.71 TWh, 22.8 % of 60.
        var wenshan = checks["532600"];
        Assert.That((wenshan.UsedBefore, wenshan.AnchorNeeds, wenshan.Broken, wenshan.Excess, wenshan.ExcessPercent),
            Is.EqualTo((46.305, (double?)27.405, true, (double?)13.71, (double?)22.8)));
        // Yunnan adds Yunnan Aluminium's Heqing 320.4 kt (phase 1's 210.4 kt and the 110 kt of phase 2 reported energised),
        // Qiya's Heqing 350 kt and Zhaotong 700 kt: 4,800.4 kt × 13,500 = 64.8054 TWh. Five smelters of unknown capacity are left
        // out: Fuyuan, Honghe, Jianshui (its former 370 kt had no source), Hongqiao's Luxi smelter and Yunnan Aluminium's Zhanyi one.
        var yunnan = checks["530000"];
        Assert.That(yunnan.UsedBefore, Is.EqualTo(64.8054).Within(1e-9));
        Assert.That((yunnan.Broken, yunnan.Note), Is.EqualTo((false, "used before leaves out 5 plant(s) of unknown capacity: it is a floor")));
    }
}
