using System.Runtime.InteropServices;
using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Reasons;

namespace ChainMatch.Domain.Leads;

/// <summary>
/// The candidates of one gap before their feature rows are built: for each, the range every feature of its row lies
/// in, known without following its supply ties (<see cref="Box"/>), and its full row on demand (<see cref="Write"/>).
/// Ranking the first few builds full rows only for the candidates whose range can still reach them. Used by one request at a time; dispose it to give the gap's scratch marks back.
/// </summary>
public sealed class Prospects : IDisposable
{
    static readonly int Width = LeadFeatures.Count;
    readonly LeadIndexes _indexes;
    readonly GapContext _context;
    readonly LeadEvidence _evidence;
    readonly int[] _firms;
    readonly List<Site> _sites = [];

    internal Prospects(LeadIndexes indexes, GapContext context, LeadEvidence evidence)
    {
        _indexes = indexes;
        _context = context;
        _evidence = evidence;
        _firms = [.. CandidatePool.Of(indexes, context)];
    }

    public Gap Gap => _context.Gap;
    public int Count => _firms.Length;
    public Firm FirmAt(int index) => _indexes.Graph.Firms[_firms[index]];

    /// <summary>
    /// Where each feature of the candidate's row lies: every column as <see cref="Write"/> gives it, but for the two
    /// counts of supply ties to local firms, each somewhere from none to all of the firm's ties (counting them asks
    /// where each tied firm's sites are, most of a row's work). Per feature f: a value x, not missing, lies in
    /// [<paramref name="lo"/>[f], <paramref name="hi"/>[f]]; lo NaN means it may also be missing (and is at most hi),
    /// hi NaN that it is missing.
    /// </summary>
    public void Box(int index, Span<float> lo, Span<float> hi)
    {
        var firm = _firms[index];
        FeatureRows.Sites(_indexes, firm, _context, _sites);
        FeatureRows.WriteAllButTies(_indexes, firm, CollectionsMarshal.AsSpan(_sites), _context, lo);
        lo.CopyTo(hi);
        (lo[(int)LeadFeature.SuppliesLocalFirms], hi[(int)LeadFeature.SuppliesLocalFirms]) = (0, _indexes.Customers[firm]?.Length ?? 0);
        (lo[(int)LeadFeature.BuysFromLocalFirms], hi[(int)LeadFeature.BuysFromLocalFirms]) = (0, _indexes.Suppliers[firm]?.Length ?? 0);
    }

    /// <summary>Writes the candidate's full feature row, exactly as <see cref="LeadFinder.Candidates"/> gives it.</summary>
    public void Write(int index, Span<float> row)
    {
        if (row.Length != Width) throw new ArgumentException($"a row has {Width} features, not {row.Length}", nameof(row));
        FeatureRows.Sites(_indexes, _firms[index], _context, _sites);
        FeatureRows.Write(_indexes, _firms[index], CollectionsMarshal.AsSpan(_sites), _context, row);
    }

    /// <summary>Per feature, the evidence behind the candidate's row (as written by <see cref="Write"/>).</summary>
    public IReadOnlyDictionary<LeadFeature, Reason> Evidence(int index, float[] row) => _evidence.Of(_firms[index], _context, row);

    public void Dispose() => _context.ReleaseMarks();
}
