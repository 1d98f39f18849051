using ChainMatch.Domain.Access;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using ChainMatch.Api.Graph;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChainMatch.Api.Tests;

/// <summary>
/// Walks every route that takes a JSON body and puts each number the body declares, however deep, out of range, and
/// each text field a control character: every one is a 400 that names the field, and neither the store nor the audit log changes.
/// </summary>
public sealed class BodyFieldTests : ApiTest
{
    static readonly string[] Hostile = ["1e400", "-1e400", "1e16", "-1e16", "\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "\"12\""];

    [Test]
    public async Task Every_number_in_every_json_body_out_of_range_is_a_400_naming_the_field_and_changes_nothing()
    {
        var fields = Fields(NumberPaths);
        Assert.That(fields.Select(f => f.Path), Is.SupersetOf(new[] { "fundsInPlace", "agreedInvestment", "capacity", "describe.segments[0].capacity" }),
            "the walk missed numbers it should have found");
        Assert.That(await Refusals(fields, Hostile), Is.Empty);
    }

    [Test]
    public async Task Every_text_field_in_every_json_body_with_a_control_character_is_a_400_naming_the_field_and_changes_nothing()
    {
        var fields = Fields(TextPaths);
        Assert.That(fields.Select(f => $"{f.Endpoint.Name} {f.Path}"), Has.Some.EndsWith(" name").And.Some.EndsWith(" note").And.Some.EndsWith(" aliases[0]"),
            "the walk missed text fields it should have found");
        Assert.That(await Refusals(fields, ["\"a\\u0001b\"", "\"\\u0000\"", "\"x\\u001b[31m\"", "\"\\ud800\"", "\"\\uffff\""]), Is.Empty);
    }

    List<(EndpointShape Endpoint, string Path)> Fields(Func<Type, int, IEnumerable<string>> paths) =>
        HostileRequests.Endpoints(Services).Where(e => e.JsonBody is not null)
            .SelectMany(e => paths(e.JsonBody!, 0).Select(path => (Endpoint: e, Path: path))).ToList();

    /// <summary>Each value (raw JSON) at each field: what was not a 400 naming the field with the store and the audit log untouched.</summary>
    async Task<List<string>> Refusals(List<(EndpointShape Endpoint, string Path)> fields, string[] values)
    {
        var store = Services.GetRequiredService<IOptions<GraphOptions>>().Value.StorePath;
        var failures = new List<string>();
        foreach (var (endpoint, path) in fields)
        {
            // A caller of its own per field: the expensive routes allow 20 requests a minute per caller.
            using var client = App.ClientAs(Role.Admin);
            foreach (var value in values)
            {
                var (storeBefore, auditBefore) = (StoreDigest.Of(store), await AuditCount());
                using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), SampleRoutes.Fill(endpoint.Pattern))
                {
                    Content = new StringContent(Body(endpoint.Name, path, value), Encoding.UTF8, "application/json"),
                };
                using var response = await client.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                var what = $"{endpoint.Name} with {path} = {value}";
                if (response.StatusCode != HttpStatusCode.BadRequest) failures.Add($"{what}: {(int)response.StatusCode} {body}");
                else if (JsonNode.Parse(body)?["errors"] is not JsonObject errors || !errors.ContainsKey(path)) failures.Add($"{what}: the 400 does not name {path}: {body}");
                if (StoreDigest.Of(store) != storeBefore) failures.Add($"{what}: the store changed");
                if (await AuditCount() != auditBefore) failures.Add($"{what}: the audit log changed");
            }
        }
        return failures;
    }

    /// <summary>The JSON path of every string a body type declares; a list of strings by its first element.</summary>
    static IEnumerable<string> TextPaths(Type type, int depth)
    {
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = char.ToLowerInvariant(p.Name[0]) + p.Name[1..];
            var t = Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType;
            if (t == typeof(string)) yield return name;
            else if (depth > 3 || t.IsPrimitive || t.IsEnum) continue;
            else if (t.IsGenericType && t.GetGenericArguments() is [var element] && typeof(System.Collections.IEnumerable).IsAssignableFrom(t))
            {
                if (element == typeof(string)) yield return $"{name}[0]";
                else foreach (var inner in TextPaths(element, depth + 1)) yield return $"{name}[0].{inner}";
            }
            else if (t.IsClass)
                foreach (var inner in TextPaths(t, depth + 1)) yield return $"{name}.{inner}";
        }
    }

    async Task<int> AuditCount() => (await GetJson("/api/audit?limit=100000")).AsArray().Count;

    /// <summary>The JSON path of every number a body type declares, through nested records and the first element of lists.</summary>
    static IEnumerable<string> NumberPaths(Type type, int depth)
    {
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = char.ToLowerInvariant(p.Name[0]) + p.Name[1..];
            var t = Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType;
            if (t == typeof(double) || t == typeof(float) || t == typeof(decimal)) yield return name;
            else if (depth > 3 || t == typeof(string) || t.IsPrimitive || t.IsEnum) continue;
            else if (t.IsGenericType && t.GetGenericArguments() is [var element] && typeof(System.Collections.IEnumerable).IsAssignableFrom(t))
                foreach (var inner in NumberPaths(element, depth + 1)) yield return $"{name}[0].{inner}";
            else if (t.IsClass)
                foreach (var inner in NumberPaths(t, depth + 1)) yield return $"{name}.{inner}";
        }
    }

    /// <summary>Bodies the routes accept as they are, so that only the hostile number stands between the request and a write.</summary>
    static readonly Dictionary<string, string> Valid = new()
    {
        ["POST /api/projects/{projectId}/stages"] = """{"stage":"started","date":"2026-01-05"}""",
        ["POST /api/firms/{firmId}/presences"] = """{"segment":"foil","region":"530100","unit":"t/yr"}""",
        ["POST /api/simulations/anchor"] = """{"firm":"new-anchor","region":"530100","chain":"battery","describe":{"name":"新锚企","segments":[{"segment":"foil","unit":"t/yr"}]}}""",
    };

    /// <summary>The route's valid body (or an empty one) with the number at <paramref name="path"/>, e.g. describe.segments[0].capacity.</summary>
    static string Body(string route, string path, string value)
    {
        var root = JsonNode.Parse(Valid.GetValueOrDefault(route, "{}"))!.AsObject();
        JsonObject node = root;
        var parts = path.Split('.');
        foreach (var part in parts[..^1])
            node = part.EndsWith("[0]", StringComparison.Ordinal)
                ? (node[part[..^3]] ??= new JsonArray(new JsonObject())).AsArray()[0]!.AsObject()
                : (node[part] ??= new JsonObject()).AsObject();
        // A stand-in replaced afterwards: JsonNode would not write a lone surrogate or 1e400 as given.
        const string Placeholder = "\"value-goes-here\"";
        var last = parts[^1];
        if (last.EndsWith("[0]", StringComparison.Ordinal)) node[last[..^3]] = new JsonArray(JsonNode.Parse(Placeholder));
        else node[last] = JsonNode.Parse(Placeholder);
        return root.ToJsonString().Replace(Placeholder, value, StringComparison.Ordinal);
    }
}
