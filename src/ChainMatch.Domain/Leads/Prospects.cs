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
        _upstream = context.IsUpstream.Count(x => x);
        _downstream = context.IsDownstream.Count(x => x);
        _chain = context.InChain.Count(x => x);
        // One pass over the segment's plants counts each firm's, and its groups', outside the region.
        var graph = indexes.Graph;
        var marks = context.Marks;
        foreach (var p in graph.PresenceIndexesIn(context.SegmentIndex))
            if (context.Counts(p) && !graph.IsWithin(p, context.RegionScope))
            {
                var firm = graph.FirmOfPresence(p);
                var capacity = graph.Data.Presences[p].Capacity is not null;
                marks.AddElsewhere(firm, capacity);
                if (graph.ParentOf(firm) >= 0)
                    foreach (var group in graph.GroupAbove(firm)) marks.AddElsewhere(group, capacity);
            }
    }

    readonly int _upstream, _downstream, _chain;

    /// <summary>
    /// The candidates in groups that one rough box holds (see <see cref="RoughGroups"/>): those with a
    /// <see cref="RoughProfiles"/> key and the same plants in the segment outside the region, whose headquarters lie in
    /// the province alike and at distances between the same two of <paramref name="distanceBreaks"/> (ascending; a
    /// distance above one and up to the next is in its band, a missing one in a band of its own).
    /// </summary>
    public RoughGroups Group(ReadOnlySpan<float> distanceBreaks)
    {
        var profiles = _indexes.RoughProfiles;
        var firmFeatures = _indexes.Firms;
        var marks = _context.Marks;
        // Per headquarters region (index + 1, 0: none) its band, found on first sight.
        var bandOfRegion = new int[_indexes.Graph.Regions.Length + 1];
        Array.Fill(bandOfRegion, -1);
        var bands = new Dictionary<(bool InProvince, int Bin), int>();
        var (bandLo, bandHi) = (new List<float>(), new List<float>());
        var keys = new ulong[_firms.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            var firm = _firms[i];
            var profile = profiles[firm];
            var (elsewhere, capacity) = marks.Elsewhere(firm);
            if (profile == RoughProfiles.None || elsewhere >= 1 << (RoughProfiles.GapBits - 1))
            {
                keys[i] = RoughProfiles.None;
                continue;
            }
            var region = (int)(profile >> RoughProfiles.HeadquartersShift);
            ref var band = ref bandOfRegion[region];
            if (band < 0)
            {
                var inProvince = region > 0 && _context.ProvinceScope.Contains(firmFeatures.HeadquartersEnter[firm]);
                var distance = region > 0 ? _context.DistanceKmFrom(region - 1) : float.NaN;
                var bin = float.IsNaN(distance) ? distanceBreaks.Length + 1 : Below(distanceBreaks, distance);
                if (!bands.TryGetValue((inProvince, bin), out band))
                {
                    bands.Add((inProvince, bin), band = bands.Count);
                    bandLo.Add(distance);
                    bandHi.Add(distance);
                }
                else if (!float.IsNaN(distance))
                    (bandLo[band], bandHi[band]) = (Math.Min(bandLo[band], distance), Math.Max(bandHi[band], distance));
            }
            keys[i] = (profile & ((1UL << RoughProfiles.HeadquartersShift) - 1)) | (ulong)band << RoughProfiles.HeadquartersShift
                | (ulong)elsewhere << 1 | (capacity ? 1UL : 0);
        }
        return RoughGroups.Of(keys, [.. bandLo], [.. bandHi]);
    }

    /// <summary>How many of the ascending, distinct breaks lie below the value.</summary>
    static int Below(ReadOnlySpan<float> breaks, float x) => breaks.BinarySearch(x) is var at && at >= 0 ? at : ~at;

    /// <summary>
    /// A range of every feature that holds the rough box of each candidate of the group: the first member's, its
    /// headquarters' distance widened to its band's. Same form as <see cref="Box"/>.
    /// </summary>
    public void RoughBox(RoughGroups groups, int group, Span<float> lo, Span<float> hi)
    {
        RoughBox(groups.Members(group)[0], lo, hi);
        if (!groups.Shared(group, out var distanceLo, out var distanceHi)) return;
        var distance = (int)LeadFeature.HeadquartersDistanceKm;
        (lo[distance], hi[distance]) = (distanceLo, distanceHi);
    }

    public Gap Gap => _context.Gap;
    public int Count => _firms.Length;
    public Firm FirmAt(int index) => _indexes.Graph.Firms[_firms[index]];

    /// <summary>
    /// A wider range than <see cref="Box"/>'s, known without a pass over the candidate's sites: its gap-independent
    /// columns, the gap's constants, those read from its headquarters, projects and industry, and its plants in the
    /// segment outside the region (counted for every candidate in one pass over the segment's plants) are exact; a count
    /// over its sites is at most the plants it and its subsidiaries hold (hidden ones only lower it), and a share of
    /// the national capacity is 0 when none of those plants records one. Same form as <see cref="Box"/>.
    /// </summary>
    public void RoughBox(int index, Span<float> lo, Span<float> hi)
    {
        var firm = _firms[index];
        var gap = _context;
        var plants = Plants(firm);
        var (elsewhere, capacity) = _context.Marks.Elsewhere(firm);
        FeatureRows.WriteKnown(_indexes, firm, gap, lo);
        lo[(int)LeadFeature.SegmentSitesElsewhere] = elsewhere;
        lo.CopyTo(hi);
        Range(lo, hi, LeadFeature.UpstreamSegments, Math.Min(plants, _upstream));
        Range(lo, hi, LeadFeature.DownstreamSegments, Math.Min(plants, _downstream));
        Range(lo, hi, LeadFeature.ChainSegments, Math.Min(plants, _chain));
        Range(lo, hi, LeadFeature.SitesInProvince, plants);
        Range(lo, hi, LeadFeature.SitesInRegion, plants);
        Range(lo, hi, LeadFeature.RecentSites, plants);
        Range(lo, hi, LeadFeature.TotalSites, plants);
        Range(lo, hi, LeadFeature.LocalTwoHopSegments, Math.Min(plants, gap.TwoHop.Count));
        Range(lo, hi, LeadFeature.SuppliesLocalFirms, _indexes.Customers[firm]?.Length ?? 0);
        Range(lo, hi, LeadFeature.BuysFromLocalFirms, _indexes.Suppliers[firm]?.Length ?? 0);
        // Only a firm with no site in the segment or next to it is a candidate by industry alone.
        var affinityOnly = (int)LeadFeature.AffinityOnly;
        (lo[affinityOnly], hi[affinityOnly]) = plants == 0 ? (1, 1) : elsewhere > 0 ? (0, 0) : (0, 1);
        var share = (int)LeadFeature.SegmentCapacityShare;
        (lo[share], hi[share]) = gap.National is not { Amount: > 0 } ? (float.NaN, float.NaN)
            : gap.NationalExcludingHidden <= 0 ? (float.NaN, float.PositiveInfinity)
            : capacity ? (float.NegativeInfinity, float.PositiveInfinity) : (0, 0);
    }

    static void Range(Span<float> lo, Span<float> hi, LeadFeature feature, float most) =>
        (lo[(int)feature], hi[(int)feature]) = (0, most);

    /// <summary>The plants the firm holds, with its subsidiaries' for a group, active or not.</summary>
    int Plants(int firm)
    {
        var graph = _indexes.Graph;
        if (_indexes.GroupBelow[firm] is not { } members) return graph.PresenceIndexesOf(firm).Length;
        var plants = 0;
        foreach (var member in members) plants += graph.PresenceIndexesOf(member).Length;
        return plants;
    }

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
