using System.Net;
using System.Net.Sockets;

namespace ChainMatch.TestSupport;

/// <summary>
/// A <see cref="FakeNeo4j"/> served over real HTTP on 127.0.0.1, for code that builds its own HttpClient (the CLI).
/// It answers until disposed; nothing outside this machine is involved.
/// </summary>
public sealed class LoopbackNeo4j : IDisposable
{
    readonly HttpListener _listener = new();
    readonly HttpMessageInvoker _invoker;
    readonly Task _serving;

    public FakeNeo4j Server { get; } = new();
    public Uri Uri { get; }

    public LoopbackNeo4j()
    {
        Uri = new Uri($"http://127.0.0.1:{FreePort()}/");
        _listener.Prefixes.Add(Uri.ToString());
        _listener.Start();
        _invoker = new HttpMessageInvoker(Server);
        _serving = Task.Run(ServeAsync);
    }

    async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            await AnswerAsync(context);
        }
    }

    async Task AnswerAsync(HttpListenerContext context)
    {
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.HttpMethod), new Uri(Uri, context.Request.RawUrl));
        var body = new MemoryStream();
        await context.Request.InputStream.CopyToAsync(body);
        if (body.Length > 0 || context.Request.ContentType is not null)
        {
            request.Content = new ByteArrayContent(body.ToArray());
            if (context.Request.ContentType is { } type) request.Content.Headers.TryAddWithoutValidation("Content-Type", type);
        }
        foreach (var name in context.Request.Headers.AllKeys.OfType<string>())
            if (name is not ("Content-Type" or "Content-Length" or "Host")) request.Headers.TryAddWithoutValidation(name, context.Request.Headers[name]);

        using var response = await _invoker.SendAsync(request, CancellationToken.None);
        context.Response.StatusCode = (int)response.StatusCode;
        if (response.Content.Headers.ContentType is { } contentType) context.Response.ContentType = contentType.ToString();
        var bytes = await response.Content.ReadAsByteArrayAsync();
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        _listener.Close();
        _serving.Wait(TimeSpan.FromSeconds(5));
        _invoker.Dispose();
    }
}
