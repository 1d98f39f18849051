using System.Collections.Immutable;
using System.Text.RegularExpressions;
using ChainMatch.Domain.Projects;

namespace ChainMatch.Domain.Graph;

/// <summary>A seeded row that breaks a rule (or is worth a look): the rule, the row and why.</summary>
public sealed record SeedFinding(string Rule, string Row, string Reason)
{
    public override string ToString() => $"{Rule}: {Row}: {Reason}";
}

/// <summary>
/// What a seeded graph holds and how far a reader can check it. <see cref="Errors"/> break the seed rules and fail
/// the check; <see cref="Warnings"/> are shown for the next pass over the data.
/// </summary>
public sealed record SeedCheckReport(
    int Firms,
    int Presences,
    int YunnanPlants,
    int YunnanPlantsWithCapacity,
    int YunnanPlantsWithStart,
    int YunnanPlantsWithBoth,
    int SourcedRows,
    int RowsWithAddress,
    int EstimateRows,
    int FirmsWithoutSource,
    ImmutableArray<string> FirmsWithoutPlant,
    ImmutableArray<SeedFinding> Errors,
    ImmutableArray<SeedFinding> Warnings)
{
    public bool Passes => Errors.IsEmpty;
}

/// <summary>
/// The seed rules that keep known errors from coming back, and the counts that say how far the seeds can be trusted.
/// A plant is a presence at county or park level; a row has an address when its reference holds an http(s) URL.
/// </summary>
public static partial class SeedCheck
{
    public const string ProductionWithoutPlant = "production-without-plant";
    public const string PresenceWithoutSource = "presence-without-source";
    public const string FirmWithoutSource = "firm-without-source";
    public const string RefusedSource = "refused-source";
    public const string PresenceAtHeadquarters = "presence-at-headquarters";
    public const string CapacityWithoutAddress = "capacity-without-address";
    public const string OwnershipAgainstGroup = "ownership-against-group";

    static readonly RegionCode Yunnan = new("530000");

    /// <summary>
    /// Sites that restate others' facts without being a publisher (stock-tips pages): a row citing one has no source.
    /// Reposting news sites are not listed: they carry a named publisher's article and a reader can open them.
    /// </summary>
    public static readonly ImmutableDictionary<string, string> RefusedHosts = new Dictionary<string, string>
    {
        ["gupiaobaa.com.cn"] = "a stock-tips site, not a publisher",
    }.ToImmutableDictionary();

    public static SeedCheckReport Run(ChainGraph graph)
    {
        var data = graph.Data;
        var sourced = SourcedRows(data).ToList();
        var plants = data.Presences.Where(p => IsYunnanPlant(graph, p)).ToList();
        var withPlant = data.Presences.Select(p => p.Firm).ToHashSet();

        var errors = new List<SeedFinding>();
        errors.AddRange(ProjectsWithoutPlant(graph));
        errors.AddRange(OwnershipsAgainstGroup(graph));
        errors.AddRange(data.Presences.Where(p => !p.Source.IsVerified)
            .Select(p => new SeedFinding(PresenceWithoutSource, Describe(p), "no publisher and no reference: name where a reader can check it, or leave the row out")));
        errors.AddRange(data.Firms.Where(f => !f.Source.IsVerified)
            .Select(f => new SeedFinding(FirmWithoutSource, $"firm {f.Id}", "no publisher and no reference")));
        errors.AddRange(sourced.Where(r => RefusedHostOf(r.Source) is not null)
            .Select(r => new SeedFinding(RefusedSource, r.Row, $"cites {RefusedHostOf(r.Source)} ({RefusedHosts[RefusedHostOf(r.Source)!]})")));

        // A capacity figure is what a reader most needs to check: without an address it must at least say it is an estimate.
        var uncheckedCapacities = data.Presences.Where(p => p.Capacity is not null && !HasAddress(p.Source)).ToList();
        errors.AddRange(uncheckedCapacities.Where(p => !p.Source.Estimate)
            .Select(p => new SeedFinding(CapacityWithoutAddress, Describe(p), $"{p.Capacity} with no address to check it: cite one, or mark the row estimate and say why")));

        var warnings = data.Presences
            .Where(p => p.Site is null && graph.FindFirm(p.Firm)?.Headquarters == p.Region)
            .Select(p => new SeedFinding(PresenceAtHeadquarters, Describe(p), "placed at the firm's headquarters with no site: name the plant"))
            .Concat(uncheckedCapacities.Where(p => p.Source.Estimate)
                .Select(p => new SeedFinding(CapacityWithoutAddress, Describe(p), $"{p.Capacity} is an estimate with no address: find one")))
            .ToImmutableArray();

        return new SeedCheckReport(
            Firms: data.Firms.Length,
            Presences: data.Presences.Length,
            YunnanPlants: plants.Count,
            YunnanPlantsWithCapacity: plants.Count(p => p.Capacity is not null),
            YunnanPlantsWithStart: plants.Count(p => p.Since is not null),
            YunnanPlantsWithBoth: plants.Count(p => p.Capacity is not null && p.Since is not null),
            SourcedRows: sourced.Count,
            RowsWithAddress: sourced.Count(r => HasAddress(r.Source)),
            EstimateRows: sourced.Count(r => r.Source.Estimate),
            FirmsWithoutSource: data.Firms.Count(f => !f.Source.IsVerified),
            FirmsWithoutPlant: [.. data.Firms.Where(f => !withPlant.Contains(f.Id)).Select(f => $"{f.Id} {f.Name}")],
            Errors: [.. errors],
            Warnings: warnings);
    }

    /// <summary>True when the reference holds a web address a reader can open.</summary>
    public static bool HasAddress(Provenance source) => source.Reference is { } r && Address().IsMatch(r);

    static string? RefusedHostOf(Provenance source)
    {
        if (source.Reference is null) return null;
        foreach (Match m in Address().Matches(source.Reference))
        {
            var host = m.Groups["host"].Value.ToLowerInvariant();
            foreach (var refused in RefusedHosts.Keys)
                if (host == refused || host.EndsWith("." + refused, StringComparison.Ordinal)) return refused;
        }
        return null;
    }

    static bool IsYunnanPlant(ChainGraph graph, Presence p) =>
        graph.FindRegion(Yunnan) is not null && graph.IsWithin(p.Region, Yunnan)
        && graph.FindRegion(p.Region)?.Level is RegionLevel.County or RegionLevel.Park;

    /// <summary>
    /// A project that went into production has a plant of its firm in its segment, in or around its region, that starts
    /// the year production did: a plant dated later (or missing) contradicts the project's own history.
    /// </summary>
    static IEnumerable<SeedFinding> ProjectsWithoutPlant(ChainGraph graph)
    {
        foreach (var project in graph.Data.Projects)
        {
            if (project.History.FirstOrDefault(s => s.Stage == ProjectStage.InProduction) is not { } production) continue;
            var plants = graph.Data.Presences
                .Where(p => p.Firm == project.Firm && p.Segment == project.Segment
                    && (graph.IsWithin(p.Region, project.Region) || graph.IsWithin(project.Region, p.Region)))
                .ToList();
            if (plants.Any(p => p.Since == production.Date.Year)) continue;
            var found = plants.Count == 0 ? "none" : string.Join(", ", plants.Select(p => $"{p.Region} since {p.Since?.ToString() ?? "undated"}"));
            yield return new SeedFinding(ProductionWithoutPlant, $"project {project.Id}",
                $"in production since {production.Date:yyyy-MM-dd}, but no plant of {project.Firm} in {project.Segment} at {project.Region} starts in {production.Date.Year} (plants found: {found})");
        }
    }

    /// <summary>
    /// A firm's ownership follows the group that controls it: under a state group it is that kind of state firm (or
    /// mixed), under a private or foreign group it is no state firm. A subsidiary left on its old type after its group
    /// changed hands (a provincial firm moved into a central group) contradicts its own group row.
    /// </summary>
    static IEnumerable<SeedFinding> OwnershipsAgainstGroup(ChainGraph graph)
    {
        foreach (var firm in graph.Data.Firms)
        {
            if (firm is not { Group: { } group, Ownership: { } own }) continue;
            if (graph.FindFirm(group.Parent) is not { Ownership: { } parentOwn } parent) continue;
            var contradicts = IsState(parentOwn) ? own != parentOwn && own != "mixed" : IsState(own);
            if (contradicts)
                yield return new SeedFinding(OwnershipAgainstGroup, $"firm {firm.Id}",
                    $"typed {own}, but its group {parent.Id} is {parentOwn}: retype the firm, or the group if control changed");
        }
    }

    static bool IsState(string ownership) => ownership is "central-soe" or "local-soe";

    static IEnumerable<(string Row, Provenance Source)> SourcedRows(GraphData d) =>
        d.Firms.Select(f => ($"firm {f.Id}", f.Source))
            .Concat(d.Presences.Select(p => (Describe(p), p.Source)))
            .Concat(d.Supplies.Select(s => ($"supply {s.Supplier} -> {s.Customer}", s.Source)))
            .Concat(d.Memberships.Select(m => ($"membership {m.Firm} in {m.List}", m.Source)))
            .Concat(d.RegionResources.Select(r => ($"resource {r.Resource} of {r.Region}", r.Source)))
            .Concat(d.Constraints.Select(c => ($"constraint {ConstraintKinds.Name(c.Kind)} of {c.Region}", c.Source)))
            .Concat(d.Projects.Select(p => ($"project {p.Id}", p.Source)));

    static string Describe(Presence p) => $"presence {p.Firm} {p.Segment} {p.Region}{(p.Site is { } s ? $" ({s})" : "")}";

    [GeneratedRegex(@"https?://(?<host>[A-Za-z0-9.\-]+)")]
    private static partial Regex Address();
}
