using System.Globalization;
using System.Text;
using ChainMatch.Domain.Gaps;
using ChainMatch.Domain.Reasons;

namespace ChainMatch.Cli;

/// <summary>Plain-text tables for terminals, with Chinese characters counted as two columns wide.</summary>
static class Tables
{
    public static string StatusMap(StatusMapReport map, Language language)
    {
        var s = map.Summary;
        var header = $"{map.ChainName} ({map.Chain}) in {map.RegionName} ({map.Region}) as of {map.AsOf:yyyy-MM-dd}: " +
                     $"{s.Present} present, {s.Weak} weak, {s.Missing} missing, {s.Unverified} unverified of {s.Segments}";
        var rows = map.Segments.Select(x => new[]
        {
            Kebab(x.Stage), x.Id, x.Name, Kebab(x.Status), x.GapKind is { } k ? Kebab(k) : "", x.Priority?.ToString(CultureInfo.InvariantCulture) ?? "",
            x.LocalFirms.Count.ToString(CultureInfo.InvariantCulture), ReasonText.Join(x.Reasons, language),
        });
        return header + "\n" + Render(["stage", "segment", "name", "status", "gap", "priority", "firms", "reasons"], rows);
    }

    public static string GapList(GapListReport list, Language language)
    {
        var header = $"Gaps in {list.RegionName} ({list.Region}) as of {list.AsOf:yyyy-MM-dd}, highest priority first: {list.Gaps.Count}";
        var rows = list.Gaps.Select(g => new[]
        {
            g.Priority.ToString(CultureInfo.InvariantCulture), Kebab(g.Band), Kebab(g.Kind), g.Segment, g.Name, string.Join(",", g.Chains), ReasonText.Join(g.Reasons, language),
        });
        return header + "\n" + Render(["priority", "band", "gap", "segment", "name", "chains", "reasons"], rows);
    }

    public static string Changes(GapChangesReport report)
    {
        var header = $"Gap changes in {report.Region} from {report.From:yyyy-MM-dd} to {report.To:yyyy-MM-dd}";
        var rows = report.Changes.Select(c => new[]
        {
            Kebab(c.Change), c.Segment, c.Name, c.Before is { } b ? Kebab(b) : "", c.After is { } a ? Kebab(a) : "", string.Join(",", c.Chains),
        });
        return header + "\n" + Render(["change", "segment", "name", "before", "after", "chains"], rows);
    }

    public static string Leads(Ranking.Leads.LeadList list, Language language)
    {
        var header = $"Leads for {list.SegmentName} ({list.Segment}) in {list.RegionName} ({list.Region}) as of {list.AsOf:yyyy-MM-dd}: top {list.Leads.Count} of {list.Candidates} candidates";
        var rows = list.Leads.Select(l => new[]
        {
            l.Rank.ToString(CultureInfo.InvariantCulture), l.FirmId, l.Name, l.Score.ToString("F3", CultureInfo.InvariantCulture), ReasonText.Join(l.Reasons, language),
        });
        return header + "\n" + Render(["rank", "firm", "name", "score", "reasons"], rows);
    }

    public static string Backtest(Ranking.Leads.BacktestResult r)
    {
        var scores = Render(["ranker", "landings", "hit@5", "hit@10", "mrr", "recall@50"], r.Scores.Select(s => new[]
        {
            s.Ranker, s.Landings.ToString(CultureInfo.InvariantCulture), F(s.HitAt5), F(s.HitAt10), F(s.Mrr), F(s.RecallAt50),
        }));
        var rankers = r.Scores.Select(s => s.Ranker).ToArray();
        var landings = Render(["year", "firm", "segment", "prefecture", "candidates", .. rankers], r.Ranked.OrderBy(l => l.Year).Select(l =>
            new[] { l.Year.ToString(CultureInfo.InvariantCulture), l.Firm, l.Segment, l.Prefecture, l.Candidates.ToString(CultureInfo.InvariantCulture) }
                .Concat(rankers.Select(k => l.Ranks[k]?.ToString(CultureInfo.InvariantCulture) ?? "-")).ToArray()));
        var differences = string.Join("\n", r.Differences.Select(d => string.Create(CultureInfo.InvariantCulture,
            $"model MRR − {d.Baseline}: {d.Difference:+0.000;−0.000;0.000} ± {d.StandardError:F3} (standard error of the paired difference over {d.Landings} landings)")));
        return scores + "\n" + differences + "\n\n" + landings;
    }

    public static string Targets(Ranking.Leads.TargetList list, Language language)
    {
        var header = $"Targets for {list.RegionName} ({list.Region}) as of {list.AsOf:yyyy-MM-dd}: {list.Firms} firms over {list.Gaps} gaps";
        var rows = list.Targets.Select(t => new[]
        {
            t.Score.ToString("F3", CultureInfo.InvariantCulture), t.FirmId, t.Name, t.Revenue?.ToString("F0", CultureInfo.InvariantCulture) ?? "-",
            string.Join(" ", t.Lists.Select(l => l.Rank is { } r ? $"{l.List}#{r}" : l.List)),
            string.Join(", ", t.Gaps.Select(g => g.Segment)), Kebab(t.Gaps[0].GapKind), ReasonText.Join(t.Reasons, language),
        });
        return header + "\n" + Render(["score", "firm", "name", "revenue", "lists", "gaps", "kind", "reasons"], rows);
    }

    public static string Scores(IEnumerable<Ranking.Leads.RankingScores> scores) => Render(
        ["ranker", "queries", "ndcg@5", "ndcg@10", "map", "recall@10", "mrr"],
        scores.Select(s => new[]
        {
            s.Ranker, s.Queries.ToString(CultureInfo.InvariantCulture), F(s.Ndcg5), F(s.Ndcg10), F(s.Map), F(s.Recall10), F(s.Mrr),
        }));

    public static string Keys(IEnumerable<Storage.Access.ApiKey> keys) => Render(
        ["id", "name", "role", "region", "chains", "created", "revoked"],
        keys.Select(k => new[] { k.Id, k.Name, k.Role, k.Region, string.Join(",", k.Chains), k.Created.ToString("yyyy-MM-dd HH:mm"), k.Revoked?.ToString("yyyy-MM-dd HH:mm") ?? "" }));

    static string F(double value) => value.ToString("F3", CultureInfo.InvariantCulture);

    static string Render(string[] headers, IEnumerable<string[]> rows)
    {
        var all = rows.Prepend(headers).ToList();
        var widths = headers.Select((_, i) => all.Max(r => Width(r[i]))).ToArray();
        var sb = new StringBuilder();
        foreach (var row in all)
        {
            for (var i = 0; i < row.Length; i++)
            {
                sb.Append(row[i]);
                if (i < row.Length - 1) sb.Append(' ', widths[i] - Width(row[i]) + 2);
            }
            sb.Append('\n');
        }
        return sb.ToString().TrimEnd('\n');
    }

    static int Width(string text) => text.Sum(c => c is >= '\u1100' and (<= '\u115f' or >= '\u2e80' and <= '\ua4cf' or >= '\uac00' and <= '\ud7a3' or >= '\uf900' and <= '\ufaff' or >= '\ufe30' and <= '\ufe4f' or >= '\uff00' and <= '\uff60' or >= '\uffe0' and <= '\uffe6') ? 2 : 1);

    static string Kebab<TEnum>(TEnum value) where TEnum : struct, Enum =>
        System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}
