using ChainMatch.Storage;
using ChainMatch.Storage.Seeds;
using Microsoft.Extensions.Options;

namespace ChainMatch.Api.Graph;

/// <summary>Before the server takes requests: create the store, import the seeds into an empty one, project it.</summary>
sealed class GraphStartup(IGraphStore store, GraphSnapshot snapshot, IOptions<GraphOptions> options, ILogger<GraphStartup> log) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        var o = options.Value;
        await store.InitialiseAsync(ct);
        if (o.SeedOnFirstRun && await store.IsEmptyAsync(ct))
        {
            var folder = Path.GetFullPath(o.SeedDirectory);
            log.LogInformation("Store is empty: importing seeds from {SeedDirectory}", folder);
            var report = await store.ImportAsync(SeedReader.Read(folder), ct);
            log.LogInformation("Imported {Rows} rows from {SeedDirectory}", report.Total, folder);
        }
        // The version first: a write landing during the load makes the graph newer than its label, never older, and the catch-up loads it again.
        var version = await store.ReadVersionAsync(ct);
        var graph = await GraphLoader.ProjectAsync(store, ct);
        // Built now rather than by the first firm edit; later versions carry it on (ChainGraph.Apply).
        _ = graph.FirmsByName;
        snapshot.Swap(graph, version);
        log.LogInformation("Projected graph: {Chains} chains, {Segments} segments, {Regions} regions, {Firms} firms, {Presences} presences",
            graph.Chains.Length, graph.Segments.Length, graph.Regions.Length, graph.Firms.Length, graph.Data.Presences.Length);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
