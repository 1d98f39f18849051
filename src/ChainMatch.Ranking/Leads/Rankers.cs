using ChainMatch.Domain.Leads;
using ChainMatch.Ranking.Trees;

namespace ChainMatch.Ranking.Leads;

/// <summary>A way of ordering a gap's candidates: the model, or one of the baselines it must beat.</summary>
public sealed record Ranker(string Name, Func<IReadOnlyList<LeadCandidate>, IReadOnlyList<int>> Order)
{
    public static Ranker Model(TreeEnsemble model) => new("model", candidates =>
    {
        var scores = candidates.Select(c => model.Score(c.Features)).ToArray();
        return Ordered(candidates, (a, b) => scores[b].CompareTo(scores[a]));
    });

    /// <summary>What teams do today: listed firms first, by list rank, then by size (sites).</summary>
    public static readonly Ranker ListRank = new("list rank", candidates => Ordered(candidates, ByListThenSize(candidates)));

    /// <summary>Firms already making the segment elsewhere first (most sites first), then by list rank and size.</summary>
    public static readonly Ranker SegmentElsewhere = new("makes it elsewhere", candidates =>
    {
        var byList = ByListThenSize(candidates);
        return Ordered(candidates, (a, b) =>
        {
            var sites = Value(candidates[b], LeadFeature.SegmentSitesElsewhere).CompareTo(Value(candidates[a], LeadFeature.SegmentSitesElsewhere));
            return sites != 0 ? sites : byList(a, b);
        });
    });

    static Comparison<int> ByListThenSize(IReadOnlyList<LeadCandidate> c) => (a, b) =>
    {
        var listed = Listed(c[b]).CompareTo(Listed(c[a]));
        if (listed != 0) return listed;
        var rank = Rank(c[a]).CompareTo(Rank(c[b]));
        return rank != 0 ? rank : Value(c[b], LeadFeature.TotalSites).CompareTo(Value(c[a], LeadFeature.TotalSites));
    };

    static int Listed(LeadCandidate c) =>
        Value(c, LeadFeature.FortuneGlobal500) + Value(c, LeadFeature.ChinaTop500) + Value(c, LeadFeature.ChinaPrivateTop500) > 0 ? 1 : 0;

    static float Rank(LeadCandidate c) => float.IsNaN(Value(c, LeadFeature.BestListRank)) ? float.MaxValue : Value(c, LeadFeature.BestListRank);

    static float Value(LeadCandidate c, LeadFeature f) => c.Features[(int)f];

    /// <summary>Candidate indexes in order; ties broken by firm id so every run ranks the same way.</summary>
    static IReadOnlyList<int> Ordered(IReadOnlyList<LeadCandidate> candidates, Comparison<int> compare)
    {
        var order = Enumerable.Range(0, candidates.Count).ToArray();
        Array.Sort(order, (a, b) =>
        {
            var c = compare(a, b);
            return c != 0 ? c : string.CompareOrdinal(candidates[a].Firm.Id.Value, candidates[b].Firm.Id.Value);
        });
        return order;
    }
}
