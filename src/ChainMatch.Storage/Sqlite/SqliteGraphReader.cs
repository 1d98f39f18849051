using System.Collections.Immutable;
using ChainMatch.Domain.Chains;
using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Projects;
using Microsoft.Data.Sqlite;

namespace ChainMatch.Storage.Sqlite;

/// <summary>Reads every table back into <see cref="GraphData"/>, in insertion order so projections are stable.</summary>
static class SqliteGraphReader
{
    public static GraphData Read(SqliteConnection c, SqliteTransaction? tx)
    {
        List<T> Query<T>(string sql, Func<SqliteDataReader, T> map)
        {
            using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = sql;
            using var r = cmd.ExecuteReader();
            var items = new List<T>();
            while (r.Read()) items.Add(map(r));
            return items;
        }

        var members = Query("SELECT chain, segment FROM chain_segment ORDER BY chain, position", r => (Chain: r.GetString(0), Segment: new SegmentId(r.GetString(1))))
            .ToLookup(x => x.Chain, x => x.Segment);
        var needs = Query("SELECT segment, resource FROM segment_need ORDER BY rowid", r => (Segment: r.GetString(0), Resource: new ResourceId(r.GetString(1))))
            .ToLookup(x => x.Segment, x => x.Resource);

        var intensities = Query("SELECT segment, resource, amount, input_unit, output_unit, publisher, ref, estimate FROM segment_intensity ORDER BY rowid",
            r => (Segment: r.GetString(0), Intensity: new Intensity(new ResourceId(r.GetString(1)), r.GetDouble(2), r.GetString(3), r.GetString(4), Source(r, 5))))
            .ToLookup(x => x.Segment, x => x.Intensity);

        var chains = Query("SELECT id, name, name_en FROM chain ORDER BY rowid",
            r => new Chain(new ChainId(r.GetString(0)), r.GetString(1), Str(r, 2), [.. members[r.GetString(0)]]));
        var segments = Query("SELECT id, name, name_en, stage, value_tier, weak_below_amount, weak_below_unit, weak_below_publisher, weak_below_ref, weak_below_estimate FROM segment ORDER BY rowid",
            r => new Segment(new SegmentId(r.GetString(0)), r.GetString(1), Str(r, 2), Enum.Parse<Stage>(r.GetString(3), ignoreCase: true), r.GetInt32(4),
                [.. needs[r.GetString(0)]],
                r.IsDBNull(5) ? null : new Quantity(r.GetDouble(5), r.GetString(6)),
                r.IsDBNull(9) ? null : new Provenance(Str(r, 7), Str(r, 8), r.GetInt32(9) == 1)) { Intensities = [.. intensities[r.GetString(0)]] });
        var feeds = Query("SELECT from_segment, to_segment, coefficient, input_unit, output_unit, publisher, ref, estimate FROM feeds ORDER BY rowid",
            r => new FeedLink(new SegmentId(r.GetString(0)), new SegmentId(r.GetString(1)),
                r.IsDBNull(2) ? null : new Coefficient(r.GetDouble(2), r.GetString(3), r.GetString(4)), Source(r, 5)));
        var regions = Query("SELECT code, name, name_en, level, parent, publisher, ref, estimate, latitude, longitude FROM region ORDER BY rowid",
            r => new Region(new RegionCode(r.GetString(0)), r.GetString(1), Str(r, 2), Enum.Parse<RegionLevel>(r.GetString(3), ignoreCase: true),
                r.IsDBNull(4) ? null : new RegionCode(r.GetString(4)), Source(r, 5))
            {
                Seat = Dbl(r, 8) is { } lat && Dbl(r, 9) is { } lon ? new GeoPoint(lat, lon) : null,
            });
        var resources = Query("SELECT id, name, name_en, unit FROM resource ORDER BY rowid",
            r => new Resource(new ResourceId(r.GetString(0)), r.GetString(1), Str(r, 2), r.GetString(3)));
        var regionResources = Query("SELECT region, resource, amount, year, publisher, ref, estimate FROM region_resource ORDER BY rowid",
            r => new RegionResource(new RegionCode(r.GetString(0)), new ResourceId(r.GetString(1)), Dbl(r, 2), Int(r, 3), Source(r, 4)));
        var constraints = Query("SELECT region, kind, resource, year, amount, unit, years, publisher, ref, estimate FROM region_constraint ORDER BY rowid",
            r => new RegionConstraint(new RegionCode(r.GetString(0)), ConstraintKinds.TryParse(r.GetString(1), out var kind) ? kind : throw new InvalidDataException($"unknown constraint kind '{r.GetString(1)}' in the store"),
                new ResourceId(r.GetString(2)), r.GetDouble(4), r.GetString(5), r.GetInt32(3), Int(r, 6), Source(r, 7)));
        var firms = Query("SELECT id, name, name_en, hq_region, ownership, publisher, ref, estimate, uscc, aliases, parent, parent_share, parent_publisher, parent_ref, parent_estimate FROM firm ORDER BY rowid",
            r => new Firm(new FirmId(r.GetString(0)), r.GetString(1), Str(r, 2), r.IsDBNull(3) ? null : new RegionCode(r.GetString(3)), Str(r, 4), Source(r, 5))
            {
                Uscc = Str(r, 8),
                Aliases = Aliases.Split(Str(r, 9)),
                Group = Str(r, 10) is { } parent ? new GroupLink(new FirmId(parent), Dbl(r, 11), new Provenance(Str(r, 12), Str(r, 13), Int(r, 14) == 1)) : null,
            });
        var presences = Query("SELECT firm, segment, region, capacity, unit, since, until, site, publisher, ref, estimate FROM presence ORDER BY rowid",
            r => new Presence(new FirmId(r.GetString(0)), new SegmentId(r.GetString(1)), new RegionCode(r.GetString(2)),
                r.IsDBNull(3) ? null : new Quantity(r.GetDouble(3), r.GetString(4)), Int(r, 5), Int(r, 6), Str(r, 7), Source(r, 8)));
        var lists = Query("SELECT id, name, name_en, publisher, year FROM firm_list ORDER BY rowid",
            r => new FirmList(new ListId(r.GetString(0)), r.GetString(1), Str(r, 2), r.GetString(3), r.GetInt32(4)));
        var memberships = Query("SELECT firm, list, rank, publisher, ref, estimate, revenue, industry FROM list_membership ORDER BY rowid",
            r => new ListMembership(new FirmId(r.GetString(0)), new ListId(r.GetString(1)), Int(r, 2), Source(r, 3)) { Revenue = Dbl(r, 6), Industry = Str(r, 7) });
        var supplies = Query("SELECT supplier, customer, segment, since, publisher, ref, estimate FROM supply ORDER BY rowid",
            r => new Supply(new FirmId(r.GetString(0)), new FirmId(r.GetString(1)), r.GetString(2) is { Length: > 0 } s ? new SegmentId(s) : null, Int(r, 3), Source(r, 4)));

        var industries = Query("SELECT industry, segment, weight, reason FROM industry_segment ORDER BY rowid",
            r => new IndustrySegment(r.GetString(0), Str(r, 1) is { } s ? new SegmentId(s) : null, r.GetDouble(2), r.GetString(3)));
        var rules = Query("SELECT id, firm, segment, region, reason, publisher, ref, estimate FROM negative_rule ORDER BY rowid",
            r => new NegativeRule(r.GetString(0), Str(r, 1) is { } f ? new FirmId(f) : null, Str(r, 2) is { } s ? new SegmentId(s) : null,
                Str(r, 3) is { } g ? new RegionCode(g) : null, r.GetString(4), Source(r, 5)));

        var stages = Query("SELECT project, stage, date, agreed, funds, note FROM project_stage ORDER BY project, seq",
            r => (Project: r.GetString(0), Step: new StageChange(Enum.Parse<ProjectStage>(r.GetString(1).Replace("-", ""), ignoreCase: true),
                DateOnly.ParseExact(r.GetString(2), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Dbl(r, 3), Dbl(r, 4), Str(r, 5))))
            .ToLookup(x => x.Project, x => x.Step);
        var projects = Query("SELECT id, firm, segment, region, owner, publisher, ref, estimate, problems, key_reviews, due_dates FROM project ORDER BY rowid",
            r => new Project(r.GetString(0), new FirmId(r.GetString(1)), new SegmentId(r.GetString(2)), new RegionCode(r.GetString(3)), r.GetString(4),
                [.. stages[r.GetString(0)]], Source(r, 5))
            {
                Problems = ProblemsJson.Read(Str(r, 8)), KeyReviews = RecordsJson.Read<KeyReview>(Str(r, 9)), DueDates = RecordsJson.Read<StageDue>(Str(r, 10)),
            });
        var plans = Query("SELECT chain, region, version, priorities, responsible_units, yearly_targets, author, saved_at FROM chain_plan ORDER BY rowid",
            r => new ChainPlan(new ChainId(r.GetString(0)), new RegionCode(r.GetString(1)), r.GetInt32(2), RecordsJson.Read<string>(Str(r, 3)),
                RecordsJson.Read<string>(Str(r, 4)), RecordsJson.Read<YearlyTarget>(Str(r, 5)), r.GetString(6), RecordsJson.Time(r.GetString(7))));

        return new GraphData([.. chains], [.. segments], [.. feeds], [.. regions], [.. resources], [.. regionResources],
            [.. firms], [.. presences], [.. lists], [.. memberships], [.. supplies])
        {
            NegativeRules = [.. rules], Projects = [.. projects], Constraints = [.. constraints], IndustrySegments = [.. industries], ChainPlans = [.. plans],
            Contacts = [.. Query(ContactsSchema.ContactsQuery, ContactsSchema.Contact)],
            Interactions = [.. Query(ContactsSchema.InteractionsQuery, ContactsSchema.Interaction)],
            PromotionEvents = [.. Query(ContactsSchema.EventsQuery, ContactsSchema.Event)],
        };
    }

    static string? Str(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
    static int? Int(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt32(i);
    static double? Dbl(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDouble(i);
    static Provenance Source(SqliteDataReader r, int i) => new(Str(r, i), Str(r, i + 1), r.GetInt32(i + 2) == 1);
}
