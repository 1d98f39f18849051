using System.Text.RegularExpressions;

namespace ChainMatch.Storage.Seeds;

static partial class SeedIds
{
    public static bool IsSlug(string id) => Slug().IsMatch(id);

    /// <summary>GB/T 2260 six-digit code.</summary>
    public static bool IsDivisionCode(string code) => DivisionCode().IsMatch(code);

    /// <summary>A park id: its county's code, a dash, a slug.</summary>
    public static bool IsParkCode(string code) => ParkCode().IsMatch(code);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Slug();

    [GeneratedRegex("^[1-9][0-9]{5}$")]
    private static partial Regex DivisionCode();

    [GeneratedRegex("^[1-9][0-9]{5}-[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex ParkCode();
}
