using ChainMatch.Domain.Firms;
using ChainMatch.Domain.Graph;

namespace ChainMatch.Domain.Tests;

public class FirmMatchingTests
{
    static Firm Firm(string id, string name, string? en = null, string? uscc = null, params string[] aliases) =>
        new(new FirmId(id), name, en, null, null, Provenance.None) { Uscc = uscc, Aliases = [.. aliases] };

    static readonly FirmMatcher Matcher = new([
        Firm("catl", "宁德时代新能源科技股份有限公司", "Contemporary Amperex Technology Co., Limited", "91350900587527783P", "宁德时代", "CATL"),
        Firm("yuntianhua-group", "云天化集团有限责任公司", "Yuntianhua Group"),
        Firm("yuntianhua", "云南云天化股份有限公司", "Yunnan Yuntianhua Co., Ltd.", null, "云天化"),
        Firm("twin-a", "华能新材料有限公司"),
        Firm("twin-b", "华能新材料股份有限公司"),
    ]);

    [TestCase("宁德时代新能源科技股份有限公司", "宁德时代新能源科技")]
    [TestCase("宁德时代新能源科技 股份有限公司（筹）", "宁德时代新能源科技")]
    [TestCase("ＣＡＴＬ", "catl")]
    [TestCase("Yunnan Yuntianhua Co., Ltd.", "yunnanyuntianhua")]
    public void NamesAreFoldedToTheirDistinctivePart(string name, string key) => Assert.That(FirmNames.Normalize(name), Is.EqualTo(key));

    [Test]
    public void AGroupAndItsListedCompanyStayDifferentFirms() =>
        Assert.That(FirmNames.Normalize("云天化集团有限责任公司"), Is.Not.EqualTo(FirmNames.Normalize("云南云天化股份有限公司")));

    [TestCase("宁德时代", null, null, "catl", "name")]
    [TestCase("CATL", null, null, "catl", "name")]
    [TestCase("某某公司", null, "91350900587527783P", "catl", "unified social credit code")]
    [TestCase("云天化", null, null, "yuntianhua", "name")]
    [TestCase("Yuntianhua Group Co., Ltd.", null, null, "yuntianhua-group", "name")]
    public void AFirmIsFoundByCodeNameEnglishNameOrAlias(string name, string? en, string? uscc, string firm, string how)
    {
        var match = Matcher.Match(name, en, uscc);
        Assert.That((match.Kind, match.Firm?.Value, match.How), Is.EqualTo((MatchKind.Matched, firm, how)));
    }

    [Test]
    public void TwoFirmsWithTheSameDistinctiveNameAreAmbiguousNotGuessed()
    {
        var match = Matcher.Match("华能新材料有限责任公司");
        Assert.That(match.Kind, Is.EqualTo(MatchKind.Ambiguous));
        Assert.That(match.Firms.Select(f => f.Value), Is.EquivalentTo(new[] { "twin-a", "twin-b" }));
    }

    [Test]
    public void AnUnknownNameIsUnmatched() => Assert.That(Matcher.Match("比亚迪股份有限公司").Kind, Is.EqualTo(MatchKind.Unmatched));
}
