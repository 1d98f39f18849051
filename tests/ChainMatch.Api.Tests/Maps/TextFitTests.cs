using ChainMatch.Api.Maps;

namespace ChainMatch.Api.Tests.Maps;

public sealed class TextFitTests
{
    [Test]
    public void AShortNameStaysOnOneLine() =>
        Assert.That(TextFit.Wrap("电解铝", 136, 13, maxLines: 2), Is.EqualTo(new[] { "电解铝" }));

    [Test]
    public void LatinTextBreaksAtASpace() =>
        Assert.That(TextFit.Wrap("Battery copper foil", 110, 13, maxLines: 2), Is.EqualTo(new[] { "Battery copper", "foil" }));

    [Test]
    public void TextLeftOverAfterTheLastLineEndsInAnEllipsis()
    {
        var lines = TextFit.Wrap("磷酸铁锂正极材料磷酸铁锂正极材料磷酸铁锂正极材料", 60, 13, maxLines: 2);

        Assert.That(lines, Has.Count.EqualTo(2));
        Assert.That(lines[1], Does.EndWith("…"));
        Assert.That(lines.Max(l => TextFit.Width(l, 13)), Is.LessThanOrEqualTo(60));
    }
}
