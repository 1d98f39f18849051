using ChainMatch.Domain.Access;

namespace ChainMatch.Web.Tests;

/// <summary>A browser with no key: the login page, then a UI bounded by the key's role and region.</summary>
public sealed class LoginPageTests : BrowserTest
{
    protected override string? Key => null;

    async Task SignIn(string key)
    {
        await Page.GotoAsync(new Uri(Base, "/").ToString());
        await Page.WaitForURLAsync("**/login.html");
        await Page.FillAsync("#api-key", key);
        await Page.ClickAsync("#login-form button[type=submit]");
    }

    [Test]
    public async Task A_Kunming_planner_signs_in_on_the_dashboard_and_sees_Kunming_with_simulation_but_no_project_library()
    {
        await SignIn(WebSession.Service.CreateKey(Role.Planner, "530100"));
        // A prefecture's leaders open on the dashboard; the map is one link away.
        await Page.WaitForURLAsync("**/dashboard");
        await Page.GotoAsync(new Uri(Base, "/").ToString());
        var tree = Page.Locator("#region-tree button.region");
        await tree.First.WaitForAsync();

        var codes = await Page.Locator("#region-tree button.region .code").AllTextContentsAsync();
        Assert.That(codes, Does.Contain("530100").And.Contain("530181"));
        Assert.That(codes, Does.Not.Contain("530300").And.Not.Contain("530000"), "Qujing and the province are outside the key's scope");
        Assert.That(await Page.Locator("[data-tab=simulation]").IsVisibleAsync(), Is.True);
        Assert.That(await Page.Locator("[data-tab=pipeline]").IsVisibleAsync(), Is.False);
        Assert.That(await Page.Locator("#who-name").TextContentAsync(), Does.Contain(Role.Planner.Label.Zh), "the role as the API labels it");

        // Listen for the navigation before the click starts it, so a fast one cannot slip past.
        var signedOut = Page.WaitForURLAsync("**/login.html", new PageWaitForURLOptions { Timeout = 30_000 });
        await Page.ClickAsync("#sign-out");
        await signedOut;
        var me = await Page.APIRequest.GetAsync(new Uri(Base, "/api/me").ToString());
        Assert.That(me.Status, Is.EqualTo(401), "signed out");
    }

    [Test]
    public async Task A_wrong_key_is_refused_with_the_reason_on_the_page()
    {
        await SignIn("cmk_000000000000_not-a-key");
        var error = Page.Locator("#login-error");
        await error.WaitForAsync();
        Assert.That(await error.TextContentAsync(), Is.EqualTo("the API key is unknown or revoked"));
        Assert.That(Page.Url, Does.EndWith("/login.html"));
    }

    [Test]
    public async Task A_chain_chief_sees_the_gaps_and_targets_of_their_chain_without_errors()
    {
        await SignIn(WebSession.Service.CreateKey(Role.ChainChief, "530000", "aluminium"));
        await Page.WaitForURLAsync(url => !url.EndsWith("/login.html", StringComparison.Ordinal));
        await Page.GotoAsync(new Uri(Base, "/#region=530100&chain=aluminium&asOf=2024&tab=gaps").ToString());
        var rows = Page.Locator("#tab-gaps tr.gap-row");
        await rows.First.WaitForAsync();
        var chains = await Page.Locator("#tab-gaps tr.gap-row td:nth-child(4)").AllTextContentsAsync();
        Assert.That(chains, Has.All.Contains("铝"), "only aluminium gaps");

        await Page.ClickAsync("[data-tab=targets]");
        await Page.Locator("#tab-targets table.targets").WaitForAsync();
        var options = await Page.Locator("#tab-targets select[name=chain] option").AllTextContentsAsync();
        Assert.That(options, Has.Count.EqualTo(1), "no 'all chains' for a chain chief");
        Assert.That(await Page.Locator("[data-tab=pipeline]").IsVisibleAsync(), Is.False);
        Assert.That(await Page.Locator("#messages").TextContentAsync(), Is.Empty, "no refused request on the way");
    }

    [Test]
    public async Task A_county_key_signs_in_on_the_map()
    {
        await SignIn(WebSession.Service.CreateKey(Role.Investment, "530181"));
        await Page.WaitForURLAsync(url => !url.EndsWith("/login.html", StringComparison.Ordinal));
        await Page.Locator("#region-tree button.region").First.WaitForAsync();
        Assert.That(new Uri(Page.Url).AbsolutePath, Is.EqualTo("/"));
    }
}
