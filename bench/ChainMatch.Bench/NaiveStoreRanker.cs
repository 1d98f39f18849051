using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Leads;
using ChainMatch.Ranking.Trees;
using Microsoft.Data.Sqlite;

namespace ChainMatch.Bench;

/// <summary>
/// The baseline the projection replaces: for every candidate, read its presences from the store with a query,
/// then compute its features and score it. Candidate generation itself is taken from the projection so
/// that only per-candidate store reads differ.
/// </summary>
sealed class NaiveStoreRanker : IDisposable
{
    readonly SqliteConnection _connection;
    readonly SqliteCommand _presences;
    readonly ChainGraph _graph;
    readonly LeadFinder _finder;
    readonly TreeEnsemble _model;

    public NaiveStoreRanker(string connectionString, ChainGraph graph, DateOnly asOf, TreeEnsemble model)
    {
        _connection = new SqliteConnection(connectionString);
        _connection.Open();
        _presences = _connection.CreateCommand();
        _presences.CommandText = "SELECT segment, region, capacity, unit, since, until, site, publisher, ref FROM presence WHERE firm = $firm";
        _presences.Parameters.Add(new SqliteParameter("$firm", ""));
        _graph = graph;
        _finder = new LeadFinder(graph, asOf);
        _model = model;
    }

    public IReadOnlyList<(FirmId Firm, float Score)> Rank(Gap gap, int top)
    {
        // The gap's context is the same for all its candidates: only the per-candidate reads are the baseline's cost.
        var context = _finder.Context(gap, null, null);
        context.ReleaseMarks();
        var row = new float[LeadFeatures.Count];
        return _finder.Candidates(gap)
            .Select(c => (c.Firm.Id, Score: _model.Score(Features(context, c.Firm, Read(c.Firm.Id), row))))
            .OrderByDescending(x => x.Score)
            .Take(top)
            .ToList();
    }

    /// <summary>The features of one firm for the gap from the presences read from the store (its own; the seeds' groups aside).</summary>
    float[] Features(GapContext context, Firm firm, List<Presence> presences, float[] row)
    {
        var year = _finder.Year;
        var sites = presences.Where(p => p.IsActiveIn(year)).Select(p => new Site(
            _graph.IndexOf(p.Segment), p, _graph.IsWithin(p.Region, context.Region.Code), _graph.IsWithin(p.Region, context.Province.Code))).ToArray();
        FeatureRows.Write(_finder.Indexes, _graph.IndexOf(firm.Id), sites, context, row);
        return row;
    }

    List<Presence> Read(FirmId firm)
    {
        _presences.Parameters[0].Value = firm.Value;
        using var r = _presences.ExecuteReader();
        var rows = new List<Presence>();
        while (r.Read())
            rows.Add(new Presence(firm, new SegmentId(r.GetString(0)), new RegionCode(r.GetString(1)),
                r.IsDBNull(2) ? null : new Quantity(r.GetDouble(2), r.GetString(3)),
                r.IsDBNull(4) ? null : r.GetInt32(4), r.IsDBNull(5) ? null : r.GetInt32(5), r.IsDBNull(6) ? null : r.GetString(6),
                new Provenance(r.IsDBNull(7) ? null : r.GetString(7), r.IsDBNull(8) ? null : r.GetString(8))));
        return rows;
    }

    public void Dispose()
    {
        _presences.Dispose();
        _connection.Dispose();
    }
}
