using System.Globalization;

namespace ChainMatch.Domain;

/// <summary>The date a question is asked about: "2021" (read as the end of 2021) or "2021-06-30".</summary>
public static class AsOf
{
    public const string Format = "YYYY or YYYY-MM-DD";

    public static bool TryParse(string? text, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        text = text.Trim();
        if (text.Length == 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year >= 1)
        {
            date = new DateOnly(year, 12, 31);
            return true;
        }
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }
}
