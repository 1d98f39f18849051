using System.Collections.Immutable;
using ChainMatch.Domain.Graph;

namespace ChainMatch.Domain.Contacts;

/// <summary>A promotion event (推介会) a region held: when, where, and the firms the team met there.</summary>
public sealed record PromotionEvent(string Id, string Name, DateOnly Date, string Place, RegionCode Region, ImmutableArray<FirmId> Firms, string OwnerTeam, string? Notes)
{
    /// <summary>An event with its texts checked, each firm met once, in the order given; throws naming the field.</summary>
    public static PromotionEvent Create(string id, string? name, DateOnly date, string? place, RegionCode region, IEnumerable<FirmId> firms, string? ownerTeam, string? notes) =>
        new(id, CrmText.Required(name, "name", 200, "an event needs its name"), date, CrmText.Required(place, "place", 200, "an event needs the place it was held"),
            region, [.. firms.Distinct()], CrmText.Required(ownerTeam, "ownerTeam", 100, "an event needs the team that held it"), CrmText.Optional(notes, "notes", 4000));
}
