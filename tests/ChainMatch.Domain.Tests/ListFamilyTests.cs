using ChainMatch.Domain.Graph;

namespace ChainMatch.Domain.Tests;

public class ListFamilyTests
{
    [TestCase("fortune-global-500-2024", "fortune-global-500")]
    [TestCase("china-top-500-2010", "china-top-500")]
    [TestCase("china-private-top-500-2026", "china-private-top-500")]
    public void An_editions_family_is_its_id_less_the_year(string edition, string family) =>
        Assert.That(ListFamily.Of(new ListId(edition))?.Id, Is.EqualTo(family));

    [TestCase("fortune-global-500")]
    [TestCase("fortune-global-5000-2024")]
    [TestCase("china-top-500-manufacturing-2024")]
    [TestCase("test-500-2024")]
    [TestCase("china-top-500-20x4")]
    public void An_edition_id_that_is_not_a_known_family_and_a_year_has_no_family(string edition) =>
        Assert.That(ListFamily.Of(new ListId(edition)), Is.Null);

    [Test]
    public void A_familys_edition_of_a_year_is_read_back_as_that_family() =>
        Assert.That(ListFamily.All.Select(f => ListFamily.Of(f.Edition(2024))), Is.EqualTo(ListFamily.All));

    [Test]
    public void A_family_id_is_parsed_exactly() =>
        Assert.That((ListFamily.Parse("china-top-500"), ListFamily.Parse("China-Top-500"), ListFamily.Parse("china-top")), Is.EqualTo((ListFamily.ChinaTop500, (ListFamily?)null, (ListFamily?)null)));
}
