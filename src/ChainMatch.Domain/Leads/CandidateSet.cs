using System.Collections;
using ChainMatch.Domain.Graph;

namespace ChainMatch.Domain.Leads;

/// <summary>The candidates of one gap. Evidence in plain words is worked out only for the candidates that are shown.</summary>
public sealed class CandidateSet : IReadOnlyList<LeadCandidate>
{
    readonly IReadOnlyList<LeadCandidate> _candidates;
    readonly Func<Firm, IReadOnlyDictionary<LeadFeature, string>> _explain;

    internal CandidateSet(Gap gap, IReadOnlyList<LeadCandidate> candidates, Func<Firm, IReadOnlyDictionary<LeadFeature, string>> explain)
    {
        Gap = gap;
        _candidates = candidates;
        _explain = explain;
    }

    public Gap Gap { get; }

    /// <summary>Per feature, the evidence behind the candidate's value, e.g. "makes LFP cathode in 湖北省".</summary>
    public IReadOnlyDictionary<LeadFeature, string> Evidence(LeadCandidate candidate) => _explain(candidate.Firm);

    public LeadCandidate this[int index] => _candidates[index];
    public int Count => _candidates.Count;
    public IEnumerator<LeadCandidate> GetEnumerator() => _candidates.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
