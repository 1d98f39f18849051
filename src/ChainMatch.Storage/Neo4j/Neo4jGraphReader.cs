using System.Collections.Immutable;
using ChainMatch.Domain.Graph;
using Schema = ChainMatch.Storage.Neo4j.GraphSchema;

namespace ChainMatch.Storage.Neo4j;

/// <summary>
/// Reads the whole graph back into <see cref="GraphData"/> with one query per node or relationship kind (one per kind,
/// however big the graph), each in import order (<c>ord</c>; a chain's segments and a segment's needs by position).
/// </summary>
static class Neo4jGraphReader
{
    static readonly CypherStatement Chains = Read("load chains", $"""
        MATCH (c:{Schema.Chain})
        OPTIONAL MATCH (c)-[h:{Schema.HasSegment}]->(s:{Schema.Segment})
        WITH c, s ORDER BY h.position
        WITH c, collect(s.id) AS segments
        RETURN c.id AS id, c.name AS name, c.nameEn AS nameEn, segments
        ORDER BY c.ord, c.id
        """);

    static readonly CypherStatement Segments = Read("load segments", $"""
        MATCH (s:{Schema.Segment})
        OPTIONAL MATCH (s)-[n:{Schema.Needs}]->(r:{Schema.Resource})
        WITH s, r ORDER BY n.position
        WITH s, collect(r.id) AS needs
        RETURN s.id AS id, s.name AS name, s.nameEn AS nameEn, s.stage AS stage, s.valueTier AS valueTier, needs,
               s.weakBelowAmount AS weakBelowAmount, s.weakBelowUnit AS weakBelowUnit,
               s.weakBelowPublisher AS weakBelowPublisher, s.weakBelowRef AS weakBelowRef, s.weakBelowEstimate AS weakBelowEstimate
        ORDER BY s.ord, s.id
        """);

    static readonly CypherStatement Intensities = Read("load intensities", $"""
        MATCH (s:{Schema.Segment})-[k:{Schema.Consumes}]->(r:{Schema.Resource})
        RETURN s.id AS segment, r.id AS resource, k.amount AS amount, k.inputUnit AS inputUnit, k.outputUnit AS outputUnit,
               k.publisher AS publisher, k.ref AS ref, k.estimate AS estimate
        ORDER BY s.ord, k.position
        """);

    static readonly CypherStatement Constraints = Read("load constraints", $"""
        MATCH (g:{Schema.Region})-[c:{Schema.HasConstraint}]->(r:{Schema.Resource})
        RETURN g.code AS region, c.kind AS kind, r.id AS resource, c.year AS year, c.amount AS amount, c.unit AS unit, c.years AS years,
               c.publisher AS publisher, c.ref AS ref, c.estimate AS estimate
        ORDER BY c.ord, region, c.key
        """);

    static readonly CypherStatement Feeds = Read("load feeds", $"""
        MATCH (a:{Schema.Segment})-[f:{Schema.Feeds}]->(b:{Schema.Segment})
        RETURN a.id AS source, b.id AS target, f.coefficient AS coefficient, f.inputUnit AS inputUnit, f.outputUnit AS outputUnit,
               f.publisher AS publisher, f.ref AS ref, f.estimate AS estimate
        ORDER BY f.ord, source, target
        """);

    static readonly CypherStatement Regions = Read("load regions", $"""
        MATCH (r:{Schema.Region})
        OPTIONAL MATCH (r)-[:{Schema.PartOf}]->(p:{Schema.Region})
        RETURN r.code AS code, r.name AS name, r.nameEn AS nameEn, r.level AS level, p.code AS parent,
               r.publisher AS publisher, r.ref AS ref, r.estimate AS estimate, r.latitude AS latitude, r.longitude AS longitude
        ORDER BY r.ord, r.code
        """);

    static readonly CypherStatement Resources = Read("load resources", $"""
        MATCH (r:{Schema.Resource})
        RETURN r.id AS id, r.name AS name, r.nameEn AS nameEn, r.unit AS unit
        ORDER BY r.ord, r.id
        """);

    static readonly CypherStatement RegionResources = Read("load region resources", $"""
        MATCH (g:{Schema.Region})-[h:{Schema.HasResource}]->(r:{Schema.Resource})
        RETURN g.code AS region, r.id AS resource, h.amount AS amount, h.year AS year, h.publisher AS publisher, h.ref AS ref, h.estimate AS estimate
        ORDER BY h.ord, region, resource
        """);

    static readonly CypherStatement Firms = Read("load firms", $"""
        MATCH (f:{Schema.Firm})
        OPTIONAL MATCH (f)-[:{Schema.HeadquarteredIn}]->(hq:{Schema.Region})
        RETURN f.id AS id, f.name AS name, f.nameEn AS nameEn, hq.code AS headquarters, f.ownership AS ownership,
               f.publisher AS publisher, f.ref AS ref, f.estimate AS estimate, f.uscc AS uscc, coalesce(f.aliases, []) AS aliases,
               f.parent AS parent, f.parentShare AS parentShare, f.parentPublisher AS parentPublisher, f.parentRef AS parentRef, f.parentEstimate AS parentEstimate
        ORDER BY f.ord, f.id
        """);

    static readonly CypherStatement Presences = Read("load presences", $"""
        MATCH (f:{Schema.Firm})-[o:{Schema.OperatesIn}]->(s:{Schema.Segment})
        RETURN f.id AS firm, s.id AS segment, o.region AS region, o.capacity AS capacity, o.unit AS unit, o.since AS since, o.until AS until,
               o.site AS site, o.publisher AS publisher, o.ref AS ref, o.estimate AS estimate
        ORDER BY o.ord, o.key
        """);

    static readonly CypherStatement Lists = Read("load lists", $"""
        MATCH (l:{Schema.FirmList})
        RETURN l.id AS id, l.name AS name, l.nameEn AS nameEn, l.publisher AS publisher, l.year AS year
        ORDER BY l.ord, l.id
        """);

    static readonly CypherStatement Memberships = Read("load list memberships", $"""
        MATCH (f:{Schema.Firm})-[m:{Schema.ListedIn}]->(l:{Schema.FirmList})
        RETURN f.id AS firm, l.id AS list, m.rank AS rank, m.publisher AS publisher, m.ref AS ref, m.estimate AS estimate, m.revenue AS revenue, m.industry AS industry
        ORDER BY m.ord, firm, list
        """);

    static readonly CypherStatement Supplies = Read("load supplies", $"""
        MATCH (a:{Schema.Firm})-[s:{Schema.Supplies}]->(b:{Schema.Firm})
        RETURN a.id AS supplier, b.id AS customer, s.segment AS segment, s.since AS since, s.publisher AS publisher, s.ref AS ref, s.estimate AS estimate
        ORDER BY s.ord, supplier, customer, s.key
        """);

    static readonly CypherStatement NegativeRules = Read("load negative list", $"""
        MATCH (n:{Schema.NegativeRule})
        RETURN n.id AS id, n.firm AS firm, n.segment AS segment, n.region AS region, n.reason AS reason,
               n.publisher AS publisher, n.ref AS ref, n.estimate AS estimate
        ORDER BY n.ord, n.id
        """);

    static readonly CypherStatement IndustrySegments = Read("load industry map", $"""
        MATCH (n:{Schema.IndustrySegment})
        RETURN n.industry AS industry, n.segment AS segment, n.weight AS weight, n.reason AS reason
        ORDER BY n.ord, n.id
        """);

    static readonly CypherStatement Projects = Read("load projects", $"""
        MATCH (p:{Schema.Project})
        RETURN p.id AS id, p.firm AS firm, p.segment AS segment, p.region AS region, p.owner AS owner, p.history AS history,
               p.publisher AS publisher, p.ref AS ref, p.estimate AS estimate, p.problems AS problems, p.keyReviews AS keyReviews, p.dueDates AS dueDates
        ORDER BY p.ord, p.id
        """);

    static readonly CypherStatement ChainPlans = Read("load chain plans", $"""
        MATCH (n:{Schema.ChainPlan})
        RETURN n.chain AS chain, n.region AS region, n.version AS version, n.priorities AS priorities, n.responsibleUnits AS responsibleUnits,
               n.yearlyTargets AS yearlyTargets, n.author AS author, n.savedAt AS savedAt
        ORDER BY n.ord, n.id
        """);

    static readonly CypherStatement Contacts = Read("load contacts", $"""
        MATCH (c:{Schema.Contact})
        RETURN c.id AS id, c.firm AS firm, c.region AS region, c.name AS name, c.title AS title, c.phone AS phone, c.email AS email,
               c.owner AS owner, c.consent AS consent, c.added AS added, c.removed AS removed
        ORDER BY c.ord, c.id
        """);

    static readonly CypherStatement Interactions = Read("load interactions", $"""
        MATCH (i:{Schema.Interaction})
        RETURN i.id AS id, i.kind AS kind, i.date AS date, i.firm AS firm, i.region AS region, i.contact AS contact, i.project AS project,
               i.who AS who, i.notes AS notes, i.nextStep AS nextStep, i.owner AS owner
        ORDER BY i.ord, i.id
        """);

    static readonly CypherStatement PromotionEvents = Read("load promotion events", $"""
        MATCH (e:{Schema.PromotionEvent})
        RETURN e.id AS id, e.name AS name, e.date AS date, e.place AS place, e.region AS region, coalesce(e.firms, []) AS firms,
               e.owner AS owner, e.notes AS notes
        ORDER BY e.ord, e.id
        """);

    /// <summary>Every kind's query, in the order <see cref="ReadAsync"/> runs them.</summary>
    public static IReadOnlyList<CypherStatement> Kinds =>
        [Chains, Intensities, Segments, Feeds, Regions, Resources, RegionResources, Constraints, Firms, Presences, Lists, Memberships, Supplies, NegativeRules, Projects, IndustrySegments, ChainPlans,
         Contacts, Interactions, PromotionEvents];

    /// <summary>
    /// The count of committed imports: every import raises it in its own transaction. Neo4j reads are read-committed,
    /// not a snapshot, so a projection is read between two readings of it and read again when they differ.
    /// </summary>
    public static readonly CypherStatement Version = Read("store version", $$"""
        OPTIONAL MATCH (v:{{Schema.StoreVersion}} {id: 'graph'})
        RETURN coalesce(v.n, 0) AS version
        """);

    public static readonly CypherStatement RaiseVersion = new("raise store version", $$"""
        MERGE (v:{{Schema.StoreVersion}} {id: 'graph'})
        SET v.n = coalesce(v.n, 0) + 1
        RETURN v.n AS version
        """);

    /// <summary>True when no chain is stored: the store has never taken an import.</summary>
    public static readonly CypherStatement AnyChain = Read("is empty", $"MATCH (c:{Schema.Chain}) RETURN c.id AS id LIMIT 1");

    public static async Task<GraphData> ReadAsync(ICypherRunner runner, CancellationToken ct)
    {
        async Task<ImmutableArray<T>> Query<T>(CypherStatement statement, Func<QueryRecord, T> map) =>
            [.. (await runner.RunAsync(statement, ct)).Records.Select(map)];

        var chains = await Query(Chains, r => new Chain(new ChainId(r.RequiredString("id")), r.RequiredString("name"), r.String("nameEn"),
            [.. r.StringList("segments").Select(s => new SegmentId(s))]));
        var intensities = (await Query(Intensities, r => (Segment: r.RequiredString("segment"), Intensity: new Intensity(new ResourceId(r.RequiredString("resource")),
            r.Float("amount") ?? 0, r.RequiredString("inputUnit"), r.RequiredString("outputUnit"), Source(r))))).ToLookup(x => x.Segment, x => x.Intensity);
        var segments = await Query(Segments, r => new Segment(new SegmentId(r.RequiredString("id")), r.RequiredString("name"), r.String("nameEn"),
            Enum.Parse<Stage>(r.RequiredString("stage"), ignoreCase: true), r.Int32("valueTier") ?? 0,
            [.. r.StringList("needs").Select(n => new ResourceId(n))],
            r.Float("weakBelowAmount") is { } amount ? new Quantity(amount, r.RequiredString("weakBelowUnit")) : null,
            r.Boolean("weakBelowEstimate") is { } estimate ? new Provenance(r.String("weakBelowPublisher"), r.String("weakBelowRef"), estimate) : null)
        {
            Intensities = [.. intensities[r.RequiredString("id")]],
        });
        var feeds = await Query(Feeds, r => new FeedLink(new SegmentId(r.RequiredString("source")), new SegmentId(r.RequiredString("target")),
            r.Float("coefficient") is { } c ? new Coefficient(c, r.RequiredString("inputUnit"), r.RequiredString("outputUnit")) : null, Source(r)));
        var regions = await Query(Regions, r => new Region(new RegionCode(r.RequiredString("code")), r.RequiredString("name"), r.String("nameEn"),
            Enum.Parse<RegionLevel>(r.RequiredString("level"), ignoreCase: true), r.String("parent") is { } p ? new RegionCode(p) : null, Source(r))
        {
            Seat = r.Float("latitude") is { } lat && r.Float("longitude") is { } lon ? new GeoPoint(lat, lon) : null,
        });
        var resources = await Query(Resources, r => new Resource(new ResourceId(r.RequiredString("id")), r.RequiredString("name"), r.String("nameEn"), r.RequiredString("unit")));
        var regionResources = await Query(RegionResources, r => new RegionResource(new RegionCode(r.RequiredString("region")), new ResourceId(r.RequiredString("resource")),
            r.Float("amount"), r.Int32("year"), Source(r)));
        var constraints = await Query(Constraints, r => new RegionConstraint(new RegionCode(r.RequiredString("region")),
            ConstraintKinds.TryParse(r.RequiredString("kind"), out var kind) ? kind : throw new InvalidDataException($"unknown constraint kind '{r.String("kind")}' in the store"),
            new ResourceId(r.RequiredString("resource")), r.Float("amount") ?? 0, r.RequiredString("unit"), r.Int32("year") ?? 0, r.Int32("years"), Source(r)));
        var firms = await Query(Firms, r => new Firm(new FirmId(r.RequiredString("id")), r.RequiredString("name"), r.String("nameEn"),
            r.String("headquarters") is { } hq ? new RegionCode(hq) : null, r.String("ownership"), Source(r))
        {
            Uscc = r.String("uscc"),
            Aliases = [.. r.StringList("aliases")],
            Group = r.String("parent") is { } parent
                ? new GroupLink(new FirmId(parent), r.Float("parentShare"), new Provenance(r.String("parentPublisher"), r.String("parentRef"), r.Boolean("parentEstimate") ?? false))
                : null,
        });
        var presences = await Query(Presences, r => new Presence(new FirmId(r.RequiredString("firm")), new SegmentId(r.RequiredString("segment")),
            new RegionCode(r.RequiredString("region")), r.Float("capacity") is { } cap ? new Quantity(cap, r.RequiredString("unit")) : null,
            r.Int32("since"), r.Int32("until"), r.String("site"), Source(r)));
        var lists = await Query(Lists, r => new FirmList(new ListId(r.RequiredString("id")), r.RequiredString("name"), r.String("nameEn"),
            r.RequiredString("publisher"), r.Int32("year") ?? 0));
        var memberships = await Query(Memberships, r => new ListMembership(new FirmId(r.RequiredString("firm")), new ListId(r.RequiredString("list")),
            r.Int32("rank"), Source(r)) { Revenue = r.Float("revenue"), Industry = r.String("industry") });
        var supplies = await Query(Supplies, r => new Supply(new FirmId(r.RequiredString("supplier")), new FirmId(r.RequiredString("customer")),
            r.String("segment") is { } s ? new SegmentId(s) : null, r.Int32("since"), Source(r)));

        var rules = await Query(NegativeRules, r => new NegativeRule(r.RequiredString("id"), r.String("firm") is { } f ? new FirmId(f) : null,
            r.String("segment") is { } s ? new SegmentId(s) : null, r.String("region") is { } g ? new RegionCode(g) : null, r.RequiredString("reason"), Source(r)));

        var projects = await Query(Projects, r => new Domain.Projects.Project(r.RequiredString("id"), new FirmId(r.RequiredString("firm")),
            new SegmentId(r.RequiredString("segment")), new RegionCode(r.RequiredString("region")), r.RequiredString("owner"),
            ProjectHistory.FromJson(r.RequiredString("history")), Source(r))
            {
                Problems = ProblemsJson.Read(r.String("problems")), KeyReviews = RecordsJson.Read<Domain.Projects.KeyReview>(r.String("keyReviews")),
                DueDates = RecordsJson.Read<Domain.Projects.StageDue>(r.String("dueDates")),
            });
        var plans = await Query(ChainPlans, r => new Domain.Chains.ChainPlan(new ChainId(r.RequiredString("chain")), new RegionCode(r.RequiredString("region")),
            r.Int32("version") ?? 0, RecordsJson.Read<string>(r.String("priorities")), RecordsJson.Read<string>(r.String("responsibleUnits")),
            RecordsJson.Read<Domain.Chains.YearlyTarget>(r.String("yearlyTargets")), r.RequiredString("author"), RecordsJson.Time(r.RequiredString("savedAt"))));

        var industries = await Query(IndustrySegments, r => new IndustrySegment(r.RequiredString("industry"),
            r.String("segment") is { } s ? new SegmentId(s) : null, r.Float("weight") ?? 0, r.RequiredString("reason")));

        var contacts = await Query(Contacts, r => new Domain.Contacts.Contact(r.RequiredString("id"), new FirmId(r.RequiredString("firm")), new RegionCode(r.RequiredString("region")),
            r.RequiredString("name"), r.String("title"), r.String("phone"), r.String("email"), r.RequiredString("owner"), r.RequiredString("consent"), Date(r.RequiredString("added")),
            r.String("removed") is { } removed ? Date(removed) : null));
        var interactions = await Query(Interactions, r => new Domain.Contacts.Interaction(r.RequiredString("id"),
            Domain.Contacts.Interaction.TryParse(r.RequiredString("kind"), out var kind) ? kind.Value : throw new InvalidDataException($"unknown interaction kind '{r.String("kind")}' in the store"),
            Date(r.RequiredString("date")), new FirmId(r.RequiredString("firm")), new RegionCode(r.RequiredString("region")), r.String("contact"), r.String("project"),
            r.RequiredString("who"), r.RequiredString("notes"), r.String("nextStep"), r.RequiredString("owner")));
        var events = await Query(PromotionEvents, r => new Domain.Contacts.PromotionEvent(r.RequiredString("id"), r.RequiredString("name"), Date(r.RequiredString("date")),
            r.RequiredString("place"), new RegionCode(r.RequiredString("region")), [.. r.StringList("firms").Select(f => new FirmId(f))], r.RequiredString("owner"), r.String("notes")));

        return new GraphData(chains, segments, feeds, regions, resources, regionResources, firms, presences, lists, memberships, supplies)
        {
            Contacts = contacts,
            Interactions = interactions,
            PromotionEvents = events,
            IndustrySegments = industries,
            NegativeRules = rules,
            Projects = projects,
            Constraints = constraints,
            ChainPlans = plans,
        };
    }

    /// <summary>The version, or 0 when the server gave no row (never imported).</summary>
    public static async Task<long> ReadVersionAsync(ICypherRunner runner, CancellationToken ct) =>
        (await runner.RunAsync(Version, ct)).Records is [var row, ..] ? row.Integer("version") ?? 0 : 0;

    static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    static Provenance Source(QueryRecord r) => new(r.String("publisher"), r.String("ref"), r.Boolean("estimate") ?? false);

    static CypherStatement Read(string name, string text) => new(name, text, ReadOnly: true);
}
