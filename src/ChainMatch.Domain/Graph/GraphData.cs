using System.Collections.Immutable;

namespace ChainMatch.Domain.Graph;

public enum Stage { Upstream, Midstream, Downstream, Application }

public enum RegionLevel { Province, Prefecture, County, Park }

/// <summary>Who said so. A record with neither publisher nor reference is unverified.</summary>
public sealed record Provenance(string? Publisher, string? Reference, bool Estimate = false)
{
    public static readonly Provenance None = new(null, null);

    public bool IsVerified => !string.IsNullOrWhiteSpace(Publisher) || !string.IsNullOrWhiteSpace(Reference);
}

/// <summary>An amount with its unit, e.g. 2030000 t/yr or 23 GWh/yr.</summary>
public sealed record Quantity(double Amount, string Unit)
{
    public override string ToString() => $"{Units.Format(Amount)} {Unit}";
}

/// <summary>Units of input per unit of output on a FEEDS link, e.g. 1.93 t/t.</summary>
public sealed record Coefficient(double Amount, string InputUnit, string OutputUnit)
{
    public string Unit => $"{InputUnit}/{OutputUnit}";
}

public sealed record Chain(ChainId Id, string Name, string? NameEn, ImmutableArray<SegmentId> Segments);

public sealed record Segment(
    SegmentId Id,
    string Name,
    string? NameEn,
    Stage Stage,
    int ValueTier,
    ImmutableArray<ResourceId> Needs,
    Quantity? WeakBelow = null,
    Provenance? WeakBelowSource = null)
{
    /// <summary>How much of each constraint resource one unit of output takes (power, water, land, CO2, ore drawn).</summary>
    public ImmutableArray<Intensity> Intensities { get; init; } = [];
}

/// <summary>
/// A segment's use of a constraint resource per unit of output, e.g. 13500 kWh/t of power or 1.6 t/t of CO2.
/// <see cref="OutputUnit"/> is the unit of output ("t"), a capacity unit ("t/yr": what a plant of that size occupies)
/// or <see cref="PerPlant"/> (a site takes this much whatever its size).
/// </summary>
public sealed record Intensity(ResourceId Resource, double Amount, string InputUnit, string OutputUnit, Provenance Source)
{
    public const string PerPlant = "plant";

    public string Unit => $"{InputUnit}/{OutputUnit}";
}

public sealed record FeedLink(SegmentId From, SegmentId To, Coefficient? Coefficient, Provenance Source);

/// <summary>A region; <see cref="Seat"/> is where its government sits, when recorded (regions below inherit it, see <see cref="ChainGraph.SeatOf"/>).</summary>
public sealed record Region(RegionCode Code, string Name, string? NameEn, RegionLevel Level, RegionCode? Parent, Provenance Source)
{
    public GeoPoint? Seat { get; init; }
}

public sealed record Resource(ResourceId Id, string Name, string? NameEn, string Unit);

public sealed record RegionResource(RegionCode Region, ResourceId Resource, double? Amount, int? Year, Provenance Source);

public enum ConstraintKind { GreenPowerQuota, Land, Water, MineralReserves, EmissionCap }

/// <summary>
/// A limit a region declares on a resource from <see cref="Year"/> on: a green-power quota, land, water, mineral
/// reserves or an emission cap, in <see cref="Unit"/>. A reserve (a stock drawn each year) is checked over
/// <see cref="Years"/>, the years it must last.
/// </summary>
public sealed record RegionConstraint(RegionCode Region, ConstraintKind Kind, ResourceId Resource, double Amount, string Unit, int Year, int? Years, Provenance Source);

/// <summary>A firm. <see cref="Uscc"/> is its unified social credit code (统一社会信用代码) when known; aliases are other names it goes by.</summary>
public sealed record Firm(FirmId Id, string Name, string? NameEn, RegionCode? Headquarters, string? Ownership, Provenance Source)
{
    public string? Uscc { get; init; }
    public ImmutableArray<string> Aliases { get; init; } = [];

    /// <summary>The group the firm belongs to (its controlling parent), when known; lists rank groups, plants belong to subsidiaries.</summary>
    public GroupLink? Group { get; init; }
}

/// <summary>A firm's parent group, the share it holds when published, and who says so.</summary>
public sealed record GroupLink(FirmId Parent, double? Share, Provenance Source);

/// <summary>A firm operates in a segment at a place from <see cref="Since"/> until (not including) <see cref="Until"/>.</summary>
public sealed record Presence(
    FirmId Firm,
    SegmentId Segment,
    RegionCode Region,
    Quantity? Capacity,
    int? Since,
    int? Until,
    string? Site,
    Provenance Source)
{
    public bool IsActiveIn(int year) => (Since is null || Since <= year) && (Until is null || year < Until);
}

public sealed record FirmList(ListId Id, string Name, string? NameEn, string Publisher, int Year);

/// <summary>
/// A firm on a list edition; <see cref="Revenue"/> as the list gives it, in the list's own unit, and
/// <see cref="Industry"/> as the list labels the firm (e.g. 金属产品).
/// </summary>
public sealed record ListMembership(FirmId Firm, ListId List, int? Rank, Provenance Source)
{
    public double? Revenue { get; init; }

    public string? Industry { get; init; }
}

public sealed record Supply(FirmId Supplier, FirmId Customer, SegmentId? Segment, int? Since, Provenance Source);

/// <summary>
/// A negative-list rule (负面清单): leads matching every part it names (a firm, a segment, a region the gap lies in)
/// must not be pursued. At least one part is named.
/// </summary>
public sealed record NegativeRule(string Id, FirmId? Firm, SegmentId? Segment, RegionCode? Region, string Reason, Provenance Source)
{
    public override string ToString() => $"{Id}: {Reason}";
}

/// <summary>
/// How a ranked list's industry label (e.g. Fortune's 金属产品) bears on a chain segment: a firm listed under the label
/// and with no known plant is a candidate for the segment, weighted 0..1, for the reason given. A label that bears on
/// no segment is written with none, so that every label of a list is accounted for.
/// </summary>
public sealed record IndustrySegment(string Industry, SegmentId? Segment, double Weight, string Reason)
{
    public string Key => $"{Industry}|{Segment?.Value}";
}

/// <summary>The whole graph as plain records: what the store holds and what seeds import.</summary>
public sealed record GraphData(
    ImmutableArray<Chain> Chains,
    ImmutableArray<Segment> Segments,
    ImmutableArray<FeedLink> Feeds,
    ImmutableArray<Region> Regions,
    ImmutableArray<Resource> Resources,
    ImmutableArray<RegionResource> RegionResources,
    ImmutableArray<Firm> Firms,
    ImmutableArray<Presence> Presences,
    ImmutableArray<FirmList> Lists,
    ImmutableArray<ListMembership> Memberships,
    ImmutableArray<Supply> Supplies)
{
    public static readonly GraphData Empty = new([], [], [], [], [], [], [], [], [], [], []);

    public ImmutableArray<NegativeRule> NegativeRules { get; init; } = [];

    public ImmutableArray<Projects.Project> Projects { get; init; } = [];

    public ImmutableArray<RegionConstraint> Constraints { get; init; } = [];

    public ImmutableArray<IndustrySegment> IndustrySegments { get; init; } = [];

    /// <summary>Every saved version of every chain plan (一链一策), in the order saved.</summary>
    public ImmutableArray<Chains.ChainPlan> ChainPlans { get; init; } = [];
    /// <summary>The 客商库: people at firms, the team's interactions with firms and its promotion events (personal data: see Contacts).</summary>
    public ImmutableArray<Contacts.Contact> Contacts { get; init; } = [];

    public ImmutableArray<Contacts.Interaction> Interactions { get; init; } = [];

    public ImmutableArray<Contacts.PromotionEvent> PromotionEvents { get; init; } = [];
}
