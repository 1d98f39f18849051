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

    public IReadOnlyList<(FirmId Firm, float Score)> Rank(Gap gap, int top) =>
        _finder.Candidates(gap)
            .Select(c => (c.Firm.Id, Score: _model.Score(_finder.Features(gap, c.Firm, Read(c.Firm.Id)).Features)))
            .OrderByDescending(x => x.Score)
            .Take(top)
            .ToList();

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
