using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Projects;

namespace ChainMatch.Domain.Contacts;

/// <summary>A target the team has not been in touch with for a while: its project, the last touch and how long ago it was.</summary>
public sealed record StaleTarget(Project Project, DateOnly LastTouch, string LastTouchBy, int Days);

/// <summary>
/// Targets going cold: projects still being pursued (lead, contacted, negotiating) whose last touch lies
/// <c>days</c> days or more before today. A touch is the project's move to its current stage, or an interaction or
/// promotion event with the project's firm in the project's region, a region above it or one below it (a prefecture's
/// visit counts for its county's project and the other way round; an interaction logged for the project is in its region).
/// </summary>
public static class StaleTargets
{
    public const int DefaultDays = 30;

    public static readonly IReadOnlyList<ProjectStage> Pursued = [ProjectStage.Lead, ProjectStage.Contacted, ProjectStage.Negotiating];

    public static IReadOnlyList<StaleTarget> Of(ChainGraph graph, IEnumerable<Project> projects, DateOnly today, int days)
    {
        if (days < 1) throw new InvalidValueException("days", $"{days} is not a number of days: use 1 or more");
        var interactions = graph.Data.Interactions.Where(i => i.Date <= today).ToLookup(i => i.Firm);
        var events = graph.Data.PromotionEvents.Where(e => e.Date <= today).SelectMany(e => e.Firms.Select(f => (Firm: f, Event: e))).ToLookup(x => x.Firm, x => x.Event);
        bool Related(RegionCode a, RegionCode b) => a == b || graph.IsWithin(a, b) || graph.IsWithin(b, a);

        var stale = new List<StaleTarget>();
        foreach (var project in projects.Where(p => Pursued.Contains(p.Stage)))
        {
            var (last, by) = (project.Current.Date, $"stage:{ProjectLifecycle.Name(project.Stage)}");
            foreach (var i in interactions[project.Firm])
                if (i.Date > last && Related(i.Region, project.Region)) (last, by) = (i.Date, $"interaction:{i.Id}");
            foreach (var e in events[project.Firm])
                if (e.Date > last && Related(e.Region, project.Region)) (last, by) = (e.Date, $"event:{e.Id}");
            var since = today.DayNumber - last.DayNumber;
            if (since >= days) stale.Add(new StaleTarget(project, last, by, since));
        }
        return [.. stale.OrderByDescending(s => s.Days).ThenBy(s => s.Project.Id, StringComparer.Ordinal)];
    }
}
