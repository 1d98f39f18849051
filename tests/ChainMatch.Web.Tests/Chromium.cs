using Microsoft.Playwright;

namespace ChainMatch.Web.Tests;

/// <summary>Debian's chromium driven by Playwright's own driver; Playwright's browser download is never used (it cannot reach its host here).</summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    static readonly string[] Args =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    public static async Task<(IPlaywright, IBrowser)> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
            throw new FileNotFoundException($"{ExecutablePath} is missing: run scripts/install-deps.sh as root (it installs Debian's chromium)");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ExecutablePath, Args = Args });
        return (playwright, browser);
    }
}
