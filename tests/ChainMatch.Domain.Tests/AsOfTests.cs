namespace ChainMatch.Domain.Tests;

public class AsOfTests
{
    [TestCase("2021", 2021, 12, 31)]
    [TestCase("2021-06-30", 2021, 6, 30)]
    public void ReadsAYearAsItsLastDayAndADateAsItself(string text, int y, int m, int d)
    {
        Assert.That(AsOf.TryParse(text, out var date), Is.True);
        Assert.That(date, Is.EqualTo(new DateOnly(y, m, d)));
    }

    [TestCase("21")]
    [TestCase("2021-13-01")]
    [TestCase("June 2021")]
    [TestCase("")]
    public void RefusesAnythingElse(string text) => Assert.That(AsOf.TryParse(text, out _), Is.False);
}
