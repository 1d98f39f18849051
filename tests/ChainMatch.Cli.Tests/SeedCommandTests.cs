namespace ChainMatch.Cli.Tests;

public class SeedCommandTests
{
    SeedFolder _dir = null!;
    string Store => Path.Combine(_dir.Path, "chainmatch.db");

    [SetUp]
    public void SetUp() => _dir = SeedFolder.Empty();

    [TearDown]
    public void TearDown() => _dir.Dispose();

    [Test]
    public async Task SeedingTwiceWritesOnceThenChangesNothing()
    {
        var first = await CliRun.Of("seed", SeedFolder.Fixture("mini-seeds"), "--store", Store);
        var second = await CliRun.Of("seed", SeedFolder.Fixture("mini-seeds"), "--store", Store);
        Assert.That((first.ExitCode, second.ExitCode), Is.EqualTo((0, 0)));
        Assert.That(first.Output, Does.Contain("imported mini-seeds").And.Contain("rows written"));
        Assert.That(second.Output, Does.Contain("nothing changed"));
    }

    [Test]
    public async Task GapsReadTheSeededStore()
    {
        await CliRun.Of("seed", SeedFolder.Fixture("mini-seeds"), "--store", Store);
        var run = await CliRun.Of("gaps", "--store", Store, "--chain", "battery", "--region", "350900", "--as-of", "2024");
        Assert.That(run.ExitCode, Is.Zero, run.Error);
        Assert.That(run.Output, Does.Contain("1 present"));
    }

    [Test]
    public async Task ADryRunReportsWhatTheFolderHoldsAndWritesNothing()
    {
        var run = await CliRun.Of("seed", SeedFolder.Fixture("mini-seeds"), "--dry-run", "--store", Store);
        Assert.That(run.ExitCode, Is.Zero);
        Assert.That(run.Output, Does.Contain("valid; 2 chains, 5 segments, 4 links, 7 regions, 3 firms, 4 presences (1 unverified)"));
        Assert.That(File.Exists(Store), Is.False);
    }

    [Test]
    public async Task ABrokenFolderExitsWithOneLineNamingFileAndLine()
    {
        using var broken = SeedFolder.CopyOf("mini-seeds").AppendLine("presences.csv", "nobody,cell,350900,,,,,,,,");
        var run = await CliRun.Of("seed", broken.Path, "--store", Store);
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error.TrimEnd(), Is.EqualTo($"error: {Path.GetFileName(broken.Path)}/presences.csv:6: unknown firm 'nobody' in 'firm'"));
        Assert.That(File.Exists(Store), Is.False, "nothing is written when the folder is broken");
    }

    [Test]
    public async Task ReadingAStoreThatWasNeverSeededSaysWhatToDo()
    {
        var run = await CliRun.Of("gaps", "--store", Store, "--region", "530100");
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Does.Contain("run 'chainmatch seed' first"));
    }

    [Test]
    public async Task SeedCheckPrintsTheReportAndFailsOnABrokenRule()
    {
        var run = await CliRun.Of("seed-check", SeedFolder.Fixture("mini-seeds"));
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Output, Does.Contain("firms: 3 (1 without a source)")
            .And.Contain("Yunnan plants (county or park level): 2; with capacity 1/2 (50 %), with start year 2/2 (100 %), with both 1/2 (50 %)")
            .And.Contain("rules broken: 3").And.Contain("firm-without-source: firm foil-co").And.Contain("capacity-without-address: presence smelter-co"));
        Assert.That(run.Error.TrimEnd(), Is.EqualTo("error: mini-seeds: 3 row(s) break a seed rule (listed above)"));
    }

    [Test]
    public async Task SeedCheckPassesOnTheShippedSeeds()
    {
        var run = await CliRun.Of("seed-check", SeedFolder.RepositorySeeds());
        Assert.That(run.ExitCode, Is.Zero, run.Output + run.Error);
        Assert.That(run.Output, Does.Contain("rules broken: 0"));
    }
}
