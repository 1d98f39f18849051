using System.Text.Json;

namespace ChainMatch.Domain.Projects;

/// <summary>
/// Which stage may follow which: a lead may skip ahead through contact and negotiation, but a project is signed
/// before it starts and started before it produces ("在谈督签约、签约督落地、落地督竣工"); capital can be added
/// repeatedly once in production; nothing follows lost.
/// </summary>
public static class ProjectLifecycle
{
    static readonly Dictionary<ProjectStage, ProjectStage[]> Next = new()
    {
        [ProjectStage.Lead] = [ProjectStage.Contacted, ProjectStage.Negotiating, ProjectStage.Signed, ProjectStage.Lost],
        [ProjectStage.Contacted] = [ProjectStage.Negotiating, ProjectStage.Signed, ProjectStage.Lost],
        [ProjectStage.Negotiating] = [ProjectStage.Signed, ProjectStage.Lost],
        [ProjectStage.Signed] = [ProjectStage.Started, ProjectStage.Lost],
        [ProjectStage.Started] = [ProjectStage.InProduction, ProjectStage.Lost],
        [ProjectStage.InProduction] = [ProjectStage.CapitalAdded],
        [ProjectStage.CapitalAdded] = [ProjectStage.CapitalAdded],
        [ProjectStage.Lost] = [],
    };

    public static IReadOnlyList<ProjectStage> AllowedAfter(ProjectStage stage) => Next[stage];

    /// <summary>The project with <paramref name="change"/> appended; an illegal move is refused, a date before the last one or a negative amount too, naming the field.</summary>
    public static Project Advance(Project project, StageChange change)
    {
        var allowed = Next[project.Stage];
        if (!allowed.Contains(change.Stage))
            throw new IllegalTransitionException(project.Id, project.Stage, change.Stage, allowed);
        if (change.Date < project.Current.Date)
            throw new InvalidValueException("date", $"project {project.Id}: {Name(change.Stage)} on {change.Date:yyyy-MM-dd} is before its last step ({Name(project.Stage)} on {project.Current.Date:yyyy-MM-dd})");
        if (change.AgreedInvestment < 0 || change.FundsInPlace < 0)
            throw new InvalidValueException(change.AgreedInvestment < 0 ? "agreedInvestment" : "fundsInPlace", $"project {project.Id}: amounts cannot be negative");
        return project with { History = project.History.Add(change) };
    }

    /// <summary>True when <paramref name="history"/> is a legal sequence of steps from a first step at Lead (or any stage when importing an existing library).</summary>
    public static void Check(Project project)
    {
        if (project.History.IsDefaultOrEmpty) throw new InvalidValueException("stage", $"project {project.Id} has no stage");
        var replay = project with { History = [project.History[0]] };
        foreach (var change in project.History.Skip(1)) replay = Advance(replay, change);
    }

    public static string Name(ProjectStage stage) => JsonNamingPolicy.KebabCaseLower.ConvertName(stage.ToString());

    /// <summary>The stage a name such as "in-production" stands for.</summary>
    public static bool TryParse(string? name, out ProjectStage stage)
    {
        foreach (var s in Enum.GetValues<ProjectStage>())
            if (Name(s) == name)
            {
                stage = s;
                return true;
            }
        stage = default;
        return false;
    }

    /// <summary>"lead, contacted, …": what a message lists when a stage name is wrong.</summary>
    public static string Names => string.Join(", ", Enum.GetValues<ProjectStage>().Select(Name));
}

/// <summary>A stage change the lifecycle does not allow; says which stages may come next.</summary>
public sealed class IllegalTransitionException(string project, ProjectStage from, ProjectStage to, IReadOnlyList<ProjectStage> allowed)
    : Exception($"project {project} cannot go from {ProjectLifecycle.Name(from)} to {ProjectLifecycle.Name(to)}: " +
        (allowed.Count == 0 ? "nothing follows lost" : $"next can be {string.Join(", ", allowed.Select(ProjectLifecycle.Name))}"))
{
    public ProjectStage From { get; } = from;
    public IReadOnlyList<ProjectStage> Allowed { get; } = allowed;
}
