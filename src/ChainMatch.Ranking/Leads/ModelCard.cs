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
        var p = o.Parameters;
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"# Lead ranking model: `{modelFile}`");
        sb.AppendLine();
        sb.AppendLine("Written by `chainmatch train`; do not edit by hand. Scores one candidate firm for one gap (segment × region);");
        sb.AppendLine("the service evaluates the saved trees in managed code (`TreeEnsemble`).");
        sb.AppendLine();
        sb.AppendLine("## Data");
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"- Graph: {r.DataDescription}, read as of {o.AsOf:yyyy-MM-dd}.");
        sb.AppendLine(CultureInfo.InvariantCulture, $"- Labels: link prediction. Each firm × segment × prefecture with a sourced, active presence at prefecture level or finer was posed in turn ({r.Hidden} arrivals): everything the firm has in that prefecture, its sites and its projects, was hidden, the segment in the prefecture became the query and the firm the one relevant candidate. In {r.Unreachable} of them the firm had no other tie to the segment or its neighbours, so candidate generation could not reach it (candidate recall {Ratio(r.Hidden - r.Unreachable, r.Hidden)}); those queries are left out. The project library adds graded labels once it holds leads.");
        sb.AppendLine(CultureInfo.InvariantCulture, $"- Labels from the project library: {r.Projects} projects gave {r.ProjectQueries} graded queries (lost/none 0, contacted 1, negotiating 2, signed 3, started 4, in production 5), each posed as the graph stood when the project's first step was recorded, with the graded projects hidden from the features.");
        sb.AppendLine(CultureInfo.InvariantCulture, $"- Split by gap (seed {o.Seed}, {o.TestShare:P0} of gaps held out; no gap in both parts): {r.TrainQueries} training queries ({r.TrainRows} rows), {r.TestQueries} test queries ({r.TestRows} rows).");
        sb.AppendLine();
        sb.AppendLine("## Parameters");
        sb.AppendLine();
        var settings = string.Join(", ", p.ToXGBoost().Select(kv => $"`{kv.Name}={kv.Value}`"));
        sb.AppendLine(CultureInfo.InvariantCulture, $"XGBoost {r.XGBoostVersion} (Debian libxgboost0), {p.Rounds} rounds: {settings}.");
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
        sb.AppendLine("## Features (model column order)");
        sb.AppendLine();
        sb.AppendLine("| # | feature | meaning |");
        sb.AppendLine("| ---: | --- | --- |");
        foreach (var f in Enum.GetValues<LeadFeature>())
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {(int)f} | `{LeadFeatures.Names[(int)f]}` | {LeadFeatures.Descriptions[f]} |");
        return sb.ToString();
    }

    static string Ratio(int part, int whole) => whole == 0 ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{(double)part / whole:P0}");
}
