namespace ChainMatch.Cli.Tests;

public class TrainCommandTests
{
    string _dir = null!;

    [SetUp]
    public void MakeFolder() => Directory.CreateDirectory(_dir = Path.Combine(Path.GetTempPath(), $"chainmatch-train-{Guid.NewGuid():N}"));

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_dir, recursive: true);

    [Test]
    public async Task TrainingWithARealListImportsItThroughTheListImporterAndTheCardSaysSo()
    {
        var list = SharedLists.PathOf(SharedLists.Fortune2024);
        var model = Path.Combine(_dir, "model.zip");
        var run = await CliRun.Of("train", "--data", SeedFolder.RepositorySeeds(), "--as-of", "2025-12-31", "--trainer", "LightGbm", "--trees", "10",
            "--with-list", $"fortune-global-500:2024:{list}", "--model", model);
        Assert.That(run.ExitCode, Is.Zero, run.Error);
        var card = await File.ReadAllTextAsync(Path.ChangeExtension(model, ".md"));
        Assert.That(card, Does.Match(@"with `fortune-global-500-2024` \(500 rows: \d+ matched, \d+ created\) imported: \d+ firms"));
    }

    [Test]
    public async Task DatedArrivalsAddQueriesPosedTheYearBeforeAndTheCardSaysHowManyUnlessTurnedOff()
    {
        async Task<(string Output, string Card)> Train(params string[] extra)
        {
            var model = Path.Combine(_dir, $"m{extra.Length}.zip");
            var run = await CliRun.Of(["train", "--data", SeedFolder.RepositorySeeds(), "--as-of", "2025-12-31", "--trainer", "LightGbm", "--trees", "10", "--model", model, .. extra]);
            Assert.That(run.ExitCode, Is.Zero, run.Error);
            return (run.Output, await File.ReadAllTextAsync(Path.ChangeExtension(model, ".md")));
        }
        static int Queries(string output) => int.Parse(System.Text.RegularExpressions.Regex.Match(output, @"trained on (\d+) queries").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        var (plain, plainCard) = await Train("--dated-arrivals", "false");
        var (dated, datedCard) = await Train();
        Assert.That(Queries(dated), Is.GreaterThan(Queries(plain)));
        Assert.That(plainCard, Does.Not.Contain("Labels posed in time"));
        Assert.That(datedCard, Does.Match(@"Labels posed in time: each of the \d+ arrivals with a known first year .* \d+ were reachable"));
    }

    [Test]
    public async Task AListIsImportedIntoAnInMemoryGraphOnly()
    {
        var run = await CliRun.Of("train", "--store", Path.Combine(_dir, "none.db"), "--with-list", "fortune-global-500:2024:x.csv", "--model", Path.Combine(_dir, "m.zip"));
        Assert.That((run.ExitCode, run.Error.Trim()), Is.EqualTo((2, "error: --with-list needs --data: lists are imported into an in-memory graph only")));
    }

    [Test]
    public async Task AListNamedWithoutFamilyAndYearIsRefused()
    {
        var run = await CliRun.Of("train", "--data", SeedFolder.Fixture("mini-seeds"), "--with-list", "fortune-2024.csv", "--model", Path.Combine(_dir, "m.zip"));
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("--with-list 'fortune-2024.csv' is not FAMILY:YEAR:FILE"));
        Assert.That(File.Exists(Path.Combine(_dir, "m.zip")), Is.False);
    }

    [TestCase("--leaves", "64", "--leaves must be from 2 to 32, not 64")]
    [TestCase("--leaves", "1", "--leaves must be from 2 to 32, not 1")]
    [TestCase("--trees", "0", "--trees must be from 1 to 10000, not 0")]
    [TestCase("--min-per-leaf", "-3", "--min-per-leaf must be from 1 to 1000000, not -3")]
    public async Task ASettingTheServingScorerCannotTakeIsRefusedBeforeTraining(string option, string value, string message)
    {
        var model = Path.Combine(_dir, "m.zip");
        var run = await CliRun.Of("train", "--data", SeedFolder.Fixture("mini-seeds"), option, value, "--model", model);
        Assert.That(run.ExitCode, Is.EqualTo(2), run.Output);
        Assert.That(run.Error, Does.Contain(message));
        Assert.That(File.Exists(model), Is.False);
    }
}
