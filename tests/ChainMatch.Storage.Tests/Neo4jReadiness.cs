using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ChainMatch.Storage.Neo4j;

namespace ChainMatch.Storage.Tests;

/// <summary>
/// Waits until a Neo4j server's Query API answers <c>RETURN 1</c> without errors. A container's HTTP port opens
/// before its database is up: until then Neo4j refuses connections, answers 503, or sends
/// <c>Neo.TransientError.General.DatabaseUnavailable</c>. Straight over HTTP, not through the adapter under test.
/// A refused password is final and fails at once.
/// </summary>
static class Neo4jReadiness
{
    public static async Task WaitAsync(HttpClient http, Neo4jConnection server, TimeSpan patience, TimeSpan interval, TimeProvider time, CancellationToken ct = default)
    {
        var started = time.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            var why = await AskAsync(http, server, ct);
            if (why is null) return;
            if (time.GetElapsedTime(started) + interval > patience)
                throw new TimeoutException($"Neo4j at {server.BaseUri} did not answer RETURN 1 within {patience.TotalSeconds:0.#} s ({attempt} tries); last answer: {why}");
            await Task.Delay(interval, time, ct);
        }
    }

    /// <summary>Null when the server answered; otherwise what it said instead.</summary>
    static async Task<string?> AskAsync(HttpClient http, Neo4jConnection server, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, server.Resolve(server.QueryPath))
        {
            Content = new StringContent("""{"statement":"RETURN 1 AS ok"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Authorization = server.Authorization;
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(ct);
        // A server that accepts the connection and says nothing is one more "not yet".
        attempt.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            using var response = await http.SendAsync(request, attempt.Token);
            var body = await response.Content.ReadAsStringAsync(attempt.Token);
            if (response.StatusCode == HttpStatusCode.Unauthorized)
                throw new InvalidOperationException($"Neo4j at {server.BaseUri} refused user '{server.User}': {body}");
            if (response.IsSuccessStatusCode && !HasErrors(body)) return null;
            return $"HTTP {(int)response.StatusCode}: {(body.Length > 200 ? body[..200] : body)}";
        }
        catch (Exception e) when (e is HttpRequestException or IOException || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return e.Message;
        }
    }

    static bool HasErrors(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0;
        }
        catch (JsonException)
        {
            return true;
        }
    }
}
