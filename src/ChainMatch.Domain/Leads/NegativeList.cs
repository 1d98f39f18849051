using ChainMatch.Domain.Graph;

namespace ChainMatch.Domain.Leads;

/// <summary>Which negative-list rules catch a firm for a gap: every part a rule names must match.</summary>
public sealed class NegativeList
{
    readonly IReadOnlyList<NegativeRule> _general;
    readonly ILookup<FirmId, NegativeRule> _byFirm;

    /// <summary>The rules that can apply to <paramref name="gap"/>: those naming its segment or a region it lies in, or neither.</summary>
    public NegativeList(ChainGraph graph, Gap gap)
    {
        var applicable = graph.Data.NegativeRules
            .Where(r => (r.Segment is null || r.Segment == gap.Segment) && (r.Region is null || graph.IsWithin(gap.Region, r.Region.Value)))
            .ToList();
        _general = applicable.Where(r => r.Firm is null).ToList();
        _byFirm = applicable.Where(r => r.Firm is not null).ToLookup(r => r.Firm!.Value);
    }

    /// <summary>True when no rule can apply to the gap: nothing is caught.</summary>
    public bool IsEmpty => _general.Count == 0 && _byFirm.Count == 0;

    public IReadOnlyList<NegativeRule> Catching(FirmId firm) =>
        // Asked for every candidate of a gap: no rule applies to most gaps, so no id is hashed and no list made.
        IsEmpty ? [] : [.. _general, .. _byFirm[firm]];

    /// <summary>Rules that name the firm itself, wherever it appears.</summary>
    public static IReadOnlyList<NegativeRule> Naming(ChainGraph graph, FirmId firm) =>
        graph.Data.NegativeRules.Where(r => r.Firm == firm).ToList();
}
