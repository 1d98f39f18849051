using ChainMatch.Storage;
using ChainMatch.Storage.Neo4j;
using ChainMatch.Storage.Sqlite;
using Microsoft.Extensions.Options;

namespace ChainMatch.Api.Graph;

public static class GraphServices
{
    /// <summary>The named HttpClient the Neo4j store talks through (tests swap its handler).</summary>
    public const string Neo4jHttpClient = "neo4j";

    public static IServiceCollection AddChainMatchGraph(this IServiceCollection services)
    {
        services.AddOptions<GraphOptions>().BindConfiguration(GraphOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<StoreAvailability>();
        // The store is a singleton that keeps its client: recycle pooled connections instead of handlers, so DNS changes are seen.
        services.AddHttpClient(Neo4jHttpClient)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.AddSingleton(CreateStore);
        services.AddSingleton<GraphSnapshot>();
        services.AddSingleton<GraphWrites>();
        services.AddHttpContextAccessor();
        services.AddHostedService<GraphStartup>();
        services.AddHostedService<StoreMonitor>();
        services.AddHostedService<SnapshotCheck>();
        return services;
    }

    static IGraphStore CreateStore(IServiceProvider sp)
    {
        var o = sp.GetRequiredService<IOptions<GraphOptions>>().Value;
        if (o.Provider != GraphOptions.Neo4jProvider) return SqliteGraphStore.OpenFile(o.StorePath);
        return new Neo4jGraphStore(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(Neo4jHttpClient),
            o.Neo4j.ToConnection(),
            sp.GetRequiredService<StoreAvailability>(),
            sp.GetRequiredService<ILogger<Neo4jGraphStore>>(),
            o.Neo4j.ToResilience(),
            o.Neo4j.BatchSize,
            sp.GetRequiredService<TimeProvider>());
    }
}
