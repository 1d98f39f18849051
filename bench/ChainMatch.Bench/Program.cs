// Lead ranking speed at scale: the seeded graph plus a seeded synthetic universe of firms.
// Prints, from one run on this machine: our ranking per gap and for all gaps of Yunnan, a naive baseline
// that reads each candidate's rows straight from the store, and ML.NET's own scoring of the same rows against the managed trees.
// Then writes on the same store as the service makes them, and reads while they run.
// With the real 2024 Fortune Global 500 found above the repository (shared/lists, never copied into it), the one-gap
// figures are also given with its 500 firms imported through the product's list importer.
// Usage: dotnet run -c Release --project bench/ChainMatch.Bench -- [repo root] [synthetic firms] [sections]
// Sections, comma-separated (all by default): ranking, list, anchors, dashboard, search, naive, writes, scoring, pruning.
using System.Diagnostics;
using System.Globalization;
using ChainMatch.Bench;
using ChainMatch.Domain.Gaps;
using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Leads;
using ChainMatch.Domain.Synthetic;
using ChainMatch.Ranking;
using ChainMatch.Ranking.Leads;
using ChainMatch.Ranking.Trees;
using ChainMatch.Storage;
using ChainMatch.Storage.Lists;
using ChainMatch.Storage.Seeds;
using ChainMatch.Storage.Sqlite;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var root = args.Length > 0 ? args[0] : ".";
var firms = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
var sections = args.Length > 2 ? args[2].Split(',', StringSplitOptions.TrimEntries) : ["all"];
bool Runs(string section) => sections.Contains("all") || sections.Contains(section);
var asOf = new DateOnly(2025, 12, 31);
var modelPath = Path.Combine(root, "models", "lead-ranker.zip");
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}");

var seeds = SeedReader.Read(Path.Combine(root, "graph-seeds"));
var heapBefore = HeapAfterFullCollection();
var start = Stopwatch.GetTimestamp();
var data = SyntheticUniverse.AddFirms(seeds, firms, seed: 2026);
var generated = Ms(start);
var heapRecords = HeapAfterFullCollection();
start = Stopwatch.GetTimestamp();
var graph = ChainGraph.Build(data);
var projected = Ms(start);
var heapGraph = HeapAfterFullCollection();
Console.WriteLine($"graph: {graph.Firms.Length} firms ({firms} synthetic), {data.Presences.Length} presences; generated in {generated:F0} ms, projected in {projected:F0} ms");
Console.WriteLine($"  managed heap after a full collection: {Mb(heapGraph)} MB ({Mb(heapRecords - heapBefore)} MB of records, {Mb(heapGraph - heapRecords)} MB of projection indexes): " +
    $"{(heapGraph - heapBefore) / (double)graph.Firms.Length:F0} bytes per firm, {(heapGraph - heapBefore) / (double)data.Presences.Length:F0} bytes per presence");

// Per-snapshot lead indexes and gap-independent firm features: the service builds them on the first request on a
// snapshot and date and keeps them; here built once more on their own to time and weigh them.
start = Stopwatch.GetTimestamp();
var finder = new LeadFinder(graph, asOf);
var built = Ms(start);
var heapFinder = HeapAfterFullCollection();
Console.WriteLine($"per-snapshot lead indexes and firm features: built in {built:F0} ms, {Mb(heapFinder - heapGraph)} MB " +
    $"({(heapFinder - heapGraph) / (double)graph.Firms.Length:F0} bytes per firm); working set {Mb(Environment.WorkingSet)} MB");

var ranker = new LeadRanker(TreeEnsemble.Load(modelPath));
var gaps = graph.ChildrenOf(new RegionCode("530000"))
    .SelectMany(p => GapReports.GapList(graph, p.Code, asOf).Gaps.Select(g => new Gap(new SegmentId(g.Segment), p.Code)))
    .ToList();
if (Runs("ranking"))
{
    OneGap("ours", graph, finder);
    // The scale targets and the figures measured before any of this ranking's pruning, for reading the lines above against.
    Console.WriteLine(firms >= 1_000_000
        ? "  targets at 1,000,000 firms: projection ≤ 20 s, managed heap ≤ 6 GB, one gap median ≤ 30 ms"
        : "  targets at 100,000 firms: one gap median ≤ 5 ms, p90 ≤ 10 ms, all gaps ≤ 500 ms; before pruning (2026-11, 100,163 firms, 64 gaps): median 26.1–28.0 ms, p90 47.0–51.1 ms, all gaps 1,180–1,262 ms");
    // The part of a gap's time that is candidate generation and feature rows (the rest is scoring, ranking and reasons).
    var featureTimes = gaps.Select(gap => Time(() => finder.Candidates(gap))).ToList();
    var perCandidate = gaps.Sum(g => finder.Candidates(g).Count) / gaps.Count;
    Console.WriteLine($"  every candidate's feature row built (what ranking leaves out): median {Median(featureTimes):F1} ms, p90 {Percentile(featureTimes, 0.9):F1} ms " +
        $"({Median(featureTimes) * 1e6 / perCandidate:F0} ns per candidate at the median)");
    var poolTimes = gaps.Select(gap => Time(() => finder.Prospects(gap).Dispose())).ToList();
    Console.WriteLine($"  of a gap's time, finding its candidates: median {Median(poolTimes):F1} ms, p90 {Percentile(poolTimes, 0.9):F1} ms");
}

// The same universe with the real 2024 Fortune Global 500 imported through the list importer (matched to seeded firms
// or created), so its listed firms are candidates by industry as in a deployment that imported it.
if (!Runs("list")) { }
else if (SharedList(root, "fortune-global-500-2024.csv") is { } listFile)
{
    start = Stopwatch.GetTimestamp();
    using var listStore = await GraphLoader.InMemoryFromSeedsAsync(Path.Combine(root, "graph-seeds"));
    var (listRows, listErrors) = ListFile.Read(File.ReadAllBytes(listFile));
    if (listErrors.Count > 0) throw new InvalidDataException($"{listFile}: {string.Join("; ", listErrors)}");
    var plan = ListImport.Plan(await GraphLoader.ProjectAsync(listStore), listRows, ListFamily.FortuneGlobal500, 2024, createMissing: true, Path.GetFileName(listFile));
    await listStore.ImportAsync(plan.Changes);
    var withList = ChainGraph.Build(SyntheticUniverse.AddFirms((await GraphLoader.ProjectAsync(listStore)).Data, firms, seed: 2026));
    Console.WriteLine($"with the 2024 Fortune Global 500 ({listFile}): {plan.Count(ListImport.Matched)} rows matched, {plan.Count(ListImport.Created)} firms created; " +
        $"{withList.Firms.Length} firms; imported, generated and projected in {Ms(start):F0} ms");
    OneGap("ours with the list", withList, new LeadFinder(withList, asOf));
}
else
{
    Console.WriteLine("with the 2024 Fortune Global 500: not measured, shared/lists/fortune-global-500-2024.csv is not above the repository");
}

// One gap at a time and all of the province's gaps at once, after a warm-up pass (the JIT's optimised code and the year's finder in place).
void OneGap(string label, ChainGraph g, LeadFinder gFinder)
{
    // The first pass also fills the model's table of bounds (kept for the model's lifetime) and JIT-compiles.
    var firstPass = Time(() => { foreach (var gap in gaps) ranker.Rank(g, gap, asOf, 10); });
    var perGap = gaps.Select(gap => Time(() => ranker.Rank(g, gap, asOf, 10))).ToList();
    var candidates = gaps.Sum(gap => gFinder.Candidates(gap).Count) / gaps.Count;
    var clock = Stopwatch.GetTimestamp();
    Parallel.ForEach(gaps, gap => ranker.Rank(g, gap, asOf, 10));
    var allGaps = Ms(clock);
    Console.WriteLine($"{label}: {gaps.Count} gaps in Yunnan's 16 prefectures, {candidates} candidates per gap on average");
    Console.WriteLine($"  one gap: median {Median(perGap):F1} ms, p90 {Percentile(perGap, 0.9):F1} ms (the first pass over all gaps, one by one: {firstPass:F0} ms)");
    Console.WriteLine($"  all gaps of the province: {allGaps:F0} ms (sequential sum {perGap.Sum():F0} ms)");
}

// Anchor ranking: up to 1,000 candidate anchors for the battery chain in each of Yunnan's industrial parks. The synthetic
// universe fills every prefecture and county, so parks (where it places no firm) are where gaps are left to fill.
if (Runs("anchors"))
{
    var anchors = new ChainMatch.Ranking.Simulation.AnchorRanking(ranker);
    // Above 200,000 firms two parks stand for all: each park ranks every gap of the chain over the whole universe.
    var parks = graph.Regions.Where(r => r.Level == RegionLevel.Park && graph.IsWithin(r.Code, new RegionCode("530000"))).Take(firms > 200_000 ? 2 : int.MaxValue).ToList();
    var anchorTimes = new List<double>();
    var anchorCandidates = new List<int>();
    foreach (var park in parks)
        anchorTimes.Add(Time(() => anchorCandidates.Add(anchors.Rank(graph, new ChainId("new-energy-battery"), park.Code, asOf, 20, maxCandidates: 1000).Candidates)));
    Console.WriteLine($"anchors: {parks.Count} parks, {anchorCandidates.Min()}–{anchorCandidates.Max()} candidates each (cap 1,000), battery chain: median {Median(anchorTimes):F0} ms, max {anchorTimes.Max():F0} ms per park");
}

if (Runs("dashboard"))
{
    // The dashboard's figures for the whole province (GET /api/dashboard, GET /api/dashboard/prefectures), budget 200 ms each.
    // The KPIs read four gap maps, kept with the snapshot they came from (GapSets): the first request on a new snapshot (after
    // a write) analyses them, side by side; later ones on the same snapshot reuse them. Both are timed, the first on fresh
    // projections of the same data.
    var year = new ChainMatch.Domain.Dashboard.Period(new DateOnly(2025, 1, 1), asOf);
    ChainMatch.Domain.Dashboard.InvestmentKpis.For(graph, new RegionCode("530000"), year);
    var coldKpiTimes = Enumerable.Range(0, 3).Select(_ =>
    {
        var fresh = ChainGraph.Build(data);
        return Time(() => ChainMatch.Domain.Dashboard.InvestmentKpis.For(fresh, new RegionCode("530000"), year));
    }).ToList();
    var kpiTimes = Enumerable.Range(0, 5).Select(_ => Time(() => ChainMatch.Domain.Dashboard.InvestmentKpis.For(graph, new RegionCode("530000"), year))).ToList();
    var mapTimes = Enumerable.Range(0, 5).Select(_ => Time(() => ChainMatch.Domain.Dashboard.PrefectureFigures.For(graph, new RegionCode("530000"), new ChainId("new-energy-battery"), asOf))).ToList();
    Console.WriteLine($"dashboard, Yunnan: KPIs for 2025 and 2024 on a new snapshot median {Median(coldKpiTimes):F0} ms, max {coldKpiTimes.Max():F0} ms; " +
        $"on the same snapshot again median {Median(kpiTimes):F1} ms; battery chain's 16 prefectures median {Median(mapTimes):F0} ms (budget 200 ms each)");
}

// Firm search (GET /api/firms/search): the index is built once per graph version whose firms changed, then each
// keystroke is one query. "合成" and "synthetic" start every synthetic firm's name: the worst case, every firm matching.
if (Runs("search"))
{
    var searchStart = Stopwatch.GetTimestamp();
    var firmSearch = ChainMatch.Domain.Firms.FirmSearch.Of(graph.Firms);
    var searchBuilt = Ms(searchStart);
    string[] searchTexts = ["宁德时代", "catl", "中国宏桥", "hongqiao", "合成企业0421", "企业04217", "synthetic firm 0421", "91350900", "铝", "合成", "synthetic"];
    var searchTimes = searchTexts.ToDictionary(q => q, q => Enumerable.Range(0, 5).Select(_ => Time(() => firmSearch.Find(q, 10))).Min());
    Console.WriteLine($"firm search over {graph.Firms.Length} firms: index built in {searchBuilt:F0} ms; a query of 10 suggestions, fastest of 5: " +
        string.Join(", ", searchTimes.Select(kv => $"'{kv.Key}' {kv.Value:F2} ms")));
}

var sample = gaps.Take(5).ToList();
// Filling a store with a million firms takes minutes and measures SQLite's inserts, not ranking: the naive baseline
// and the writes on the store run up to 200,000 firms.
if (firms <= 200_000 && (Runs("naive") || Runs("writes")))
{
    // Naive baseline: the same candidates, but each one's presences read from the SQLite store with one query.
    var storePath = Path.Combine(Path.GetTempPath(), $"chainmatch-bench-{Guid.NewGuid():N}.db");
    using (var store = SqliteGraphStore.OpenFile(storePath))
    {
        await store.InitialiseAsync();
        start = Stopwatch.GetTimestamp();
        await store.ImportAsync(data);
        Console.WriteLine($"store for the naive baseline and the writes: filled in {Ms(start):F0} ms");
        if (Runs("naive"))
        {
            using var naive = new NaiveStoreRanker($"Data Source={storePath}", graph, asOf, TreeEnsemble.Load(modelPath));
            var naiveTimes = sample.Select(gap => Time(() => naive.Rank(gap, 10))).ToList();
            var oursOnSample = sample.Select(gap => Time(() => ranker.Rank(graph, gap, asOf, 10))).ToList();
            Console.WriteLine($"  {sample.Count} gaps: naive median {Median(naiveTimes):F0} ms vs ours {Median(oursOnSample):F1} ms: ours is {Median(naiveTimes) / Median(oursOnSample):F0}x faster");
        }

        // Writes on the same store: a project stage move, a presence added and a firm edit, and reads while writes run.
        if (Runs("writes")) await WriteBench.RunAsync(store, graph, ranker, gaps, asOf);
    }
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    File.Delete(storePath);
}
else if (firms > 200_000) Console.WriteLine("naive baseline and writes: skipped above 200,000 synthetic firms (filling the store would take minutes)");

// Scoring: ML.NET's own (its Transform over the rows as a data view, and its prediction engine row by row) against the
// managed trees on the same rows of the sample gaps, all on one thread. Each way scores every sample gap once to warm
// up, then three times; the fastest of the three counts, and the faster of ML.NET's two ways is the baseline.
var model = TreeEnsemble.Load(modelPath);
if (Runs("scoring"))
{
    using var mlnet = new MlNetScorer(modelPath, LeadFeatures.Count);
    var sets = sample.Select(gap => ranker.Score(graph, gap, asOf).Candidates).Select(set => (
        Matrix: set.SelectMany(c => c.Features).ToArray(),
        Rows: set.Select(c => c.Features).ToArray())).ToList();
    var rows = sets.Sum(s => s.Rows.Length);
    double Fastest(Action<float[], float[][]> score)
    {
        foreach (var (matrix, rowArrays) in sets) score(matrix, rowArrays);
        return Enumerable.Range(0, 3).Min(_ => sets.Sum(s => Time(() => score(s.Matrix, s.Rows))));
    }
    var transform = Fastest((matrix, r) => mlnet.ScoreAll(new RankingSet(matrix, LeadFeatures.Count, new float[r.Length], [(uint)r.Length])));
    var engine = Fastest((_, r) =>
    {
        foreach (var row in r) mlnet.Score(row);
    });
    var managed = Fastest((matrix, r) =>
    {
        for (var i = 0; i < r.Length; i++) model.Score(matrix.AsSpan(i * LeadFeatures.Count, LeadFeatures.Count));
    });
    var batched = Fastest((matrix, r) => model.ScoreMany(matrix, new float[r.Length]));
    var (baselineName, baseline) = transform < engine ? ("Transform", transform) : ("prediction engine", engine);
    string RowsPerSecond(double ms) => $"{rows / ms * 1000:N0} rows/s";
    Console.WriteLine($"scoring {rows} rows of {sample.Count} gaps ({model.Trainer}, {model.TreeCount} trees), 1 thread, fastest of 3:");
    Console.WriteLine($"  ML.NET Transform: {transform:F0} ms ({RowsPerSecond(transform)}); prediction engine row by row: {engine:F0} ms ({RowsPerSecond(engine)}); baseline: {baselineName}");
    Console.WriteLine($"  managed (QuickScorer) row by row: {managed:F0} ms ({RowsPerSecond(managed)}): {baseline / managed:F1}x ML.NET's {baselineName}");
    Console.WriteLine($"  managed (QuickScorer) all rows at once: {batched:F0} ms ({RowsPerSecond(batched)}): {baseline / batched:F1}x ML.NET's {baselineName}");
}

// Pruning: per gap of the province, for the top 10 and the top 50 among the candidates the negative list lets
// through: the candidates scored through every tree, and the trees evaluated of scoring each distinct row in full;
// and what a gap's ranking spends on its candidates' features and on scoring them.
foreach (var k in Runs("pruning") ? [10, 50] : Array.Empty<int>())
{
    var rates = new List<double>();
    var treeShares = new List<double>();
    var gapFeatureTimes = new List<double>();
    var scoringTimes = new List<double>();
    var repackedTimes = new List<double>();
    var builtRates = new List<double>();
    var boxedRates = new List<double>();
    var roughBoundRates = new List<double>();
    var prospectTimes = new List<double>();
    foreach (var gap in gaps)
    {
        CandidateSet? set = null;
        gapFeatureTimes.Add(Time(() => set = finder.Candidates(gap)));
        var negative = new NegativeList(graph, gap);
        var allowed = Enumerable.Range(0, set!.Count).Select(i => negative.Catching(set.FirmAt(i).Id).Count == 0).ToArray();
        // Rows built only for candidates whose bound from their prospects can still reach the top (what ranking does),
        // against every candidate's row built and scored with the pruning by stages of trees (what it did before).
        BestProspects? prospected = null;
        prospectTimes.Add(Time(() =>
        {
            using var prospects = finder.Prospects(gap);
            prospected = CandidateScores.Best(model, prospects, i => allowed[i], k);
        }));
        builtRates.Add((double)prospected!.RowsBuilt / Math.Max(1, prospected.Considered));
        boxedRates.Add((double)prospected.SitesCounted / Math.Max(1, prospected.Considered));
        roughBoundRates.Add((double)prospected.RoughBounds / Math.Max(1, prospected.Considered));
        BestScores? best = null;
        scoringTimes.Add(Time(() => best = CandidateScores.Best(model, set!, i => allowed[i], k)));
        // The same scoring from every candidate's row, hashed and packed into distinct rows again (as ranking scored before the set kept them).
        var rows = set.Rows;
        repackedTimes.Add(Time(() => CandidateScores.Best(model, rows, i => allowed[i], k)));
        rates.Add((double)best!.CandidatesScored / Math.Max(1, allowed.Count(a => a)));
        treeShares.Add(best.TreeShare);
    }
    Console.WriteLine($"pruning, top {k}, {gaps.Count} gaps: candidates scored in full / candidates median {Median(rates):P1}, p90 {Percentile(rates, 0.9):P1}, max {rates.Max():P1}; "
        + $"trees evaluated / distinct rows x trees median {Median(treeShares):P0}, p90 {Percentile(treeShares, 0.9):P0}; "
        + $"per gap: features median {Median(gapFeatureTimes):F1} ms, scoring median {Median(scoringTimes):F1} ms "
        + $"(from every candidate's row packed again: {Median(repackedTimes):F1} ms)");
    var fullRows = gapFeatureTimes.Zip(scoringTimes, (f, s) => f + s).ToList();
    Console.WriteLine($"  rough bounds (one per group of candidates sharing a rough box) / candidates median {Median(roughBoundRates):P1}, p90 {Percentile(roughBoundRates, 0.9):P1}, max {roughBoundRates.Max():P1}");
    Console.WriteLine($"  bounded again from their sites / candidates median {Median(boxedRates):P1}, p90 {Percentile(boxedRates, 0.9):P1}, max {boxedRates.Max():P1}; "
        + $"rows built / candidates median {Median(builtRates):P1}, p90 {Percentile(builtRates, 0.9):P1}, max {builtRates.Max():P1}; "
        + $"per gap: prospects, bounds, rows and scores median {Median(prospectTimes):F1} ms, p90 {Percentile(prospectTimes, 0.9):F1} ms, "
        + $"against every row built and scored median {Median(fullRows):F1} ms, p90 {Percentile(fullRows, 0.9):F1} ms ({Median(fullRows) / Median(prospectTimes):F1}x at the median)");
}


// shared/lists/FILE in the repository's folder or one above it (the lists are their publishers' data, kept outside).
static string? SharedList(string root, string file)
{
    for (var dir = new DirectoryInfo(Path.GetFullPath(root)); dir is not null; dir = dir.Parent)
        if (Path.Combine(dir.FullName, "shared", "lists", file) is var path && File.Exists(path)) return path;
    return null;
}

static double Ms(long start) => Stopwatch.GetElapsedTime(start).TotalMilliseconds;
static long HeapAfterFullCollection()
{
    GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
    GC.WaitForPendingFinalizers();
    return GC.GetTotalMemory(forceFullCollection: true);
}
static string Mb(long bytes) => (bytes / 1048576.0).ToString("N0", CultureInfo.InvariantCulture);
static double Time(Action action)
{
    var start = Stopwatch.GetTimestamp();
    action();
    return Ms(start);
}
static double Median(List<double> xs) => Percentile(xs, 0.5);
static double Percentile(List<double> xs, double p)
{
    var sorted = xs.Order().ToList();
    return sorted[Math.Min(sorted.Count - 1, (int)(sorted.Count * p))];
}
