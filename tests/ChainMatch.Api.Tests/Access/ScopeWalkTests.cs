using System.Net;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using ChainMatch.Domain.Access;

namespace ChainMatch.Api.Tests.Access;

/// <summary>
/// Walks every route the service maps and, for every value it takes that names a region, chain or segment (in the path,
/// the query or the JSON body), sends an out-of-scope value plainly and hidden: repeated, empty, with the in-scope value
/// beside it, differently cased, duplicated in the body. Every attempt is refused (400 or 403), never answered.
/// </summary>
public sealed class ScopeWalkTests
{
    enum Kind { Region, Chain, Segment }

    /// <summary>The names under which the service takes scoped values; <c>hq</c> (where listed firms are headquartered) is a public filter.</summary>
    static readonly Dictionary<string, Kind> Scoped = new(StringComparer.OrdinalIgnoreCase)
    {
        ["regionCode"] = Kind.Region, ["region"] = Kind.Region, ["root"] = Kind.Region, ["province"] = Kind.Region, ["headquarters"] = Kind.Region,
        ["chainId"] = Kind.Chain, ["chain"] = Kind.Chain,
        ["segmentId"] = Kind.Segment, ["segment"] = Kind.Segment, ["segments"] = Kind.Segment,
    };

    /// <summary>In scope and out of scope for a Kunming admin (regions) and an all-regions admin bound to the aluminium chain (chains, segments).</summary>
    static (string In, string Out) Values(Kind kind) => kind switch
    {
        Kind.Region => ("530100", "530300"),
        Kind.Chain => ("aluminium", "battery"),
        _ => ("smelting", "cell"),
    };

    static readonly Dictionary<string, string> Sample = new(StringComparer.OrdinalIgnoreCase)
    {
        ["chainId"] = "aluminium", ["regionCode"] = "530100", ["segmentId"] = "foil", ["firmId"] = "smelter-co",
        ["projectId"] = "foil-for-kunming", ["problemId"] = "problem-1", ["listId"] = "fortune-global-500", ["year"] = "2024",
    };

    ChainMatchApp _app = null!;
    HttpClient _kunming = null!, _aluminium = null!;

    [OneTimeSetUp]
    public void Start()
    {
        // Simulations and anchor rankings are rate limited per key; the walk sends many.
        _app = new ChainMatchApp(SeedFolder.Fixture("mini-seeds"), settings: new Dictionary<string, string?> { ["Limits:ExpensivePermits"] = "100000" });
        _app.CreateClient().Dispose();
        _kunming = _app.ClientAs(Role.Admin, "530100");
        _aluminium = _app.ClientAs(Role.Admin, "*", "aluminium");
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _kunming.Dispose();
        _aluminium.Dispose();
        _app.Dispose();
        _app.DeleteData();
    }

    /// <summary>One request; <paramref name="Expected"/> is the one status it must get, or null for "400 or 403".</summary>
    sealed record Attempt(string Trick, string Method, string Url, string? Json, int? Expected);

    [Test]
    public async Task Every_scoped_value_of_every_route_refuses_an_out_of_scope_value_however_it_is_sent()
    {
        var attempts = new List<(Kind Kind, Attempt Attempt)>();
        foreach (var e in HostileRequests.Endpoints(_app.Services))
        {
            foreach (var r in e.RouteValues.Where(Scoped.ContainsKey))
            {
                var (_, outside) = Values(Scoped[r]);
                var escaped = string.Concat(Encoding.UTF8.GetBytes(outside).Select(b => $"%{b:X2}"));
                attempts.Add((Scoped[r], new Attempt($"path {r}", e.Method, Path(e, r, outside), BaseBody(e), 403)));
                attempts.Add((Scoped[r], new Attempt($"path {r} percent-encoded", e.Method, Path(e, r, escaped), BaseBody(e), 403)));
            }
            foreach (var q in e.Query.Where(Scoped.ContainsKey))
            {
                var (inside, outside) = Values(Scoped[q]);
                var upper = char.ToUpperInvariant(q[0]) + q[1..];
                foreach (var (trick, query, expected) in new (string, string, int?)[]
                {
                    ("plain", $"{q}={outside}", 403),
                    ("empty then out of scope", $"{q}=&{q}={outside}", 400),
                    ("out of scope then in scope", $"{q}={outside}&{q}={inside}", 400),
                    ("in scope then out of scope", $"{q}={inside}&{q}={outside}", 400),
                    ("two casings", $"{q}={inside}&{upper}={outside}", 400),
                    ("empty", $"{q}=", 400),
                })
                    attempts.Add((Scoped[q], new Attempt($"query {q} {trick}", e.Method, Path(e) + "?" + query, BaseBody(e), expected)));
            }
            if (e.JsonBody is { } body)
                foreach (var property in body.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => Scoped.ContainsKey(p.Name)))
                {
                    var name = char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
                    var kind = Scoped[name];
                    var list = property.PropertyType != typeof(string);
                    string V(string v) => list ? $"[\"{v}\"]" : $"\"{v}\"";
                    var (inside, outside) = Values(kind);
                    foreach (var (trick, json, expected) in new (string, string, int?)[]
                    {
                        ("plain", $"{{\"{name}\":{V(outside)}}}", 403),
                        ("in scope then out of scope", $"{{\"{name}\":{V(inside)},\"{name}\":{V(outside)}}}", 400),
                        ("out of scope then in scope", $"{{\"{name}\":{V(outside)},\"{name}\":{V(inside)}}}", 400),
                        ("two casings", $"{{\"{name}\":{V(inside)},\"{property.Name}\":{V(outside)}}}", null),
                    })
                        attempts.Add((kind, new Attempt($"body {name} {trick}", e.Method, Path(e), json, expected)));
                }
        }
        var routes = attempts.Select(a => a.Attempt.Method + " " + Regex.Replace(a.Attempt.Url, @"\?.*", "")).Distinct().Count();
        Assert.That(routes, Is.GreaterThanOrEqualTo(15), "the walk found too few routes taking scoped values");

        var failures = new List<string>();
        foreach (var (kind, a) in attempts)
        {
            using var request = new HttpRequestMessage(new HttpMethod(a.Method), a.Url);
            if (a.Json is not null) request.Content = new StringContent(a.Json, Encoding.UTF8, "application/json");
            using var response = await (kind == Kind.Region ? _kunming : _aluminium).SendAsync(request);
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync();
            var refused = a.Expected is { } expected ? status == expected : status is 400 or 403;
            if (!refused || text.Contains("曲靖", StringComparison.Ordinal))
                failures.Add($"{a.Method} {a.Url} {a.Json} ({a.Trick}): {status} {text[..Math.Min(200, text.Length)]}");
        }
        Assert.That(failures, Is.Empty, $"{failures.Count} of {attempts.Count} attempts on {routes} routes got through");
    }

    static string Path(EndpointShape e, string? replaced = null, string? value = null) =>
        e.RouteValues.Aggregate(e.Pattern, (p, r) => Regex.Replace(p, $"{{{r}(:[^}}]*)?}}", r == replaced ? value! : Sample.GetValueOrDefault(r, "x")));

    static string? BaseBody(EndpointShape e) => e.JsonBody is null ? null : "{}";
}
