using ChainMatch.Domain.Firms;
using ChainMatch.Domain.Graph;

namespace ChainMatch.Domain.Tests;

public class RevenuesTests
{
    static FirmList Edition(string id, int year) => new(new ListId(id), id, id, "test", year);

    [Test]
    public void DollarMillionsAreConvertedAtTheAverageRateOfTheYearTheEditionRanks() =>
        // 2024 edition ranks 2023: 50,000 × 0.01 × 7.0467
        Assert.That(Revenues.InYi(Edition("fortune-global-500-2024", 2024), 50_000), Is.EqualTo(3523.35).Within(1e-9));

    [Test]
    public void TenThousandYuanNeedNoRate() =>
        Assert.That(Revenues.InYi(Edition("china-private-top-500-2010", 2010), 1_234_567), Is.EqualTo(123.4567).Within(1e-9));

    [Test]
    public void ADollarFigureFromAYearWithoutARateOrAnUnknownListIsNotConverted() =>
        Assert.That((Revenues.InYi(Edition("fortune-global-500-2010", 2010), 1), Revenues.InYi(Edition("test-500-2024", 2024), 1)), Is.EqualTo(((double?)null, (double?)null)));

    [Test]
    public void TheLatestEditionUpToTheYearGivesTheFirmsRevenue()
    {
        var graph = new ChainGraphBuilder().Chain("c", "s").Firm("a", @in: "s", at: "530100")
            .Listed("a", "china-top-500-2022", year: 2022, revenue: 1_000_000)
            .Listed("a", "china-top-500-2023", year: 2023, revenue: 2_000_000)
            .Listed("a", "china-top-500-2024", year: 2024, revenue: null)
            .Build();
        Assert.That((Revenues.Latest(graph, new FirmId("a"), 2022), Revenues.Latest(graph, new FirmId("a"), 2025), Revenues.Latest(graph, new FirmId("a"), 2021)),
            Is.EqualTo(((double?)100, (double?)200, (double?)null)));
    }
}
