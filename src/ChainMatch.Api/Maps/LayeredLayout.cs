using ChainMatch.Domain.Graph;

namespace ChainMatch.Api.Maps;

public sealed record LayoutNode(string Id, Stage Stage);

public sealed record LayoutEdge(string From, string To);

/// <summary>Where a node sits: its column (left to right) and its row within the column (top to bottom).</summary>
public sealed record PlacedNode(string Id, Stage Stage, int Column, int Row);

public sealed record MapLayout(IReadOnlyList<PlacedNode> Nodes, int Columns, int Crossings)
{
    public PlacedNode this[string id] => Nodes.First(n => n.Id == id);
}

/// <summary>
/// A layered drawing of a chain: one band of columns per stage, upstream to application. Inside a stage a segment
/// fed by another segment of the same stage moves one column right (so lithium carbonate stands before LFP cathode),
/// and within each column the order comes from barycentre sweeps that keep the arrangement with the fewest crossings.
/// </summary>
public static class LayeredLayout
{
    const int Sweeps = 4;

    public static MapLayout Arrange(IReadOnlyList<LayoutNode> nodes, IReadOnlyList<LayoutEdge> edges)
    {
        var ids = nodes.Select(n => n.Id).ToHashSet();
        var links = edges.Where(e => ids.Contains(e.From) && ids.Contains(e.To) && e.From != e.To).Distinct().ToList();
        var column = Columns(nodes, links);
        var columnCount = nodes.Count == 0 ? 0 : column.Values.Max() + 1;

        // Input order is the first arrangement, so a chain's own segment order survives where sweeps find no better.
        var order = Enumerable.Range(0, columnCount)
            .Select(c => nodes.Where(n => column[n.Id] == c).Select(n => n.Id).ToList())
            .ToList();
        var neighbours = links.SelectMany(e => new[] { (e.From, e.To), (e.To, e.From) })
            .ToLookup(p => p.Item1, p => p.Item2);

        var best = Copy(order);
        var bestCrossings = Crossings(best, column, links);
        for (var sweep = 0; sweep < Sweeps && bestCrossings > 0; sweep++)
        {
            for (var c = 1; c < columnCount; c++) SortByBarycentre(order, c, column, neighbours, before: true);
            for (var c = columnCount - 2; c >= 0; c--) SortByBarycentre(order, c, column, neighbours, before: false);
            var crossings = Crossings(order, column, links);
            if (crossings < bestCrossings) (best, bestCrossings) = (Copy(order), crossings);
        }

        var stages = nodes.ToDictionary(n => n.Id, n => n.Stage);
        var placed = best.SelectMany((ids, c) => ids.Select((id, row) => new PlacedNode(id, stages[id], c, row))).ToList();
        return new MapLayout(placed, columnCount, bestCrossings);
    }

    /// <summary>Column of each node: the stages' bands in order, each as wide as its longest internal FEEDS path.</summary>
    static Dictionary<string, int> Columns(IReadOnlyList<LayoutNode> nodes, List<LayoutEdge> links)
    {
        var column = new Dictionary<string, int>();
        var offset = 0;
        foreach (var stage in Enum.GetValues<Stage>())
        {
            var members = nodes.Where(n => n.Stage == stage).Select(n => n.Id).ToList();
            if (members.Count == 0) continue;
            var depth = DepthWithinStage(members, links);
            foreach (var id in members) column[id] = offset + depth[id];
            offset += depth.Values.Max() + 1;
        }
        return column;
    }

    /// <summary>Longest path from a source inside one stage (Kahn's order); segments on a cycle keep the depth reached so far.</summary>
    static Dictionary<string, int> DepthWithinStage(List<string> members, List<LayoutEdge> links)
    {
        var inside = members.ToHashSet();
        var internalLinks = links.Where(e => inside.Contains(e.From) && inside.Contains(e.To)).ToList();
        var indegree = members.ToDictionary(id => id, id => internalLinks.Count(e => e.To == id));
        var depth = members.ToDictionary(id => id, _ => 0);
        var ready = new Queue<string>(members.Where(id => indegree[id] == 0));
        while (ready.TryDequeue(out var id))
            foreach (var e in internalLinks.Where(e => e.From == id))
            {
                depth[e.To] = Math.Max(depth[e.To], depth[id] + 1);
                if (--indegree[e.To] == 0) ready.Enqueue(e.To);
            }
        return depth;
    }

    static void SortByBarycentre(List<List<string>> order, int c, Dictionary<string, int> column,
        ILookup<string, string> neighbours, bool before)
    {
        var position = Positions(order);
        var current = order[c];
        var keyed = current.Select((id, i) =>
        {
            var side = neighbours[id].Where(n => before ? column[n] < c : column[n] > c).ToList();
            // A node with no neighbour on that side keeps its place instead of drifting to the top.
            var key = side.Count == 0 ? position[id] : side.Average(n => position[n]);
            return (id, key, i);
        });
        order[c] = keyed.OrderBy(k => k.key).ThenBy(k => k.i).Select(k => k.id).ToList();
    }

    /// <summary>Rows centred on 0, because columns of different heights are drawn centred on one another.</summary>
    static Dictionary<string, double> Positions(List<List<string>> order) =>
        order.SelectMany(ids => ids.Select((id, row) => (id, pos: row - (ids.Count - 1) / 2.0)))
            .ToDictionary(p => p.id, p => p.pos);

    /// <summary>Pairs of straight links that cross where their column spans overlap; links sharing a node do not count.</summary>
    static int Crossings(List<List<string>> order, Dictionary<string, int> column, IReadOnlyList<LayoutEdge> links)
    {
        var position = Positions(order);
        var lines = links
            .Select(e => (e.From, e.To, x1: (double)column[e.From], y1: position[e.From], x2: (double)column[e.To], y2: position[e.To]))
            .Where(l => l.x1 != l.x2)
            .Select(l => l.x1 < l.x2 ? l : (l.From, l.To, x1: l.x2, y1: l.y2, x2: l.x1, y2: l.y1))
            .ToList();
        var count = 0;
        for (var i = 0; i < lines.Count; i++)
            for (var j = i + 1; j < lines.Count; j++)
            {
                var (a, b) = (lines[i], lines[j]);
                if (a.From == b.From || a.From == b.To || a.To == b.From || a.To == b.To) continue;
                var left = Math.Max(a.x1, b.x1);
                var right = Math.Min(a.x2, b.x2);
                if (left >= right) continue;
                var atLeft = Y(a, left) - Y(b, left);
                var atRight = Y(a, right) - Y(b, right);
                if (atLeft * atRight < 0) count++;
            }
        return count;
    }

    static double Y((string, string, double x1, double y1, double x2, double y2) l, double x) =>
        l.y1 + (l.y2 - l.y1) * (x - l.x1) / (l.x2 - l.x1);

    static List<List<string>> Copy(List<List<string>> order) => order.Select(c => c.ToList()).ToList();
}
