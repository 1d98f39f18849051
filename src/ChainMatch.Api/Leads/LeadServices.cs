using ChainMatch.Ranking.Leads;
using ChainMatch.Ranking.Trees;
using Microsoft.Extensions.Options;

namespace ChainMatch.Api.Leads;

public static class LeadServices
{
    public static IServiceCollection AddChainMatchLeads(this IServiceCollection services)
    {
        services.AddOptions<RankingOptions>().BindConfiguration(RankingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => TreeEnsemble.Load(Path.GetFullPath(sp.GetRequiredService<IOptions<RankingOptions>>().Value.ModelPath)));
        services.AddSingleton(sp => new LeadRanker(sp.GetRequiredService<TreeEnsemble>()));
        services.AddHostedService<ModelStartup>();
        return services;
    }

    /// <summary>Loads the model before the first request, so a missing or corrupt file stops the start and says which and why.</summary>
    sealed class ModelStartup(IServiceProvider services, ILogger<ModelStartup> log) : IHostedService
    {
        public Task StartAsync(CancellationToken ct)
        {
            var model = services.GetRequiredService<TreeEnsemble>();
            log.LogInformation("Loaded ranking model: {Trees} trees over {Features} features, trained by ML.NET {Trainer}", model.TreeCount, model.FeatureCount, model.Trainer);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    }
}
