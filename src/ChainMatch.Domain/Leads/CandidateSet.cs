using System.Collections;
using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Reasons;

namespace ChainMatch.Domain.Leads;

/// <summary>
/// The candidates of one gap: their firms and their features as one dense matrix (<see cref="Rows"/>, one row of
/// <see cref="LeadFeatures.Count"/> columns per candidate), which scoring reads without a copy. As a list it gives one
/// <see cref="LeadCandidate"/> per row, made on first use. Evidence (reasons as data) is worked out only for
/// the candidates that are shown.
/// </summary>
public sealed class CandidateSet : IReadOnlyList<LeadCandidate>
{
    readonly ChainGraph _graph;
    readonly int[] _firms;
    readonly float[] _rows;
    readonly Func<int, float[], IReadOnlyDictionary<LeadFeature, Reason>> _explain;
    LeadCandidate[]? _candidates;

    internal CandidateSet(Gap gap, ChainGraph graph, int[] firms, float[] rows, Func<int, float[], IReadOnlyDictionary<LeadFeature, Reason>> explain)
    {
        Gap = gap;
        _graph = graph;
        _firms = firms;
        _rows = rows;
        _explain = explain;
    }

    public Gap Gap { get; }

    /// <summary>Every candidate's features, row after row in candidate order.</summary>
    public ReadOnlyMemory<float> Rows => _rows;

    public ReadOnlySpan<float> Row(int index) => _rows.AsSpan(index * LeadFeatures.Count, LeadFeatures.Count);

    public Firm FirmAt(int index) => _graph.Firms[_firms[index]];

    /// <summary>Per feature, the evidence behind the candidate's value, e.g. lead.segment_sites_elsewhere (LFP cathode, 湖北省).</summary>
    public IReadOnlyDictionary<LeadFeature, Reason> Evidence(int index) => _explain(_firms[index], Row(index).ToArray());

    public IReadOnlyDictionary<LeadFeature, Reason> Evidence(LeadCandidate candidate) => _explain(_graph.IndexOf(candidate.Firm.Id), candidate.Features);

    public LeadCandidate this[int index] => Candidates()[index];
    public int Count => _firms.Length;
    public IEnumerator<LeadCandidate> GetEnumerator() => ((IEnumerable<LeadCandidate>)Candidates()).GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    LeadCandidate[] Candidates() => LazyInitializer.EnsureInitialized(ref _candidates,
        () => [.. Enumerable.Range(0, Count).Select(i => new LeadCandidate(FirmAt(i), Row(i).ToArray()))]);
}
