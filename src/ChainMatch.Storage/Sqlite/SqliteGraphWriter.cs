using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Projects;
using Microsoft.Data.Sqlite;

namespace ChainMatch.Storage.Sqlite;

/// <summary>Merges graph data into the store inside the caller's transaction and counts the rows it changed.</summary>
static class SqliteGraphWriter
{
    public static Dictionary<string, int> Write(SqliteConnection c, SqliteTransaction tx, GraphData d)
    {
        // Foreign keys are checked at commit, so rows can be written in the order the seeds give them.
        using (var defer = c.CreateCommand())
        {
            defer.Transaction = tx;
            defer.CommandText = "PRAGMA defer_foreign_keys = ON";
            defer.ExecuteNonQuery();
        }
        var written = new Dictionary<string, int>();
        void Upsert<T>(string table, string[] keys, string[] values, IEnumerable<T> items, Func<T, object?[]> row)
        {
            using var upsert = new Upsert(c, tx, table, keys, values);
            written[table] = written.GetValueOrDefault(table) + items.Sum(i => upsert.Run(row(i)));
        }

        Upsert("resource", ["id"], ["name", "name_en", "unit"], d.Resources, r => [r.Id.Value, r.Name, r.NameEn, r.Unit]);
        Upsert("chain", ["id"], ["name", "name_en"], d.Chains, ch => [ch.Id.Value, ch.Name, ch.NameEn]);
        Upsert("segment", ["id"], ["name", "name_en", "stage", "value_tier", "weak_below_amount", "weak_below_unit", "weak_below_publisher", "weak_below_ref", "weak_below_estimate"],
            d.Segments, s => [s.Id.Value, s.Name, s.NameEn, Text(s.Stage), s.ValueTier, s.WeakBelow?.Amount, s.WeakBelow?.Unit,
                s.WeakBelowSource?.Publisher, s.WeakBelowSource?.Reference, s.WeakBelowSource is null ? null : Flag(s.WeakBelowSource.Estimate)]);

        // A chain's membership and a segment's needs are owned by their seed definitions: replace, not merge.
        written["chain_segment"] = ReplaceOwned(c, tx, "chain_segment", "chain", "segment",
            d.Chains.ToDictionary(ch => ch.Id.Value, ch => ch.Segments.Select(s => s.Value).ToList()));
        Upsert("chain_segment", ["chain", "segment"], ["position"],
            d.Chains.SelectMany(ch => ch.Segments.Select((s, i) => (ch.Id, s, i))), x => [x.Id.Value, x.s.Value, x.i]);
        written["segment_need"] = ReplaceOwned(c, tx, "segment_need", "segment", "resource",
            d.Segments.ToDictionary(s => s.Id.Value, s => s.Needs.Select(n => n.Value).ToList()));
        Upsert("segment_need", ["segment", "resource"], [], d.Segments.SelectMany(s => s.Needs.Select(n => (s.Id, n))), x => [x.Id.Value, x.n.Value]);

        written["segment_intensity"] = ReplaceOwned(c, tx, "segment_intensity", "segment", "resource",
            d.Segments.ToDictionary(s => s.Id.Value, s => s.Intensities.Select(k => k.Resource.Value).ToList()));
        Upsert("segment_intensity", ["segment", "resource"], ["amount", "input_unit", "output_unit", "publisher", "ref", "estimate"],
            d.Segments.SelectMany(s => s.Intensities.Select(k => (s.Id, k))),
            x => [x.Id.Value, x.k.Resource.Value, x.k.Amount, x.k.InputUnit, x.k.OutputUnit, .. Source(x.k.Source)]);

        Upsert("feeds", ["from_segment", "to_segment"], ["coefficient", "input_unit", "output_unit", "publisher", "ref", "estimate"],
            d.Feeds, f => [f.From.Value, f.To.Value, f.Coefficient?.Amount, f.Coefficient?.InputUnit, f.Coefficient?.OutputUnit, .. Source(f.Source)]);
        Upsert("region", ["code"], ["name", "name_en", "level", "parent", "publisher", "ref", "estimate", "latitude", "longitude"],
            d.Regions, r => [r.Code.Value, r.Name, r.NameEn, Text(r.Level), r.Parent?.Value, .. Source(r.Source), r.Seat?.Latitude, r.Seat?.Longitude]);
        Upsert("region_resource", ["region", "resource"], ["amount", "year", "publisher", "ref", "estimate"],
            d.RegionResources, r => [r.Region.Value, r.Resource.Value, r.Amount, r.Year, .. Source(r.Source)]);
        Upsert("region_constraint", ["region", "kind", "resource", "year"], ["amount", "unit", "years", "publisher", "ref", "estimate"],
            d.Constraints, k => [k.Region.Value, ConstraintKinds.Name(k.Kind), k.Resource.Value, k.Year, k.Amount, k.Unit, k.Years, .. Source(k.Source)]);
        Upsert("firm", ["id"], ["name", "name_en", "hq_region", "ownership", "publisher", "ref", "estimate", "uscc", "aliases",
                "parent", "parent_share", "parent_publisher", "parent_ref", "parent_estimate"],
            d.Firms, f => [f.Id.Value, f.Name, f.NameEn, f.Headquarters?.Value, f.Ownership, .. Source(f.Source), f.Uscc, Aliases.Join(f.Aliases),
                f.Group?.Parent.Value, f.Group?.Share, f.Group?.Source.Publisher, f.Group?.Source.Reference, f.Group is { } g ? Flag(g.Source.Estimate) : (int?)null]);
        Upsert("presence", ["key"], ["firm", "segment", "region", "capacity", "unit", "since", "until", "site", "publisher", "ref", "estimate"],
            d.Presences, p => [PresenceKey.Of(p), p.Firm.Value, p.Segment.Value, p.Region.Value, p.Capacity?.Amount, p.Capacity?.Unit,
                p.Since, p.Until, p.Site, .. Source(p.Source)]);
        Upsert("firm_list", ["id"], ["name", "name_en", "publisher", "year"], d.Lists, l => [l.Id.Value, l.Name, l.NameEn, l.Publisher, l.Year]);
        Upsert("list_membership", ["firm", "list"], ["rank", "publisher", "ref", "estimate", "revenue", "industry"],
            d.Memberships, m => [m.Firm.Value, m.List.Value, m.Rank, .. Source(m.Source), m.Revenue, m.Industry]);
        Upsert("supply", ["supplier", "customer", "segment"], ["since", "publisher", "ref", "estimate"],
            d.Supplies, s => [s.Supplier.Value, s.Customer.Value, s.Segment?.Value ?? "", s.Since, .. Source(s.Source)]);
        Upsert("project", ["id"], ["firm", "segment", "region", "owner", "publisher", "ref", "estimate", "problems", "key_reviews", "due_dates"],
            d.Projects, p => [p.Id, p.Firm.Value, p.Segment.Value, p.Region.Value, p.OwnerTeam, .. Source(p.Source), ProblemsJson.Write(p.Problems),
                RecordsJson.Write(p.KeyReviews), RecordsJson.Write(p.DueDates)]);
        written["project_stage"] = AppendStages(c, tx, d.Projects);
        Upsert("industry_segment", ["id"], ["industry", "segment", "weight", "reason"],
            d.IndustrySegments, x => [x.Key, x.Industry, x.Segment?.Value, x.Weight, x.Reason]);
        Upsert("negative_rule", ["id"], ["firm", "segment", "region", "reason", "publisher", "ref", "estimate"],
            d.NegativeRules, r => [r.Id, r.Firm?.Value, r.Segment?.Value, r.Region?.Value, r.Reason, .. Source(r.Source)]);
        Upsert("chain_plan", ["id"], ["chain", "region", "version", "priorities", "responsible_units", "yearly_targets", "author", "saved_at"],
            d.ChainPlans, x => [x.Key, x.Chain.Value, x.Region.Value, x.Version, RecordsJson.Write(x.Priorities), RecordsJson.Write(x.ResponsibleUnits),
                RecordsJson.Write(x.YearlyTargets), x.Author, RecordsJson.Time(x.SavedAt)]);
        ContactsSchema.Write(d, (table, keys, values, items, row) => Upsert(table, keys, values, items, row));
        return written;
    }

    /// <summary>Appends steps a project's stored history lacks; a step that would change a recorded one is refused.</summary>
    static int AppendStages(SqliteConnection c, SqliteTransaction tx, IEnumerable<Project> projects)
    {
        using var select = c.CreateCommand();
        select.Transaction = tx;
        select.CommandText = "SELECT seq, stage, date, agreed, funds, note FROM project_stage WHERE project = $p ORDER BY seq";
        var sp = select.Parameters.Add(new SqliteParameter("$p", ""));
        using var insert = c.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = "INSERT INTO project_stage (project, seq, stage, date, agreed, funds, note) VALUES ($p, $s, $st, $d, $a, $f, $n)";
        var parameters = new[] { "$p", "$s", "$st", "$d", "$a", "$f", "$n" }.Select(n => insert.Parameters.Add(new SqliteParameter(n, null))).ToArray();
        var appended = 0;
        foreach (var project in projects)
        {
            sp.Value = project.Id;
            var stored = new List<object?[]>();
            using (var r = select.ExecuteReader())
                while (r.Read()) stored.Add([r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetDouble(3), r.IsDBNull(4) ? null : r.GetDouble(4), r.IsDBNull(5) ? null : r.GetString(5)]);
            for (var i = 0; i < project.History.Length; i++)
            {
                var step = project.History[i];
                object?[] row = [Text(step.Stage), step.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), step.AgreedInvestment, step.FundsInPlace, step.Note];
                if (i < stored.Count)
                {
                    if (!row.SequenceEqual(stored[i]))
                        throw new InvalidOperationException($"project {project.Id}: step {i + 1} is already recorded as {stored[i][0]} on {stored[i][1]}; a project's history is never overwritten");
                    continue;
                }
                object?[] values = [project.Id, i, .. row];
                for (var k = 0; k < values.Length; k++) parameters[k].Value = values[k] ?? DBNull.Value;
                appended += insert.ExecuteNonQuery();
            }
        }
        return appended;
    }

    /// <summary>Deletes the (owner, item) rows of the given owners that the new data no longer lists.</summary>
    static int ReplaceOwned(SqliteConnection c, SqliteTransaction tx, string table, string ownerColumn, string itemColumn, Dictionary<string, List<string>> wanted)
    {
        if (wanted.Count == 0) return 0;
        var stale = new List<(string Owner, string Item)>();
        using (var select = c.CreateCommand())
        {
            select.Transaction = tx;
            select.CommandText = $"SELECT {ownerColumn}, {itemColumn} FROM {table}";
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                var (owner, item) = (reader.GetString(0), reader.GetString(1));
                if (wanted.TryGetValue(owner, out var items) && !items.Contains(item)) stale.Add((owner, item));
            }
        }
        using var delete = c.CreateCommand();
        delete.Transaction = tx;
        delete.CommandText = $"DELETE FROM {table} WHERE {ownerColumn} = $o AND {itemColumn} = $i";
        var o = delete.Parameters.Add(new SqliteParameter("$o", ""));
        var i = delete.Parameters.Add(new SqliteParameter("$i", ""));
        foreach (var (owner, item) in stale)
        {
            o.Value = owner;
            i.Value = item;
            delete.ExecuteNonQuery();
        }
        return stale.Count;
    }

    static object?[] Source(Provenance p) => [p.Publisher, p.Reference, Flag(p.Estimate)];

    static int Flag(bool b) => b ? 1 : 0;

    internal static string Text<TEnum>(TEnum value) where TEnum : struct, Enum => value.ToString().ToLowerInvariant();
}
