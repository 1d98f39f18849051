using Microsoft.Playwright;

namespace ChainMatch.Web.Tests;

/// <summary>
/// One service over the mini-seeds fixture and one chromium for every browser test: these tests only read, and
/// starting chromium per test would triple the suite's time. Each test still gets its own browser context and page.
/// </summary>
[SetUpFixture]
public sealed class WebSession
{
    public static LiveService Service { get; private set; } = null!;
    public static IBrowser Browser { get; private set; } = null!;
    static IPlaywright _playwright = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        Service = LiveService.Start(SeedFolder.Fixture("mini-seeds"));
        (_playwright, Browser) = await Chromium.LaunchAsync();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        Service.Dispose();
    }
}
