using Microsoft.Playwright;

namespace ChainMatch.Web.Tests;

/// <summary>A fresh browser context and page per test, with page errors collected so a broken script fails the test.</summary>
public abstract class BrowserTest
{
    IBrowserContext _context = null!;
    readonly List<string> _pageErrors = [];

    protected IPage Page { get; private set; } = null!;

    protected static Uri Base => WebSession.Service.BaseAddress;

    /// <summary>The key the page calls with: admin by default; null for a browser that must sign in itself.</summary>
    protected virtual string? Key => WebSession.Service.AdminKey;

    [SetUp]
    public async Task OpenPage()
    {
        _pageErrors.Clear();
        _context = await WebSession.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
            // Every request the page makes carries the admin key; LoginPageTests signs in through the form instead.
            ExtraHTTPHeaders = Key is null ? null : new Dictionary<string, string> { ["X-Api-Key"] = Key },
        });
        // Waits, not speed checks (speed lives in make bench): on a shared machine at a load average of 15–90 on 2 cores a
        // page has taken over 10 s to settle, so actions and expectations wait up to 30 s before calling it a failure.
        _context.SetDefaultTimeout(30_000);
        Assertions.SetDefaultExpectTimeout(30_000);
        Page = await _context.NewPageAsync();
        Page.PageError += (_, error) => _pageErrors.Add(error);
    }

    [TearDown]
    public async Task ClosePage()
    {
        await _context.DisposeAsync();
        Assert.That(_pageErrors, Is.Empty, "uncaught errors in the page's scripts");
    }

    /// <summary>Opens the UI at a view named in the hash, e.g. "region=530100&amp;chain=aluminium".</summary>
    protected async Task Open(string hash) => await Page.GotoAsync(new Uri(Base, "/#" + hash).ToString());

    protected ILocator Segment(string id) => Page.Locator($"svg.status-map g.segment[data-segment='{id}']");
}
