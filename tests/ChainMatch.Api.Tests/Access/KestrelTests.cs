using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace ChainMatch.Api.Tests.Access;

/// <summary>The service on real Kestrel, as `make run` serves it: what only the real server shows.</summary>
public sealed class KestrelTests
{
    SeedFolder _data = null!;
    ServiceProcess _service = null!;
    HttpClient _client = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _data = SeedFolder.Empty();
        _service = await ServiceProcess.StartAsync(_data.Path, SeedFolder.Fixture("mini-seeds"), TimeSpan.FromSeconds(60));
        _client = new HttpClient { BaseAddress = _service.BaseAddress };
        _client.DefaultRequestHeaders.Add("X-Api-Key", _service.FirstAdminKey ?? throw new AssertionException("no admin key printed:\n" + _service.Log));
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _client.Dispose();
        _service.Dispose();
        _data.Dispose();
    }

    [Test]
    public async Task Kestrel_does_not_advertise_itself_and_the_security_headers_reach_the_wire()
    {
        foreach (var url in new[] { "/health", "/login.html", "/api/me" })
        {
            using var response = await _client.GetAsync(url);
            Assert.That(response.Headers.Contains("Server"), Is.False, $"{url}: Server {string.Join(",", response.Headers.TryGetValues("Server", out var s) ? s : [])}");
            Assert.That(response.Headers.Contains("Content-Security-Policy"), Is.True, url);
        }
    }

    [Test]
    public async Task A_chunked_body_over_the_limit_is_a_413_naming_the_limit_like_any_other()
    {
        var json = Encoding.UTF8.GetBytes($"{{\"note\":\"{new string('a', 1_200_000)}\"}}");
        // A stream of unknown length goes out chunked, with no Content-Length for the limit to refuse up front.
        using var content = new StreamContent(new UnseekableStream(json));
        content.Headers.ContentType = new("application/json");
        using var response = await _client.PostAsync("/api/projects", content);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge), _service.Log);
        Assert.That((string?)(await response.Content.ReadFromJsonAsync<JsonNode>())!["limit"], Is.EqualTo("MaxBodyBytes"));
    }

    sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
