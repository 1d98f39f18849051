using ChainMatch.Domain.Graph;

namespace ChainMatch.Domain.Contacts;

/// <summary>What a list of the 客商库 shows: records in a region and everything under it (every region when none is named).</summary>
public static class ContactBook
{
    public static bool InRegion(ChainGraph graph, RegionCode record, RegionCode? region) => region is not { } r || graph.IsWithin(record, r);

    /// <summary>Contacts still held: a removed one has nothing left to list.</summary>
    public static IEnumerable<Contact> Contacts(ChainGraph graph, RegionCode? region, FirmId? firm, string? owner) =>
        graph.Data.Contacts.Where(c => !c.IsRemoved && InRegion(graph, c.Region, region) && (firm is null || c.Firm == firm) && (owner is null || c.OwnerTeam == owner));

    /// <summary>Interactions newest first.</summary>
    public static IEnumerable<Interaction> Interactions(ChainGraph graph, RegionCode? region, FirmId? firm, string? project) =>
        graph.Data.Interactions.Where(i => InRegion(graph, i.Region, region) && (firm is null || i.Firm == firm) && (project is null || i.Project == project))
            .OrderByDescending(i => i.Date).ThenByDescending(i => i.Id, StringComparer.Ordinal);

    /// <summary>Events newest first; with a firm, those where it was met.</summary>
    public static IEnumerable<PromotionEvent> Events(ChainGraph graph, RegionCode? region, FirmId? firm) =>
        graph.Data.PromotionEvents.Where(e => InRegion(graph, e.Region, region) && (firm is null || e.Firms.Contains(firm.Value)))
            .OrderByDescending(e => e.Date).ThenByDescending(e => e.Id, StringComparer.Ordinal);
}
