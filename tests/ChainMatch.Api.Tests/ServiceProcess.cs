using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace ChainMatch.Api.Tests;

/// <summary>
/// The built service (src/ChainMatch.Api, same configuration as the tests) as a separate operating-system process on
/// a free loopback port, so a test can kill it outright. Its console output is kept for assertions and failure messages.
/// </summary>
sealed partial class ServiceProcess : IDisposable
{
    readonly Process _process;
    readonly StringBuilder _log = new();

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The admin key a fresh data folder's first start prints (null on later starts, which print none).</summary>
    public string? FirstAdminKey { get; private set; }

    ServiceProcess(Process process) => _process = process;

    public string Log
    {
        get { lock (_log) return _log.ToString(); }
    }

    public static async Task<ServiceProcess> StartAsync(string dataDirectory, string seedDirectory, TimeSpan timeout)
    {
        var project = Path.Combine(Path.GetDirectoryName(SeedFolder.RepositorySeeds())!, "src", "ChainMatch.Api");
        var configuration = new DirectoryInfo(TestContext.CurrentContext.TestDirectory).Parent!.Name;
        var start = new ProcessStartInfo("dotnet")
        {
            // The project folder is the content root, as under `dotnet run`: appsettings.json and wwwroot.
            WorkingDirectory = project,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[]
        {
            Path.Combine(project, "bin", configuration, "net10.0", "ChainMatch.Api.dll"), "--urls", "http://127.0.0.1:0",
            $"--Graph:DataDirectory={dataDirectory}", $"--Graph:SeedDirectory={seedDirectory}", $"--Ranking:ModelPath={SeedFolder.ShippedModel()}",
        }) start.ArgumentList.Add(arg);

        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var service = new ServiceProcess(process);
        void OnLine(string? line)
        {
            if (line is null) return;
            lock (service._log) service._log.AppendLine(line);
            if (line.Trim().StartsWith("cmk_", StringComparison.Ordinal)) service.FirstAdminKey = line.Trim();
            if (ListeningOn().Match(line) is { Success: true } m) listening.TrySetResult(new Uri(m.Groups[1].Value));
        }
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("the service exited before listening"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            service.BaseAddress = await listening.Task.WaitAsync(timeout);
            return service;
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            var log = service.Log;
            service.Dispose();
            throw new AssertionException($"the service did not start: {e.Message}\n{log}");
        }
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing, no closing of the store.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningOn();
}
