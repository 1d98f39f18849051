using System.Net.Sockets;

namespace ChainMatch.Storage.Tests;

/// <summary>
/// Finds a Docker engine the way the Docker CLI does (DOCKER_HOST, else the usual sockets) and checks that it accepts a
/// connection, with a short timeout: on a machine without one, the Neo4j contract suite must be skipped at once,
/// not after Testcontainers' own, much longer, attempts.
/// </summary>
static class DockerEngine
{
    static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(2);

    /// <summary>The engine's endpoint, or null and why not.</summary>
    public static async Task<(Uri? Endpoint, string Why)> FindAsync(Func<string, string?> environment)
    {
        if (environment("DOCKER_HOST") is { Length: > 0 } host)
        {
            if (!Uri.TryCreate(host, UriKind.Absolute, out var uri)) return (null, $"DOCKER_HOST '{host}' is not a URI");
            return await AnswersAsync(uri) ? (uri, $"DOCKER_HOST {uri}") : (null, $"nothing answers at DOCKER_HOST {uri}");
        }
        var home = environment("HOME");
        string?[] sockets =
        [
            "/var/run/docker.sock",
            environment("XDG_RUNTIME_DIR") is { Length: > 0 } run ? Path.Combine(run, "docker.sock") : null,
            home is { Length: > 0 } ? Path.Combine(home, ".docker", "run", "docker.sock") : null,
            home is { Length: > 0 } ? Path.Combine(home, ".docker", "desktop", "docker.sock") : null,
        ];
        var candidates = sockets.OfType<string>().ToList();
        foreach (var socket in candidates.Where(File.Exists))
        {
            var uri = new Uri($"unix://{socket}");
            if (await AnswersAsync(uri)) return (uri, $"socket {socket}");
        }
        return (null, $"DOCKER_HOST is not set and no Docker socket answers at {string.Join(", ", candidates)}");
    }

    static async Task<bool> AnswersAsync(Uri endpoint)
    {
        using var timeout = new CancellationTokenSource(ConnectTimeout);
        try
        {
            if (endpoint.Scheme == "unix")
            {
                if (!File.Exists(endpoint.LocalPath)) return false;
                using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(endpoint.LocalPath), timeout.Token);
                return true;
            }
            if (endpoint.Scheme is "tcp" or "http" or "https")
            {
                using var client = new TcpClient();
                await client.ConnectAsync(endpoint.Host, endpoint.Port, timeout.Token);
                return true;
            }
            return false;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
