using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ChainMatch.Api.Tests.Access;

/// <summary>Every route the service maps, the UI's static files, a redirect and a 404 carry the security headers.</summary>
public sealed class SecurityHeadersTests : ApiTest
{
    static readonly string[] Static = ["/", "/index.html", "/login.html", "/js/app.js", "/js/login.js", "/css/app.css", "/no-such-page", "/api/no-such-route"];

    [Test]
    public async Task Every_route_and_static_file_answers_with_the_security_headers()
    {
        using var anonymous = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        anonymous.DefaultRequestHeaders.Authorization = null;
        var failures = new List<string>();
        var requests = Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [], (e, method) =>
                (Method: method, Url: SampleRoutes.Fill("/" + e.RoutePattern.RawText!.Trim('/')),
                 Type: e.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.FirstOrDefault() ?? "application/json"))
            .Concat(Static.Select(url => (Method: "GET", Url: url, Type: "")))
            .ToList();
        foreach (var (method, url, type) in requests)
            foreach (var (who, client) in new[] { ("admin", Client), ("anonymous", anonymous) })
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), url);
                if (method is "POST" or "PUT") request.Content = new StringContent(type == "application/json" ? "{}" : "a,b\n", Encoding.UTF8, type);
                using var response = await client.SendAsync(request);
                var what = $"{method} {url} as {who} ({(int)response.StatusCode})";
                string? Header(string name) => response.Headers.TryGetValues(name, out var v) ? string.Join(",", v) : null;
                if (Header("Content-Security-Policy") is not { } csp || !csp.Contains("frame-ancestors 'none'") || !csp.Contains("default-src 'self'") || csp.Contains("unsafe-inline"))
                    failures.Add($"{what}: Content-Security-Policy {Header("Content-Security-Policy") ?? "missing"}");
                if (Header("X-Content-Type-Options") != "nosniff") failures.Add($"{what}: X-Content-Type-Options {Header("X-Content-Type-Options") ?? "missing"}");
                if (Header("Referrer-Policy") is null) failures.Add($"{what}: Referrer-Policy missing");
                if (Header("Server") is { } server) failures.Add($"{what}: Server {server}");
            }
        Assert.That(requests, Has.Count.GreaterThan(40));
        Assert.That(failures, Is.Empty);
    }
}
