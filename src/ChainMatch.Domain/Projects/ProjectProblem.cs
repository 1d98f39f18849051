using System.Collections.Immutable;

namespace ChainMatch.Domain.Projects;

/// <summary>
/// A problem a firm raises about its project (land, power, approvals, hiring, schooling…), dispatched to a lead
/// department and responsible departments with a deadline, and tracked until it is closed (销号) with its resolution.
/// </summary>
public sealed record ProjectProblem(
    string Id, string Category, string Description, DateOnly RaisedOn, string LeadDepartment,
    ImmutableArray<string> ResponsibleDepartments, DateOnly Deadline, DateOnly? ClosedOn = null, string? Resolution = null)
{
    /// <summary>
    /// The next problem raised on <paramref name="project"/>: numbered problem-1, problem-2, … in the order raised, its
    /// texts trimmed, blank departments left out; a deadline before the day it was raised is refused naming the deadline.
    /// </summary>
    public static ProjectProblem Next(Project project, string category, string description, DateOnly raisedOn, string leadDepartment,
        IEnumerable<string> responsibleDepartments, DateOnly deadline)
    {
        if (deadline < raisedOn)
            throw new InvalidValueException("deadline", $"the deadline ({deadline:yyyy-MM-dd}) is before the problem was raised ({raisedOn:yyyy-MM-dd})");
        return new ProjectProblem($"problem-{project.Problems.Length + 1}", category.Trim(), description.Trim(), raisedOn, leadDepartment.Trim(),
            [.. responsibleDepartments.Select(d => d.Trim()).Where(d => d.Length > 0)], deadline);
    }

    public bool IsOpen => ClosedOn is null;

    /// <summary>Open past its deadline on <paramref name="date"/>.</summary>
    public bool IsOverdue(DateOnly date) => IsOpen && date > Deadline;

    public ProjectProblem Close(DateOnly on, string resolution)
    {
        if (!IsOpen) throw new InvalidOperationException($"problem {Id} was already closed on {ClosedOn:yyyy-MM-dd}");
        if (on < RaisedOn) throw new InvalidValueException("closedOn", $"problem {Id} cannot close on {on:yyyy-MM-dd}, before it was raised ({RaisedOn:yyyy-MM-dd})");
        if (string.IsNullOrWhiteSpace(resolution)) throw new InvalidValueException("resolution", $"problem {Id} needs its resolution recorded to be closed");
        return this with { ClosedOn = on, Resolution = resolution.Trim() };
    }
}
