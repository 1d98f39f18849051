using ChainMatch.Domain.Graph;

namespace ChainMatch.Domain.Tests;

public class UnitsTests
{
    [TestCase("kWh/yr", "TWh/yr", 1e-9)]
    [TestCase("t", "Mt", 1e-6)]
    [TestCase("mu", "ha", 1.0 / 15)]
    [TestCase("km2", "ha", 100.0)]
    public void UnitsOfOneDimensionConvertByTheTable(string from, string to, double factor) =>
        Assert.That(Units.Factor(from, to), Is.EqualTo(factor).Within(1e-12));

    [TestCase("kWh", "ha")]
    [TestCase("ha/yr", "ha")]
    [TestCase("t/yr", "Mt")]
    [TestCase("bcm/yr", "TWh/yr")]
    public void DifferentThingsOrAYearlyRateAgainstAStockDoNotConvert(string from, string to) =>
        Assert.That(Units.Factor(from, to), Is.Null);
}
