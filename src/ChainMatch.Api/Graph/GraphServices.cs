using ChainMatch.Storage;
using ChainMatch.Storage.Access;
using ChainMatch.Storage.Neo4j;
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
        services.AddSingleton(sp => StoreFactory.Open(
            sp.GetRequiredService<IOptions<GraphOptions>>().Value.ToStoreSettings(),
            () => sp.GetRequiredService<IHttpClientFactory>().CreateClient(Neo4jHttpClient),
            sp.GetRequiredService<StoreAvailability>(),
            sp.GetRequiredService<ILogger<Neo4jGraphStore>>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => sp.GetRequiredService<Stores>().Graph);
        services.AddSingleton(sp => sp.GetRequiredService<Stores>().Access);
        services.AddSingleton<GraphSnapshot>();
        services.AddSingleton<GraphCatchUp>();
        services.AddSingleton<GraphWrites>();
        services.AddHttpContextAccessor();
        services.AddHostedService<GraphStartup>();
        services.AddHostedService<StoreMonitor>();
        services.AddHostedService<StoreCatchUp>();
        services.AddHostedService<SnapshotCheck>();
        return services;
    }
}
