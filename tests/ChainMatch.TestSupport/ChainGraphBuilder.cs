using System.Collections.Immutable;
using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Projects;

namespace ChainMatch.TestSupport;

/// <summary>
/// Small hand-built graphs for rule tests. Regions: province 530000 › prefecture 530100 › county 530181 › park 530181-park;
/// prefecture 530300 › county 530381; province 350000 › prefecture 350900. Seats: 云南省 and 昆明市 at Kunming
/// (25.04, 102.71), 曲靖市 at Qujing (25.49, 103.80), 福建省 at Fuzhou (26.07, 119.30); the others inherit their parent's.
/// </summary>
public sealed class ChainGraphBuilder
{
    static readonly Provenance Sourced = new("test publisher", "test document");
    readonly List<Chain> _chains = [];
    readonly List<Segment> _segments = [];
    readonly List<FeedLink> _feeds = [];
    readonly List<Region> _regions =
    [
        new(new("530000"), "云南省", "Yunnan", RegionLevel.Province, null, Sourced) { Seat = new(25.04, 102.71) },
        new(new("530100"), "昆明市", "Kunming", RegionLevel.Prefecture, new("530000"), Sourced) { Seat = new(25.04, 102.71) },
        new(new("530181"), "安宁市", "Anning", RegionLevel.County, new("530100"), Sourced),
        new(new("530181-park"), "安宁工业园区", "Anning park", RegionLevel.Park, new("530181"), Sourced),
        new(new("530300"), "曲靖市", "Qujing", RegionLevel.Prefecture, new("530000"), Sourced) { Seat = new(25.49, 103.80) },
        new(new("530381"), "宣威市", "Xuanwei", RegionLevel.County, new("530300"), Sourced),
        new(new("350000"), "福建省", "Fujian", RegionLevel.Province, null, Sourced) { Seat = new(26.07, 119.30) },
        new(new("350900"), "宁德市", "Ningde", RegionLevel.Prefecture, new("350000"), Sourced),
    ];
    readonly List<Resource> _resources = [];
    readonly List<RegionResource> _regionResources = [];
    readonly List<Firm> _firms = [];
    readonly List<Presence> _presences = [];
    readonly List<FirmList> _lists = [];
    readonly List<ListMembership> _memberships = [];
    readonly List<Supply> _supplies = [];
    readonly List<(SegmentId Segment, Intensity Intensity)> _intensities = [];
    readonly List<RegionConstraint> _constraints = [];
    readonly List<Project> _projects = [];
    readonly List<IndustrySegment> _industries = [];

    public ChainGraphBuilder Chain(string id, params string[] segments)
    {
        _chains.Add(new Chain(new ChainId(id), id, id, [.. segments.Select(s => new SegmentId(s))]));
        foreach (var s in segments.Where(s => _segments.All(x => x.Id.Value != s)))
            Segment(s);
        return this;
    }

    public ChainGraphBuilder Segment(string id, int tier = 2, Stage stage = Stage.Midstream, string[]? needs = null, Quantity? weakBelow = null)
    {
        _segments.RemoveAll(s => s.Id.Value == id);
        _segments.Add(new Segment(new SegmentId(id), id, id, stage, tier, [.. (needs ?? []).Select(n => new ResourceId(n))], weakBelow));
        foreach (var need in needs ?? [])
            if (_resources.All(r => r.Id.Value != need)) _resources.Add(new Resource(new ResourceId(need), need, need, "Mt"));
        return this;
    }

    public ChainGraphBuilder Feeds(string from, string to, double? coefficient = null, string unit = "t/t")
    {
        var parts = unit.Split('/');
        _feeds.Add(new FeedLink(new SegmentId(from), new SegmentId(to),
            coefficient is { } k ? new Coefficient(k, parts[0], parts[1]) : null, Sourced));
        return this;
    }

    public ChainGraphBuilder Holds(string region, string resource)
    {
        if (_resources.All(r => r.Id.Value != resource)) _resources.Add(new Resource(new ResourceId(resource), resource, resource, "Mt"));
        _regionResources.Add(new RegionResource(new RegionCode(region), new ResourceId(resource), null, null, Sourced));
        return this;
    }

    /// <summary>One unit of the segment's output takes <paramref name="amount"/> of the resource, e.g. 13500 "kWh/t" of power measured in "TWh/yr".</summary>
    public ChainGraphBuilder Intensity(string segment, string resource, double amount, string unit, string resourceUnit)
    {
        if (_resources.All(r => r.Id.Value != resource)) _resources.Add(new Resource(new ResourceId(resource), resource, resource, resourceUnit));
        var slash = unit.IndexOf('/');
        _intensities.Add((new SegmentId(segment), new Intensity(new ResourceId(resource), amount, unit[..slash], unit[(slash + 1)..], Sourced)));
        return this;
    }

    public ChainGraphBuilder Constraint(string region, ConstraintKind kind, string resource, double amount, string unit, int year = 2020, int? years = null)
    {
        _constraints.Add(new RegionConstraint(new RegionCode(region), kind, new ResourceId(resource), amount, unit, year, years, Sourced));
        return this;
    }

    public ChainGraphBuilder Firm(string id, string @in, string at, double? capacity = null, string unit = "t/yr",
        int? since = null, int? until = null, bool sourced = true)
    {
        if (_firms.All(f => f.Id.Value != id))
            _firms.Add(new Firm(new FirmId(id), id, id, new RegionCode("530100"), null, Sourced));
        _presences.Add(new Presence(new FirmId(id), new SegmentId(@in), new RegionCode(at),
            capacity is { } c ? new Quantity(c, unit) : null, since, until, null, sourced ? Sourced : Provenance.None));
        return this;
    }

    public ChainGraphBuilder Headquarters(string firm, string region)
    {
        var i = _firms.FindIndex(f => f.Id.Value == firm);
        _firms[i] = _firms[i] with { Headquarters = new RegionCode(region) };
        return this;
    }

    public ChainGraphBuilder Listed(string firm, string list, int? rank = null, int year = 2024, double? revenue = null, string? industry = null)
    {
        if (_firms.All(f => f.Id.Value != firm))
            _firms.Add(new Firm(new FirmId(firm), firm, firm, new RegionCode("530100"), null, Sourced));
        if (_lists.All(l => l.Id.Value != list)) _lists.Add(new FirmList(new ListId(list), list, list, "test", year));
        _memberships.Add(new ListMembership(new FirmId(firm), new ListId(list), rank, Sourced) { Revenue = revenue, Industry = industry });
        return this;
    }

    /// <summary>Makes <paramref name="parent"/> (created without plants when new) the group of <paramref name="firm"/>.</summary>
    public ChainGraphBuilder Parent(string firm, string parent)
    {
        if (_firms.All(f => f.Id.Value != parent))
            _firms.Add(new Firm(new FirmId(parent), parent, parent, new RegionCode("530100"), null, Sourced));
        var i = _firms.FindIndex(f => f.Id.Value == firm);
        _firms[i] = _firms[i] with { Group = new GroupLink(new FirmId(parent), null, Sourced) };
        return this;
    }

    /// <summary>A list industry label bearing on a segment with a weight (the industry-segments seed table).</summary>
    public ChainGraphBuilder Industry(string label, string segment, double weight, string reason = "test reason")
    {
        _industries.Add(new IndustrySegment(label, new SegmentId(segment), weight, reason));
        return this;
    }

    public ChainGraphBuilder Supplies(string supplier, string customer)
    {
        _supplies.Add(new Supply(new FirmId(supplier), new FirmId(customer), null, null, Sourced));
        return this;
    }

    /// <summary>A project of the firm for a gap with its dated steps, e.g. <c>(ProjectStage.Signed, "2021-06-01")</c>.</summary>
    public ChainGraphBuilder Project(string firm, string segment, string region, params (ProjectStage Stage, string Date)[] steps)
    {
        _projects.Add(new Project($"{firm}-{segment}-{region}", new FirmId(firm), new SegmentId(segment), new RegionCode(region), "test bureau",
            [.. steps.Select(s => new StageChange(s.Stage, DateOnly.Parse(s.Date, System.Globalization.CultureInfo.InvariantCulture)))], Sourced));
        return this;
    }

    /// <summary>Where a region's government sits; null removes the seat so the region inherits its parent's.</summary>
    public ChainGraphBuilder Seat(string region, double? latitude, double? longitude)
    {
        var i = _regions.FindIndex(r => r.Code.Value == region);
        _regions[i] = _regions[i] with { Seat = latitude is { } lat && longitude is { } lon ? new GeoPoint(lat, lon) : null };
        return this;
    }

    public GraphData Data() => new(
        [.. _chains], [.. _segments.Select(s => s with { Intensities = [.. _intensities.Where(k => k.Segment == s.Id).Select(k => k.Intensity)] })],
        [.. _feeds], [.. _regions], [.. _resources], [.. _regionResources],
        [.. _firms], [.. _presences], [.. _lists], [.. _memberships], [.. _supplies]) { Constraints = [.. _constraints], Projects = [.. _projects], IndustrySegments = [.. _industries] };

    public ChainGraph Build() => ChainGraph.Build(Data());
}
