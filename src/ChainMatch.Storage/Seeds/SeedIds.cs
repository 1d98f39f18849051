using System.Text.RegularExpressions;

namespace ChainMatch.Storage.Seeds;

static partial class SeedIds
{
    public static bool IsSlug(string id) => Slug().IsMatch(id);

    /// <summary>GB/T 2260 six-digit code.</summary>
    public static bool IsDivisionCode(string code) => DivisionCode().IsMatch(code);

    /// <summary>A park id: its county's code, a dash, a slug.</summary>
    public static bool IsParkCode(string code) => ParkCode().IsMatch(code);

    /// <summary>统一社会信用代码: 18 characters of digits and capitals without I, O, S, V, Z (GB 32100-2015).</summary>
    public static bool IsUscc(string code) => Uscc().IsMatch(code);

    [GeneratedRegex("^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$")]
    private static partial Regex Uscc();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Slug();

    [GeneratedRegex("^[1-9][0-9]{5}$")]
    private static partial Regex DivisionCode();

    [GeneratedRegex("^[1-9][0-9]{5}-[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex ParkCode();
}
