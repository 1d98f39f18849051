using System.Collections.Immutable;
using ChainMatch.Domain.Graph;

namespace ChainMatch.Domain.Chains;

/// <summary>A target for one year of a chain plan, e.g. 2027: "引进正极材料项目2个, 投资30亿元".</summary>
public sealed record YearlyTarget(int Year, string Target);

/// <summary>
/// One saved version of a chain's plan for a region (一链一策): its priorities, the units responsible, its yearly
/// targets, who saved it and when. Versions are numbered 1, 2, … per chain and region and never overwritten.
/// </summary>
public sealed record ChainPlan(ChainId Chain, RegionCode Region, int Version, ImmutableArray<string> Priorities, ImmutableArray<string> ResponsibleUnits,
    ImmutableArray<YearlyTarget> YearlyTargets, string Author, DateTimeOffset SavedAt)
{
    public string Key => $"{Chain.Value}|{Region.Value}|{Version}";
}

/// <summary>The rules of a chain plan's versions: short lists of short texts, saved only on top of the newest version.</summary>
public static class ChainPlans
{
    public const int MaxItems = 20, MaxText = 300;

    /// <summary>The plan's versions for the chain and region, newest first.</summary>
    public static IReadOnlyList<ChainPlan> History(GraphData data, ChainId chain, RegionCode region) =>
        [.. data.ChainPlans.Where(p => p.Chain == chain && p.Region == region).OrderByDescending(p => p.Version)];

    /// <summary>
    /// The next version, edited from version <paramref name="basedOn"/> (0 for a first plan): refused when another
    /// version was saved since, so one chief's edit never silently replaces another's. Texts are trimmed, blank ones left out.
    /// </summary>
    public static ChainPlan Next(GraphData data, ChainId chain, RegionCode region, int basedOn, IEnumerable<string> priorities, IEnumerable<string> units,
        IEnumerable<YearlyTarget> targets, string author, DateTimeOffset savedAt)
    {
        var latest = History(data, chain, region).FirstOrDefault();
        if (basedOn != (latest?.Version ?? 0))
            throw new Projects.ProjectConflictException("Plan changed meanwhile", latest is null
                ? $"the plan of {chain} for {region} has no version {basedOn}: save it as version 1 (basedOn 0)"
                : $"version {latest.Version} of the plan of {chain} for {region} was saved by {latest.Author} at {latest.SavedAt:yyyy-MM-dd HH:mm}; reload it and edit that version, not {basedOn}");
        ImmutableArray<string> p = [.. Texts(priorities, "priorities")], u = [.. Texts(units, "responsibleUnits")];
        if (p.IsEmpty) throw new InvalidValueException("priorities", "a chain plan names at least one priority");
        var t = targets.Select(x => x with { Target = x.Target?.Trim() ?? "" }).Where(x => x.Target.Length > 0).OrderBy(x => x.Year).ToImmutableArray();
        if (t.Length > MaxItems) throw new InvalidValueException("yearlyTargets", $"at most {MaxItems} yearly targets");
        foreach (var x in t)
        {
            if (x.Year is < 2000 or > 2100) throw new InvalidValueException("yearlyTargets", $"year {x.Year} is not a plan year (2000–2100)");
            if (x.Target.Length > MaxText) throw new InvalidValueException("yearlyTargets", $"the target for {x.Year} is longer than {MaxText} characters");
        }
        return new ChainPlan(chain, region, basedOn + 1, p, u, t, author, savedAt);
    }

    static IEnumerable<string> Texts(IEnumerable<string> texts, string field)
    {
        var kept = texts.Select(x => x?.Trim() ?? "").Where(x => x.Length > 0).ToList();
        if (kept.Count > MaxItems) throw new InvalidValueException(field, $"at most {MaxItems} lines");
        if (kept.FirstOrDefault(x => x.Length > MaxText) is { } longText) throw new InvalidValueException(field, $"a line is longer than {MaxText} characters: '{longText[..20]}…'");
        return kept;
    }
}
