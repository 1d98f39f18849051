namespace ChainMatch.Domain.Graph;

/// <summary>The names constraint kinds go by in seeds, stores and reports.</summary>
public static class ConstraintKinds
{
    static readonly Dictionary<string, ConstraintKind> ByName = new(StringComparer.Ordinal)
    {
        ["green-power-quota"] = ConstraintKind.GreenPowerQuota,
        ["land"] = ConstraintKind.Land,
        ["water"] = ConstraintKind.Water,
        ["mineral-reserves"] = ConstraintKind.MineralReserves,
        ["emission-cap"] = ConstraintKind.EmissionCap,
    };

    public static string Names => string.Join(", ", ByName.Keys);

    public static bool TryParse(string text, out ConstraintKind kind) => ByName.TryGetValue(text, out kind);

    public static string Name(ConstraintKind kind) => ByName.First(p => p.Value == kind).Key;
}
