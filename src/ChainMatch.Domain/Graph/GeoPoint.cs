namespace ChainMatch.Domain.Graph;

/// <summary>A point on the earth in decimal degrees (WGS 84), e.g. the seat of a region's government.</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    // The mean earth radius: a sphere is within 0.5 % of the ellipsoid, far finer than a city's extent.
    const double EarthRadiusKm = 6371.0088;

    public bool IsValid => Latitude is >= -90 and <= 90 && Longitude is >= -180 and <= 180;

    /// <summary>Great-circle distance by the haversine formula, in kilometres.</summary>
    public double DistanceKm(GeoPoint other)
    {
        static double Rad(double degrees) => degrees * Math.PI / 180;
        double dLat = Rad(other.Latitude - Latitude), dLon = Rad(other.Longitude - Longitude);
        var h = Math.Pow(Math.Sin(dLat / 2), 2) + Math.Cos(Rad(Latitude)) * Math.Cos(Rad(other.Latitude)) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }
}
