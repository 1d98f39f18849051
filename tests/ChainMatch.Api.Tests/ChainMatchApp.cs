using System.Net.Http.Headers;
using ChainMatch.Domain.Access;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace ChainMatch.Api.Tests;

/// <summary>
/// The real service over its own store in a fresh temp folder, seeded from <paramref name="seedDirectory"/> at first start.
/// <paramref name="settings"/> override configuration; <paramref name="services"/> may replace services (e.g. Neo4j's HTTP handler).
/// <see cref="WebApplicationFactory{T}.CreateClient()"/> signs in with an admin key for every region; <see cref="ClientAs"/> with a narrower one.
/// </summary>
sealed class ChainMatchApp(string seedDirectory, string? dataDirectory = null, string? modelPath = null,
    IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
{
    public string DataDirectory { get; } = dataDirectory ?? Path.Combine(Path.GetTempPath(), "chainmatch-api-" + Guid.NewGuid().ToString("N"));

    string? _adminToken;
    readonly StartFaultLog _startFaults = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        _adminToken ??= CreateKey(Role.Admin, "*");
        builder.UseSetting("Graph:DataDirectory", DataDirectory);
        builder.UseSetting("Graph:SeedDirectory", seedDirectory);
        builder.UseSetting("Ranking:ModelPath", modelPath ?? ShippedModelPath);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) builder.UseSetting(key, value);
        builder.ConfigureTestServices(s => s.AddSingleton<ILogEventSink>(_startFaults));
        if (services is not null) builder.ConfigureTestServices(services);
    }

    /// <summary>
    /// Starts the service expecting the start to fail, and returns why. The host logs the fault, then its own thread
    /// disposes it; the factory, racing that thread, sometimes sees only "Cannot access a disposed object", so the
    /// logged fault is the cause and the thrown exception the fallback.
    /// </summary>
    public Exception StartFailure()
    {
        try
        {
            CreateClient();
        }
        catch (Exception thrown)
        {
            return _startFaults.Fault ?? thrown;
        }
        throw new AssertionException("the service started");
    }

    /// <summary>The exception of the host's "Hosting failed to start" event.</summary>
    sealed class StartFaultLog : ILogEventSink
    {
        public Exception? Fault { get; private set; }

        public void Emit(LogEvent logEvent)
        {
            if (logEvent.Level >= LogEventLevel.Error && logEvent.Exception is not null
                && logEvent.Properties.TryGetValue("SourceContext", out var source) && source.ToString() == "\"Microsoft.Extensions.Hosting.Internal.Host\"")
                Fault ??= logEvent.Exception;
        }
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _adminToken);
    }

    /// <summary>A key of the given role and scope in this app's access store, as the CLI would create it.</summary>
    public string CreateKey(Role role, string region, params string[] chains)
    {
        return TestAccess.CreateKeyAsync(DataDirectory, $"test-{role.Name}-{region}", role.Name, region, chains).GetAwaiter().GetResult();
    }

    /// <summary>A client that calls as a key of the given role and scope; no credentials at all when <paramref name="role"/> is null.</summary>
    public HttpClient ClientAs(Role? role, string region = "*", params string[] chains)
    {
        // CreateDefaultClient signs in as admin (ConfigureClient); replace that.
        var client = CreateDefaultClient();
        client.DefaultRequestHeaders.Authorization = role is null ? null : new AuthenticationHeaderValue("Bearer", CreateKey(role, region, chains));
        return client;
    }

    /// <summary>The repository's models/lead-ranker.zip.</summary>
    public static string ShippedModelPath => SeedFolder.ShippedModel();

    /// <summary>
    /// Stops the service, then removes its data folder. The host is stopped first: a background task still writing a
    /// file there (catch-up, a key ring) would otherwise make the delete fail with "Directory not empty" on a busy machine.
    /// </summary>
    public void DeleteData()
    {
        Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        for (var attempt = 1; Directory.Exists(DataDirectory); attempt++)
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException) when (attempt < 5)
            {
                Thread.Sleep(100 * attempt);
            }
    }
}
