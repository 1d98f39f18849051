namespace ChainMatch.Domain.Projects;

/// <summary>The date by which a project is to reach <see cref="Stage"/>, who set it and when.</summary>
public sealed record StageDue(ProjectStage Stage, DateOnly By, string SetBy, DateOnly SetOn);

/// <summary>
/// Due dates of the three supervised steps (在谈督签约: signed by, 签约督落地: started by, 落地督竣工: in production by).
/// A project not yet at a due stage after its date is overdue; reaching the stage (or being lost) ends that.
/// </summary>
public static class StageDues
{
    public static readonly IReadOnlyList<ProjectStage> Supervised = [ProjectStage.Signed, ProjectStage.Started, ProjectStage.InProduction];

    /// <summary>The project with a due date for <paramref name="stage"/>, replacing one set before for that stage.</summary>
    public static Project Set(Project project, ProjectStage stage, DateOnly by, string setBy, DateOnly setOn)
    {
        if (!Supervised.Contains(stage))
            throw new InvalidValueException("stage", $"a due date is set for signed (在谈督签约), started (签约督落地) or in-production (落地督竣工), not {ProjectLifecycle.Name(stage)}");
        if (project.Stage == ProjectStage.Lost || project.Stage >= stage)
            throw new ProjectConflictException("Stage already reached", $"project {project.Id} is {ProjectLifecycle.Name(project.Stage)}: a due date for {ProjectLifecycle.Name(stage)} no longer applies");
        if (by < project.Current.Date)
            throw new InvalidValueException("by", $"project {project.Id}: due on {by:yyyy-MM-dd}, before its last step ({project.Current.Date:yyyy-MM-dd})");
        var due = new StageDue(stage, by, setBy, setOn);
        var at = project.DueDates.Select(d => d.Stage).ToList().IndexOf(stage);
        return project with { DueDates = at < 0 ? project.DueDates.Add(due).Sort((a, b) => a.Stage.CompareTo(b.Stage)) : project.DueDates.SetItem(at, due) };
    }

    /// <summary>The due dates the project has passed on <paramref name="asOf"/> without reaching their stage.</summary>
    public static IEnumerable<StageDue> Missed(Project project, DateOnly asOf) =>
        project.Stage == ProjectStage.Lost ? [] : project.DueDates.Where(d => project.Stage < d.Stage && asOf > d.By);
}
