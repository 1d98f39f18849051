namespace ChainMatch.Domain.Access;

/// <summary>What a caller may do; each endpoint demands exactly one of these.</summary>
public enum Permission
{
    /// <summary>Chains, regions, firms, status maps and gap lists.</summary>
    ReadMaps,
    /// <summary>Ranked leads and target lists (firm names tied to a region's intentions).</summary>
    ReadLeads,
    /// <summary>The project library and its pipeline: negotiations in progress.</summary>
    ReadProjects,
    /// <summary>Creating leads, moving projects, raising and closing problems.</summary>
    WriteProjects,
    /// <summary>Anchor simulations, scenario comparison and anchor ranking.</summary>
    Simulate,
    /// <summary>The province-wide view of who pursues which firm (全省一盘棋).</summary>
    Coordinate,
    /// <summary>Imports, edits to the graph and the negative list, keys and the audit log.</summary>
    Administer,
}

/// <summary>
/// The four roles and what each is granted. Every role is also bounded by a region subtree (and a chain chief by their
/// chains); that scope is checked separately, against the request's region.
/// </summary>
public static class AccessRoles
{
    public const string ChainChief = "chain-chief", Investment = "investment", Planner = "planner", Admin = "admin";

    public static readonly IReadOnlyList<string> All = [ChainChief, Investment, Planner, Admin];

    static readonly Dictionary<string, Permission[]> Grants = new()
    {
        [ChainChief] = [Permission.ReadMaps, Permission.ReadLeads],
        [Investment] = [Permission.ReadMaps, Permission.ReadLeads, Permission.ReadProjects, Permission.WriteProjects, Permission.Coordinate],
        [Planner] = [Permission.ReadMaps, Permission.ReadLeads, Permission.Simulate, Permission.Coordinate],
        [Admin] = Enum.GetValues<Permission>(),
    };

    public static bool IsRole(string? name) => name is not null && Grants.ContainsKey(name);

    public static bool Allows(string? role, Permission permission) => role is not null && Grants.TryGetValue(role, out var p) && p.Contains(permission);

    public static IReadOnlyList<Permission> PermissionsOf(string role) => Grants.TryGetValue(role, out var p) ? p : [];
}
