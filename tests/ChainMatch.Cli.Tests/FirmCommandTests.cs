namespace ChainMatch.Cli.Tests;

public class FirmCommandTests : SeededStoreTest
{
    [Test]
    public async Task AFirmAndItsPresenceAreWrittenAndShowInTheStatusMap()
    {
        var set = await CliRun.Of("firm", "set", "alumina-co", "--name", "氧化铝公司", "--hq", "530181", "--alias", "氧化铝", "--store", Store);
        var add = await CliRun.Of("firm", "add-presence", "alumina-co", "--segment", "alumina", "--region", "530181", "--capacity", "1000000", "--unit", "t/yr",
            "--since", "2020", "--source-publisher", "test", "--store", Store);
        Assert.That((set.ExitCode, add.ExitCode), Is.EqualTo((0, 0)), set.Error + add.Error);
        var map = await CliRun.Of("gaps", "--chain", "aluminium", "--region", "530100", "--as-of", "2024", "--store", Store);
        Assert.That(map.Output.Split('\n').Single(l => l.Contains(" alumina ")), Does.Contain("present"));
    }

    [TestCase("firm", "add-presence", "smelter-co", "--segment", "alumina", "--region", "530181", "--unit", "t/yr", "--capacity", "1e400")]
    [TestCase("firm", "add-presence", "smelter-co", "--segment", "alumina", "--region", "530181", "--unit", "t/yr", "--capacity", "-5")]
    [TestCase("firm", "add-presence", "smelter-co", "--segment", "alumina", "--region", "530181", "--unit", "t/yr", "--capacity", "NaN")]
    [TestCase("targets", "--region", "530100", "--min-revenue", "Infinity")]
    public async Task ANumberArgumentOutOfRangeIsAUsageErrorOfOneLineAndWritesNothing(params string[] args)
    {
        var before = StoreDigest.Of(Store);
        var run = await CliRun.Of([.. args, "--store", Store]);
        Assert.That(run.ExitCode, Is.EqualTo(2), run.Output);
        Assert.That(run.Error.TrimEnd().Split('\n'), Has.Length.EqualTo(1).And.One.Contains("must be a finite number between -1e15 and 1e15"), run.Error);
        Assert.That(StoreDigest.Of(Store), Is.EqualTo(before));
    }

    [Test]
    public async Task AnUnknownSegmentIsRefusedNamingItAndNothingIsWritten()
    {
        var run = await CliRun.Of("firm", "add-presence", "smelter-co", "--segment", "anode", "--region", "530181", "--store", Store);
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error.TrimEnd(), Is.EqualTo("error: presence of smelter-co in anode at 530181: segment: unknown segment 'anode'"));
    }

    [Test]
    public async Task ACorrectionFromTheCommandLineIsAuditedWithTheFirmBeforeAndAfter()
    {
        var run = await CliRun.Of("firm", "set", "foil-co", "--name", "铝箔股份公司", "--hq", "530100", "--store", Store);
        Assert.That(run.ExitCode, Is.Zero, run.Error);
        var access = await TestAccess.OpenAsync(Dir.Path);
        var entry = (await access.QueryAuditAsync(new Storage.Access.AuditQuery(Target: "firm:foil-co"))).Single();
        Assert.That(entry.Actor, Is.EqualTo($"cli:{Environment.UserName}"));
        Assert.That(entry.Action, Is.EqualTo("firm set"));
        Assert.That((string?)System.Text.Json.Nodes.JsonNode.Parse(entry.Before!)!["name"], Is.EqualTo("铝箔公司"));
        Assert.That((string?)System.Text.Json.Nodes.JsonNode.Parse(entry.After!)!["name"], Is.EqualTo("铝箔股份公司"));
    }

    [Test]
    public async Task ARefusedCorrectionIsNotAudited()
    {
        await CliRun.Of("firm", "add-presence", "smelter-co", "--segment", "anode", "--region", "530181", "--store", Store);
        var access = await TestAccess.OpenAsync(Dir.Path);
        Assert.That((await access.QueryAuditAsync(new Storage.Access.AuditQuery(Target: "firm:"))), Is.Empty);
    }

    [Test]
    public async Task SettingAFirmKeepsTheGroupItBelongsTo()
    {
        using var seeds = SeedFolder.CopyOf("mini-seeds")
            .Write("groups.csv", "firm,parent,source_publisher,source_ref\nfoil-co,smelter-co,Test,https://example.org/group\n");
        var store = Path.Combine(seeds.Path, "grouped.db");
        Assert.That((await CliRun.Of("seed", seeds.Path, "--store", store)).ExitCode, Is.Zero);

        var set = await CliRun.Of("firm", "set", "foil-co", "--name", "铝箔股份公司", "--hq", "530100", "--store", store);
        Assert.That(set.ExitCode, Is.Zero, set.Error);

        using var opened = Storage.Sqlite.SqliteGraphStore.OpenFile(store);
        var foil = (await opened.LoadAsync()).Firms.Single(f => f.Id.Value == "foil-co");
        Assert.That((foil.Name, foil.Group?.Parent.Value), Is.EqualTo(("铝箔股份公司", "smelter-co")));
    }
}
