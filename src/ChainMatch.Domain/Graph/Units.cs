using System.Globalization;

namespace ChainMatch.Domain.Graph;

public static class Units
{
    /// <summary>"t/yr" → "t": the quantity a yearly capacity is counted in; null when the unit is not a yearly rate.</summary>
    public static string? PerYear(string unit) =>
        unit.EndsWith("/yr", StringComparison.Ordinal) ? unit[..^3] : null;

    /// <summary>Compact human figure: 2030000 → "2.03M", 23 → "23".</summary>
    public static string Format(double amount) => amount switch
    {
        >= 1_000_000 => (amount / 1_000_000).ToString("0.##", CultureInfo.InvariantCulture) + "M",
        >= 10_000 => (amount / 1_000).ToString("0.#", CultureInfo.InvariantCulture) + "k",
        _ => amount.ToString("0.##", CultureInfo.InvariantCulture),
    };

    // The only conversions constraint layers make: each unit as a multiple of its dimension's base unit.
    // CO2 and ore are counted in tonnes; 亩 is 1/15 ha.
    static readonly Dictionary<string, (string Dimension, double Factor)> Scale = new(StringComparer.Ordinal)
    {
        ["kWh"] = ("energy", 1), ["MWh"] = ("energy", 1e3), ["GWh"] = ("energy", 1e6), ["TWh"] = ("energy", 1e9),
        ["t"] = ("mass", 1), ["kt"] = ("mass", 1e3), ["Mt"] = ("mass", 1e6),
        ["m3"] = ("volume", 1), ["Mm3"] = ("volume", 1e6),
        ["ha"] = ("area", 1), ["km2"] = ("area", 100), ["mu"] = ("area", 1.0 / 15),
    };

    public static string Convertible => string.Join(", ", Scale.Keys);

    /// <summary>
    /// What one <paramref name="from"/> is in <paramref name="to"/> ("kWh/yr" → "TWh/yr": 1e-9); null when they measure
    /// different things or one is a yearly rate and the other is not.
    /// </summary>
    public static double? Factor(string from, string to)
    {
        var (fromBase, toBase) = (PerYear(from), PerYear(to));
        if ((fromBase is null) != (toBase is null)) return null;
        return Scale.TryGetValue(fromBase ?? from, out var f) && Scale.TryGetValue(toBase ?? to, out var t) && f.Dimension == t.Dimension
            ? f.Factor / t.Factor
            : null;
    }
}
