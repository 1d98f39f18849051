using ChainMatch.Domain.Graph;

namespace ChainMatch.Domain.Firms;

/// <summary>
/// Revenues as the 500 lists publish them, brought to one unit, 亿元 (100 million yuan), so that one minimum can be
/// asked across lists. Each edition reports the year before its own (the 2024 lists rank 2023 revenues): a figure in
/// US dollars is converted at that year's average rate.
/// </summary>
public static class Revenues
{
    /// <summary>The ways a list file may write a <see cref="ListFamily.RevenueUnit"/> in its revenue_unit column.</summary>
    static readonly Dictionary<string, string> UnitSpellings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["USD million"] = "USD million", ["million USD"] = "USD million", ["$M"] = "USD million", ["百万美元"] = "USD million",
        ["万元"] = "万元", ["10k CNY"] = "万元",
    };

    /// <summary>The unit a revenue_unit cell names, spelled as <see cref="ListFamily.RevenueUnit"/> spells it; null when not one of them.</summary>
    public static string? UnitOf(string text) => UnitSpellings.GetValueOrDefault(text.Trim());

    /// <summary>
    /// Yuan per US dollar, yearly average, from 国家统计局's statistical communiqué of each year (全年人民币平均汇率).
    /// An estimate when applied to a fiscal year's revenue; a year missing here leaves dollar figures unconverted.
    /// </summary>
    public static readonly IReadOnlyDictionary<int, double> YuanPerDollar = new Dictionary<int, double>
    {
        [2015] = 6.2284, [2016] = 6.6423, [2017] = 6.7518, [2018] = 6.6174, [2019] = 6.8985,
        [2020] = 6.8976, [2021] = 6.4515, [2022] = 6.7261, [2023] = 7.0467, [2024] = 7.1217,
    };

    public const string RateSource = "国家统计局, 国民经济和社会发展统计公报 (yearly average rate; estimate)";

    /// <summary>A figure of <paramref name="edition"/> in 亿元; null for a list family without a known unit or a year without a rate.</summary>
    public static double? InYi(FirmList edition, double revenue)
    {
        if (ListFamily.Of(edition.Id) is not { } family) return null;
        if (!family.Usd) return revenue * family.UnitInYi;
        return YuanPerDollar.TryGetValue(edition.Year - 1, out var rate) ? revenue * family.UnitInYi * rate : null;
    }

    /// <summary>
    /// The firm's revenue in 亿元 from the latest edition up to <paramref name="year"/> that gives a convertible figure
    /// (the largest when several lists of that year do); null when no list gives one.
    /// </summary>
    public static double? Latest(ChainGraph graph, FirmId firm, int year) =>
        graph.MembershipsOf(firm)
            .Select(m => (Edition: graph.Data.Lists.First(l => l.Id == m.List), m.Revenue))
            .Where(x => x.Edition.Year <= year && x.Revenue is not null)
            .Select(x => (x.Edition.Year, Yi: InYi(x.Edition, x.Revenue!.Value)))
            .Where(x => x.Yi is not null)
            .OrderByDescending(x => x.Year).ThenByDescending(x => x.Yi)
            .Select(x => x.Yi)
            .FirstOrDefault();
}
