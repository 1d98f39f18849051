namespace ChainMatch.Cli.Tests;

/// <summary>Each test gets its own store file, seeded from the mini-seeds fixture.</summary>
public abstract class SeededStoreTest
{
    protected SeedFolder Dir { get; private set; } = null!;
    protected string Store => Path.Combine(Dir.Path, "chainmatch.db");

    [SetUp]
    public async Task SeedStore()
    {
        Dir = SeedFolder.Empty();
        var seeded = await CliRun.Of("seed", SeedFolder.Fixture("mini-seeds"), "--store", Store);
        Assert.That(seeded.ExitCode, Is.Zero, seeded.Error);
    }

    [TearDown]
    public void DeleteStore() => Dir.Dispose();
}
