using ChainMatch.Domain.Graph;

namespace ChainMatch.Api.Maps;

public enum MapLanguage { Zh, En }

/// <summary>The words on a map picture in Chinese (the default, as the seeds name things) or English.</summary>
public sealed class MapLabels
{
    public static readonly MapLabels Zh = new(MapLanguage.Zh);
    public static readonly MapLabels En = new(MapLanguage.En);

    readonly bool _en;

    MapLabels(MapLanguage language) => _en = language == MapLanguage.En;

    public static MapLabels For(MapLanguage language) => language == MapLanguage.En ? En : Zh;

    /// <summary>The English name where the seeds have one, else the Chinese name.</summary>
    public string Name(string name, string? nameEn) => _en && !string.IsNullOrWhiteSpace(nameEn) ? nameEn : name;

    public string Stage(Stage s) => _en ? s.ToString() : s switch
    {
        Domain.Graph.Stage.Upstream => "上游",
        Domain.Graph.Stage.Midstream => "中游",
        Domain.Graph.Stage.Downstream => "下游",
        _ => "应用",
    };

    public string Status(MapStatus s) => (s, _en) switch
    {
        (MapStatus.Present, false) => "已有",
        (MapStatus.Weak, false) => "薄弱",
        (MapStatus.Missing, false) => "缺失",
        (MapStatus.HighValueGap, false) => "高价值缺口",
        (MapStatus.Unverified, false) => "待核实",
        (MapStatus.Present, true) => "present",
        (MapStatus.Weak, true) => "weak",
        (MapStatus.Missing, true) => "missing",
        (MapStatus.HighValueGap, true) => "high-value gap",
        _ => "unverified",
    };

    public string Firms(int count) => _en ? (count == 1 ? "1 firm" : $"{count} firms") : $"{count} 家企业";

    public string Title(string chain, string region) => _en ? $"{chain} · {region} · status map" : $"{chain} · {region} · 现状图";

    public string AsOf(DateOnly date) => _en ? $"as of {date:yyyy-MM-dd}" : $"截至 {date:yyyy-MM-dd}";

    public string OtherChains(IEnumerable<string> chains) => (_en ? "in " : "属于 ") + string.Join(_en ? ", " : "、", chains);

    public string CrossChainLegend => _en ? "link to another chain" : "跨链关联";

    public string FeedsLegend => _en ? "supplies (FEEDS)" : "供给关系";
}
