using ChainMatch.Storage;
using ChainMatch.Storage.Sqlite;
using Microsoft.Extensions.Options;

namespace ChainMatch.Api.Graph;

public static class GraphServices
{
    public static IServiceCollection AddChainMatchGraph(this IServiceCollection services)
    {
        services.AddOptions<GraphOptions>().BindConfiguration(GraphOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IGraphStore>(sp => SqliteGraphStore.OpenFile(sp.GetRequiredService<IOptions<GraphOptions>>().Value.StorePath));
        services.AddSingleton<GraphSnapshot>();
        services.AddHostedService<GraphStartup>();
        return services;
    }
}
