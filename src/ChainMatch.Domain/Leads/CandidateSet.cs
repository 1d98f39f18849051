using System.Collections;
using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Reasons;

namespace ChainMatch.Domain.Leads;

/// <summary>
/// The candidates of one gap: their firms and their features. Candidates whose rows are equal bit for bit share one
/// row (many firms share a profile: about half of a gap's candidates on the benchmark's synthetic universe), so the
/// features are held as the distinct rows (<see cref="DistinctRows"/>, <see cref="LeadFeatures.Count"/> columns each)
/// and each candidate's place among them (<see cref="SlotOf"/>), which scoring reads without a copy. As a list it
/// gives one <see cref="LeadCandidate"/> per candidate, made on first use. Evidence (reasons as data) is worked out
/// only for the candidates that are shown.
/// </summary>
public sealed class CandidateSet : IReadOnlyList<LeadCandidate>
{
    static readonly int Width = LeadFeatures.Count;
    readonly ChainGraph _graph;
    readonly int[] _firms;
    readonly float[] _distinct;
    readonly int[] _slotOf;
    readonly Func<int, float[], IReadOnlyDictionary<LeadFeature, Reason>> _explain;
    LeadCandidate[]? _candidates;
    float[]? _rows;

    internal CandidateSet(Gap gap, ChainGraph graph, int[] firms, float[] distinct, int distinctCount, int[] slotOf,
        Func<int, float[], IReadOnlyDictionary<LeadFeature, Reason>> explain)
    {
        Gap = gap;
        _graph = graph;
        _firms = firms;
        _distinct = distinct;
        DistinctCount = distinctCount;
        _slotOf = slotOf;
        _explain = explain;
    }

    public Gap Gap { get; }

    /// <summary>The distinct feature rows, row after row in order of first appearance.</summary>
    public ReadOnlyMemory<float> DistinctRows => _distinct.AsMemory(0, DistinctCount * Width);
    public int DistinctCount { get; }

    /// <summary>Per candidate, its row among <see cref="DistinctRows"/>.</summary>
    public ReadOnlyMemory<int> SlotOf => _slotOf;

    /// <summary>Every candidate's features, row after row in candidate order (written out on first use).</summary>
    public ReadOnlyMemory<float> Rows => LazyInitializer.EnsureInitialized(ref _rows, () =>
    {
        var rows = new float[Count * Width];
        for (var i = 0; i < Count; i++) Row(i).CopyTo(rows.AsSpan(i * Width, Width));
        return rows;
    });

    public ReadOnlySpan<float> Row(int index) => _distinct.AsSpan(_slotOf[index] * Width, Width);

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
