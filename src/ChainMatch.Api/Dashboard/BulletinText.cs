using System.Globalization;
using ChainMatch.Domain.Dashboard;
using ChainMatch.Domain.Projects;

namespace ChainMatch.Api.Dashboard;

/// <summary>The bulletin's words, shared by its PDF and its HTML so the two never read differently.</summary>
static class BulletinText
{
    public static readonly IReadOnlyDictionary<Kpi, string> KpiLabels = new Dictionary<Kpi, string>
    {
        [Kpi.ProjectsSigned] = "签约项目", [Kpi.SignedAtLeastOneYi] = "亿元以上签约项目", [Kpi.AgreedInvestment] = "协议投资",
        [Kpi.FundsInPlace] = "到位资金", [Kpi.SignedWithListedFirm] = "三类500强签约项目", [Kpi.StartedProduction] = "投产项目",
        [Kpi.GapsHealed] = "补上的缺口", [Kpi.GapsNew] = "新出现的缺口",
    };

    public static string Unit(string unit) => unit switch { "projects" or "gaps" => "个", _ => unit };

    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Title(Bulletin b) => $"{b.RegionName}招商工作简报";

    public static string Subtitle(Bulletin b) =>
        $"{b.Period.From.Year}年{b.Period.From.Month}月 · {b.ChainName ?? "全部产业链"} · 同比：{b.PreviousYear.From:yyyy-MM-dd} 至 {b.PreviousYear.To:yyyy-MM-dd}";

    public const string Definitions = "口径：签约项目以首次达到签约及以后阶段的日期计（其后流失的仍计）；金额为项目库记录的协议投资、到位资金，单位亿元；缺口按缺口图规则判定。";

    public static string Project(KpiItem i) =>
        $"{i.Name} · {i.SegmentName} · {i.RegionName} · {i.Date:yyyy-MM-dd}{(i.Amount is { } a ? $" · {Number(a)} 亿元" : "")}";

    public static string Gap(KpiItem i) => $"{i.Name}（{i.RegionName}）";

    public static string Overdue(OverdueProblem o) =>
        $"{o.Firm}（{o.RegionName}）· {o.Problem.Category}：{o.Problem.Description} · 牵头：{o.Problem.LeadDepartment} · 期限 {o.Problem.Deadline:yyyy-MM-dd}，逾期 {o.DaysOverdue} 天";

    /// <summary>The sections after the figures: a title and its lines, in the bulletin's order.</summary>
    public static IEnumerable<(string Title, string Id, IReadOnlyList<(string Key, string Text)> Lines)> Sections(Bulletin b) =>
    [
        ("二、本月签约项目", "signings", [.. b.Signings.Select(i => (i.Id, Project(i)))]),
        ("三、本月新增线索", "new-leads", [.. b.NewLeads.Select(i => (i.Id, Project(i)))]),
        ("四、补上的缺口", "healed-gaps", [.. b.HealedGaps.Select(i => (i.Id, Gap(i)))]),
        ("五、新出现的缺口", "new-gaps", [.. b.NewGaps.Select(i => (i.Id, Gap(i)))]),
        ("六、逾期未办结问题", "overdue", [.. b.Overdue.Select(o => ($"{o.Project}/{o.Problem.Id}", Overdue(o)))]),
    ];
}
