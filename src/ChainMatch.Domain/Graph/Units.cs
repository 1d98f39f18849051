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
}
