using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using ChainMatch.Domain.Access;
using ChainMatch.Storage.Access;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChainMatch.Api.Tests.Access;

public sealed class AuthenticationTests
{
    readonly List<(IDisposable App, string Data)> _apps = [];

    ChainMatchApp App(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var app = new ChainMatchApp(SeedFolder.Fixture("mini-seeds"), settings: settings);
        _apps.Add((app, app.DataDirectory));
        return app;
    }

    [TearDown]
    public void Stop()
    {
        foreach (var (app, data) in _apps)
        {
            app.Dispose();
            if (Directory.Exists(data)) Directory.Delete(data, recursive: true);
        }
        _apps.Clear();
    }

    [Test]
    public async Task Nothing_but_health_and_the_login_page_is_open_to_anonymous_callers()
    {
        using var anonymous = App().CreateDefaultClient();
        anonymous.DefaultRequestHeaders.Authorization = null;
        var noRedirects = App().Server.CreateClient();
        Assert.Multiple(async () =>
        {
            Assert.That((await anonymous.GetAsync("/health")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await anonymous.GetAsync("/login.html")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await anonymous.GetAsync("/api/chains")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            var page = await noRedirects.GetAsync("/");
            Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(page.Headers.Location?.ToString(), Is.EqualTo("/login.html"));
            Assert.That((await noRedirects.GetAsync("/js/app.js")).StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        });
    }

    [Test]
    public async Task A_revoked_key_stops_working_at_once()
    {
        var app = App();
        var token = app.CreateKey(Role.Investment, "530100");
        using var client = app.CreateDefaultClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.That((await client.GetAsync("/api/regions/530100/gaps")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var access = await TestAccess.OpenAsync(app.DataDirectory);
        var key = (await access.ListKeysAsync()).Single(k => k.Role == Role.Investment.Name);
        Assert.That(await access.RevokeAsync(key.Id, DateTimeOffset.UtcNow), Is.True);
        Assert.That((await client.GetAsync("/api/regions/530100/gaps")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token[..^2] + "xx");
        Assert.That((await client.GetAsync("/api/chains")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "a wrong secret");
    }

    [Test]
    public async Task The_web_ui_signs_in_with_a_key_and_the_session_ends_with_the_key()
    {
        var app = App();
        var token = app.CreateKey(Role.Planner, "530100");
        // CreateClient keeps cookies, as a browser does; the admin key it would send is removed.
        using var browser = app.CreateClient();
        browser.DefaultRequestHeaders.Authorization = null;
        var refused = await browser.PostAsJsonAsync("/api/session", new { key = "cmk_000000000000_wrong" });
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));

        var signIn = await browser.PostAsJsonAsync("/api/session", new { key = token });
        Assert.That(signIn.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(signIn.Headers.GetValues("Set-Cookie").Single(), Does.Contain("httponly").IgnoreCase.And.Contain("samesite=strict").IgnoreCase);
        var me = await browser.GetFromJsonAsync<JsonNode>("/api/me");
        Assert.That((string?)me!["role"], Is.EqualTo("planner"));
        Assert.That((string?)me["region"], Is.EqualTo("530100"));
        Assert.That(me["permissions"]!.AsArray().Select(p => (string)p!), Does.Contain("simulate").And.Not.Contain("read-projects"));
        Assert.That((await browser.GetAsync("/")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "pages open once signed in");

        var access = await TestAccess.OpenAsync(app.DataDirectory);
        await access.RevokeAsync((await access.ListKeysAsync()).Single(k => k.Role == Role.Planner.Name).Id, DateTimeOffset.UtcNow);
        Assert.That((await browser.GetAsync("/api/me")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task A_session_cookie_replayed_after_signing_out_signs_no_one_in()
    {
        var app = App();
        var token = app.CreateKey(Role.Planner, "530100");
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = null;
        var signIn = await client.PostAsJsonAsync("/api/session", new { key = token });
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        HttpRequestMessage WithCookie(HttpMethod method, string url) => new(method, url) { Headers = { { "Cookie", cookie } } };
        Assert.That((await client.SendAsync(WithCookie(HttpMethod.Get, "/api/me"))).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var signOut = await client.SendAsync(WithCookie(HttpMethod.Delete, "/api/session"));
        Assert.That(signOut.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        Assert.That((await client.SendAsync(WithCookie(HttpMethod.Get, "/api/me"))).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "the old cookie still works");
        Assert.That((await client.SendAsync(WithCookie(HttpMethod.Get, "/"))).StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
    }

    [Test]
    public async Task The_session_cookie_is_secure_when_signed_in_over_https()
    {
        var app = App();
        var token = app.CreateKey(Role.Planner, "530100");
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = null;
        var signIn = await client.PostAsJsonAsync("/api/session", new { key = token });
        Assert.That(signIn.Headers.GetValues("Set-Cookie").Single(), Does.Contain("secure").IgnoreCase);
    }

    [Test]
    public async Task A_first_start_creates_one_admin_key_and_a_second_start_none()
    {
        var app = new FirstStartApp();
        _apps.Add((app, app.DataDirectory));
        using var original = Console.Out;
        var printed = new StringWriter();
        Console.SetOut(printed);
        try
        {
            app.CreateDefaultClient().Dispose();
        }
        finally
        {
            Console.SetOut(original);
        }
        var token = printed.ToString().Split().Single(w => w.StartsWith("cmk_"));
        using var client = app.CreateDefaultClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var me = await client.GetFromJsonAsync<JsonNode>("/api/me");
        Assert.That((string?)me!["role"], Is.EqualTo("admin"));
        Assert.That((string?)me["region"], Is.EqualTo("*"));

        var access = await TestAccess.OpenAsync(app.DataDirectory);
        Assert.That(await access.ListKeysAsync(), Has.Count.EqualTo(1));
        using var second = new ChainMatchApp(SeedFolder.Fixture("mini-seeds"), dataDirectory: app.DataDirectory);
        second.CreateDefaultClient().Dispose();
        // The second app adds its own test key; the service itself creates none.
        Assert.That((await access.ListKeysAsync()).Count(k => k.Name == "local-admin"), Is.EqualTo(1));
    }

    /// <summary>The service as `make run` starts it on a fresh folder: no test key beforehand.</summary>
    sealed class FirstStartApp : WebApplicationFactory<Program>
    {
        public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "chainmatch-first-" + Guid.NewGuid().ToString("N"));

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            builder.UseSetting("Graph:DataDirectory", DataDirectory);
            builder.UseSetting("Graph:SeedDirectory", SeedFolder.Fixture("mini-seeds"));
            builder.UseSetting("Ranking:ModelPath", SeedFolder.ShippedModel());
        }
    }

    [Test]
    public async Task Bearer_tokens_from_the_identity_provider_are_checked_for_issuer_audience_expiry_and_signature()
    {
        using var provider = RSA.Create(2048);
        var app = App(new Dictionary<string, string?>
        {
            ["Auth:Jwt:Issuer"] = "https://idp.yn.example",
            ["Auth:Jwt:Audience"] = "chainmatch",
            ["Auth:Jwt:SigningKeys:0"] = provider.ExportSubjectPublicKeyInfoPem(),
        });
        string Token(RSA key, string audience = "chainmatch", int minutes = 10) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "https://idp.yn.example",
            Audience = audience,
            Expires = DateTime.UtcNow.AddMinutes(minutes),
            NotBefore = DateTime.UtcNow.AddMinutes(minutes - 20),
            Claims = new Dictionary<string, object> { ["sub"] = "li.wei", ["role"] = "investment", ["region"] = "530100" },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key), SecurityAlgorithms.RsaSha256),
        });
        async Task<HttpStatusCode> Call(string token, string url = "/api/projects")
        {
            using var client = app.CreateDefaultClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return (await client.GetAsync(url)).StatusCode;
        }
        using var stranger = RSA.Create(2048);
        Assert.Multiple(async () =>
        {
            Assert.That(await Call(Token(provider)), Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await Call(Token(provider), "/api/projects?region=530300"), Is.EqualTo(HttpStatusCode.Forbidden), "the token's region scope");
            Assert.That(await Call(Token(provider, audience: "another-app")), Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(await Call(Token(provider, minutes: -5)), Is.EqualTo(HttpStatusCode.Unauthorized), "expired");
            Assert.That(await Call(Token(stranger)), Is.EqualTo(HttpStatusCode.Unauthorized), "signed by someone else");
        });
    }

    [Test]
    public void A_bearer_configuration_without_audience_or_keys_stops_the_service_at_start()
    {
        var app = App(new Dictionary<string, string?> { ["Auth:Jwt:Issuer"] = "https://idp.yn.example", ["Auth:Jwt:SigningKeys:0"] = "not a key" });
        Assert.That(app.StartFailure().Message, Does.Contain("Auth:Jwt:Audience is required").And.Contain("Auth:Jwt:SigningKeys:0: not a PEM RSA or EC public key"));
    }
}
