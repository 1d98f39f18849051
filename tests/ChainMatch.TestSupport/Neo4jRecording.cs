using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace ChainMatch.TestSupport;

/// <summary>One exchange from tests/fixtures/neo4j: the request a client is expected to send and the answer Neo4j gives.</summary>
public sealed class Neo4jRecording
{
    readonly JsonNode _root;

    Neo4jRecording(JsonNode root) => _root = root;

    public static Neo4jRecording Load(string name) =>
        new(JsonNode.Parse(File.ReadAllText(System.IO.Path.Combine(SeedFolder.Fixture("neo4j"), name + ".json")))!);

    public string RequestMethod => (string)_root["request"]!["method"]!;
    public string RequestPath => (string)_root["request"]!["path"]!;
    public int Status => (int)_root["response"]!["status"]!;
    public string ResponseBody => (string?)_root["response"]!["body"] ?? "";

    /// <summary>A fresh response each time: an HttpResponseMessage can be read only once.</summary>
    public HttpResponseMessage ToResponse()
    {
        var response = new HttpResponseMessage((HttpStatusCode)Status);
        var headers = _root["response"]!["header"]!.AsObject();
        var contentType = headers["Content-Type"]?[0]?.GetValue<string>();
        response.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(ResponseBody));
        if (contentType is not null) response.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        foreach (var (name, values) in headers)
        {
            if (name is "Content-Type" or "Content-Length") continue;
            foreach (var value in values!.AsArray()) response.Headers.TryAddWithoutValidation(name, value!.GetValue<string>());
        }
        return response;
    }
}
