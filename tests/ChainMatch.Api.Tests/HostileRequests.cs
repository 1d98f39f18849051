using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ChainMatch.Api.Tests;

/// <summary>One route as the endpoint data source describes it: method, pattern, and where each of its inputs comes from.</summary>
sealed record EndpointShape(string Method, string Pattern, IReadOnlyList<string> RouteValues, IReadOnlyList<string> Query, Type? JsonBody, bool RawBody)
{
    public string Name => $"{Method} {Pattern}";
    public bool Writes => Method != "GET";
}

/// <summary>A request the generators built; shown in failures as method and address.</summary>
sealed record HostileRequest(string Method, string PathAndQuery, byte[]? Body, string? ContentType)
{
    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(new HttpMethod(Method), new Uri(PathAndQuery, UriKind.Relative));
        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            if (ContentType is not null) message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        }
        return message;
    }

    public override string ToString() =>
        $"{Method} {(PathAndQuery.Length > 300 ? PathAndQuery[..300] + "…" : PathAndQuery)}" +
        (Body is null ? "" : $" [{ContentType}] {Encoding.UTF8.GetString(Body.Length > 300 ? Body[..300] : Body)}");
}

static class HostileRequests
{
    /// <summary>Every route with an HTTP method, its inputs read off the handler: route values, query parameters, a JSON body or a raw upload.</summary>
    public static IEnumerable<EndpointShape> Endpoints(IServiceProvider services)
    {
        var isService = services.GetRequiredService<IServiceProviderIsService>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<HttpMethodMetadata>() is not { } methods) continue;
            // A route whose inputs cannot be read off its handler would go untested: the walk is broken, not the route safe.
            var handler = endpoint.Metadata.GetMetadata<MethodInfo>()
                ?? throw new InvalidOperationException($"the walk cannot read the inputs of {endpoint.DisplayName}: it has no handler method");
            // The service's own routes; the OpenAPI document route is ASP.NET Core's.
            if (handler.DeclaringType?.Assembly != typeof(Program).Assembly) continue;
            var route = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToList();
            var query = new List<string>();
            Type? json = null;
            var raw = false;
            foreach (var p in handler.GetParameters())
            {
                var inputs = p.GetCustomAttribute<AsParametersAttribute>() is not null
                    ? p.ParameterType.GetConstructors().Single().GetParameters().Select(c => (c.Name!, c.ParameterType))
                    : [(p.Name!, p.ParameterType)];
                foreach (var (name, type) in inputs)
                {
                    if (type == typeof(HttpRequest)) raw = true;
                    // Bound by the framework or by the type itself (the caller from the user), never from the body.
                    else if (type == typeof(CancellationToken) || type == typeof(HttpContext) || type == typeof(System.Security.Claims.ClaimsPrincipal)
                        || type.GetMethod("BindAsync", BindingFlags.Public | BindingFlags.Static) is not null || isService.IsService(type)) continue;
                    else if (route.Contains(name, StringComparer.OrdinalIgnoreCase)) continue;
                    else if (IsScalar(type)) query.Add(name);
                    else json = type;
                }
            }
            foreach (var method in methods.HttpMethods)
                yield return new EndpointShape(method, endpoint.RoutePattern.RawText!, route, query, json, raw);
        }
    }

    public static Gen<HostileRequest> For(EndpointShape e, IReadOnlyDictionary<string, string[]> known)
    {
        IReadOnlyCollection<string> Known(string name) => known.TryGetValue(name, out var v) ? v : [];
        var path =
            from values in Gen.CollectToArray(e.RouteValues.Select(r => HostileInput.Text(Known(r)).Select(v => (r, v))))
            // No NUL in a path: the server's URL decoder refuses it with 400 before the app (the test server's client throws instead).
            select values.Aggregate(e.Pattern, (p, rv) => System.Text.RegularExpressions.Regex.Replace(p, $"{{{rv.r}(:[^}}]*)?}}", Escape(rv.v.Replace("\0", "", StringComparison.Ordinal))));
        var query =
            from pairs in Gen.CollectToArray(e.Query.Select(q => Gen.Frequency(
                (1, Gen.Constant<string?>(null)),
                (3, HostileInput.Text(Known(q)).Select(v => (string?)$"{q}={Escape(v)}")))))
            from stranger in Gen.Frequency((6, Gen.Constant<string?>(null)), (1, HostileInput.Text([]).Select(v => (string?)$"{Escape(v)}={Escape(v)}")))
            select string.Join('&', pairs.Append(stranger).OfType<string>());
        var body = e.JsonBody is { } type ? JsonBody(type, Known)
            : e.RawBody ? Upload(Known)
            : Gen.Constant<(byte[]?, string?)>((null, null));
        return from p in path
               from q in query
               from b in body
               select new HostileRequest(e.Method, "/" + p.TrimStart('/') + (q.Length > 0 ? "?" + q : ""), b.Item1, b.Item2);
    }

    static bool IsScalar(Type t)
    {
        t = Nullable.GetUnderlyingType(t) ?? t;
        return t.IsPrimitive || t == typeof(string) || t == typeof(decimal) || t == typeof(DateOnly) || t.IsEnum;
    }

    /// <summary>UTF-8 bytes percent-encoded one by one: lone surrogates become U+FFFD as a browser would send them.</summary>
    static string Escape(string value)
    {
        var s = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
            s.Append(char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~' ? ((char)b).ToString() : $"%{b:X2}");
        return s.ToString();
    }

    /// <summary>A JSON body for <paramref name="type"/>: its own property names with values of any JSON kind, or text that is not JSON at all.</summary>
    static Gen<(byte[]?, string?)> JsonBody(Type type, Func<string, IReadOnlyCollection<string>> known)
    {
        var json = JsonObjectFor(type, known, depth: 0).Select(o => o.ToJsonString());
        var broken = Gen.Elements("", "{", "[1,", "\"", "null", "[]", "{\"a\":", "{\"__proto__\":{}}", "1e999999", "\u0000");
        return from text in Gen.Frequency((8, json), (1, broken), (1, HostileInput.Text([])))
               from contentType in Gen.Frequency((10, Gen.Constant<string?>("application/json")), (1, Gen.Elements<string?>("text/plain", null, "application/json; charset=gb2312")))
               select ((byte[]?)Encoding.UTF8.GetBytes(text), contentType);
    }

    static Gen<JsonObject> JsonObjectFor(Type type, Func<string, IReadOnlyCollection<string>> known, int depth)
    {
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance);
        var members = properties.Select(p =>
            from include in Gen.Frequency((4, Gen.Constant(true)), (1, Gen.Constant(false)))
            from value in JsonValueFor(p.PropertyType, p.Name, known, depth)
            select (include, name: JsonName(p.Name), value));
        return Gen.CollectToArray(members).Select(ms =>
        {
            var o = new JsonObject();
            foreach (var (include, name, value) in ms) if (include) o[name] = value;
            return o;
        });
    }

    static Gen<JsonNode?> JsonValueFor(Type type, string name, Func<string, IReadOnlyCollection<string>> known, int depth)
    {
        var text = HostileInput.Text(known(JsonName(name))).Select(s => (JsonNode?)JsonValue.Create(s));
        // Out of range as JSON writes them: 1e400 reads as infinity in .NET, and "NaN" reads from a string unless refused.
        var beyond = Gen.Elements("1e400", "-1e400", "1e16", "\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "\"1e309\"").Select(t => JsonNode.Parse(t));
        var number = Gen.Frequency(
            (3, Gen.Elements(0d, -1d, 1.5d, 1e308d, -1e308d, double.Epsilon, 2147483648d, 1e15d).Select(d => (JsonNode?)JsonValue.Create(d))),
            (2, beyond));
        var other = Gen.Elements<JsonNode?>(null, JsonValue.Create(true), new JsonArray(), new JsonObject());
        var element = type.IsArray ? type.GetElementType() : type.IsGenericType ? type.GetGenericArguments()[0] : null;
        if (depth < 2 && element is not null && !IsScalar(type) && type != typeof(string))
        {
            var item = IsScalar(element) ? text : JsonObjectFor(element, known, depth + 1).Select(o => (JsonNode?)o);
            var list = item.ListOf().Resize(4).Select(items => (JsonNode?)new JsonArray([.. items]));
            return Gen.Frequency((6, list), (1, text), (1, other));
        }
        if (depth < 2 && !IsScalar(type) && type.IsClass && type != typeof(string))
            return Gen.Frequency((6, JsonObjectFor(type, known, depth + 1).Select(o => (JsonNode?)o)), (1, text), (1, other));
        return Gen.Frequency((6, text), (3, number), (1, other));
    }

    static string JsonName(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    static Gen<(byte[]?, string?)> Upload(Func<string, IReadOnlyCollection<string>> known)
    {
        var columns = new[] { "rank", "name", "name_en", "revenue", "uscc", "project", "firm", "segment", "region", "owner", "stage", "date", "agreed_investment", "funds_in_place", "note" };
        return HostileInput.Csv(columns, known).Select(b => ((byte[]?)b, (string?)"text/csv"));
    }
}
