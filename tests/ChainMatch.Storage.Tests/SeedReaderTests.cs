using System.Text;
using ChainMatch.Domain.Graph;
using ChainMatch.Storage.Seeds;

namespace ChainMatch.Storage.Tests;

public class SeedReaderTests
{
    static SeedFormatException ReadFails(SeedFolder folder) =>
        Assert.Throws<SeedFormatException>(() => SeedReader.Read(folder.Path))!;

    [Test]
    public void ReadsEveryTableOfTheFixture()
    {
        var d = SeedReader.Read(SeedFolder.Fixture("mini-seeds"));
        Assert.That((d.Chains.Length, d.Segments.Length, d.Feeds.Length, d.Regions.Length, d.Firms.Length, d.Presences.Length, d.Memberships.Length),
            Is.EqualTo((2, 5, 4, 7, 3, 4, 1)));
    }

    [Test]
    public void AListWithoutAYearIsRefusedNamingTheRow()
    {
        using var folder = SeedFolder.CopyOf("mini-seeds").Replace("lists.csv", "Test,2024", "Test,");
        var e = ReadFails(folder);
        Assert.That((e.File, e.Line, e.Reason), Is.EqualTo(("lists.csv", 2, "'year' is required")));
    }

    [Test]
    public void SharedSegmentIsDefinedOnceAndBelongsToBothChains()
    {
        var d = SeedReader.Read(SeedFolder.Fixture("mini-seeds"));
        Assert.That(d.Segments.Count(s => s.Id.Value == "foil"), Is.EqualTo(1));
        Assert.That(d.Chains.Where(c => c.Segments.Contains(new SegmentId("foil"))).Select(c => c.Id.Value), Is.EqualTo(new[] { "aluminium", "battery" }));
    }

    [Test]
    public void ARowWithoutSourceIsReadAsUnverified()
    {
        var d = SeedReader.Read(SeedFolder.Fixture("mini-seeds"));
        Assert.That(d.Presences.Single(p => p.Firm.Value == "foil-co").Source.IsVerified, Is.False);
        Assert.That(d.Presences.Single(p => p.Firm.Value == "smelter-co").Source.IsVerified, Is.True);
    }

    [Test]
    public void CoefficientsKeepTheirUnitsAndEstimateFlag()
    {
        var link = SeedReader.Read(SeedFolder.Fixture("mini-seeds")).Feeds.First();
        Assert.That(link.Coefficient, Is.EqualTo(new Coefficient(2.75, "t", "t")));
        Assert.That(link.Source.Estimate, Is.True);
    }

    [Test]
    public void AnUnknownColumnIsRefusedOnTheHeaderLine()
    {
        using var folder = SeedFolder.CopyOf("mini-seeds").Replace("firms/test.csv", "ownership,", "owner,");
        var e = ReadFails(folder);
        Assert.That((e.File, e.Line), Is.EqualTo(("firms/test.csv", 1)));
        Assert.That(e.Reason, Does.Contain("unknown column 'owner'"));
    }

    [Test]
    public void APresenceInAnUnknownSegmentNamesFileAndLine()
    {
        using var folder = SeedFolder.CopyOf("mini-seeds").AppendLine("presences.csv", "cell-co,anode,350900,,,2020,,,,,");
        var e = ReadFails(folder);
        Assert.That(e.Message, Is.EqualTo("presences.csv:6: unknown segment 'anode'"));
    }

    [Test]
    public void AFirmDefinedInTwoFilesNamesBothPlaces()
    {
        using var folder = SeedFolder.CopyOf("mini-seeds")
            .Write("firms/more.csv", "id,name\nsmelter-co,又一个\n");
        var e = ReadFails(folder);
        Assert.That(e.Message, Is.EqualTo("firms/test.csv:2: firm 'smelter-co' is already defined at firms/more.csv:2"));
    }

    [Test]
    public void BrokenYamlNamesTheLine()
    {
        using var folder = SeedFolder.CopyOf("mini-seeds").Replace("chains/battery.yaml", "    name: 电芯", "    name: \"电芯");
        var e = ReadFails(folder);
        Assert.That(e.File, Is.EqualTo("chains/battery.yaml"));
        Assert.That(e.Line, Is.GreaterThanOrEqualTo(6));
        Assert.That(e.Reason, Does.StartWith("not valid YAML"));
    }

    [Test]
    public void AnUnclosedListIsASeedErrorNotACrash()
    {
        using var folder = SeedFolder.CopyOf("mini-seeds").Replace("chains/battery.yaml", "    stage: downstream", "    stage: [downstream");
        var e = ReadFails(folder);
        Assert.That(e.File, Is.EqualTo("chains/battery.yaml"));
        Assert.That(e.Reason, Does.StartWith("not valid YAML"));
    }

    [Test]
    public void AnUnknownYamlKeyNamesItsLine()
    {
        using var folder = SeedFolder.CopyOf("mini-seeds").Replace("chains/battery.yaml", "    valueTier: 5", "    valueTier: 5\n    tier: 5");
        Assert.That(ReadFails(folder).Message, Does.StartWith("chains/battery.yaml:11: unknown key 'tier'"));
    }

    [Test]
    public void AnUnknownStageIsRefusedWithTheAllowedValues()
    {
        using var folder = SeedFolder.CopyOf("mini-seeds").Replace("chains/battery.yaml", "stage: downstream", "stage: down");
        Assert.That(ReadFails(folder).Reason, Does.Contain("upstream, midstream, downstream or application"));
    }

    [Test]
    public void ALinkWrittenTwiceIsRefused()
    {
        using var folder = SeedFolder.CopyOf("mini-seeds").Replace("chains/battery.yaml", "feeds:\n", "feeds:\n  - from: smelting\n    to: foil\n");
        Assert.That(ReadFails(folder).Reason, Does.Contain("link smelting -> foil is already written at chains/aluminium.yaml"));
    }

    [TestCase("smelter-co,smelting,530181,350000,,2012,,,,,", "capacity and unit go together")]
    [TestCase("smelter-co,smelting,530181,lots,t/yr,2012,,,,,", "'capacity' must be a finite number between -1e15 and 1e15, not 'lots'")]
    [TestCase("smelter-co,smelting,530181,,,2020,2019,,,,", "until (2019) must be after since (2020)")]
    [TestCase("smelter-co,smelting,999999,,,2020,,,,,", "unknown region '999999'")]
    [TestCase("smelter-co,smelting,530181,,,2020,,,,,maybe", "'estimate' must be true, false or empty")]
    public void ABadPresenceRowSaysWhatIsWrong(string row, string reason)
    {
        using var folder = SeedFolder.CopyOf("mini-seeds").AppendLine("presences.csv", row);
        var e = ReadFails(folder);
        Assert.That((e.File, e.Line), Is.EqualTo(("presences.csv", 6)));
        Assert.That(e.Reason, Does.Contain(reason));
    }

    [Test]
    public void AParkMustSitUnderTheCountyItsCodeNames()
    {
        using var folder = SeedFolder.CopyOf("mini-seeds").AppendLine("regions.csv", "530181-other-park,别的园区,,park,530100,,,,");
        Assert.That(ReadFails(folder).Reason, Does.Contain("must have its county 530181 as parent"));
    }

    [Test]
    public void ARegionsSeatIsReadFromItsLatitudeAndLongitude() =>
        Assert.That(SeedReader.Read(SeedFolder.Fixture("mini-seeds")).Regions.Single(r => r.Code.Value == "530300").Seat, Is.EqualTo(new GeoPoint(25.49, 103.80)));

    [Test]
    public void ALatitudeWithoutALongitudeIsRefused()
    {
        using var folder = SeedFolder.CopyOf("mini-seeds").AppendLine("regions.csv", "530381,宣威市,,county,530300,,,26.22,");
        Assert.That(ReadFails(folder).Reason, Is.EqualTo("'latitude' and 'longitude' go together"));
    }

    [Test]
    public void ALatitudeBeyondThePoleIsRefused()
    {
        using var folder = SeedFolder.CopyOf("mini-seeds").AppendLine("regions.csv", "530381,宣威市,,county,530300,,,126.2,104.1");
        Assert.That(ReadFails(folder).Reason, Is.EqualTo("'latitude' must be between -90 and 90, not 126.2"));
    }

    [Test]
    public void AUtf8ByteOrderMarkIsAccepted()
    {
        using var folder = SeedFolder.CopyOf("mini-seeds");
        var path = Path.Combine(folder.Path, "lists.csv");
        File.WriteAllText(path, File.ReadAllText(path), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        Assert.That(SeedReader.Read(folder.Path).Lists.Single().Id.Value, Is.EqualTo("test-500-2024"));
    }

    [Test]
    public void AProjectHistoryThatBreaksTheLifecycleNamesItsFileAndLine()
    {
        using var folder = SeedFolder.CopyOf("mini-seeds").Replace("project-stages.csv", "foil-for-kunming,signed,2024-01-15", "foil-for-kunming,in-production,2024-01-15");
        var e = ReadFails(folder);
        Assert.That(e.File, Is.EqualTo("project-stages.csv"));
        Assert.That(e.Reason, Is.EqualTo("project foil-for-kunming cannot go from negotiating to in-production: next can be signed, lost"));
    }

    [Test]
    public void AStageForAnUnknownProjectIsRefused()
    {
        using var folder = SeedFolder.CopyOf("mini-seeds").AppendLine("project-stages.csv", "nobody,lead,2024-01-01,,,");
        Assert.That(ReadFails(folder).Message, Is.EqualTo("project-stages.csv:6: unknown project 'nobody'"));
    }
}
