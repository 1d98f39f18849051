namespace ChainMatch.Api.Tests.Access;

/// <summary>The service on real Kestrel, as `make run` serves it: it does not say what server runs it.</summary>
public sealed class ServerHeaderTests
{
    [Test, CancelAfter(120_000)]
    public async Task Kestrel_does_not_advertise_itself_and_the_security_headers_reach_the_wire()
    {
        using var data = SeedFolder.Empty();
        using var service = await ServiceProcess.StartAsync(data.Path, SeedFolder.Fixture("mini-seeds"), TimeSpan.FromSeconds(60));
        using var client = new HttpClient { BaseAddress = service.BaseAddress };
        foreach (var url in new[] { "/health", "/login.html", "/api/me" })
        {
            using var response = await client.GetAsync(url);
            Assert.That(response.Headers.Contains("Server"), Is.False, $"{url}: Server {string.Join(",", response.Headers.TryGetValues("Server", out var s) ? s : [])}");
            Assert.That(response.Headers.Contains("Content-Security-Policy"), Is.True, url);
        }
    }
}
