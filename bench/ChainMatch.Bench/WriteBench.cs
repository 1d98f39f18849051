using System.Diagnostics;
using System.Text.Json;
using ChainMatch.Domain.Firms;
using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Leads;
using ChainMatch.Domain.Projects;
using ChainMatch.Ranking.Leads;
using ChainMatch.Storage;
using ChainMatch.Storage.Access;

namespace ChainMatch.Bench;

/// <summary>
/// Writes on the large store as the service makes them (GraphWrites, without HTTP): plan on the snapshot, apply the
/// rows to it as a new version, write them and an audit entry in one store transaction, swap the version in. Then one
/// gap's ranking with writes running beside it and without.
/// </summary>
static class WriteBench
{
    const int Writes = 200;

    public static async Task RunAsync(IGraphStore store, ChainGraph graph, LeadRanker ranker, IReadOnlyList<Gap> gaps, DateOnly asOf)
    {
        var current = graph;
        var random = new Random(2026);
        var synthetic = graph.Firms.Where(f => f.Id.Value.StartsWith("synthetic-", StringComparison.Ordinal)).Select(f => f.Id).ToArray();
        var serial = 0;

        async Task<double> Write(Func<ChainGraph, (GraphData Rows, object? Before, Func<ChainGraph, object?> After)> plan)
        {
            var start = Stopwatch.GetTimestamp();
            var (rows, before, after) = plan(current);
            var next = current.Apply(rows);
            await store.WriteAsync(rows, _ =>
                new AuditEntry(0, TimeProvider.System.GetUtcNow(), "bench", "bench write", "bench", Json(before), Json(after(next))));
            Volatile.Write(ref current, next);
            return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        (GraphData, object?, Func<ChainGraph, object?>) StageMove(ChainGraph g)
        {
            // A project that can still move, or a new lead when every one has run its course.
            var movable = g.Data.Projects.Where(p => p.Stage is not (ProjectStage.Lost or ProjectStage.CapitalAdded)).ToList();
            var project = movable.Count > 0 ? movable[random.Next(movable.Count)] : null;
            if (project is null)
            {
                var lead = new Project($"bench-lead-{++serial}", synthetic[random.Next(synthetic.Length)], g.Segments[random.Next(g.Segments.Length)].Id,
                    new RegionCode("530100"), "bench", [new StageChange(ProjectStage.Lead, asOf)], new Provenance("bench", null));
                return (GraphData.Empty with { Projects = [lead] }, null, _ => lead);
            }
            var stage = ProjectLifecycle.AllowedAfter(project.Stage)[0];
            var moved = ProjectLifecycle.Advance(project, new StageChange(stage, project.Current.Date.AddDays(1), 1.5, 0.5, "bench"));
            return (GraphData.Empty with { Projects = [moved] }, project, next => next.Data.Projects.First(p => p.Id == moved.Id));
        }

        (GraphData, object?, Func<ChainGraph, object?>) PresenceAdded(ChainGraph g)
        {
            var firm = synthetic[random.Next(synthetic.Length)];
            var presence = new Presence(firm, g.Segments[random.Next(g.Segments.Length)].Id, g.Regions[random.Next(g.Regions.Length)].Code,
                new Quantity(random.Next(1_000, 500_000), "t/yr"), 2025, null, $"bench site {++serial}", new Provenance("bench", null));
            return (GraphData.Empty with { Presences = [presence] }, g.PresencesOf(firm).ToList(), next => next.PresencesOf(firm).ToList());
        }

        (GraphData, object?, Func<ChainGraph, object?>) FirmEdit(ChainGraph g)
        {
            var firm = g.FindFirm(synthetic[random.Next(synthetic.Length)])!;
            var edited = firm with { NameEn = $"Edited {++serial}", Aliases = [$"bench alias {serial}"] };
            // As the service checks an edit inside the write: no name or alias another firm already bears.
            if (FirmEdits.Check(g, edited) is { Count: > 0 } errors) throw new InvalidOperationException(string.Join("; ", errors.Keys));
            return (GraphData.Empty with { Firms = [edited] }, firm, next => next.FindFirm(firm.Id));
        }

        // Warm-up: the JIT's optimised code for each kind.
        for (var i = 0; i < 10; i++)
        {
            await Write(StageMove);
            await Write(PresenceAdded);
            await Write(FirmEdit);
        }
        Console.WriteLine($"writes on {graph.Firms.Length} firms, {Writes} of each kind (rows and audit entry in one transaction, snapshot applied), target p50 ≤ 20 ms, p99 ≤ 100 ms:");
        foreach (var (name, plan) in new (string, Func<ChainGraph, (GraphData, object?, Func<ChainGraph, object?>)>)[]
                 { ("project stage move", StageMove), ("presence added", PresenceAdded), ("firm edit", FirmEdit) })
        {
            var times = new List<double>();
            for (var i = 0; i < Writes; i++) times.Add(await Write(plan));
            Console.WriteLine($"  {name}: p50 {Percentile(times, 0.5):F1} ms, p99 {Percentile(times, 0.99):F1} ms, max {times.Max():F1} ms");
        }

        // What a read right after a write pays for the snapshot's lead indexes: derived from the previous snapshot's
        // (what the service does), or built afresh from every firm (what it did before they were carried across writes).
        var derived = new List<double>();
        var afresh = new List<double>();
        LeadFinder.For(current, asOf);
        for (var i = 0; i < 60; i++)
        {
            await Write(i % 3 == 0 ? StageMove : i % 3 == 1 ? PresenceAdded : FirmEdit);
            var snapshot = current;
            derived.Add(Time(() => LeadFinder.For(snapshot, asOf)));
            if (i % 12 == 0) afresh.Add(Time(() => _ = new LeadFinder(snapshot, asOf)));
        }
        Console.WriteLine($"  lead indexes of a write's snapshot, {derived.Count} writes: derived from the previous snapshot's p50 {Percentile(derived, 0.5):F2} ms, p99 {Percentile(derived, 0.99):F2} ms; " +
            $"built afresh p50 {Percentile(afresh, 0.5):F0} ms ({Percentile(afresh, 0.5) / Percentile(derived, 0.5):F0}x)");

        var start = Stopwatch.GetTimestamp();
        var fresh = ChainGraph.Build(await store.LoadAsync());
        Console.WriteLine($"  for comparison, a full re-projection (store read back and projected): {Stopwatch.GetElapsedTime(start).TotalMilliseconds:F0} ms; " +
            $"the snapshot written {Writes * 3 + 90} times differs from it in {GraphComparison.Differences(fresh.Data, current.Data).Count} kinds");

        // One gap at a time, in turn, on the snapshot as it stands: alone, then while writes run back to back.
        List<double> Reads(int count)
        {
            var times = new List<double>();
            for (var i = 0; i < count; i++)
            {
                var snapshot = Volatile.Read(ref current);
                var t = Stopwatch.GetTimestamp();
                ranker.Rank(snapshot, gaps[i % gaps.Count], asOf, 10);
                times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }
            return times;
        }
        var quiet = Reads(gaps.Count * 2);
        using var stop = new CancellationTokenSource();
        var written = 0;
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await Write(written % 3 == 0 ? StageMove : written % 3 == 1 ? PresenceAdded : FirmEdit);
                written++;
            }
        });
        var busy = Reads(gaps.Count * 2);
        await stop.CancelAsync();
        await writer;
        Console.WriteLine($"reads, one gap ranked (lead indexes derived across writes): without writes p50 {Percentile(quiet, 0.5):F1} ms, p99 {Percentile(quiet, 0.99):F1} ms; " +
            $"while {written} writes ran p50 {Percentile(busy, 0.5):F1} ms, p99 {Percentile(busy, 0.99):F1} ms");
    }

    static double Time(Action action)
    {
        var start = Stopwatch.GetTimestamp();
        action();
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    static string? Json(object? value) => value is null ? null : JsonSerializer.Serialize(value, value.GetType());

    static double Percentile(List<double> xs, double p)
    {
        var sorted = xs.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)(sorted.Count * p))];
    }
}
