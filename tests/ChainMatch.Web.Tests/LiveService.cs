using System.Net;
using ChainMatch.Domain.Access;
using ChainMatch.Storage.Access;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChainMatch.Web.Tests;

/// <summary>
/// The real service on Kestrel at a free loopback port (a browser cannot reach the in-memory TestServer), over its own
/// store in a temp folder seeded from <paramref name="seedDirectory"/>, with the shipped ranking model.
/// </summary>
public sealed class LiveService(string seedDirectory) : WebApplicationFactory<Program>
{
    readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "chainmatch-web-" + Guid.NewGuid().ToString("N"));

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>An admin key for every region, created before the service starts (so no first-start key is printed).</summary>
    public string AdminKey { get; private set; } = null!;

    /// <summary>A key of the given role and scope, as `chainmatch keys create` would make it.</summary>
    public string CreateKey(Role role, string region, params string[] chains)
    {
        return TestAccess.CreateKeyAsync(_dataDirectory, $"web-test-{role.Name}", role.Name, region, chains).GetAwaiter().GetResult();
    }

    /// <summary>An HTTP client of the live service signed in as admin.</summary>
    public HttpClient AdminClient()
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", AdminKey);
        return client;
    }

    public static LiveService Start(string seedDirectory)
    {
        var service = new LiveService(seedDirectory);
        service.AdminKey = service.CreateKey(Role.Admin, "*");
        // An explicit loopback listener on port 0: the OS picks a free port, and appsettings' Urls are overridden.
        service.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        service.StartServer();
        var address = service.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        service.BaseAddress = new Uri(address);
        return service;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Graph:DataDirectory", _dataDirectory);
        builder.UseSetting("Graph:SeedDirectory", seedDirectory);
        builder.UseSetting("Ranking:ModelPath", SeedFolder.ShippedModel());
    }

    public static string RepositoryRoot => Path.GetDirectoryName(SeedFolder.RepositorySeeds())!;

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_dataDirectory)) Directory.Delete(_dataDirectory, recursive: true);
    }
}
