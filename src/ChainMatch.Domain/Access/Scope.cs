using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Projects;

namespace ChainMatch.Domain.Access;

/// <summary>
/// The region subtree (and, for a chain chief or planner bound to chains, the chains) a caller may reach, and the rules
/// for reading and writing records by where they are. Values a caller sends are demanded with <see cref="Demand"/>;
/// records already stored are judged by where they are as stored, so an update never moves another region's record.
/// </summary>
public sealed record Scope(string Region, IReadOnlySet<string>? Chains = null)
{
    /// <summary>The region value that stands for every region: the local admin key and admins beyond one province.</summary>
    public const string AllRegions = "*";

    public bool SeesEverywhere => Region == AllRegions;

    public string Text => SeesEverywhere ? "all regions" : $"{Region} and below";

    /// <summary>Whether the region lies in the subtree; a code the graph does not know lies in no subtree (only a caller for all regions holds it).</summary>
    public bool Holds(ChainGraph graph, RegionCode region) =>
        SeesEverywhere || (graph.FindRegion(region) is not null && graph.FindRegion(new RegionCode(Region)) is not null && graph.IsWithin(region, new RegionCode(Region)));

    public bool HoldsChain(string chain) => Chains is null || Chains.Contains(chain);

    /// <summary>
    /// Refuses a value the caller sent that names a region, chain or segment outside the scope. An unknown region or
    /// segment is let through: the endpoint then answers 400 or 404 for it, which tells nothing about anyone's records.
    /// A chain left out (null) stands for every chain, which a caller bound to chains may not ask for.
    /// </summary>
    public void Demand(ChainGraph graph, ScopeDemand demand)
    {
        switch (demand.Kind)
        {
            case ScopeKind.Region when demand.Value is { } code && graph.FindRegion(new RegionCode(code)) is not null && !Holds(graph, new RegionCode(code)):
                throw new AccessDeniedException($"{demand.Field}: region {code} is outside this caller's scope ({Text})");
            case ScopeKind.Chain when Chains is not null && demand.Value is null:
                throw new AccessDeniedException($"{demand.Field}: name one of this caller's chains ({ChainText})");
            case ScopeKind.Chain when demand.Value is { } chain && !HoldsChain(chain):
                throw new AccessDeniedException($"{demand.Field}: chain '{chain}' is not one of this caller's chains ({ChainText})");
            case ScopeKind.Segment when Chains is not null && demand.Value is { } segment && graph.FindSegment(new SegmentId(segment)) is not null
                && !graph.ChainsOf(new SegmentId(segment)).Any(c => HoldsChain(c.Id.Value)):
                throw new AccessDeniedException($"{demand.Field}: segment '{segment}' is in none of this caller's chains ({ChainText})");
        }
    }

    public void Demand(ChainGraph graph, IEnumerable<ScopeDemand> demands)
    {
        foreach (var d in demands) Demand(graph, d);
    }

    /// <summary>
    /// Refuses a stored record outside the scope. The detail names only what the caller sent (the record's kind and id),
    /// never where the record is: that is what the caller may not know.
    /// </summary>
    public void DemandStored(ChainGraph graph, string kind, string id, RegionCode? region)
    {
        if (!SeesStored(graph, region)) throw new AccessDeniedException($"{kind} '{id}' is outside this caller's scope ({Text})");
    }

    /// <summary>A record placed in a region is the region's; one placed nowhere (null) belongs to every region, so only a caller for all regions holds it.</summary>
    public bool SeesStored(ChainGraph graph, RegionCode? region) => region is { } r ? Holds(graph, r) : SeesEverywhere;

    // Reads.

    /// <summary>Projects and their problems are the operational records of their region.</summary>
    public bool Sees(ChainGraph graph, Project project) => Holds(graph, project.Region);

    /// <summary>
    /// A negative-list rule binds the region it names and everything under it: the caller sees rules for every region,
    /// for their own subtree, and for the regions above theirs (those bind them too), not another region's.
    /// </summary>
    public bool Sees(ChainGraph graph, NegativeRule rule) =>
        rule.Region is not { } r || Holds(graph, r)
        || (graph.FindRegion(r) is not null && graph.FindRegion(new RegionCode(Region)) is not null && graph.IsWithin(new RegionCode(Region), r));

    /// <summary>Where a firm operates is a public fact; the site, capacity, years and source of a presence are its region's business.</summary>
    public bool SeesDetailsOf(ChainGraph graph, Presence presence) => Holds(graph, presence.Region);

    /// <summary>The audit log spans every region's writes, keys and imports; entries carry no region, so it is read by callers for all regions.</summary>
    public bool ReadsAuditLog => SeesEverywhere;

    // Writes: each checks the record as stored (when there is one) and as it would become.

    /// <summary>
    /// A firm's own fields (name, aliases, credit code, ownership, headquarters) are read by every region's maps and lists:
    /// a regional caller edits them only for a firm headquartered in its scope, before and after the edit; a firm without
    /// headquarters, or moving out of the scope, needs a caller for all regions.
    /// </summary>
    public void DemandFirmEdit(ChainGraph graph, Firm? stored, Firm updated)
    {
        if (SeesEverywhere) return;
        if (stored is not null && !SeesStored(graph, stored.Headquarters))
            throw new AccessDeniedException($"firm '{updated.Id}' is headquartered outside this caller's scope ({Text}); its own fields are edited there or by a caller for all regions");
        if (!SeesStored(graph, updated.Headquarters))
            throw new AccessDeniedException(updated.Headquarters is { } hq
                ? $"headquarters: region {hq} is outside this caller's scope ({Text})"
                : $"headquarters: a firm without headquarters is edited by a caller for all regions, not {Text}");
    }

    /// <summary>A presence is its region's record: a regional caller adds or corrects presences inside its scope only, of any firm.</summary>
    public void DemandPresenceEdit(ChainGraph graph, Presence presence)
    {
        if (!Holds(graph, presence.Region)) throw new AccessDeniedException($"region: region {presence.Region} is outside this caller's scope ({Text})");
    }

    /// <summary>A rule is written by a caller who holds its region both as stored and as sent (a rule for every region: a caller for all regions).</summary>
    public void DemandRuleEdit(ChainGraph graph, NegativeRule? stored, NegativeRule updated)
    {
        if (stored is not null) DemandStored(graph, "negative-list rule", stored.Id, stored.Region);
        if (!SeesStored(graph, updated.Region))
            throw new AccessDeniedException(updated.Region is { } r
                ? $"region: region {r} is outside this caller's scope ({Text})"
                : $"region: a rule for every region needs a caller who sees all regions, not {Text}");
    }

    /// <summary>A project is written by a caller who holds its region as stored and as it would become.</summary>
    public void DemandProjectEdit(ChainGraph graph, Project? stored, Project updated)
    {
        if (stored is not null) DemandStored(graph, "project", stored.Id, stored.Region);
        if (!Holds(graph, updated.Region)) throw new AccessDeniedException($"region: region {updated.Region} of project '{updated.Id}' is outside this caller's scope ({Text})");
    }

    /// <summary>
    /// The key-project library is held a level above the projects it admits: a project is reviewed by a caller whose
    /// region lies above the project's (a prefecture reviews its counties, the province its prefectures), or for all regions.
    /// </summary>
    public void DemandKeyReview(ChainGraph graph, Project project)
    {
        DemandStored(graph, "project", project.Id, project.Region);
        if (!SeesEverywhere && project.Region.Value == Region)
            throw new AccessDeniedException($"project '{project.Id}' lies in {Region} itself: its key-project proposal is reviewed a level above, not by {Text}");
    }

    /// <summary>A list edition (and the firms it may create) is shared by every region: imported by a caller for all regions.</summary>
    public void DemandListImport()
    {
        if (!SeesEverywhere) throw new AccessDeniedException($"a list edition is shared by every region; it is imported by a caller for all regions, not {Text}");
    }

    string ChainText => string.Join(", ", Chains ?? new HashSet<string>());
}

public enum ScopeKind { Region, Chain, Segment }

/// <summary>One value a request sends that names a region, chain or segment, with the field it came in.</summary>
public sealed record ScopeDemand(ScopeKind Kind, string Field, string? Value)
{
    public static ScopeDemand Region(string field, string? value) => new(ScopeKind.Region, field, value);

    /// <summary>A chain; null stands for every chain.</summary>
    public static ScopeDemand Chain(string field, string? value) => new(ScopeKind.Chain, field, value);

    public static ScopeDemand Segment(string field, string? value) => new(ScopeKind.Segment, field, value);
}

/// <summary>The caller is known but may not reach this region, chain, record or action; answered 403 with the reason.</summary>
public sealed class AccessDeniedException(string message) : Exception(message);
