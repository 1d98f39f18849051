using ChainMatch.Domain.Access;
using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Projects;

namespace ChainMatch.Domain.Tests;

/// <summary>Who may read and write what, by region and chain (regions of <see cref="ChainGraphBuilder"/>: Kunming 530100 › Anning 530181; Qujing 530300; Fujian 350000).</summary>
public class ScopeTests
{
    static readonly ChainGraph Graph = new ChainGraphBuilder().Chain("aluminium", "smelting", "foil").Chain("battery", "foil", "cell")
        .Firm("smelter", @in: "smelting", at: "530181").Firm("smelter", @in: "smelting", at: "530300").Build();

    static readonly Scope Kunming = new("530100"), Everywhere = new(Scope.AllRegions), AluminiumChief = new("530000", new HashSet<string> { "aluminium" });

    static Firm FirmAt(string? hq) => new(new FirmId("f"), "f", null, hq is null ? null : new RegionCode(hq), null, Provenance.None);

    static NegativeRule RuleAt(string? region) => new("r", null, null, region is null ? null : new RegionCode(region), "test", Provenance.None);

    static Project ProjectAt(string region) =>
        new("p", new FirmId("smelter"), new SegmentId("foil"), new RegionCode(region), "team", [new StageChange(ProjectStage.Lead, new DateOnly(2024, 1, 1))], Provenance.None);

    [Test]
    public void AKunmingScopeHoldsItsCountiesButNotQujingOrTheProvince()
    {
        Assert.That(Kunming.Holds(Graph, new RegionCode("530181-park")), Is.True);
        Assert.That(Kunming.Holds(Graph, new RegionCode("530300")), Is.False);
        Assert.That(Kunming.Holds(Graph, new RegionCode("530000")), Is.False);
    }

    [Test]
    public void ADemandedRegionOutsideTheScopeIsRefusedNamingTheFieldButAnUnknownOneIsLeftToTheEndpoint()
    {
        var e = Assert.Throws<AccessDeniedException>(() => Kunming.Demand(Graph, ScopeDemand.Region("region", "530300")));
        Assert.That(e!.Message, Is.EqualTo("region: region 530300 is outside this caller's scope (530100 and below)"));
        Assert.DoesNotThrow(() => Kunming.Demand(Graph, ScopeDemand.Region("region", "999999")));
    }

    [Test]
    public void AChainBoundCallerMustNameOneOfItsChainsAndSegmentsInThem()
    {
        Assert.Throws<AccessDeniedException>(() => AluminiumChief.Demand(Graph, ScopeDemand.Chain("chain", null)));
        Assert.Throws<AccessDeniedException>(() => AluminiumChief.Demand(Graph, ScopeDemand.Chain("chain", "battery")));
        Assert.Throws<AccessDeniedException>(() => AluminiumChief.Demand(Graph, ScopeDemand.Segment("segment", "cell")));
        Assert.DoesNotThrow(() => AluminiumChief.Demand(Graph, ScopeDemand.Segment("segment", "foil")));
    }

    [Test]
    public void ARefusedStoredRecordIsNamedByItsIdNotByWhereItIs()
    {
        var e = Assert.Throws<AccessDeniedException>(() => Kunming.DemandStored(Graph, "project", "p", new RegionCode("530300")));
        Assert.That(e!.Message, Does.Not.Contain("530300"));
    }

    [Test]
    public void ARuleStoredForQujingCannotBeTakenOverByRewritingItForKunming()
    {
        Assert.Throws<AccessDeniedException>(() => Kunming.DemandRuleEdit(Graph, RuleAt("530300"), RuleAt("530100")));
        Assert.Throws<AccessDeniedException>(() => Kunming.DemandRuleEdit(Graph, RuleAt(null), RuleAt("530100")), "a rule for every region");
        Assert.DoesNotThrow(() => Kunming.DemandRuleEdit(Graph, RuleAt("530181"), RuleAt("530100")));
    }

    [Test]
    public void ARegionalCallerEditsAFirmOnlyWhileItIsHeadquarteredInScope()
    {
        Assert.DoesNotThrow(() => Kunming.DemandFirmEdit(Graph, FirmAt("530181"), FirmAt("530100")));
        Assert.Throws<AccessDeniedException>(() => Kunming.DemandFirmEdit(Graph, FirmAt("530300"), FirmAt("530100")), "stored in Qujing");
        Assert.Throws<AccessDeniedException>(() => Kunming.DemandFirmEdit(Graph, FirmAt("530100"), FirmAt("530300")), "moved to Qujing");
        Assert.Throws<AccessDeniedException>(() => Kunming.DemandFirmEdit(Graph, null, FirmAt(null)), "placed nowhere");
        Assert.DoesNotThrow(() => Everywhere.DemandFirmEdit(Graph, FirmAt("350000"), FirmAt(null)));
    }

    [Test]
    public void ARegionalCallerRecordsPresencesOfAnyFirmInsideItsScopeOnly()
    {
        var inAnning = Graph.PresencesOf(new FirmId("smelter")).First(p => p.Region.Value == "530181");
        var inQujing = Graph.PresencesOf(new FirmId("smelter")).First(p => p.Region.Value == "530300");
        Assert.DoesNotThrow(() => Kunming.DemandPresenceEdit(Graph, inAnning));
        Assert.Throws<AccessDeniedException>(() => Kunming.DemandPresenceEdit(Graph, inQujing));
        Assert.That(Kunming.SeesDetailsOf(Graph, inQujing), Is.False);
    }

    [Test]
    public void AProjectIsWrittenOnlyByACallerHoldingItsRegionAsStoredAndAsItBecomes()
    {
        Assert.Throws<AccessDeniedException>(() => Kunming.DemandProjectEdit(Graph, ProjectAt("530300"), ProjectAt("530100")));
        Assert.Throws<AccessDeniedException>(() => Kunming.DemandProjectEdit(Graph, null, ProjectAt("530300")));
        Assert.DoesNotThrow(() => Kunming.DemandProjectEdit(Graph, ProjectAt("530181"), ProjectAt("530181")));
    }

    [Test]
    public void ARegionalCallerSeesRulesForItsRegionAboveAndBelowButNotAnotherRegions()
    {
        Assert.That(new[] { null, "530000", "530100", "530181", "530300" }.Select(r => Kunming.Sees(Graph, RuleAt(r))),
            Is.EqualTo(new[] { true, true, true, true, false }));
    }

    [Test]
    public void OnlyACallerForAllRegionsReadsTheAuditLogAndImportsListEditions()
    {
        Assert.That(Kunming.ReadsAuditLog, Is.False);
        Assert.That(Everywhere.ReadsAuditLog, Is.True);
        Assert.Throws<AccessDeniedException>(() => new Scope("530000").DemandListImport());
    }
}
