using ChainMatch.Domain.Graph;
using ChainMatch.Storage.Seeds;

namespace ChainMatch.Storage.Tests;

/// <summary>Segment intensities in chain files and region-constraints.csv: read as written, every unit checked, errors at file:line.</summary>
public class ConstraintSeedTests
{
    static SeedFormatException ReadFails(SeedFolder folder) =>
        Assert.Throws<SeedFormatException>(() => SeedReader.Read(folder.Path))!;

    [Test]
    public void IntensitiesKeepTheirUnitsAndEstimateFlag()
    {
        var smelting = SeedReader.Read(SeedFolder.Fixture("mini-seeds")).Segments.Single(s => s.Id.Value == "smelting");
        Assert.That(smelting.Intensities.Select(k => (k.Resource.Value, k.Amount, k.Unit, k.Source.Estimate)),
            Is.EqualTo(new[] { ("hydropower", 13500.0, "kWh/t", true), ("land", 100.0, "ha/plant", false) }));
    }

    [Test]
    public void DeclaredConstraintsAreReadWithKindYearAndUnit()
    {
        var constraints = SeedReader.Read(SeedFolder.Fixture("mini-seeds")).Constraints;
        Assert.That(constraints.Select(c => (c.Region.Value, c.Kind, c.Resource.Value, c.Amount, c.Unit, c.Year)), Is.EqualTo(new[]
        {
            ("530000", ConstraintKind.GreenPowerQuota, "hydropower", 100.0, "TWh/yr", 2020),
            ("530300", ConstraintKind.GreenPowerQuota, "hydropower", 4.0, "TWh/yr", 2020),
            ("530300", ConstraintKind.Land, "land", 500.0, "ha", 2020),
        }));
    }

    [Test]
    public void AnIntensityThatCannotBecomeItsResourcesUnitNamesItsLine()
    {
        using var folder = SeedFolder.CopyOf("mini-seeds").Replace("chains/aluminium.yaml", "unit: kWh/t", "unit: m3/t");
        var e = ReadFails(folder);
        Assert.That(e.Message, Does.StartWith("chains/aluminium.yaml:24: intensity m3/t of 'smelting' cannot be converted to hydropower's unit TWh/yr"));
    }

    [Test]
    public void AnIntensityPerPlantOfAYearlyResourceIsAMismatch()
    {
        using var folder = SeedFolder.CopyOf("mini-seeds").Replace("chains/aluminium.yaml", "unit: kWh/t", "unit: kWh/plant");
        Assert.That(ReadFails(folder).Message, Does.StartWith("chains/aluminium.yaml:24: intensity kWh/plant of 'smelting' cannot be converted"));
    }

    [TestCase("530300,water,hydropower,5,Mm3/yr,2021,,,,", "unit 'Mm3/yr' cannot be converted to hydropower's unit TWh/yr")]
    [TestCase("530300,land,land,500,ha/yr,2021,,,,", "unit 'ha/yr' cannot be converted to land's unit ha")]
    [TestCase("530300,power-quota,hydropower,5,TWh/yr,2021,,,,", "kind must be one of green-power-quota, land, water, mineral-reserves, emission-cap, not 'power-quota'")]
    [TestCase("530300,mineral-reserves,land,500,ha,2021,,,,", "mineral reserves need 'years'")]
    [TestCase("530300,green-power-quota,hydropower,5,TWh/yr,2021,30,,,", "'years' applies to a reserve (a stock), not to a yearly TWh/yr")]
    [TestCase("530300,green-power-quota,hydropower,5,TWh/yr,2020,,,,", "constraint '(530300, green-power-quota, hydropower, 2020)' is already defined at region-constraints.csv:3")]
    [TestCase("530399,green-power-quota,hydropower,5,TWh/yr,2021,,,,", "unknown region '530399'")]
    public void ABadConstraintRowIsRefusedAtItsLine(string row, string reason)
    {
        using var folder = SeedFolder.CopyOf("mini-seeds").AppendLine("region-constraints.csv", row);
        var e = ReadFails(folder);
        Assert.That((e.File, e.Line), Is.EqualTo(("region-constraints.csv", 5)));
        Assert.That(e.Reason, Does.StartWith(reason));
    }

    [Test]
    public void ASegmentGivingTwoIntensitiesForOneResourceNamesTheSecond()
    {
        using var folder = SeedFolder.CopyOf("mini-seeds").Replace("chains/aluminium.yaml", "      - resource: land", "      - resource: hydropower");
        Assert.That(ReadFails(folder).Message, Does.StartWith("chains/aluminium.yaml:28: segment 'smelting' gives an intensity for 'hydropower' twice"));
    }
}
