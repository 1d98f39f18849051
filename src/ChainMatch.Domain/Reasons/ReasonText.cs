using System.Collections;
using System.Globalization;
using System.Text.RegularExpressions;
using ChainMatch.Domain.Projects;

namespace ChainMatch.Domain.Reasons;

/// <summary>
/// Every reason code with its Chinese and English template. A placeholder is {name} or {name:format} (a .NET number
/// format); the value's kind decides how it reads in each language (see <see cref="Reason"/>).
/// </summary>
public static partial class ReasonText
{
    public static readonly IReadOnlyDictionary<string, (string Zh, string En)> Templates = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        // Leads: one code per feature (lead.<feature>), with a suffix where a feature reads in more than one way.
        ["lead.segment_sites_elsewhere"] = ("已在{provinces}生产{segment}", "makes {segment} in {provinces}"),
        ["lead.segment_capacity_share"] = ("占全国已记录{segment}产能的{share:0.#}%", "holds {share:0.#}% of the recorded national {segment} capacity"),
        ["lead.upstream_segments"] = ("经营上游环节：{segments}", "operates upstream in {segments}"),
        ["lead.downstream_segments"] = ("经营下游环节：{segments}，是{segment}的买方", "operates downstream in {segments}, a buyer of {segment}"),
        ["lead.sites_in_province"] = ("已在{province}布局（{sites}）", "already in {province} ({sites})"),
        ["lead.sites_in_region"] = ("已在{region}经营", "already operates in {region}"),
        ["lead.headquarters_in_province"] = ("总部在{province}", "headquartered in {province}"),
        ["lead.supplies_local_firms"] = ("向{region}已有的{firms}供货", "supplies {firms}, already in {region}"),
        ["lead.buys_from_local_firms"] = ("从{region}已有的{firms}采购", "buys from {firms}, already in {region}"),
        ["lead.fortune_global500"] = ("位列{standing}", "on {standing}"),
        ["lead.china_top500"] = ("位列{standing}", "on {standing}"),
        ["lead.china_private_top500"] = ("位列{standing}", "on {standing}"),
        ["lead.recent_sites"] = ("{since}年以来新开厂址{count}处（{sites}）", "opened sites since {since}: {count} ({sites})"),
        ["lead.resource_fit"] = ("{region}拥有所需的{resources}", "{region} holds the {resources} it needs"),
        ["lead.headquarters_distance_km"] = ("总部在{headquarters}，相距约{km:0}公里", "headquartered {km:0} km away in {headquarters}"),
        ["lead.headquarters_distance_km.same_region"] = ("总部就在{region}", "headquartered in {region} itself"),
        ["lead.headquarters_distance_km.inside_region"] = ("总部在{region}辖内的{headquarters}", "headquartered in {headquarters}, inside {region}"),
        ["lead.past_project_stage"] = ("此前在{region}的项目（{segment}）于{date}进展到{stage}", "an earlier project in {region} ({segment}) reached {stage} on {date}"),
        ["lead.group_on_list"] = ("隶属{group}，位列{standing}", "part of {group}, on {standing}"),
        ["lead.group_revenue_yi"] = ("所属集团{group}营收{revenue:0}亿元", "group {group} had revenue of {revenue:0} 100M yuan"),
        ["lead.industry_affinity"] = ("位列{standing}，行业“{industry}”：{why}", "on {standing}, industry {industry}: {why}"),
        ["lead.industry_affinity.group"] = ("所属集团位列{standing}，行业“{industry}”：{why}", "its group is on {standing}, industry {industry}: {why}"),
        ["lead.affinity_only"] = ("在{segment}及其相邻环节没有已知工厂", "no known plant in {segment} or a segment next to it"),
        ["lead.affinity_only.sister"] = ("在{segment}及其相邻环节没有已知工厂；{group}旗下{member}生产{memberSegment}",
            "no known plant in {segment} or a segment next to it; {group}'s {member} makes {memberSegment}"),
        ["lead.local_two_hop_segments"] = ("在{province}经营与{segment}相隔两个环节的{sites}：本地企业延链", "two links from {segment} in {province} ({sites}): a local firm extending its chain"),

        // Followers of an anchor: why a firm rose when no feature says it.
        ["follower.new_candidate"] = ("链主落地后成为候选企业", "becomes a candidate once the anchor is here"),
        ["follower.gap_gains_local_tie"] = ("链主为该缺口带来本地买方或供应方", "the gap gains a local buyer or supplier in the anchor"),

        // Gaps: one code per status or priority rule (gap.<rule>).
        ["gap.unverified_presence"] = ("本地仅有{count}条无来源记录：规划前请核实", "local presence known only from unsourced records ({count}): verify before planning"),
        ["gap.local_firms"] = ("本地企业{firms}家", "local firms: {firms}"),
        ["gap.local_firms.capacity"] = ("本地企业{firms}家，产能{capacity}", "local firms: {firms}, {capacity}"),
        ["gap.local_firms.partial_capacity"] = ("本地企业{firms}家，产能至少{capacity}（{unknown}处无产能数据）", "local firms: {firms}, at least {capacity} ({unknown} without a capacity figure)"),
        ["gap.below_minimum_scale"] = ("本地产能{capacity}低于{minimum}的最小经济规模", "local capacity {capacity} is below the {minimum} minimum economic scale"),
        ["gap.low_coverage"] = ("本地供给{capacity}仅满足本地{consumers}所需{demand}的{coverage:0}%", "local supply {capacity} covers {coverage:0}% of the {demand} local {consumers} needs"),
        ["gap.feeds_local_buyers"] = ("供应本地{count}个下游环节：{segments}", "feeds local downstream segments ({count}): {segments}"),
        ["gap.local_demand"] = ("本地{consumers}约需{demand}", "local {consumers} would consume about {demand}"),
        ["gap.fed_by_local_suppliers"] = ("本地有{count}个上游环节供应：{segments}", "fed by local upstream segments ({count}): {segments}"),
        ["gap.uses_local_resource"] = ("利用本地{resource}", "uses local {resource}"),
        ["gap.local_resource_unused"] = ("本地{resource}尚未利用", "local {resource} unused"),
        ["gap.isolated"] = ("本地没有上下游环节或所需资源：优先级低", "nothing local feeds it, buys from it or supplies its inputs: low priority"),
        ["gap.high_value"] = ("高附加值（价值等级{tier}/5）", "high value added (tier {tier} of 5)"),
        ["gap.chain_presence"] = ("{chain}的{total}个环节中本地已有{held}个", "{held} of {total} {chain} segments already here"),
    };

    public static string Render(Reason reason, Language language)
    {
        if (!Templates.TryGetValue(reason.Code, out var template)) throw new KeyNotFoundException($"no template for reason code '{reason.Code}'");
        return Placeholder().Replace(language == Language.Zh ? template.Zh : template.En, m =>
            reason.Args.TryGetValue(m.Groups["name"].Value, out var value)
                ? Format(value, language, m.Groups["format"].Success ? m.Groups["format"].Value : null)
                : throw new KeyNotFoundException($"reason '{reason.Code}' has no argument '{m.Groups["name"].Value}'"));
    }

    /// <summary>Reasons as one line of text, e.g. for a CSV cell or a terminal.</summary>
    public static string Join(IEnumerable<Reason> reasons, Language language) =>
        string.Join(language == Language.Zh ? "；" : "; ", reasons.Select(r => Render(r, language)));

    /// <summary>The argument names a template uses, in order of first use.</summary>
    public static IReadOnlyList<string> Placeholders(string template) =>
        [.. Placeholder().Matches(template).Select(m => m.Groups["name"].Value).Distinct()];

    static string Format(object value, Language language, string? format) => value switch
    {
        string text => text,
        Words words => words.In(language),
        SiteOf site => language == Language.Zh ? $"{site.Region}{site.Segment.Zh}" : $"{site.Segment.En} in {site.Region}",
        Standing s => StandingText(s, language),
        ProjectStage stage => StageNames[stage].In(language),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable number => number.ToString(format, CultureInfo.InvariantCulture),
        IEnumerable items => string.Join(language == Language.Zh ? "、" : ", ", items.Cast<object>().Select(i => Format(i, language, format))),
        _ => throw new ArgumentException($"a reason argument of type {value.GetType().Name} has no rendering", nameof(value)),
    };

    static string StandingText(Standing s, Language language)
    {
        var editions = Format(s.Editions, language, null);
        return s.Rank is not { } rank ? editions
            : language == Language.Zh ? string.Create(CultureInfo.InvariantCulture, $"{editions}第{rank}名")
            : string.Create(CultureInfo.InvariantCulture, $"{editions} (rank {rank})");
    }

    static readonly IReadOnlyDictionary<ProjectStage, Words> StageNames = new Dictionary<ProjectStage, Words>
    {
        [ProjectStage.Lead] = new("线索", "lead"),
        [ProjectStage.Contacted] = new("已接触", "contacted"),
        [ProjectStage.Negotiating] = new("在谈", "negotiating"),
        [ProjectStage.Signed] = new("签约", "signed"),
        [ProjectStage.Started] = new("开工", "started"),
        [ProjectStage.InProduction] = new("投产", "in-production"),
        [ProjectStage.CapitalAdded] = new("增资", "capital-added"),
        [ProjectStage.Lost] = new("流失", "lost"),
    };

    [GeneratedRegex(@"\{(?<name>[a-zA-Z]+)(?::(?<format>[^}]+))?\}")]
    private static partial Regex Placeholder();
}
