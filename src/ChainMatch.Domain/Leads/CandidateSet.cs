using System.Collections;
using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Reasons;

namespace ChainMatch.Domain.Leads;

/// <summary>The candidates of one gap. Evidence (reasons as data) is worked out only for the candidates that are shown.</summary>
public sealed class CandidateSet : IReadOnlyList<LeadCandidate>
{
    readonly IReadOnlyList<LeadCandidate> _candidates;
    readonly Func<Firm, IReadOnlyDictionary<LeadFeature, Reason>> _explain;

    internal CandidateSet(Gap gap, IReadOnlyList<LeadCandidate> candidates, Func<Firm, IReadOnlyDictionary<LeadFeature, Reason>> explain)
    {
        Gap = gap;
        _candidates = candidates;
        _explain = explain;
    }

    public Gap Gap { get; }

    /// <summary>Per feature, the evidence behind the candidate's value, e.g. lead.segment_sites_elsewhere (LFP cathode, 湖北省).</summary>
    public IReadOnlyDictionary<LeadFeature, Reason> Evidence(LeadCandidate candidate) => _explain(candidate.Firm);

    public LeadCandidate this[int index] => _candidates[index];
    public int Count => _candidates.Count;
    public IEnumerator<LeadCandidate> GetEnumerator() => _candidates.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
