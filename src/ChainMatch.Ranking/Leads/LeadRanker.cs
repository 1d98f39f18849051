using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Leads;
using ChainMatch.Domain.Reasons;
using ChainMatch.Ranking.Trees;

namespace ChainMatch.Ranking.Leads;

/// <summary>A ranked firm for a gap. <see cref="ExcludedBy"/> names the negative-list rules that catch it (shown only when asked for).</summary>
public sealed record Lead(
    string FirmId, string Name, string? NameEn, string? Headquarters, double Score, int Rank, IReadOnlyList<Reason> Reasons)
{
    public bool Excluded => ExcludedBy.Count > 0;
    public IReadOnlyList<string> ExcludedBy { get; init; } = [];
}

public sealed record LeadList(
    string Segment, string SegmentName, string Region, string RegionName, DateOnly AsOf, int Candidates, IReadOnlyList<Lead> Leads);

/// <summary>A gap's candidates and the model's score of each, in candidate order.</summary>
public sealed record ScoredCandidates(CandidateSet Candidates, float[] Scores);

/// <summary>
/// The one way firms are scored for a gap: lead lists, target lists, anchor ranking, simulation followers and
/// coordination all ask it. Ranks a gap's candidates with the model and explains each lead by the features that raised
/// its score most. Thread-safe: the model is immutable and finders are kept with each graph snapshot per date
/// (presences are read by year, project steps by day); a write's snapshot derives its finders from the previous
/// snapshot's (<see cref="LeadFinder.For"/>).
/// </summary>
public sealed class LeadRanker(TreeEnsemble model)
{
    const int ReasonsPerLead = 3;

    public TreeEnsemble Model => model;

    /// <summary>The candidates of the gap on the graph as of the date, each with the model's score.</summary>
    public ScoredCandidates Score(ChainGraph graph, Gap gap, DateOnly asOf)
    {
        var candidates = LeadFinder.For(graph, asOf).Candidates(gap);
        return new ScoredCandidates(candidates, CandidateScores.Of(model, candidates));
    }

    /// <param name="include">When given, only candidates it accepts are ranked (filters of a target list).</param>
    /// <param name="includeExcluded">Keep candidates the negative list catches, flagged with the rules, instead of leaving them out.</param>
    public LeadList Rank(ChainGraph graph, Gap gap, DateOnly asOf, int top, Func<Firm, bool>? include = null, bool includeExcluded = false)
    {
        var segment = graph.FindSegment(gap.Segment) ?? throw new NotFoundException("segment", gap.Segment.Value);
        var region = graph.FindRegion(gap.Region) ?? throw new NotFoundException("region", gap.Region.Value);
        using var candidates = LeadFinder.For(graph, asOf).Prospects(gap);
        var negative = new NegativeList(graph, gap);
        // Most gaps have no rule that applies: then no candidate's firm is looked up for one.
        IReadOnlyList<NegativeRule>[]? rules = null;
        if (!negative.IsEmpty)
        {
            rules = new IReadOnlyList<NegativeRule>[candidates.Count];
            for (var i = 0; i < rules.Length; i++) rules[i] = negative.Catching(candidates.FirmAt(i).Id);
        }
        IReadOnlyList<NegativeRule> RulesOf(int i) => rules?[i] ?? [];
        bool Considered(int i) => (includeExcluded || rules is null || rules[i].Count == 0) && (include is null || include(candidates.FirmAt(i)));
        // Only candidates that can still rank within the first `top` have their rows built and scored: the leads are those of scoring all.
        var best = top > 0 ? CandidateScores.Best(model, candidates, Considered, top) : null;
        var scores = best?.Scores ?? [];
        var scored = Enumerable.Range(0, scores.Length)
            .Where(i => !float.IsNaN(scores[i]))
            .Select(i => (Index: i, Firm: candidates.FirmAt(i), Score: scores[i], Rules: RulesOf(i)))
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Firm.Id.Value, StringComparer.Ordinal)
            .Take(top)
            .Select((x, i) => new Lead(x.Firm.Id.Value, x.Firm.Name, x.Firm.NameEn,
                x.Firm.Headquarters is { } hq ? graph.FindRegion(hq)?.Name : null,
                Math.Round(x.Score, 4), i + 1, Reasons(best!.Rows[x.Index]!, candidates.Evidence(x.Index, best.Rows[x.Index]!)))
            {
                ExcludedBy = [.. x.Rules.Select(r => r.ToString())],
            })
            .ToList();
        return new LeadList(segment.Id.Value, segment.Name, region.Code.Value, region.Name, asOf, candidates.Count, scored);
    }

    /// <summary>The evidence of the features that pushed the score up most; the strongest evidence when none did.</summary>
    IReadOnlyList<Reason> Reasons(ReadOnlySpan<float> features, IReadOnlyDictionary<LeadFeature, Reason> evidence)
    {
        var contributions = model.Contributions(features);
        var explained = Enum.GetValues<LeadFeature>()
            .Where(evidence.ContainsKey)
            .OrderByDescending(f => contributions[(int)f])
            .ToList();
        var raising = explained.Where(f => contributions[(int)f] > 0).ToList();
        var shown = (raising.Count > 0 ? raising : explained).Take(ReasonsPerLead).ToList();
        // A candidate by industry alone always says so, and says what the industry is: what is known and what is not.
        foreach (var always in new[] { LeadFeature.IndustryAffinity, LeadFeature.AffinityOnly })
            if (evidence.ContainsKey(always) && !shown.Contains(always) && evidence.ContainsKey(LeadFeature.AffinityOnly)) shown.Add(always);
        // The three list features share one standing: say it once.
        return shown.Select(f => evidence[f]).DistinctBy(r => r.Text.En).ToList();
    }
}
