namespace ChainMatch.Storage.Neo4j;

/// <summary>A node kind: its label, its key property, the properties an import owns, and the name its writes are counted under.</summary>
sealed record NodeKind
{
    public NodeKind(string report, string label, string key, params string[] properties)
    {
        Report = report;
        Label = GraphSchema.Label(label);
        Key = GraphSchema.Key(key);
        Properties = properties;
    }

    public string Report { get; }
    public string Label { get; }
    public string Key { get; }
    public IReadOnlyList<string> Properties { get; }
}

/// <summary>
/// A relationship kind between two node kinds. <see cref="Keyed"/> kinds can link the same two nodes more than once
/// (a firm's plants in one segment at several places) and are told apart by a <c>key</c> property;
/// <see cref="Requires"/> names a node a row refers to by property (a presence's region) that must exist too.
/// </summary>
sealed record RelationshipKind
{
    public RelationshipKind(string report, string type, NodeKind from, NodeKind to, bool keyed, NodeKind? requires, params string[] properties)
    {
        Report = report;
        Type = GraphSchema.Type(type);
        From = from;
        To = to;
        Keyed = keyed;
        Requires = requires;
        Properties = properties;
    }

    public string Report { get; }
    public string Type { get; }
    public NodeKind From { get; }
    public NodeKind To { get; }
    public bool Keyed { get; }
    public NodeKind? Requires { get; }
    public IReadOnlyList<string> Properties { get; }
}

/// <summary>Every kind ChainMatch writes. Report names match the embedded store's tables, so both stores' import reports read alike.</summary>
static class GraphKinds
{
    static readonly string[] Source = ["publisher", "ref", "estimate"];

    public static readonly NodeKind Resource = new("resource", GraphSchema.Resource, "id", "name", "nameEn", "unit");
    public static readonly NodeKind Chain = new("chain", GraphSchema.Chain, "id", "name", "nameEn");
    public static readonly NodeKind Segment = new("segment", GraphSchema.Segment, "id",
        "name", "nameEn", "stage", "valueTier", "weakBelowAmount", "weakBelowUnit", "weakBelowPublisher", "weakBelowRef", "weakBelowEstimate");
    public static readonly NodeKind Region = new("region", GraphSchema.Region, "code", ["name", "nameEn", "level", .. Source, "latitude", "longitude"]);
    public static readonly NodeKind Firm = new("firm", GraphSchema.Firm, "id", ["name", "nameEn", "ownership", .. Source, "uscc", "aliases",
        "parent", "parentShare", "parentPublisher", "parentRef", "parentEstimate"]);
    public static readonly NodeKind FirmList = new("firm_list", GraphSchema.FirmList, "id", "name", "nameEn", "publisher", "year");
    // Rules name firms, segments and regions by id rather than by links: a rule must outlive a firm's renaming of links.
    public static readonly NodeKind IndustrySegment = new("industry_segment", GraphSchema.IndustrySegment, "id", ["industry", "segment", "weight", "reason"]);
    public static readonly NodeKind NegativeRule = new("negative_rule", GraphSchema.NegativeRule, "id", ["firm", "segment", "region", "reason", .. Source]);
    // The stage history is one JSON property: Neo4j lists cannot hold the nulls of steps without amounts.
    public static readonly NodeKind Project = new("project", GraphSchema.Project, "id", ["firm", "segment", "region", "owner", "history", .. Source, "problems", "keyReviews", "dueDates"]);
    // A chain plan's version (一链一策): chain|region|version, its lists as JSON like a project's problems.
    public static readonly NodeKind ChainPlan = new("chain_plan", GraphSchema.ChainPlan, "id",
        ["chain", "region", "version", "priorities", "responsibleUnits", "yearlyTargets", "author", "savedAt"]);
    // The 客商库 names firms, regions, contacts and projects by id, as projects do; an event's firms met are a list of ids.
    public static readonly NodeKind Contact = new("contact", GraphSchema.Contact, "id", ["firm", "region", "name", "title", "phone", "email", "owner", "consent", "added", "removed"]);
    public static readonly NodeKind Interaction = new("interaction", GraphSchema.Interaction, "id",
        ["kind", "date", "firm", "region", "contact", "project", "who", "notes", "nextStep", "owner"]);
    public static readonly NodeKind PromotionEvent = new("promotion_event", GraphSchema.PromotionEvent, "id", ["name", "date", "place", "region", "firms", "owner", "notes"]);

    public static readonly RelationshipKind ChainSegment = new("chain_segment", GraphSchema.HasSegment, Chain, Segment, keyed: false, requires: null, "position");
    public static readonly RelationshipKind SegmentNeed = new("segment_need", GraphSchema.Needs, Segment, Resource, keyed: false, requires: null, "position");
    public static readonly RelationshipKind SegmentIntensity = new("segment_intensity", GraphSchema.Consumes, Segment, Resource, keyed: false, requires: null,
        ["position", "amount", "inputUnit", "outputUnit", .. Source]);
    // A region may declare several limits on one resource (a quota and a cap, one per year): kind|year tells them apart.
    public static readonly RelationshipKind RegionConstraint = new("region_constraint", GraphSchema.HasConstraint, Region, Resource, keyed: true, requires: null,
        ["kind", "year", "amount", "unit", "years", .. Source]);
    public static readonly RelationshipKind Feeds = new("feeds", GraphSchema.Feeds, Segment, Segment, keyed: false, requires: null,
        ["coefficient", "inputUnit", "outputUnit", .. Source]);
    public static readonly RelationshipKind RegionResource = new("region_resource", GraphSchema.HasResource, Region, Resource, keyed: false, requires: null,
        ["amount", "year", .. Source]);
    public static readonly RelationshipKind Presence = new("presence", GraphSchema.OperatesIn, Firm, Segment, keyed: true, requires: Region,
        ["region", "capacity", "unit", "since", "until", "site", .. Source]);
    public static readonly RelationshipKind Membership = new("list_membership", GraphSchema.ListedIn, Firm, FirmList, keyed: false, requires: null,
        ["rank", .. Source, "revenue", "industry"]);
    public static readonly RelationshipKind Supply = new("supply", GraphSchema.Supplies, Firm, Firm, keyed: true, requires: null,
        ["segment", "since", .. Source]);

    // At most one of each per node; their changes count as changes of the node that owns them, as in the embedded store's columns.
    public static readonly RelationshipKind RegionParent = new("region", GraphSchema.PartOf, Region, Region, keyed: false, requires: null);
    public static readonly RelationshipKind Headquarters = new("firm", GraphSchema.HeadquarteredIn, Firm, Region, keyed: false, requires: null);

    /// <summary>Node kinds in the order an import writes them: links find both ends whatever their order.</summary>
    public static readonly IReadOnlyList<NodeKind> Nodes = [Resource, Chain, Segment, Region, Firm, FirmList, Project, NegativeRule, IndustrySegment, ChainPlan, Contact, Interaction, PromotionEvent];

    /// <summary>Relationship kinds that carry an import order (<c>ord</c>), in the order an import writes them.</summary>
    public static readonly IReadOnlyList<RelationshipKind> Links = [ChainSegment, SegmentNeed, SegmentIntensity, Feeds, RegionResource, RegionConstraint, Presence, Membership, Supply];

    /// <summary>Lists that belong to their owner's definition: a link the new list drops is deleted.</summary>
    public static readonly IReadOnlyList<RelationshipKind> OwnedLists = [ChainSegment, SegmentNeed, SegmentIntensity];

    /// <summary>At most one per node, replaced rather than merged.</summary>
    public static readonly IReadOnlyList<RelationshipKind> Singles = [RegionParent, Headquarters];

    public static readonly IReadOnlyList<string> Reports =
        ["resource", "chain", "segment", "chain_segment", "segment_need", "segment_intensity", "feeds", "region", "region_resource", "region_constraint", "firm", "presence", "firm_list", "list_membership", "supply", "negative_rule", "project", "industry_segment", "chain_plan", "contact", "interaction", "promotion_event"];
}
