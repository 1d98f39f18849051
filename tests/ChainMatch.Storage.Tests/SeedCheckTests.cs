using ChainMatch.Domain.Graph;
using ChainMatch.Storage.Seeds;

namespace ChainMatch.Storage.Tests;

/// <summary>The seed check on the small mini-seeds fixture: its counts, and each rule caught on a row made to break it.</summary>
public class SeedCheckTests
{
    static SeedCheckReport Check(string folder) => SeedCheck.Run(ChainGraph.Build(SeedReader.Read(folder)));

    [Test]
    public void TheReportCountsFirmsYunnanPlantsAddressesAndEstimates()
    {
        var report = Check(SeedFolder.Fixture("mini-seeds"));
        Assert.Multiple(() =>
        {
            Assert.That((report.Firms, report.Presences), Is.EqualTo((3, 4)));
            // The Anning park smelter and the Anning county foil plant; the Ningde plants are outside Yunnan.
            Assert.That(report.YunnanPlants, Is.EqualTo(2));
            Assert.That((report.YunnanPlantsWithCapacity, report.YunnanPlantsWithStart, report.YunnanPlantsWithBoth), Is.EqualTo((1, 2, 1)));
            // 3 firms, 4 presences, 1 list membership, 2 region resources, 3 constraints, 1 project.
            Assert.That(report.SourcedRows, Is.EqualTo(14));
            Assert.That(report.EstimateRows, Is.EqualTo(4));
            Assert.That(report.RowsWithAddress, Is.Zero, "the fixture cites only document titles");
            Assert.That(report.FirmsWithoutSource, Is.EqualTo(1));
            Assert.That(report.FirmsWithoutPlant, Is.Empty);
        });
    }

    [Test]
    public void ARowWhoseReferenceHoldsAWebAddressCountsAsCheckable()
    {
        using var seeds = SeedFolder.CopyOf("mini-seeds")
            .AppendLine("presences.csv", "smelter-co,foil,530181,,,2020,,Anning foil,Test,https://example.org/report (read 2026-12-04),");
        var report = Check(seeds.Path);
        Assert.That((report.RowsWithAddress, report.SourcedRows), Is.EqualTo((1, 15)));
    }

    [Test]
    public void AFirmOrPresenceWithoutAnySourceBreaksARule()
    {
        var errors = Check(SeedFolder.Fixture("mini-seeds")).Errors;
        Assert.That(errors.Where(e => e.Rule != SeedCheck.CapacityWithoutAddress).Select(e => (e.Rule, e.Row)), Is.EquivalentTo(new[]
        {
            (SeedCheck.PresenceWithoutSource, "presence foil-co foil 530181"),
            (SeedCheck.FirmWithoutSource, "firm foil-co"),
        }));
    }

    [Test]
    public void AProjectInProductionWithNoPlantStartingThatYearBreaksARule()
    {
        using var seeds = SeedFolder.CopyOf("mini-seeds")
            .AppendLine("project-stages.csv", "foil-for-kunming,started,2024-03-01,,,")
            .AppendLine("project-stages.csv", "foil-for-kunming,in-production,2025-06-29,,,");
        Assert.That(Check(seeds.Path).Errors.Where(e => e.Rule == SeedCheck.ProductionWithoutPlant).Select(e => e.Row),
            Is.EqualTo(new[] { "project foil-for-kunming" }), "no plant of cell-co in foil around Kunming");

        // A plant dated a year after the project's own production step is the error the rule exists for.
        seeds.AppendLine("presences.csv", "cell-co,foil,530181,,,2026,,Anning foil,Test,annual report,");
        Assert.That(Check(seeds.Path).Errors.Select(e => e.Rule), Does.Contain(SeedCheck.ProductionWithoutPlant));

        seeds.Replace("presences.csv", "cell-co,foil,530181,,,2026,", "cell-co,foil,530181,,,2025,");
        Assert.That(Check(seeds.Path).Errors.Select(e => e.Rule), Does.Not.Contain(SeedCheck.ProductionWithoutPlant));
    }

    [Test]
    public void ACapacityWithNoAddressBreaksARuleUnlessMarkedEstimateWhenItIsOnlyAWarning()
    {
        var report = Check(SeedFolder.Fixture("mini-seeds"));
        // The Anning smelter's 350000 t/yr cites a document title only; the Ningde 40 GWh/yr is marked estimate.
        Assert.That(report.Errors.Where(e => e.Rule == SeedCheck.CapacityWithoutAddress).Select(e => e.Row),
            Is.EqualTo(new[] { "presence smelter-co smelting 530181-anning-park (Anning smelter)" }));
        Assert.That(report.Warnings.Where(w => w.Rule == SeedCheck.CapacityWithoutAddress).Select(w => w.Row),
            Is.EqualTo(new[] { "presence cell-co cell 350900 (Ningde base)" }));

        using var seeds = SeedFolder.CopyOf("mini-seeds").Replace("presences.csv", "Anning smelter,Test,annual report,", "Anning smelter,Test,https://example.org/smelter,");
        Assert.That(Check(seeds.Path).Errors.Select(e => e.Rule), Does.Not.Contain(SeedCheck.CapacityWithoutAddress));
    }

    [Test]
    public void ARowCitingAStockTipsSiteBreaksARule()
    {
        using var seeds = SeedFolder.CopyOf("mini-seeds")
            .AppendLine("presences.csv", "smelter-co,foil,530181,,,2020,,Anning foil,tips,https://gupiaobaa.com.cn/?id=197,");
        var refused = Check(seeds.Path).Errors.Where(e => e.Rule == SeedCheck.RefusedSource).ToList();
        Assert.That(refused.Select(e => e.Row), Is.EqualTo(new[] { "presence smelter-co foil 530181 (Anning foil)" }));
    }

    [Test]
    public void APresenceAtItsFirmsHeadquartersWithNoSiteIsAWarningNotAnError()
    {
        var report = Check(SeedFolder.Fixture("mini-seeds"));
        Assert.That(report.Warnings.Where(w => w.Rule == SeedCheck.PresenceAtHeadquarters).Select(w => w.Row), Is.EqualTo(new[] { "presence cell-co foil 350900" }));
        Assert.That(report.Errors.Select(e => e.Rule), Does.Not.Contain(SeedCheck.PresenceAtHeadquarters));
    }

    [Test]
    public void AFirmTypedAgainstTheGroupThatControlsItBreaksARule()
    {
        // The foil maker becomes a subsidiary of the provincial smelter while still typed private.
        using var seeds = SeedFolder.CopyOf("mini-seeds")
            .Write("groups.csv", "firm,parent,share,source_publisher,source_ref\nfoil-co,smelter-co,51,Test,https://example.org/transfer\n");
        Assert.That(Check(seeds.Path).Errors.Where(e => e.Rule == SeedCheck.OwnershipAgainstGroup).Select(e => e.Row), Is.EqualTo(new[] { "firm foil-co" }));

        seeds.Replace("firms/test.csv", "Foil Co,530100,private", "Foil Co,530100,local-soe");
        Assert.That(Check(seeds.Path).Errors.Select(e => e.Rule), Does.Not.Contain(SeedCheck.OwnershipAgainstGroup));

        // The group passes to a central group: the subsidiary left local contradicts it again, as 云铝 would under 中铝.
        seeds.Replace("firms/test.csv", "Smelter Co,530181,local-soe", "Smelter Co,530181,central-soe");
        Assert.That(Check(seeds.Path).Errors.Where(e => e.Rule == SeedCheck.OwnershipAgainstGroup).Select(e => e.Row), Is.EqualTo(new[] { "firm foil-co" }));

        seeds.Replace("firms/test.csv", "Foil Co,530100,local-soe", "Foil Co,530100,mixed");
        Assert.That(Check(seeds.Path).Errors.Select(e => e.Rule), Does.Not.Contain(SeedCheck.OwnershipAgainstGroup), "a mixed-ownership firm under a state group is consistent");
    }
}
