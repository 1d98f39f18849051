using System.CommandLine;
using System.Text.Json;

namespace ChainMatch.Cli;

/// <summary>
/// <c>chainmatch health [--url URL]</c>: exit 0 when a running service answers its health endpoint with <c>healthy</c>
/// or <c>degraded</c> (Neo4j away, reads still served), 1 otherwise. The container's health check: the runtime image
/// has dotnet but neither curl nor wget, and its /bin/sh (dash) has no /dev/tcp.
/// </summary>
static class HealthCommand
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public static Command Create(TextWriter output)
    {
        var url = new Option<string>("--url") { Description = "The service's health endpoint.", DefaultValueFactory = _ => "http://127.0.0.1:5080/health" };
        var command = new Command("health", "Ask a running service whether it serves (healthy or degraded); exit 1 when it does not.") { url };
        command.SetAction(async (parse, ct) =>
        {
            var text = parse.GetValue(url)!;
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                throw new CliException($"--url '{text}' is not an http(s) address", ChainMatchCli.Usage);
            var status = await StatusAsync(uri, ct);
            if (status is not ("healthy" or "degraded")) throw new CliException($"{uri}: {status}");
            await output.WriteLineAsync($"{uri}: {status}");
            return ChainMatchCli.Ok;
        });
        return command;
    }

    /// <summary>The service's status, or what went wrong asking for it.</summary>
    static async Task<string> StatusAsync(Uri uri, CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = Timeout };
        try
        {
            using var response = await http.GetAsync(uri, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode) return $"HTTP {(int)response.StatusCode}";
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String
                ? s.GetString()!
                : "no status in the answer";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
        {
            return $"no answer ({e.Message})";
        }
    }
}
