using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ChainMatch.Api.Tests;

/// <summary>Each test gets its own service over its own store, seeded from the mini-seeds fixture.</summary>
public abstract class ApiTest
{
    ChainMatchApp _app = null!;
    private protected ChainMatchApp App => _app;
    protected HttpClient Client { get; private set; } = null!;

    /// <summary>The running service's services, e.g. its endpoint data source.</summary>
    protected IServiceProvider Services => _app.Services;

    [SetUp]
    public void StartApp()
    {
        _app = new ChainMatchApp(SeedFolder.Fixture("mini-seeds"));
        Client = _app.CreateClient();
    }

    [TearDown]
    public void StopApp()
    {
        Client.Dispose();
        _app.Dispose();
        _app.DeleteData();
    }

    protected async Task<JsonNode> GetJson(string url)
    {
        var response = await Client.GetAsync(url);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonNode>())!;
    }
}
