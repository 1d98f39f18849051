using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

// `make screenshot`: starts the built service on a free loopback port over a fresh store seeded from graph-seeds,
// opens the web UI in Debian's chromium at a view named in the hash, and saves a PNG of the page.
if (args.Length != 6)
{
    Console.Error.WriteLine("usage: ChainMatch.Screenshot API_DLL API_PROJECT_DIR SEEDS MODEL VIEW_HASH OUT_PNG");
    return 2;
}
var (apiDll, contentRoot, seeds, model, view, output) = (Path.GetFullPath(args[0]), Path.GetFullPath(args[1]), Path.GetFullPath(args[2]), Path.GetFullPath(args[3]), args[4], args[5]);
var data = Path.Combine(Path.GetTempPath(), "chainmatch-screenshot-" + Guid.NewGuid().ToString("N"));

using var service = Process.Start(new ProcessStartInfo("dotnet")
{
    // The project folder is the content root, as under `make run`: its wwwroot holds the pages.
    ArgumentList = { apiDll, "--contentRoot", contentRoot, "--urls", "http://127.0.0.1:0", $"--Graph:DataDirectory={data}", $"--Graph:SeedDirectory={seeds}", $"--Ranking:ModelPath={model}" },
    RedirectStandardOutput = true,
})!;
try
{
    var (address, key) = await ListeningAddress(service);
    var stopwatch = Stopwatch.StartNew();
    using var playwright = await Playwright.CreateAsync();
    await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = "/usr/bin/chromium",
        Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    // The fresh store's first-start admin key, sent with every request the page makes (no login page in the picture).
    var page = await browser.NewPageAsync(new BrowserNewPageOptions
    {
        ViewportSize = new ViewportSize { Width = 1920, Height = 1080 },
        ExtraHTTPHeaders = new Dictionary<string, string> { ["X-Api-Key"] = key },
    });
    stopwatch.Restart();
    // VIEW_HASH is the status map's hash, or a page path with its hash (e.g. "/dashboard#chain=x") for another page.
    // What shows the page is drawn: the dashboard's table, a firm's profile, the scenario's map after, the project board's cards, or the status map.
    var drawn = view.StartsWith("/dashboard", StringComparison.Ordinal) ? "#prefecture-table tbody tr"
        : view.StartsWith("/firm", StringComparison.Ordinal) ? "article.firm-profile"
        : view.Contains("tab=simulation", StringComparison.Ordinal) ? ".sim-map[data-side=after] svg g.segment"
        : view.Contains("tab=pipeline", StringComparison.Ordinal) ? ".board .card"
        : "svg.status-map g.segment";
    await page.GotoAsync(view.StartsWith('/') ? address + view : $"{address}/#{view}");
    await page.Locator(drawn).First.WaitForAsync(new LocatorWaitForOptions { Timeout = 120_000 });
    Console.WriteLine($"map rendered {stopwatch.ElapsedMilliseconds} ms after navigation");
    await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
    await page.ScreenshotAsync(new PageScreenshotOptions { Path = output });
    Console.WriteLine($"saved {output}");
    return 0;
}
finally
{
    service.Kill(entireProcessTree: true);
    await service.WaitForExitAsync();
    if (Directory.Exists(data)) Directory.Delete(data, recursive: true);
}

// The service prints the first admin key of a fresh store, then logs "Now listening on: http://127.0.0.1:PORT" once the
// seeds are projected and Kestrel is up.
static async Task<(string Address, string Key)> ListeningAddress(Process service)
{
    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
    string? key = null;
    while (await service.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
    {
        if (line.Trim().StartsWith("cmk_", StringComparison.Ordinal)) key = line.Trim();
        var match = Regex.Match(line, @"Now listening on: (http://\S+)");
        if (match.Success)
        {
            // Keep draining the log so the service never blocks on a full pipe.
            _ = Task.Run(async () => { while (await service.StandardOutput.ReadLineAsync() is not null) { } });
            return (match.Groups[1].Value, key ?? throw new InvalidOperationException("the service printed no first admin key"));
        }
    }
    throw new InvalidOperationException("the service exited before listening");
}
