using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Leads;
using ChainMatch.Domain.Projects;

namespace ChainMatch.Ranking.Leads;

/// <summary>
/// Training queries from the project library: each project poses its gap as the graph stood when its first step
/// was recorded, with the firm's own later arrival in that region hidden, and is graded by how far it got by the
/// date asked (lost/none 0 &lt; contacted 1 &lt; negotiating 2 &lt; signed 3 &lt; started 4 &lt; in production 5).
/// Other projects for the same gap grade their firms too. The projects being graded are hidden from the
/// features, so a project never describes itself (the past-project feature would otherwise carry its label).
/// </summary>
public static class ProjectLabels
{
    public sealed record Result(IReadOnlyList<LeadQuery> Queries, int Projects, int Unreachable);

    public static int Grade(Project project, DateOnly asOf)
    {
        var reached = project.History.Where(h => h.Date <= asOf).Select(h => h.Stage).ToList();
        if (reached.Count == 0 || reached[^1] == ProjectStage.Lost) return 0;
        return reached.Max() switch
        {
            ProjectStage.Contacted => 1,
            ProjectStage.Negotiating => 2,
            ProjectStage.Signed => 3,
            ProjectStage.Started => 4,
            ProjectStage.InProduction or ProjectStage.CapitalAdded => 5,
            _ => 0,
        };
    }

    public static Result Build(ChainGraph graph, DateOnly asOf)
    {
        var finders = new Dictionary<DateOnly, LeadFinder>();
        var queries = new List<LeadQuery>();
        int projects = 0, unreachable = 0;
        foreach (var byGap in graph.Data.Projects.Where(p => p.History[0].Date <= asOf).GroupBy(p => new Gap(p.Segment, p.Region)))
        {
            var first = byGap.OrderBy(p => p.History[0].Date).First();
            var start = first.History[0].Date;
            projects += byGap.Count();
            // Presences are read by year; project steps by day, so only steps up to the first step's date count.
            if (!finders.TryGetValue(start, out var finder)) finders[start] = finder = new LeadFinder(graph, start);
            var grades = byGap.GroupBy(p => p.Firm).ToDictionary(g => g.Key, g => g.Max(p => Grade(p, asOf)));
            // The firms' arrivals in the region from the lead's year on are what the projects led to: not yet there.
            var arrivals = graph.Data.Presences
                .Where(p => grades.ContainsKey(p.Firm) && p.Segment == byGap.Key.Segment && graph.IsWithin(p.Region, byGap.Key.Region) && (p.Since ?? int.MinValue) >= start.Year)
                .ToList();
            var candidates = finder.Candidates(byGap.Key, arrivals, [.. byGap]).OrderBy(c => c.Firm.Id.Value, StringComparer.Ordinal).ToList();
            if (!candidates.Any(c => grades.ContainsKey(c.Firm.Id)))
            {
                unreachable += byGap.Count();
                continue;
            }
            queries.Add(new LeadQuery(byGap.Key, candidates, candidates.Select(c => grades.GetValueOrDefault(c.Firm.Id)).ToList()));
        }
        return new Result(queries, projects, unreachable);
    }
}
