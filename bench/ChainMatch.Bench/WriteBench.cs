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
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            for (var i = 0; i < Writes; i++) times.Add(await Write(plan));
            allocated = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / Writes;
            // The snapshot's part alone: rows applied version after version, not written (the store is left as it is).
            var applied = 0L;
            var version = current;
            for (var i = 0; i < 20; i++)
            {
                var rows = plan(version).Item1;
                var before = GC.GetAllocatedBytesForCurrentThread();
                version = version.Apply(rows);
                applied += (GC.GetAllocatedBytesForCurrentThread() - before) / 20;
            }
            Console.WriteLine($"  {name}: p50 {Percentile(times, 0.5):F1} ms, p99 {Percentile(times, 0.99):F1} ms, max {times.Max():F1} ms; " +
                $"allocated per write {allocated / 1e3:F0} KB, of which the new snapshot (Apply) {applied / 1e3:F0} KB");
        }

        // What a read right after a write pays for the snapshot's lead indexes: derived from the previous snapshot's
        // (what the service does), or built afresh from every firm (what it did before they were carried across writes).
        var kinds = new (string Name, Func<ChainGraph, (GraphData, object?, Func<ChainGraph, object?>)> Plan)[]
            { ("stage move", StageMove), ("presence added", PresenceAdded), ("firm edit", FirmEdit) };
        var derived = kinds.ToDictionary(k => k.Name, _ => (Times: new List<double>(), Bytes: new List<long>()));
        var afresh = new List<double>();
        LeadFinder.For(current, asOf);
        for (var i = 0; i < 60; i++)
        {
            var (kind, plan) = kinds[i % 3];
            await Write(plan);
            var snapshot = current;
            var bytes = GC.GetAllocatedBytesForCurrentThread();
            derived[kind].Times.Add(Time(() => LeadFinder.For(snapshot, asOf)));
            derived[kind].Bytes.Add(GC.GetAllocatedBytesForCurrentThread() - bytes);
            if (i % 12 == 0) afresh.Add(Time(() => _ = new LeadFinder(snapshot, asOf)));
        }
        var all = derived.Values.SelectMany(d => d.Times).ToList();
        Console.WriteLine($"  lead indexes of a write's snapshot, {all.Count} writes: derived from the previous snapshot's p50 {Percentile(all, 0.5):F2} ms, p99 {Percentile(all, 0.99):F2} ms; " +
            $"built afresh p50 {Percentile(afresh, 0.5):F0} ms ({Percentile(afresh, 0.5) / Percentile(all, 0.5):F0}x)");
        Console.WriteLine("    derived, by the kind of write: " + string.Join("; ", derived.Select(d =>
            $"{d.Key} p50 {Percentile(d.Value.Times, 0.5):F2} ms, {d.Value.Bytes.Order().ElementAt(d.Value.Bytes.Count / 2) / 1e3:F0} KB allocated")));

        var start = Stopwatch.GetTimestamp();
        var fresh = ChainGraph.Build(await store.LoadAsync());
        Console.WriteLine($"  for comparison, a full re-projection (store read back and projected): {Stopwatch.GetElapsedTime(start).TotalMilliseconds:F0} ms; " +
            $"the snapshot written {Writes * 3 + 90} times differs from it in {GraphComparison.Differences(fresh.Data, current.Data).Count} kinds");

        // One gap at a time, in turn, on the snapshot as it stands: without writes, with writes at a steady rate (a busy
        // province's team writes well under one a second) and back to back. Each phase reports what the process spent
        // beside the reads: collections and their pauses, bytes allocated, CPU time, and what the reads paid to derive a
        // new snapshot's lead indexes.
        Console.WriteLine($"reads, one gap ranked, {gaps.Count * 2} in turn per phase (GC: {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}, " +
            $"{System.Runtime.GCSettings.LatencyMode}), target p50 at 10 writes/s within 1.5x of no writes:");
        // Each read takes the snapshot as it stands; the lead indexes a new snapshot derives are timed apart from the ranking.
        (List<double> Reads, List<double> Derive) Reads(int count)
        {
            var (times, derive) = (new List<double>(), new List<double>());
            for (var i = 0; i < count; i++)
            {
                var snapshot = Volatile.Read(ref current);
                var t = Stopwatch.GetTimestamp();
                LeadFinder.For(snapshot, asOf);
                derive.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                ranker.Rank(snapshot, gaps[i % gaps.Count], asOf, 10);
                times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }
            return (times, derive);
        }
        double? quietP50 = null;
        foreach (var rate in new double?[] { 0, 10, 50, null })
        {
            using var stop = new CancellationTokenSource();
            var written = 0;
            var writer = rate == 0 ? Task.CompletedTask : Task.Run(async () =>
            {
                var begun = Stopwatch.GetTimestamp();
                while (!stop.IsCancellationRequested)
                {
                    // Paced on a fixed schedule, so that a slow write is followed by the next one at once, as a queue would.
                    if (rate is { } perSecond)
                    {
                        var due = TimeSpan.FromSeconds(written / perSecond) - Stopwatch.GetElapsedTime(begun);
                        if (due > TimeSpan.Zero)
                            try { await Task.Delay(due, stop.Token); } catch (OperationCanceledException) { break; }
                    }
                    await Write(written % 3 == 0 ? StageMove : written % 3 == 1 ? PresenceAdded : FirmEdit);
                    written++;
                }
            });
            var phase = PhaseCounters.Start();
            var (reads, derive) = Reads(gaps.Count * 2);
            var spent = phase.Stop();
            await stop.CancelAsync();
            await writer;
            var p50 = Percentile(reads, 0.5);
            quietP50 ??= p50;
            var name = rate switch { 0 => "without writes", null => "writes back to back", { } r => $"{r:F0} writes/s" };
            Console.WriteLine($"  {name}: p50 {p50:F1} ms ({p50 / quietP50.Value:F2}x), p99 {Percentile(reads, 0.99):F1} ms; {written} writes in {spent.Seconds:F1} s; " +
                $"lead indexes derived on the read path p50 {Percentile(derive, 0.5):F2} ms, p99 {Percentile(derive, 0.99):F2} ms, {derive.Sum():F0} ms in all");
            Console.WriteLine($"    {spent}");
        }
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
