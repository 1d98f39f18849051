using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ChainMatch.Api.Tests;

/// <summary>
/// The real service over its own store in a fresh temp folder, seeded from <paramref name="seedDirectory"/> at first start.
/// <paramref name="settings"/> override configuration; <paramref name="services"/> may replace services (e.g. Neo4j's HTTP handler).
/// </summary>
sealed class ChainMatchApp(string seedDirectory, string? dataDirectory = null, string? modelPath = null,
    IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
{
    public string DataDirectory { get; } = dataDirectory ?? Path.Combine(Path.GetTempPath(), "chainmatch-api-" + Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Graph:DataDirectory", DataDirectory);
        builder.UseSetting("Graph:SeedDirectory", seedDirectory);
        builder.UseSetting("Ranking:ModelPath", modelPath ?? ShippedModelPath);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) builder.UseSetting(key, value);
        if (services is not null) builder.ConfigureTestServices(services);
    }

    /// <summary>The repository's models/lead-ranker.json.</summary>
    public static string ShippedModelPath => SeedFolder.ShippedModel();

    public void DeleteData()
    {
        if (Directory.Exists(DataDirectory)) Directory.Delete(DataDirectory, recursive: true);
    }
}
