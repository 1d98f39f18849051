using ChainMatch.Domain.Graph;

namespace ChainMatch.Domain.Firms;

public enum MatchKind { Matched, Ambiguous, Unmatched }

/// <summary>How a name on a list was matched: to one firm, to several (not guessed), or to none.</summary>
public sealed record FirmMatch(MatchKind Kind, IReadOnlyList<FirmId> Firms, string How)
{
    public FirmId? Firm => Kind == MatchKind.Matched ? Firms[0] : null;
}

/// <summary>
/// Matches names from outside (a 500 list, a project import) to firms: by unified social credit code when given,
/// then by normalised name against each firm's name, English name and aliases. Never guesses between several.
/// </summary>
public sealed class FirmMatcher
{
    readonly Dictionary<string, List<FirmId>> _byName = [];
    readonly Dictionary<string, FirmId> _byUscc = new(StringComparer.OrdinalIgnoreCase);

    public FirmMatcher(IEnumerable<Firm> firms)
    {
        foreach (var firm in firms)
        {
            if (firm.Uscc is { Length: > 0 } code) _byUscc[code] = firm.Id;
            foreach (var name in new[] { firm.Name, firm.NameEn }.Concat(firm.Aliases).OfType<string>())
            {
                var key = FirmNames.Normalize(name);
                if (key.Length == 0) continue;
                if (!_byName.TryGetValue(key, out var ids)) _byName[key] = ids = [];
                if (!ids.Contains(firm.Id)) ids.Add(firm.Id);
            }
        }
    }

    public FirmMatch Match(string name, string? nameEn = null, string? uscc = null)
    {
        if (uscc is { Length: > 0 } && _byUscc.TryGetValue(uscc, out var byCode))
            return new FirmMatch(MatchKind.Matched, [byCode], "unified social credit code");
        var found = new[] { name, nameEn }.OfType<string>()
            .Select(FirmNames.Normalize)
            .Where(k => k.Length > 0)
            .SelectMany(k => _byName.GetValueOrDefault(k, []))
            .Distinct()
            .ToList();
        return found.Count switch
        {
            1 => new FirmMatch(MatchKind.Matched, found, "name"),
            0 => new FirmMatch(MatchKind.Unmatched, [], "no firm has this name or alias"),
            _ => new FirmMatch(MatchKind.Ambiguous, found, $"{found.Count} firms share this name or alias"),
        };
    }
}
