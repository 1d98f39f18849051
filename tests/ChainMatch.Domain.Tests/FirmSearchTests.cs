using ChainMatch.Domain.Firms;
using ChainMatch.Domain.Graph;

namespace ChainMatch.Domain.Tests;

public class FirmSearchTests
{
    static Firm Firm(string id, string name, string? en = null, string? uscc = null, params string[] aliases) =>
        new(new FirmId(id), name, en, null, null, Provenance.None) { Uscc = uscc, Aliases = [.. aliases] };

    static readonly FirmSearch Search = FirmSearch.Of(
    [
        Firm("catl", "宁德时代新能源科技股份有限公司", "Contemporary Amperex Technology (CATL)", "91350900587527783P", "宁德时代", "CATL"),
        Firm("ningde-trader", "福建宁德贸易有限公司", "Ningde Trading"),
        Firm("plc-co", "某某股份公司", null, "91530300MA6K7ABPLC"),
    ]);

    static IEnumerable<(string, FirmNameField, FirmMatchKind)> Find(string q, int limit = 10) =>
        Search.Find(q, limit).Select(h => (h.Firm.Id.Value, h.Field, h.Kind));

    [Test]
    public void AnAliasNamedWholeIsAnExactMatch() =>
        Assert.That(Find("宁德时代").First(), Is.EqualTo(("catl", FirmNameField.Alias, FirmMatchKind.Exact)));

    [Test]
    public void ANameStartingWithTheTextRanksAboveOneHoldingItInside() =>
        Assert.That(Find("宁德").Select(h => h.Item1), Is.EqualTo(new[] { "catl", "ningde-trader" }));

    [Test]
    public void AFirmIsListedOnceByItsBestMatchingName() =>
        Assert.That(Find("catl"), Is.EqualTo(new[] { ("catl", FirmNameField.Alias, FirmMatchKind.Exact) }));

    [Test]
    public void FullWidthAndSpacedTextIsFoldedAsNamesAre() =>
        Assert.That(Find("ＣＯＮＴＥＭＰＯＲＡＲＹ amperex").Single(), Is.EqualTo(("catl", FirmNameField.NameEn, FirmMatchKind.Prefix)));

    [Test]
    public void ACreditCodeEndingInALegalFormsLettersIsMatchedWhole() =>
        Assert.That(Find("91530300MA6K7ABPLC").Single(), Is.EqualTo(("plc-co", FirmNameField.CreditCode, FirmMatchKind.Exact)));

    [Test]
    public void OneCharacterFindsTheNamesHoldingIt() =>
        Assert.That(Find("贸").Select(h => h.Item1), Is.EqualTo(new[] { "ningde-trader" }));

    [Test]
    public void TheLimitKeepsTheBestMatches() =>
        Assert.That(Find("宁", 1).Select(h => h.Item1), Is.EqualTo(new[] { "catl" }));

    [Test]
    public void TextWithNoLetterOrDigitFindsNothing() =>
        Assert.That(Find("（ ）"), Is.Empty);
}
