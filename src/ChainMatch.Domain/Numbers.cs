using System.Globalization;

namespace ChainMatch.Domain;

/// <summary>
/// The one rule for every number that enters (JSON bodies, CSV cells, query parameters, CLI arguments): finite and at
/// most <see cref="Limit"/> in size. Amounts in 亿元, capacities, revenues and coefficients are all far below it; a
/// larger figure is a typo or an attack, and infinity or NaN would break every sum, page and audit entry it reached.
/// </summary>
public static class Numbers
{
    public const double Limit = 1e15;

    public static string Rule => $"a finite number between -{Limit:0e0} and {Limit:0e0}";

    public static bool IsAcceptable(double value) => double.IsFinite(value) && Math.Abs(value) <= Limit;

    /// <summary>Invariant culture, a dot for decimals; "Infinity", "NaN" and out-of-range figures are refused.</summary>
    public static bool TryParse(string? text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && IsAcceptable(value);
}
