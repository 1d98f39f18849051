using System.Buffers;
using System.Runtime.InteropServices;
using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Projects;

namespace ChainMatch.Domain.Leads;

/// <summary>
/// The candidates of a gap from the graph as it stood on one date, with their features (see <see cref="CandidatePool"/>
/// for who is a candidate). A group's sites include its subsidiaries' plants. For link prediction a firm's presences
/// (and the projects that brought them) can be hidden, so that the graph is read as if those edges did not exist.
/// The indexes and the gap-independent features are worked out once, when the finder is built; a finder is
/// thread-safe and meant to be kept per graph snapshot and date: <see cref="For"/> gives the one kept with the snapshot.
/// </summary>
public sealed class LeadFinder
{
    readonly LeadIndexes _indexes;
    readonly LeadEvidence _evidence;
    readonly FirmMarks.Pool _marks;

    public LeadFinder(ChainGraph graph, DateOnly asOf)
        : this(new LeadIndexes(graph, asOf), new FirmMarks.Pool(graph.Firms.Length))
    {
    }

    LeadFinder(LeadIndexes indexes, FirmMarks.Pool marks)
    {
        _indexes = indexes;
        _evidence = new LeadEvidence(_indexes);
        _marks = marks;
    }

    /// <summary>
    /// The finder kept with the snapshot for the date, made on first use; after a write, derived from the previous
    /// version's (see <see cref="LeadFinders"/>).
    /// </summary>
    public static LeadFinder For(ChainGraph graph, DateOnly asOf) => graph.LeadFinders.For(asOf);

    /// <summary>This finder's as they stand on <paramref name="graph"/>, a later version of its graph that <paramref name="change"/> made of it.</summary>
    internal LeadFinder Next(ChainGraph graph, GraphChange change) =>
        new(new LeadIndexes(_indexes, graph, change), graph.Firms.Length == _indexes.Graph.Firms.Length ? _marks : new FirmMarks.Pool(graph.Firms.Length));

    public int Year => _indexes.Year;

    internal LeadIndexes Indexes => _indexes;

    /// <summary>
    /// The candidates of <paramref name="gap"/> with their features; <paramref name="hidden"/> presences and
    /// <paramref name="hiddenProjects"/> are read as absent (a training query must not see the arrival it asks about).
    /// </summary>
    public CandidateSet Candidates(Gap gap, IReadOnlyCollection<Presence>? hidden = null, IReadOnlyCollection<Project>? hiddenProjects = null)
    {
        var context = Context(gap, hidden, hiddenProjects);
        float[]? scratch = null;
        try
        {
            var firms = CandidatePool.Of(_indexes, context);
            var width = LeadFeatures.Count;
            // Rows are written into pooled room for every candidate; the set keeps a copy of the distinct ones.
            scratch = ArrayPool<float>.Shared.Rent(firms.Count * width);
            var slotOf = new int[firms.Count];
            var sites = new List<Site>();
            using var distinct = new DistinctRows(scratch, width, firms.Count);
            for (var i = 0; i < firms.Count; i++)
            {
                FeatureRows.Sites(_indexes, firms[i], context, sites);
                FeatureRows.Write(_indexes, firms[i], CollectionsMarshal.AsSpan(sites), context, distinct.Next);
                slotOf[i] = distinct.Add();
            }
            var matrix = scratch.AsSpan(0, distinct.Count * width).ToArray();
            return new CandidateSet(gap, _indexes.Graph, [.. firms], matrix, distinct.Count, slotOf, (firm, row) => _evidence.Of(firm, context, row));
        }
        finally
        {
            if (scratch is not null) ArrayPool<float>.Shared.Return(scratch);
            context.ReleaseMarks();
        }
    }

    /// <summary>
    /// The candidates of <paramref name="gap"/> before their rows are built (see <see cref="Leads.Prospects"/>); the same
    /// candidates, in the same order, as <see cref="Candidates"/> gives.
    /// </summary>
    public Prospects Prospects(Gap gap, IReadOnlyCollection<Presence>? hidden = null, IReadOnlyCollection<Project>? hiddenProjects = null)
    {
        var context = Context(gap, hidden, hiddenProjects);
        try
        {
            return new Prospects(_indexes, context, _evidence);
        }
        catch
        {
            context.ReleaseMarks();
            throw;
        }
    }

    internal GapContext Context(Gap gap, IReadOnlyCollection<Presence>? hidden, IReadOnlyCollection<Project>? hiddenProjects) =>
        new(_indexes, gap, hidden, hiddenProjects, _marks);
}
