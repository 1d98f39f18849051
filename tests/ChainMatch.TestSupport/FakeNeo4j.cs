using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ChainMatch.TestSupport;

/// <summary>What the adapter sent: method, path, headers and body.</summary>
public sealed record SentRequest(HttpMethod Method, string Path, IReadOnlyDictionary<string, string> Headers, string? Body)
{
    public JsonNode? Json => Body is { Length: > 0 } ? JsonNode.Parse(Body) : null;

    public string? Statement => (string?)Json?["statement"];

    public JsonNode? Parameter(string name) => Json?["parameters"]?[name];

    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;
}

/// <summary>
/// A Neo4j Query API stand-in for HttpClient. By default it behaves as an empty, healthy server that accepts every
/// write (<see cref="Accepting"/>); a test scripts the answers it cares about with <see cref="Then"/> (consumed in
/// order) or replaces the default with <see cref="Otherwise"/>. Every request is recorded.
/// </summary>
public sealed partial class FakeNeo4j : HttpMessageHandler
{
    readonly Queue<Func<SentRequest, HttpResponseMessage>> _script = new();
    readonly List<SentRequest> _requests = [];
    int _transactions;
    volatile bool _hanging;

    public IReadOnlyList<SentRequest> Requests
    {
        get { lock (_requests) return [.. _requests]; }
    }

    /// <summary>How requests without a scripted answer are answered.</summary>
    public Func<SentRequest, HttpResponseMessage> Otherwise { get; set; }

    public FakeNeo4j() => Otherwise = Accepting;

    /// <summary>Answers the next unscripted request with this recording's response.</summary>
    public FakeNeo4j Then(string recording) => Then(_ => Neo4jRecording.Load(recording).ToResponse());

    public FakeNeo4j Then(Func<SentRequest, HttpResponseMessage> answer)
    {
        lock (_script) _script.Enqueue(answer);
        return this;
    }

    /// <summary>From now on every request fails as if nothing listened on the port.</summary>
    public void GoDown() => Otherwise = _ => throw new HttpRequestException("Connection refused (neo4j.test:7474)", new IOException("Connection refused"));

    public void ComeBack()
    {
        _hanging = false;
        Otherwise = Accepting;
    }

    /// <summary>From now on every request waits until the client gives up, as a server stuck in a long GC pause would.</summary>
    public void Hang() => _hanging = true;

    /// <summary>The requests this matches wait until the client gives up, as a statement blocked on another transaction's locks would.</summary>
    public Func<SentRequest, bool> Blocks { get; set; } = _ => false;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(ct);
        var sent = new SentRequest(request.Method, request.RequestUri!.AbsolutePath, headers, body);
        lock (_requests) _requests.Add(sent);
        if (_hanging || Blocks(sent)) await Task.Delay(Timeout.Infinite, ct);
        Func<SentRequest, HttpResponseMessage> answer;
        lock (_script) answer = _script.Count > 0 ? _script.Dequeue() : Otherwise;
        return answer(sent);
    }

    /// <summary>
    /// An empty server that takes every write: begin gives a transaction id, a statement gets the columns its last
    /// RETURN names (<c>matched</c> and <c>written</c> list every row sent, <c>removed</c> is 0, anything else no rows),
    /// commit gives a bookmark, rollback an empty 200.
    /// </summary>
    public HttpResponseMessage Accepting(SentRequest r)
    {
        if (r.Method == HttpMethod.Delete) return Answer(HttpStatusCode.OK, "");
        if (r.Path.EndsWith("/query/v2/tx", StringComparison.Ordinal))
        {
            var id = $"tx{Interlocked.Increment(ref _transactions)}";
            return Answer(HttpStatusCode.Accepted, new JsonObject { ["transaction"] = new JsonObject { ["id"] = id, ["expires"] = "2026-11-21T09:01:00Z" } }.ToJsonString());
        }
        if (r.Path.EndsWith("/commit", StringComparison.Ordinal))
            return Answer(HttpStatusCode.Accepted, """{"bookmarks":["FB:fake"]}""");
        var inTransaction = TransactionPath().Match(r.Path) is { Success: true } m ? m.Groups[1].Value : null;
        var data = Results(r);
        if (inTransaction is not null) data["transaction"] = new JsonObject { ["id"] = inTransaction, ["expires"] = "2026-11-21T09:01:00Z" };
        return Answer(HttpStatusCode.Accepted, data.ToJsonString());
    }

    static JsonObject Results(SentRequest r)
    {
        var statement = r.Statement ?? "";
        var returns = statement.LastIndexOf("RETURN", StringComparison.Ordinal) is var at and >= 0 ? statement[at..] : "";
        var fields = ReturnAlias().Matches(returns).Select(m => m.Groups[1].Value).ToList();
        var rows = r.Parameter("rows")?.AsArray().Select(x => (long?)x!["i"]).OfType<long>().ToList() ?? [];
        var values = new JsonArray();
        if (fields.Count > 0 && fields.All(f => f is "matched" or "written" or "removed"))
            values.Add(new JsonArray([.. fields.Select(f => f == "removed" ? Typed("Integer", "0") : TypedList(rows))]));
        return new JsonObject { ["data"] = new JsonObject { ["fields"] = new JsonArray([.. fields.Select(f => (JsonNode)f)]), ["values"] = values } };
    }

    public static JsonNode Typed(string type, JsonNode? value) => new JsonObject { ["$type"] = type, ["_value"] = value };

    public static JsonNode TypedList(IEnumerable<long> items) => Typed("List", new JsonArray([.. items.Select(i => Typed("Integer", i.ToString()))]));

    public static HttpResponseMessage Answer(HttpStatusCode status, string body, string contentType = "application/vnd.neo4j.query")
    {
        var response = new HttpResponseMessage(status) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        if (body.Length > 0) response.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return response;
    }

    [GeneratedRegex(@"/query/v2/tx/([^/]+)$")]
    private static partial Regex TransactionPath();

    [GeneratedRegex(@"\bAS (\w+)")]
    private static partial Regex ReturnAlias();
}
