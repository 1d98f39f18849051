using ChainMatch.Domain.Graph;

namespace ChainMatch.Domain.Tests;

public class GeoPointTests
{
    [Test]
    public void AQuarterMeridianIsAQuarterOfTheEarthsCircumference() =>
        // π/2 × 6371.0088 km
        Assert.That(new GeoPoint(0, 0).DistanceKm(new GeoPoint(90, 0)), Is.EqualTo(10007.557).Within(0.001));

    [Test]
    public void DistanceIsTheSameBothWaysAndZeroToItself()
    {
        GeoPoint kunming = new(25.04, 102.71), guiyang = new(26.65, 106.63);
        Assert.That(kunming.DistanceKm(guiyang), Is.EqualTo(guiyang.DistanceKm(kunming)));
        Assert.That(kunming.DistanceKm(kunming), Is.Zero);
    }
}
