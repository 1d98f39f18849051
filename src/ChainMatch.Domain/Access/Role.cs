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
    /// <summary>Admitting or refusing a project proposed for the key-project library (重点项目库).</summary>
    ReviewKeyProjects,
    /// <summary>A chain's workspace: its projects and problems, read only, and its plan (一链一策) with the plan's history.</summary>
    ReadChainWork,
    /// <summary>Saving a new version of a chain's plan (一链一策).</summary>
    WriteChainPlan,
    /// <summary>Imports, edits to the graph and the negative list, keys and the audit log.</summary>
    Administer,
    /// <summary>The 客商库: people at firms (personal data), interactions and promotion events, and the stale-target view.</summary>
    ReadContacts,
    /// <summary>Adding contacts, logging interactions and events, importing them.</summary>
    WriteContacts,
}

/// <summary>
/// One of the four roles, and what it is granted. Every role is also bounded by a region subtree (and a chain chief by their
/// chains); that scope is checked separately, against the request's region. Keys and tokens carry a role by its
/// <see cref="Name"/>; a name is read with <see cref="Parse"/> and compared nowhere else.
/// </summary>
public sealed class Role
{
    public static readonly Role ChainChief = new("chain-chief", new("链长", "Chain chief"),
        [Permission.ReadMaps, Permission.ReadLeads, Permission.ReadChainWork, Permission.WriteChainPlan]);
    public static readonly Role Investment = new("investment", new("招商部门", "Investment promotion"),
        [Permission.ReadMaps, Permission.ReadLeads, Permission.ReadProjects, Permission.WriteProjects, Permission.Coordinate, Permission.ReviewKeyProjects, Permission.ReadChainWork,
            Permission.ReadContacts, Permission.WriteContacts]);
    public static readonly Role Planner = new("planner", new("规划部门", "Planner"), [Permission.ReadMaps, Permission.ReadLeads, Permission.Simulate, Permission.Coordinate]);
    public static readonly Role Admin = new("admin", new("系统管理员", "Administrator"), Enum.GetValues<Permission>());

    public static readonly IReadOnlyList<Role> All = [ChainChief, Investment, Planner, Admin];

    Role(string name, Label label, IReadOnlyList<Permission> permissions) => (Name, Label, Permissions) = (name, label, permissions);

    /// <summary>"chain-chief", "investment", "planner" or "admin": the role as keys, tokens and the command line write it.</summary>
    public string Name { get; }

    public Label Label { get; }

    public IReadOnlyList<Permission> Permissions { get; }

    /// <summary>A chain chief answers for chains, so their key names the chains it reaches.</summary>
    public bool NamesChains => this == ChainChief;

    public bool Allows(Permission permission) => Permissions.Contains(permission);

    /// <summary>The role a name stands for, exactly as written; null for any other text.</summary>
    public static Role? Parse(string? name) => All.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.Ordinal));

    /// <summary>"chain-chief, investment, planner, admin": what a message lists when a role name is wrong.</summary>
    public static string Names => string.Join(", ", All.Select(r => r.Name));

    public override string ToString() => Name;
}
