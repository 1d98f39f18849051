using System.Collections.Immutable;
using ChainMatch.Domain.Graph;

namespace ChainMatch.Domain.Firms;

/// <summary>
/// Which firms a name already names: every firm's name, English name and aliases, normalised as matching normalises
/// them (<see cref="FirmNames.Normalize"/>). Immutable; the version after a write shares every name it does not change.
/// </summary>
public sealed class FirmNameIndex
{
    readonly ImmutableDictionary<string, ImmutableArray<FirmId>> _byName;

    FirmNameIndex(ImmutableDictionary<string, ImmutableArray<FirmId>> byName) => _byName = byName;

    public static FirmNameIndex Of(IEnumerable<Firm> firms) => new(ImmutableDictionary<string, ImmutableArray<FirmId>>.Empty.ToBuilder().Adding(firms).ToImmutable());

    /// <summary>The firms <paramref name="name"/> names, in the order they were indexed; none for a name that normalises to nothing.</summary>
    public ImmutableArray<FirmId> Naming(string name) => _byName.TryGetValue(FirmNames.Normalize(name), out var ids) ? ids : [];

    /// <summary>This index with the names of <paramref name="before"/> dropped and those of <paramref name="after"/> (the same firms as written) added.</summary>
    public FirmNameIndex With(IEnumerable<Firm> before, IEnumerable<Firm> after)
    {
        var names = _byName.ToBuilder();
        foreach (var firm in before)
            foreach (var key in Keys(firm))
                if (names.TryGetValue(key, out var ids))
                {
                    var left = ids.Remove(firm.Id);
                    if (left.IsEmpty) names.Remove(key);
                    else names[key] = left;
                }
        return new(names.Adding(after).ToImmutable());
    }

    internal static IEnumerable<string> Keys(Firm firm) =>
        new[] { firm.Name, firm.NameEn }.Concat(firm.Aliases).OfType<string>().Select(FirmNames.Normalize).Where(k => k.Length > 0).Distinct();
}

static class FirmNameIndexBuilding
{
    public static ImmutableDictionary<string, ImmutableArray<FirmId>>.Builder Adding(this ImmutableDictionary<string, ImmutableArray<FirmId>>.Builder names, IEnumerable<Firm> firms)
    {
        foreach (var firm in firms)
            foreach (var key in FirmNameIndex.Keys(firm))
                names[key] = names.TryGetValue(key, out var ids) ? (ids.Contains(firm.Id) ? ids : ids.Add(firm.Id)) : [firm.Id];
        return names;
    }
}
