using System.Reflection;
using System.Globalization;
using System.Text;
using ChainMatch.Domain.Leads;

namespace ChainMatch.Ranking.Leads;

/// <summary>The model card written beside a trained model: features, data, parameters, metrics.</summary>
public static class ModelCard
{
    public static string Write(TrainingReport r, string modelFile)
    {
        var o = r.Options;
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"# Lead ranking model: `{modelFile}`");
        sb.AppendLine();
        sb.AppendLine("Written by `chainmatch train`; do not edit by hand. Scores one candidate firm for one gap (segment × region);");
        sb.AppendLine("the file is ML.NET's own model (`mlContext.Model.Save`); the service reads its trees and evaluates them in managed code (`TreeEnsemble`).");
        sb.AppendLine();
        sb.AppendLine("## Data");
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"- Graph: {r.DataDescription}, read as of {o.AsOf:yyyy-MM-dd}.");
        sb.AppendLine(CultureInfo.InvariantCulture, $"- Labels: link prediction. Each firm × segment × prefecture with a sourced, active presence at prefecture level or finer was posed in turn ({r.Hidden} arrivals): everything the firm has in that prefecture, its sites and its projects, was hidden, the segment in the prefecture became the query and the firm the one relevant candidate. In {r.Unreachable} of them the firm had no other tie to the segment or its neighbours, so candidate generation could not reach it (candidate recall {Ratio(r.Hidden - r.Unreachable, r.Hidden)}); those queries are left out. The project library adds graded labels once it holds leads.");
        if (r.Options.DatedArrivals)
            sb.AppendLine(CultureInfo.InvariantCulture, $"- Labels posed in time: each of the {r.Dated.Hidden} arrivals with a known first year (the firm not yet in the segment there the year before) was also posed as the graph stood at the end of the year before it, as the backtest poses a landing; {r.Dated.Hidden - r.Dated.Unreachable} were reachable and became queries.");
        sb.AppendLine(CultureInfo.InvariantCulture, $"- Labels from the project library: {r.Projects} projects gave {r.ProjectQueries} graded queries (lost/none 0, contacted 1, negotiating 2, signed 3, started 4, in production 5), each posed as the graph stood when the project's first step was recorded, with the graded projects hidden from the features.");
        sb.AppendLine(CultureInfo.InvariantCulture, $"- Split by gap (seed {o.Seed}, {o.TestShare:P0} of gaps held out; no gap in both parts): {r.TrainQueries} training queries ({r.TrainRows} rows), {r.TestQueries} test queries ({r.TestRows} rows).");
        sb.AppendLine();
        sb.AppendLine("## Trainer");
        sb.AppendLine();
        sb.AppendLine("Each trainer below was fitted on the training gaps; the one with the best held-out NDCG@10 is shipped, unless the first listed is within one standard error of the paired per-query difference from it: the held-out gaps cannot tell those two apart, and the first listed is the one the service ranks fastest with.");
        sb.AppendLine();
        sb.AppendLine("| trainer | NDCG@5 | NDCG@10 | MAP | recall@10 | MRR | shipped |");
        sb.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var c in r.Candidates)
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"| {c.Parameters.Trainer} | {c.Scores.Ndcg5:F3} | {c.Scores.Ndcg10:F3} | {c.Scores.Map:F3} | {c.Scores.Recall10:F3} | {c.Scores.Mrr:F3} | {(c.Parameters == r.Chosen ? "yes" : "")} |");
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Shipped: {r.Chosen.Describe()}. ML.NET {MlNetVersion}.");
        sb.AppendLine();
        // The model shipped before ML.NET cannot be retrained (its binding is gone), so its figures are quoted, with where they come from.
        sb.AppendLine("The XGBoost 1.7 model shipped before ML.NET, beside ML.NET's trainers on the same earlier seeds and features: held-out NDCG@10 0.823 against FastTree 0.851 and LightGBM 0.840; backtest MRR 0.319 / 0.255 / 0.230 against FastTree's 0.307 / 0.267 / 0.200 (docs/ranking.md, \"Earlier models\").");
        sb.AppendLine();
        sb.AppendLine("## Held-out metrics");
        sb.AppendLine();
        sb.AppendLine("| ranker | queries | NDCG@5 | NDCG@10 | MAP | recall@10 | MRR |");
        sb.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var s in r.Scores)
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {s.Ranker} | {s.Queries} | {s.Ndcg5:F3} | {s.Ndcg10:F3} | {s.Map:F3} | {s.Recall10:F3} | {s.Mrr:F3} |");
        sb.AppendLine();
        sb.AppendLine("Baselines: *list rank* orders listed firms first by best list rank, then by number of sites; *makes it elsewhere* orders by sites operating the segment elsewhere, then as list rank.");
        sb.AppendLine();
        if (r.Backtests.Count > 0)
        {
            sb.AppendLine("## Backtest on real landings");
            sb.AppendLine();
            sb.AppendLine(CultureInfo.InvariantCulture, $"`chainmatch backtest --as-of YEAR`: trained with the shipped trainer on the graph as it stood at the end of YEAR−1, then where each ranker put every firm that entered a segment of a prefecture of {r.Options.BacktestRegion} in YEAR or later.");
            sb.AppendLine();
            sb.AppendLine("| from | landings | model: hit@5 / hit@10 / MRR | list rank | makes it elsewhere | recall@50 | model MRR − list rank | model MRR − makes it elsewhere |");
            sb.AppendLine("| ---: | ---: | --- | --- | --- | ---: | ---: | ---: |");
            foreach (var b in r.Backtests)
                sb.AppendLine(CultureInfo.InvariantCulture,
                    $"| {b.Year} | {b.Landings} | {Hits(b, "model")} | {Hits(b, Ranker.ListRank.Name)} | {Hits(b, Ranker.SegmentElsewhere.Name)} | {b.Scores.Single(s => s.Ranker == "model").RecallAt50:F3} | {Gain(b, Ranker.ListRank.Name)} | {Gain(b, Ranker.SegmentElsewhere.Name)} |");
            sb.AppendLine();
            sb.AppendLine("A gain is the mean over landings of the difference of reciprocal ranks, ± its standard error: a gain within about two standard errors of 0 is not one the landings can tell from none.");
            sb.AppendLine();
            var beaten = r.Backtests.Where(b => b.Scores.Single(s => s.Ranker == "model").Mrr > b.Scores.Where(s => s.Ranker != "model").Max(s => s.Mrr)).Select(b => b.Year).ToList();
            var missed = r.Backtests.Select(b => b.Year).Except(beaten).ToList();
            sb.AppendLine(missed.Count == 0
                ? "The model's MRR is above both baselines' from every starting year."
                : $"The model's MRR is above both baselines' from {(beaten.Count == 0 ? "no starting year" : string.Join(", ", beaten))}; not from {string.Join(", ", missed)}.");
            sb.AppendLine();
        }
        sb.AppendLine("## Features (model column order)");
        sb.AppendLine();
        sb.AppendLine("| # | feature | meaning |");
        sb.AppendLine("| ---: | --- | --- |");
        foreach (var f in Enum.GetValues<LeadFeature>())
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {(int)f} | `{LeadFeatures.Names[(int)f]}` | {LeadFeatures.Descriptions[f]} |");
        return sb.ToString();
    }

    static string MlNetVersion =>
        (typeof(Microsoft.ML.MLContext).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "?").Split('+')[0];

    static string Hits(BacktestResult b, string ranker)
    {
        var s = b.Scores.Single(x => x.Ranker == ranker);
        return string.Create(CultureInfo.InvariantCulture, $"{s.HitAt5:F3} / {s.HitAt10:F3} / {s.Mrr:F3}");
    }

    static string Gain(BacktestResult b, string baseline)
    {
        var d = b.Differences.Single(x => x.Baseline == baseline);
        return string.Create(CultureInfo.InvariantCulture, $"{d.Difference:+0.000;−0.000;0.000} ± {d.StandardError:F3}");
    }

    static string Ratio(int part, int whole) => whole == 0 ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{(double)part / whole:P0}");
}
