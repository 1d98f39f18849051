using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ChainMatch.Api.Tests;

/// <summary>The real service over its own store in a fresh temp folder, seeded from <paramref name="seedDirectory"/> at first start.</summary>
sealed class ChainMatchApp(string seedDirectory, string? dataDirectory = null, string? modelPath = null) : WebApplicationFactory<Program>
{
    public string DataDirectory { get; } = dataDirectory ?? Path.Combine(Path.GetTempPath(), "chainmatch-api-" + Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Graph:DataDirectory", DataDirectory);
        builder.UseSetting("Graph:SeedDirectory", seedDirectory);
        builder.UseSetting("Ranking:ModelPath", modelPath ?? ShippedModelPath);
    }

    /// <summary>The repository's models/lead-ranker.json.</summary>
    public static string ShippedModelPath => Path.Combine(Path.GetDirectoryName(SeedFolder.RepositorySeeds())!, "models", "lead-ranker.json");

    public void DeleteData()
    {
        if (Directory.Exists(DataDirectory)) Directory.Delete(DataDirectory, recursive: true);
    }
}
