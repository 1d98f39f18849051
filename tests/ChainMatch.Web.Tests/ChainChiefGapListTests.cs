using ChainMatch.Domain.Access;

namespace ChainMatch.Web.Tests;

/// <summary>A chain chief's gap list names every chain a gap lies on, the chief's own and the others.</summary>
public sealed class ChainChiefGapListTests : BrowserTest
{
    static readonly Lazy<string> BatteryChief = new(() => WebSession.Service.CreateKey(Role.ChainChief, "530300", "battery"));

    protected override string? Key => BatteryChief.Value;

    [Test]
    public async Task AGapOnAnotherChainToo_IsNamedByTheChainsNameNotItsId()
    {
        await Open("region=530300&chain=battery&asOf=2024&tab=gaps");
        var foil = Page.Locator("tr.gap-row[data-segment=foil] td").Nth(3);
        await foil.WaitForAsync();

        var text = await foil.TextContentAsync();
        Assert.That(text, Does.Contain("铝"));
        Assert.That(text, Does.Not.Contain("aluminium").And.Not.Contain("battery"));
    }
}
