using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace ChainMatch.Storage.Neo4j;

/// <summary>
/// The graph of ARCHITECTURE.md as Neo4j holds it. Labels, relationship types and property keys cannot be Cypher
/// parameters, so these fixed, validated names are the only identifiers that ever enter statement text.
/// Parks are <c>Region</c> nodes with <c>level: 'park'</c> and a PART_OF link to their county, not a separate
/// <c>Park</c> label: every region query (subtrees, status maps) then covers parks without a second pattern.
/// </summary>
static partial class GraphSchema
{
    public const string Chain = "Chain", Segment = "Segment", Region = "Region", Firm = "Firm", FirmList = "FirmList", Resource = "Resource",
        NegativeRule = "NegativeRule", Project = "Project", StoreVersion = "StoreVersion",
        IndustrySegment = "IndustrySegment", ChainPlan = "ChainPlan", Contact = "Contact", Interaction = "Interaction", PromotionEvent = "PromotionEvent";

    /// <summary>Access records: only ever created (see <see cref="Neo4jAccessStore"/>).</summary>
    public const string ApiKey = "ApiKey", KeyRevocation = "KeyRevocation", Session = "Session", SessionEnd = "SessionEnd", AuditEntry = "AuditEntry";

    public const string HasSegment = "HAS_SEGMENT", Feeds = "FEEDS", OperatesIn = "OPERATES_IN", HeadquarteredIn = "HEADQUARTERED_IN",
        ListedIn = "LISTED_IN", Supplies = "SUPPLIES", PartOf = "PART_OF", HasResource = "HAS_RESOURCE", Needs = "NEEDS",
        Consumes = "CONSUMES", HasConstraint = "HAS_CONSTRAINT";

    /// <summary>Every label ChainMatch writes; a node with none of them is not ChainMatch's.</summary>
    public static readonly IReadOnlyList<string> AllLabels =
        [Chain, Segment, Region, Firm, FirmList, Resource, NegativeRule, Project, StoreVersion, IndustrySegment, ChainPlan, ApiKey, KeyRevocation, Session, SessionEnd, AuditEntry,
         Contact, Interaction, PromotionEvent];

    static readonly FrozenSet<string> Labels = FrozenSet.ToFrozenSet(AllLabels);

    static readonly FrozenSet<string> Types = FrozenSet.ToFrozenSet([HasSegment, Feeds, OperatesIn, HeadquarteredIn, ListedIn, Supplies, PartOf, HasResource, Needs, Consumes, HasConstraint]);

    static readonly FrozenSet<string> KeyProperties = FrozenSet.ToFrozenSet(["id", "code", "key"]);

    public static string Label(string name) => Checked(name, Labels, "label");

    public static string Type(string name) => Checked(name, Types, "relationship type");

    public static string Key(string name) => Checked(name, KeyProperties, "key property");

    /// <summary>
    /// Run one by one in auto-commit requests at start: Neo4j refuses schema and data changes in one transaction.
    /// Built on each call, not in a static field: <see cref="GraphKinds"/> initialises through this class.
    /// </summary>
    public static IReadOnlyList<CypherStatement> Constraints =>
    [
        Unique("chain_id", Chain, "id"),
        Unique("segment_id", Segment, "id"),
        Unique("region_code", Region, "code"),
        Unique("firm_id", Firm, "id"),
        Unique("firm_list_id", FirmList, "id"),
        Unique("resource_id", Resource, "id"),
        Unique("negative_rule_id", NegativeRule, "id"),
        Unique("industry_segment_id", IndustrySegment, "id"),
        Unique("project_id", Project, "id"),
        Unique("chain_plan_id", ChainPlan, "id"),
        Unique("store_version_id", StoreVersion, "id"),
        Unique("contact_id", Contact, "id"),
        Unique("interaction_id", Interaction, "id"),
        Unique("promotion_event_id", PromotionEvent, "id"),
        // One OPERATES_IN per presence key (firm|segment|place|since|site); relationship uniqueness needs Neo4j 5.7+.
        new("schema operates_in_key", $"CREATE CONSTRAINT operates_in_key IF NOT EXISTS FOR ()-[r:{Type(OperatesIn)}]-() REQUIRE r.key IS UNIQUE"),
        // Status maps filter plants by the region they stand in.
        new("schema operates_in_region", $"CREATE INDEX operates_in_region IF NOT EXISTS FOR ()-[r:{Type(OperatesIn)}]-() ON (r.region)"),
        // An import asks each kind for its highest ord once; a range index answers that from its end instead of a scan.
        .. GraphKinds.Nodes.Select(k => new CypherStatement($"schema {k.Report}_ord", $"CREATE INDEX {k.Report}_ord IF NOT EXISTS FOR (n:{k.Label}) ON (n.ord)")),
        .. GraphKinds.Links.Select(k => new CypherStatement($"schema {k.Report}_ord", $"CREATE INDEX {k.Report}_ord IF NOT EXISTS FOR ()-[r:{k.Type}]-() ON (r.ord)")),
    ];

    static CypherStatement Unique(string name, string label, string key) =>
        new($"schema {name}", $"CREATE CONSTRAINT {name} IF NOT EXISTS FOR (n:{Label(label)}) REQUIRE n.{Key(key)} IS UNIQUE");

    static string Checked(string name, FrozenSet<string> allowed, string what) =>
        allowed.Contains(name) && Identifier().IsMatch(name) ? name : throw new ArgumentException($"'{name}' is not a ChainMatch {what}");

    [GeneratedRegex("^[A-Za-z][A-Za-z_]*$")]
    private static partial Regex Identifier();
}
