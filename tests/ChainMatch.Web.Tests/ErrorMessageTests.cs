namespace ChainMatch.Web.Tests;

/// <summary>Problems the API reports reach the user as readable messages, never as a silent blank.</summary>
public sealed class ErrorMessageTests : BrowserTest
{
    [Test]
    public async Task AnUnknownChainInTheAddressIsShownAsTheServicesProblem()
    {
        await Open("region=530100&chain=no-such-chain");

        var problem = Page.Locator("#messages .problem");
        await Assertions.Expect(problem).ToContainTextAsync("HTTP 404");
        await Assertions.Expect(problem).ToContainTextAsync("chain 'no-such-chain' not found");
    }

    [Test]
    public async Task AMalformedDateNamesTheParameterAndWhatIsWrong()
    {
        await Open("region=530100&chain=aluminium&asOf=20x");

        var problem = Page.Locator("#messages .problem");
        await Assertions.Expect(problem).ToContainTextAsync("HTTP 400");
        await Assertions.Expect(problem.Locator("li")).ToContainTextAsync("asOf: '20x' is not a date");
    }

    [Test]
    public async Task AnUnreachableServiceIsReportedAsSuch()
    {
        await Page.RouteAsync("**/api/regions/530100/gaps*", route => route.AbortAsync("connectionrefused"));
        await Open("region=530100&chain=aluminium&tab=gaps");

        await Assertions.Expect(Page.Locator("#messages .problem")).ToContainTextAsync("无法连接服务");
    }
}
