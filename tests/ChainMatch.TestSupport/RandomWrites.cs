using System.Collections.Immutable;
using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Projects;

namespace ChainMatch.TestSupport;

/// <summary>
/// Writes of every kind the service makes, drawn at random (from a seeded <see cref="Random"/>) against the graph as it
/// stands: a project's stage move, a new lead, a problem raised or closed, a presence added or corrected, a firm
/// edited or added, a list edition imported or re-imported, a negative-list rule, a supply link, and the 客商库's
/// contacts, interactions and promotion events.
/// </summary>
public sealed class RandomWrites(int seed)
{
    public static readonly string[] Kinds =
        ["stage move", "new lead", "problem raised", "problem closed", "presence added", "presence corrected", "firm edited", "firm added",
         "list imported", "list re-imported", "negative-list rule", "supply", "contact added", "interaction logged", "promotion event"];

    readonly Random _random = new(seed);
    int _serial;

    /// <summary>The next write on <paramref name="graph"/> and its kind; kinds with nothing to work on yet fall back to a new lead.</summary>
    public (string Kind, GraphData Rows) Next(ChainGraph graph)
    {
        var kind = Kinds[_random.Next(Kinds.Length)];
        return (kind, Of(kind, graph) ?? NewLead(graph));
    }

    /// <summary>One write of the kind, or null when the graph has nothing for it (no open problem to close, no list to re-import).</summary>
    public GraphData? Of(string kind, ChainGraph graph)
    {
        var n = ++_serial;
        var d = graph.Data;
        switch (kind)
        {
            case "stage move":
                var movable = d.Projects.Where(p => ProjectLifecycle.AllowedAfter(p.Stage).Count > 0).ToList();
                if (movable.Count == 0) return null;
                var project = Pick(movable);
                var stage = Pick(ProjectLifecycle.AllowedAfter(project.Stage).ToList());
                var step = new StageChange(stage, project.Current.Date.AddDays(_random.Next(0, 90)), Amount(), Amount(), $"step {n}");
                return GraphData.Empty with { Projects = [ProjectLifecycle.Advance(project, step)] };
            case "new lead":
                return NewLead(graph);
            case "contact added":
                var at = Pick(d.Firms.ToList());
                return GraphData.Empty with
                {
                    Contacts = [new Domain.Contacts.Contact($"contact-{n}", at.Id, Pick(d.Regions.ToList()).Code, $"联系人{n}", _random.Next(2) == 0 ? null : "总经理",
                        _random.Next(2) == 0 ? null : "+86 871 6000 0000", null, "招商一组", $"consent {n}", new DateOnly(2024, 1, 1).AddDays(n))],
                };
            case "interaction logged":
                var met = d.Contacts.Length > 0 && _random.Next(2) == 0 ? Pick(d.Contacts.ToList()) : null;
                var about = met is null && d.Projects.Length > 0 && _random.Next(2) == 0 ? Pick(d.Projects.ToList()) : null;
                var firmMet = met?.Firm ?? about?.Firm ?? Pick(d.Firms.ToList()).Id;
                return GraphData.Empty with
                {
                    Interactions = [new Domain.Contacts.Interaction($"interaction-{n}", (Domain.Contacts.InteractionKind)_random.Next(4), new DateOnly(2024, 1, 1).AddDays(n),
                        firmMet, about?.Region ?? met?.Region ?? Pick(d.Regions.ToList()).Code, met?.Id, about?.Id, "张三", $"notes {n}", _random.Next(2) == 0 ? null : $"next {n}", "招商一组")],
                };
            case "promotion event":
                return GraphData.Empty with
                {
                    PromotionEvents = [new Domain.Contacts.PromotionEvent($"event-{n}", $"推介会{n}", new DateOnly(2024, 6, 1).AddDays(n), "昆明", Pick(d.Regions.ToList()).Code,
                        [.. d.Firms.OrderBy(_ => _random.Next()).Take(_random.Next(0, 3)).Select(f => f.Id)], "招商一组", null)],
                };
            case "problem raised":
                if (d.Projects.IsEmpty) return null;
                var raisedOn = Pick(d.Projects.ToList());
                var problem = new ProjectProblem($"problem-{raisedOn.Problems.Length + 1}", "land", $"problem {n}", raisedOn.Current.Date, "自然资源局",
                    ["发展改革委"], raisedOn.Current.Date.AddDays(30));
                return GraphData.Empty with { Projects = [raisedOn with { Problems = raisedOn.Problems.Add(problem) }] };
            case "problem closed":
                var open = d.Projects.Where(p => p.Problems.Any(x => x.IsOpen)).ToList();
                if (open.Count == 0) return null;
                var closing = Pick(open);
                var index = closing.Problems.IndexOf(closing.Problems.First(x => x.IsOpen));
                var closed = closing.Problems[index].Close(closing.Problems[index].RaisedOn.AddDays(7), $"resolved {n}");
                return GraphData.Empty with { Projects = [closing with { Problems = closing.Problems.SetItem(index, closed) }] };
            case "presence added":
                return GraphData.Empty with { Presences = [NewPresence(graph, Pick(d.Firms.ToList()).Id, n)] };
            case "presence corrected":
                var stored = Pick(d.Presences.ToList());
                return GraphData.Empty with { Presences = [stored with { Capacity = new Quantity(_random.Next(1, 1_000_000), "t/yr"), Source = new Provenance("test", $"correction {n}") }] };
            case "firm edited":
                var firm = Pick(d.Firms.ToList());
                return GraphData.Empty with
                {
                    Firms = [firm with { NameEn = $"Edited {n}", Headquarters = Pick(d.Regions.ToList()).Code, Aliases = [$"alias {n}"], Ownership = "private" }],
                };
            case "firm added":
                var added = new Firm(new FirmId($"firm-{n}"), $"新企业{n}", $"New firm {n}", Pick(d.Regions.ToList()).Code, "private", new Provenance("test", null))
                {
                    Group = _random.Next(2) == 0 ? new GroupLink(Pick(d.Firms.ToList()).Id, 0.51, new Provenance("test", null)) : null,
                };
                return GraphData.Empty with { Firms = [added], Presences = [NewPresence(graph, added.Id, n)] };
            case "list imported":
                var list = new FirmList(new ListId($"list-{n}"), $"榜单{n}", $"List {n}", "test", 2020 + _random.Next(6));
                var created = new Firm(new FirmId($"listed-{n}"), $"上榜企业{n}", null, null, null, new Provenance("test", list.Id.Value));
                var members = d.Firms.OrderBy(_ => _random.Next()).Take(3).Select(f => f.Id).Append(created.Id)
                    .Select((f, rank) => new ListMembership(f, list.Id, rank + 1, new Provenance("test", list.Id.Value)) { Revenue = _random.Next(100, 9000), Industry = "金属产品" });
                return GraphData.Empty with { Lists = [list], Firms = [created], Memberships = [.. members] };
            case "list re-imported":
                if (d.Lists.IsEmpty) return null;
                var edition = Pick(d.Lists.ToList());
                var ranked = d.Memberships.Where(m => m.List == edition.Id).Select(m => m with { Rank = _random.Next(1, 500), Revenue = null }).ToList();
                return GraphData.Empty with { Lists = [edition with { Name = $"{edition.Name} (corrected {n})" }], Memberships = [.. ranked] };
            case "negative-list rule":
                return GraphData.Empty with
                {
                    NegativeRules = [new NegativeRule($"rule-{_random.Next(3)}", Pick(d.Firms.ToList()).Id, null, Pick(d.Regions.ToList()).Code, $"reason {n}", new Provenance("test", null))],
                };
            case "supply":
                return GraphData.Empty with
                {
                    Supplies = [new Supply(Pick(d.Firms.ToList()).Id, Pick(d.Firms.ToList()).Id, _random.Next(2) == 0 ? null : Pick(d.Segments.ToList()).Id, 2020, new Provenance("test", $"supply {n}"))],
                };
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a kind of write");
        }
    }

    GraphData NewLead(ChainGraph graph)
    {
        var d = graph.Data;
        var id = $"lead-{++_serial}";
        var lead = new Project(id, Pick(d.Firms.ToList()).Id, Pick(d.Segments.ToList()).Id, Pick(d.Regions.ToList()).Code, "昆明市投资促进局",
            [new StageChange(ProjectStage.Lead, new DateOnly(2024, 1, 1).AddDays(_random.Next(400)), Note: id)], new Provenance("test", "project library"));
        return GraphData.Empty with { Projects = [lead] };
    }

    Presence NewPresence(ChainGraph graph, FirmId firm, int n) =>
        new(firm, Pick(graph.Segments.ToList()).Id, Pick(graph.Regions.ToList()).Code, new Quantity(_random.Next(1, 500_000), "t/yr"),
            2000 + _random.Next(25), null, $"site {n}", new Provenance("test", null, Estimate: _random.Next(2) == 0));

    double? Amount() => _random.Next(3) == 0 ? null : Math.Round(_random.NextDouble() * 50, 2);

    T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}

/// <summary>What a projection answers, asked of two graphs: a graph kept up to date write by write must answer as one projected afresh.</summary>
public static class ProjectionAnswers
{
    /// <summary>Each firm's presences, memberships, parent and group, and each segment's presences, as text to compare.</summary>
    public static IReadOnlyList<string> Of(ChainGraph graph)
    {
        var answers = new List<string>();
        foreach (var firm in graph.Firms)
        {
            var i = graph.IndexOf(firm.Id);
            answers.Add($"firm {firm.Id}: presences {string.Join(";", graph.PresencesOf(firm.Id).Select(p => $"{p.Segment}@{p.Region}/{p.Site}/{p.Capacity}"))}" +
                $" lists {string.Join(";", graph.MembershipsOf(firm.Id).Select(m => $"{m.List}#{m.Rank}"))}" +
                $" parent {(graph.ParentOf(i) is >= 0 and var p ? graph.Firms[p].Id.Value : "-")}" +
                $" group {string.Join(",", graph.GroupBelow(i).Select(g => graph.Firms[g].Id.Value))}");
        }
        foreach (var segment in graph.Segments)
            answers.Add($"segment {segment.Id}: {string.Join(";", graph.PresencesIn(segment.Id).Select(p => $"{p.Firm}@{p.Region}/{p.Site}"))}");
        return answers;
    }
}
