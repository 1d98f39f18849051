namespace ChainMatch.Domain.Graph;

/// <summary>
/// The rows one or more writes touched, by index. A write replaces a row where it stands and appends a new one, so an
/// index names the same row in every later version: the changes of successive writes add up to the change from the
/// first version to the last. What lead finding keeps per version is derived from the previous version's by it.
/// </summary>
internal sealed class GraphChange
{
    public static readonly GraphChange None = new([], [], [], [], [], false);

    GraphChange(SortedSet<int> firms, SortedSet<int> presences, SortedSet<int> memberships, SortedSet<int> supplies, SortedSet<int> projects, bool basis)
    {
        Firms = firms;
        Presences = presences;
        Memberships = memberships;
        Supplies = supplies;
        Projects = projects;
        Basis = basis;
    }

    /// <summary>Touched rows of each kind, ascending (the order the rows stand in the data).</summary>
    public IReadOnlySet<int> Firms { get; }
    public IReadOnlySet<int> Presences { get; }
    public IReadOnlySet<int> Memberships { get; }
    public IReadOnlySet<int> Supplies { get; }
    public IReadOnlySet<int> Projects { get; }

    /// <summary>List editions or industry mappings changed: what lead finding reads of them whole is to be worked out anew.</summary>
    public bool Basis { get; }

    public int Rows => Firms.Count + Presences.Count + Memberships.Count + Supplies.Count + Projects.Count;

    public static GraphChange Of(GraphMerge merge) =>
        new([.. merge.Firms], [.. merge.Presences], [.. merge.Memberships], [.. merge.Supplies], [.. merge.Projects],
            merge.Lists.Count > 0 || merge.IndustrySegments.Count > 0);

    /// <summary>This change followed by <paramref name="later"/>: what both touched.</summary>
    public GraphChange Then(GraphChange later) =>
        new([.. Firms, .. later.Firms], [.. Presences, .. later.Presences], [.. Memberships, .. later.Memberships],
            [.. Supplies, .. later.Supplies], [.. Projects, .. later.Projects], Basis || later.Basis);
}
